/**
 * What the learner studies before deciding: the district's facts, the summary table by segment (the
 * lesson's 摸底结果 table), three charts with table twins, the competitor products' five elements and
 * the full register (collapsed; its rows come with the generator, fetched when the learner opens it
 * on the default district, whose statistics were computed at build).
 */
import { AGE_BANDS, BANK_RELATIONS, COMPETITOR_SPECS } from '../../../domain/district-codes';
import type { DistrictBusiness, DistrictView, SegmentStats } from '../../../domain/district';
import type { T } from '../../../i18n/format';
import ChartCanvas from '../../charts/ChartCanvas';
import { highlightRowsConfig, stackedRowsConfig } from '../../charts/configs/district-charts';
import { colour } from '../../charts/configs/palette';
import LoadStatus from '../LoadStatus';

interface Props {
	t: T;
	view: DistrictView;
	/** The register's businesses; null until the generator is fetched. */
	register: DistrictBusiness[] | null;
	/** Fetching the generator (for the register): loading or failed. */
	registerLoad: 'idle' | 'loading' | 'failed';
	/** Opening the register: fetch the generator (again, after a failed download). */
	onRegister: () => void;
}

/** A fraction as a whole-number percentage. */
export const pc = (x: number): string => `${Math.round(x * 100)}%`;
const n1 = (x: number): string => `${Math.round(x * 10) / 10}`;

