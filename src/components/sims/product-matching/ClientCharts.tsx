/**
 * The client's numbers as charts, the one its track turns on first: margins for trade, monthly
 * revenue for services, receivable/payable aging for manufacturing. Each chart has its label, a
 * one-line summary with the key numbers and a data table (ChartCanvas). Loaded on demand, when
 * the learner nears it (LazyClientCharts.tsx).
 */
import { useMemo } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { checkElement, type MatchingTrack } from '../../../domain/product-matching';
import { AGING_BUCKETS, PEAK_SHARE_OF_MEAN, agingView, marginView, revenueProfile } from '../../../domain/product-matching-charts';
import { RULES } from '../../../domain/client-profile';
import { LPR_1Y } from '../../../domain/rates';
import type { Client } from '../../../domain/client';
import type { ProductMatching } from '../../../stores/product-matching';
import type { T } from '../../../i18n/format';
import type { Lang } from '../../../i18n/index';
import { fmt } from '../../../lib/format-number';
import ChartCanvas from '../../charts/ChartCanvas';
import { agingBarsConfig, marginBarsConfig, revenueLineConfig } from '../../charts/configs/product-matching';

export interface ClientChartsProps {
	pm: ProductMatching;
	/** The client shown (its scenario is loaded). */
	client: Client;
	t: T;
	lang: Lang;
	id: string;
}

const ORDER: Record<MatchingTrack, ('revenue' | 'aging' | 'margin')[]> = {
	trade: ['margin', 'revenue', 'aging'],
	services: ['revenue', 'margin', 'aging'],
	manufacturing: ['aging', 'revenue', 'margin'],
};

