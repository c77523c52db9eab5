/** After submitting: the district's real opportunity by segment, the top three highlighted, with a table twin. */
import { TOP_SEGMENTS, type DistrictTrade } from '../../../domain/district-codes';
import type { SegmentStats } from '../../../domain/district';
import type { T } from '../../../i18n/format';
import ChartCanvas from '../../charts/ChartCanvas';
import { highlightRowsConfig } from '../../charts/configs/district-charts';
import { pc } from './DistrictOverview';

export default function DistrictDebrief({ t, stats, chosen }: { t: T; stats: SegmentStats[]; chosen: DistrictTrade[] }) {
	const ranked = [...stats].sort((a, b) => a.rank - b.rank);
	const name = (s: SegmentStats) => t(`districtTrade.${s.trade}`);
	const mark = t('sim.district-research.debrief.chosenMark');
	return (
		<div class="dr-debrief">
			<h4>{t('sim.district-research.debrief.title')}</h4>
			<p class="meta">{t('sim.district-research.debrief.note')}</p>
			<ChartCanvas
				config={highlightRowsConfig(
					ranked.map((s) => (chosen.includes(s.trade) ? [`${s.rank}. ${name(s)}`, mark] : `${s.rank}. ${name(s)}`)),
					ranked.map((s) => s.opportunityWan),
					ranked.map((s) => s.rank <= TOP_SEGMENTS),
					t('sim.district-research.axis.opportunity'),
				)}
				label={t('sim.district-research.debrief.chart')}
				summary={t('sim.district-research.debrief.summary', {
					parts: ranked
						.slice(0, TOP_SEGMENTS)
						.map((s) => t('sim.district-research.debrief.part', { name: name(s), opp: s.opportunityWan }))
						.join(t('sim.district-research.listSep')),
				})}
				table={{
					caption: t('sim.district-research.debrief.chart'),
					columns: [
						t('sim.district-research.debrief.rank'),
						t('sim.district-research.col.segment'),
						t('sim.district-research.axis.opportunity'),
						t('sim.district-research.col.coverage'),
						t('sim.district-research.debrief.risk'),
						t('sim.district-research.debrief.chosen'),
					],
					rows: ranked.map((s) => [s.rank, name(s), s.opportunityWan, pc(s.coverage), pc(s.riskAvg), chosen.includes(s.trade) ? '✓' : '']),
				}}
				size="chart-lg"
			/>
		</div>
	);
}