export default function DistrictOverview({ t, view, register, registerLoad, onRegister }: Props) {
	const { stats, ages, totals, presence } = view;
	const district = view;
	const tn = (s: SegmentStats) => t(`districtTrade.${s.trade}`);
	const byCount = [...stats].sort((a, b) => b.count - a.count);
	const biggest = byCount.slice(0, 3);
	const relColours = [colour(2), colour(1), colour(7)];
	const sizeable = ages.filter((r) => AGE_BANDS.reduce((s, k) => s + r.counts[k], 0) >= 10);
	const youngest = [...(sizeable.length > 0 ? sizeable : ages)].sort((a, b) => {
		const share = (r: (typeof ages)[number]) => (r.counts['under-35'] + r.counts['35-44']) / Math.max(1, AGE_BANDS.reduce((s, k) => s + r.counts[k], 0));
		return share(b) - share(a);
	})[0];
	const needOrder = [...stats].sort((a, b) => b.uncoveredNeedWan - a.uncoveredNeedWan);
	return (
		<div class="dr-overview">
			<ul class="dr-facts">
				<li>{t('sim.district-research.fact.kind', { kind: t(`districtKind.${district.kind}`) })}</li>
				<li>{t('sim.district-research.fact.count', { count: totals.count, segments: stats.length, ours: totals.ours, coverage: pc(totals.coverage), competitor: totals.competitor, none: totals.none })}</li>
				<li>{t(district.anchor ? 'sim.district-research.fact.anchorYes' : 'sim.district-research.fact.anchorNo')}</li>
				<li>{t(district.association ? 'sim.district-research.fact.associationYes' : 'sim.district-research.fact.associationNo')}</li>
			</ul>

			<h4>{t('sim.district-research.tableTitle')}</h4>
			<div class="dr-scroll" tabIndex={0} role="region" aria-label={t('sim.district-research.tableTitle')}>
				<table class="dr-table">
					<caption class="visually-hidden">{t('sim.district-research.tableTitle')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('sim.district-research.col.segment')}</th>
							<th scope="col">{t('sim.district-research.col.count')}</th>
							<th scope="col">{t('sim.district-research.col.share')}</th>
							<th scope="col">{t('sim.district-research.col.young')}</th>
							<th scope="col">{t('sim.district-research.col.ours')}</th>
							<th scope="col">{t('sim.district-research.col.competitor')}</th>
							<th scope="col">{t('sim.district-research.col.none')}</th>
							<th scope="col">{t('sim.district-research.col.coverage')}</th>
							<th scope="col">{t('sim.district-research.col.need')}</th>
							<th scope="col">{t('sim.district-research.col.new')}</th>
							<th scope="col">{t('sim.district-research.col.staff')}</th>
							<th scope="col">{t('sim.district-research.col.firms')}</th>
							<th scope="col">{t('sim.district-research.col.open')}</th>
						</tr>
					</thead>
					<tbody>
						{stats.map((s) => (
							<tr key={s.trade}>
								<th scope="row">
									{tn(s)}
									<span class="dr-type">{t(`districtType.${s.type}`)}</span>
								</th>
								<td>{s.count}</td>
								<td>{pc(s.share)}</td>
								<td>{pc(s.youngOwners)}</td>
								<td>{s.ours}</td>
								<td>{s.competitor}</td>
								<td>{s.none}</td>
								<td>{pc(s.coverage)}</td>
								<td>{n1(s.uncoveredNeedWan)}</td>
								<td>{pc(s.newShare)}</td>
								<td>{n1(s.avgStaff)}</td>
								<td>{pc(s.firmShare)}</td>
								<td>{pc(s.openCollection)}</td>
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row">{t('sim.district-research.col.total')}</th>
							<td>{totals.count}</td>
							<td>100%</td>
							<td />
							<td>{totals.ours}</td>
							<td>{totals.competitor}</td>
							<td>{totals.none}</td>
							<td>{pc(totals.coverage)}</td>
							<td>{n1(stats.reduce((a, s) => a + s.uncoveredNeedWan, 0))}</td>
							<td colSpan={4} />
						</tr>
					</tfoot>
				</table>
			</div>
			<p class="meta">{t('sim.district-research.tableNote')}</p>

			<div class="dr-charts">
				<ChartCanvas
					config={stackedRowsConfig(
						stats.map(tn),
						BANK_RELATIONS.map((r) => ({ label: t(`districtBank.${r}`), data: stats.map((s) => s[r]) })),
						t('sim.district-research.axis.count'),
						relColours,
					)}
					label={t('sim.district-research.chart.mix')}
					summary={t('sim.district-research.chart.mixSummary', {
						parts: biggest.map((s) => t('sim.district-research.chart.mixPart', { name: tn(s), count: s.count, coverage: pc(s.coverage) })).join(t('sim.district-research.listSep')),
						coverage: pc(totals.coverage),
					})}
					table={{
						caption: t('sim.district-research.chart.mix'),
						columns: [t('sim.district-research.col.segment'), ...BANK_RELATIONS.map((r) => t(`districtBank.${r}`)), t('sim.district-research.col.coverage')],
						rows: stats.map((s) => [tn(s), s.ours, s.competitor, s.none, pc(s.coverage)]),
					}}
					size="chart-lg"
				/>
				<ChartCanvas
					config={stackedRowsConfig(
						ages.map((r) => t(`districtType.${r.type}`)),
						AGE_BANDS.map((a) => ({ label: t(`districtAge.${a}`), data: ages.map((r) => r.counts[a]) })),
						t('sim.district-research.axis.count'),
					)}
					label={t('sim.district-research.chart.age')}
					summary={t('sim.district-research.chart.ageSummary', { type: youngest ? t(`districtType.${youngest.type}`) : '' })}
					table={{
						caption: t('sim.district-research.chart.age'),
						columns: [t('sim.district-research.col.type'), ...AGE_BANDS.map((a) => t(`districtAge.${a}`))],
						rows: ages.map((r) => [t(`districtType.${r.type}`), ...AGE_BANDS.map((a) => r.counts[a])]),
					}}
					size="chart-sm"
				/>
				<ChartCanvas
					config={highlightRowsConfig(
						needOrder.map((s) => t('sim.district-research.chart.needLabel', { name: tn(s), coverage: pc(s.coverage) })),
						needOrder.map((s) => s.uncoveredNeedWan),
						needOrder.map((s) => s.coverage < totals.coverage),
						t('sim.district-research.axis.need'),
					)}
					label={t('sim.district-research.chart.need')}
					summary={t('sim.district-research.chart.needSummary', {
						parts: needOrder.slice(0, 3).map((s) => t('sim.district-research.chart.needPart', { name: tn(s), need: n1(s.uncoveredNeedWan), coverage: pc(s.coverage) })).join(t('sim.district-research.listSep')),
						coverage: pc(totals.coverage),
					})}
					table={{
						caption: t('sim.district-research.chart.need'),
						columns: [t('sim.district-research.col.segment'), t('sim.district-research.col.need'), t('sim.district-research.col.coverage')],
						rows: needOrder.map((s) => [tn(s), n1(s.uncoveredNeedWan), pc(s.coverage)]),
					}}
					size="chart-lg"
				/>
			</div>

			<h4>{t('sim.district-research.competitorsTitle')}</h4>
			<div class="dr-scroll" tabIndex={0} role="region" aria-label={t('sim.district-research.competitorsTitle')}>
				<table class="dr-table">
					<caption class="visually-hidden">{t('sim.district-research.competitorsTitle')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('sim.district-research.col.product')}</th>
							<th scope="col">{t('sim.district-research.col.amount')}</th>
							<th scope="col">{t('sim.district-research.col.term')}</th>
							<th scope="col">{t('sim.district-research.col.rate')}</th>
							<th scope="col">{t('sim.district-research.col.repayment')}</th>
							<th scope="col">{t('sim.district-research.col.guarantee')}</th>
							<th scope="col">{t('sim.district-research.col.users')}</th>
						</tr>
					</thead>
					<tbody>
						{district.competitors.map((c) => {
							const spec = COMPETITOR_SPECS[c];
							return (
								<tr key={c}>
									<th scope="row">{t(`districtCompetitor.${c}`)}</th>
									<td>{t('sim.district-research.amountValue', { amount: spec.maxAmountWan })}</td>
									<td>{t('sim.district-research.termValue', { months: spec.termMonths })}</td>
									<td>{`${Math.round(spec.rate * 1000) / 10}%`}</td>
									<td>{t(`repayment.${spec.repayment}`)}</td>
									<td>{t(`guarantee.${spec.guarantee}`)}</td>
									<td>{presence[c]}</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>
			<p class="meta">{t('sim.district-research.competitorsNote')}</p>

			<details class="dr-register" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && !register && onRegister()}>
				<summary>{t('sim.district-research.registerToggle', { count: totals.count })}</summary>
				{!register ? (
					<LoadStatus failed={registerLoad === 'failed'} t={t} onRetry={onRegister} />
				) : (
					<div class="dr-scroll dr-register-scroll" tabIndex={0} role="region" aria-label={t('sim.district-research.registerTitle')}>
						<table class="dr-table dr-table-small">
							<caption class="visually-hidden">{t('sim.district-research.registerTitle')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('sim.district-research.reg.name')}</th>
									<th scope="col">{t('sim.district-research.col.segment')}</th>
									<th scope="col">{t('sim.district-research.reg.size')}</th>
									<th scope="col">{t('sim.district-research.reg.staff')}</th>
									<th scope="col">{t('sim.district-research.reg.age')}</th>
									<th scope="col">{t('sim.district-research.reg.years')}</th>
									<th scope="col">{t('sim.district-research.reg.bank')}</th>
									<th scope="col">{t('sim.district-research.reg.collection')}</th>
									<th scope="col">{t('sim.district-research.reg.need')}</th>
									<th scope="col">{t('sim.district-research.reg.data')}</th>
								</tr>
							</thead>
							<tbody>
								{register.map((b) => (
									<tr key={b.id}>
										<th scope="row">
											{b.id} {b.name}
										</th>
										<td>{t(`districtTrade.${b.trade}`)}</td>
										<td>{t(`districtSize.${b.size}`)}</td>
										<td>{b.staff}</td>
										<td>{t(`districtAge.${b.ownerAge}`)}</td>
										<td>{b.years}</td>
										<td>{b.competitor ? t(`districtCompetitor.${b.competitor}`) : t(`districtBank.${b.bank}`)}</td>
										<td>{t(`districtCollection.${b.collection}`)}</td>
										<td>{b.needWan > 0 ? n1(b.needWan) : t('sim.district-research.reg.noNeed')}</td>
										<td>{t(`districtData.${b.data}`)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</details>
		</div>
	);
}