export default function ClientCharts({ pm, client, t, lang, id }: ClientChartsProps) {
	const { track } = useStore(pm.$scenario);
	const draft = useStore(pm.$draft);
	const product = useStore(pm.$product);
	const n = (x: number) => fmt(x, lang);
	const pct = (x: number) => `${fmt(x * 100, lang, 1)}%`;
	const months = t('sim.product-matching.months').split(',');
	const monthList = (ms: number[]) => (ms.length ? ms.map((m) => months[m - 1]).join(t('sim.product-matching.listSep')) : t('sim.product-matching.none'));

	const rev = useMemo(() => revenueProfile(client), [client]);
	const revConfig = useMemo(
		() =>
			revenueLineConfig(rev, {
				months,
				revenue: t('sim.product-matching.revenueSeries'),
				slackLine: t('sim.product-matching.slackLine', { value: n(rev.slackLineWan), share: pct(RULES.slackShareOfMean) }),
				peakLine: t('sim.product-matching.peakLine', { value: n(rev.peakLineWan), share: pct(PEAK_SHARE_OF_MEAN) }),
				axis: t('sim.product-matching.wanAxis'),
			}),
		[rev],
	);
	const s = rev.season;
	const revSummary = t('sim.product-matching.revenueSummary', {
		total: n(rev.totalWan),
		mean: n(rev.meanWan),
		peakShare: pct(PEAK_SHARE_OF_MEAN),
		slackShare: pct(RULES.slackShareOfMean),
		peakMonths: monthList(rev.peakMonths),
		slackMonths: monthList(rev.slackMonths),
		peakMonth: months[s.peakMonth - 1] ?? '—',
		peakWan: n(rev.monthsWan[s.peakMonth - 1] ?? 0),
		troughMonth: months[s.troughMonth - 1] ?? '—',
		troughWan: n(rev.monthsWan[s.troughMonth - 1] ?? 0),
		ratio: n(s.peakTroughRatio),
		verdict: t(s.seasonal ? 'sim.product-matching.seasonal' : 'sim.product-matching.steady', { run: s.slackMonths }),
	});

	const aging = useMemo(() => agingView(client), [client]);
	const buckets = AGING_BUCKETS.map((b) => t(`sim.product-matching.bucket.${b}`));
	const agingConfig = useMemo(
		() => agingBarsConfig(aging, { buckets, ar: t('sim.product-matching.ar'), ap: t('sim.product-matching.ap'), axis: t('sim.product-matching.wanAxis') }),
		[aging],
	);
	const agingSummary = t('sim.product-matching.agingSummary', {
		arTotal: n(aging.ar.totalWan),
		ar61: pct(aging.ar.share61to90),
		ar91: pct(aging.ar.share91plus),
		apTotal: n(aging.ap.totalWan),
		ap91: pct(aging.ap.share91plus),
		verdict: aging.ar.heavy91
			? t('sim.product-matching.arHeavy', { line: pct(RULES.heavyAr91Share) })
			: aging.ar.clean
				? t('sim.product-matching.arClean', { line: pct(RULES.cleanArOver60Share) })
				: t('sim.product-matching.arWatch'),
	});

	const typed = checkElement('ratePct', draft.ratePct, product);
	const rate = typed.ok && typed.change.annualRate !== undefined ? typed.change.annualRate : LPR_1Y;
	const rateLabel = t(typed.ok ? 'sim.product-matching.yourRate' : 'sim.product-matching.lprRate');
	const margin = useMemo(() => marginView(client, rate), [client, rate]);
	const marginConfig = useMemo(
		() =>
			marginBarsConfig(margin, {
				bars: [t('sim.product-matching.grossMargin'), t('sim.product-matching.netMargin'), rateLabel],
				axis: t('sim.product-matching.pctAxis'),
				thinLine: track === 'trade' ? t('sim.product-matching.thinLine', { value: pct(margin.thinMarginLine) }) : null,
			}),
		[margin, rateLabel, track],
	);
	const marginSummary = t('sim.product-matching.marginSummary', {
		gross: pct(margin.grossMargin),
		net: pct(margin.netMargin),
		rateLabel,
		rate: pct(margin.annualRate),
		diff:
			Math.abs(margin.netMinusRate) < 0.0005
				? t('sim.product-matching.netEqual')
				: t(margin.netMinusRate > 0 ? 'sim.product-matching.netAbove' : 'sim.product-matching.netBelow', { points: fmt(Math.abs(margin.netMinusRate) * 100, lang, 2) }),
		thin: track === 'trade' ? t(margin.thinGross ? 'sim.product-matching.thinYes' : 'sim.product-matching.thinNo', { line: pct(margin.thinMarginLine) }) : '',
	});

	const charts = {
		revenue: (
			<ChartCanvas
				config={revConfig}
				label={t('sim.product-matching.revenueLabel')}
				summary={revSummary}
				table={{
					caption: t('sim.product-matching.revenueLabel'),
					columns: [t('sim.product-matching.monthCol'), t('sim.product-matching.revenueCol'), t('sim.product-matching.seasonCol')],
					rows: rev.monthsWan.map((x, i) => [
						months[i] ?? String(i + 1),
						n(x),
						rev.peakMonths.includes(i + 1) ? t('sim.product-matching.peak') : rev.slackMonths.includes(i + 1) ? t('sim.product-matching.slack') : '—',
					]),
				}}
				size="chart-sm"
			/>
		),
		aging: (
			<ChartCanvas
				config={agingConfig}
				label={t('sim.product-matching.agingLabel')}
				summary={agingSummary}
				table={{
					caption: t('sim.product-matching.agingLabel'),
					columns: [t('sim.product-matching.bucketCol'), t('sim.product-matching.ar'), t('sim.product-matching.ap')],
					rows: aging.rows.map((r, i) => [buckets[i] ?? r.bucket, n(r.arWan), n(r.apWan)]),
				}}
				size="chart-sm"
			/>
		),
		margin: (
			<>
				<ChartCanvas
					config={marginConfig}
					label={t('sim.product-matching.marginLabel')}
					summary={marginSummary}
					table={{
						caption: t('sim.product-matching.marginLabel'),
						columns: [t('sim.product-matching.measureCol'), t('sim.product-matching.pctAxis')],
						rows: [
							[t('sim.product-matching.grossMargin'), fmt(margin.grossMargin * 100, lang, 1)],
							[t('sim.product-matching.netMargin'), fmt(margin.netMargin * 100, lang, 1)],
							[rateLabel, fmt(margin.annualRate * 100, lang, 2)],
						],
					}}
					size="chart-sm"
				/>
				<p class="meta pm-note">{t('sim.product-matching.marginNote')}</p>
			</>
		),
	};
	return (
		<section class="pm-section" aria-labelledby={`${id}-charts`}>
			<h4 id={`${id}-charts`}>{t('sim.product-matching.chartsTitle')}</h4>
			<p class="meta">{t(`sim.product-matching.chartsLead.${track}`)}</p>
			<div class="pm-charts">
				{ORDER[track].map((k) => (
					<div key={k} class="pm-chart">
						<h5 class="pm-chart-title">{t(`sim.product-matching.${k}Label`)}</h5>
						{charts[k]}
					</div>
				))}
			</div>
		</section>
	);
}
