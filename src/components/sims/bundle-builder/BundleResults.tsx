/**
 * What the learner sees after submitting: the contribution account in the lesson's table format,
 * and three charts of the simulated first year (contribution by month and service, data kinds
 * covered, stickiness), each with a table twin. Fetched after the first submit through
 * LazyBundleResults.tsx, with its chart configs and chart.js; the domain's constants come in as a
 * prop, so this module imports none of the domain's code (the page already holds it).
 */
import type { BUNDLE_PARAMS, BUNDLE_SERVICES, DATA_KINDS, BundlePlan, BundleProfile, BundleService, BundleYear } from '../../../domain/bundle';
import type { T } from '../../../i18n/format';
import ChartCanvas from '../../charts/ChartCanvas';
import { monthlyLinesConfig, stackedMonthlyConfig } from '../../charts/configs/bundle-charts';
import { num, pct, wan2 } from './format';

interface Props {
	t: T;
	profile: BundleProfile;
	plan: BundlePlan;
	concessionPp: number;
	years: { mine: BundleYear; best: BundleYear; loanOnly: BundleYear };
	/** The domain's BUNDLE_PARAMS, BUNDLE_SERVICES and DATA_KINDS. */
	domain: BundleConstants;
}

export interface BundleConstants {
	params: typeof BUNDLE_PARAMS;
	services: typeof BUNDLE_SERVICES;
	dataKinds: typeof DATA_KINDS;
}

/** The calculation column of one line, with the profile's figures (the lesson's formulas). */
function calcOf(service: BundleService, p: BundleProfile, concessionPp: number, t: T, P: BundleConstants['params']): string {
	const vars: Record<BundleService, Record<string, string>> = {
		loan: { amount: num(p.loanWan), rate: pct(p.loanRate - concessionPp / 100), ftp: pct(P.ftp) },
		settlement: {},
		deposit: { amount: num(p.depositWan), price: pct(P.depositPrice), cost: pct(P.corporateDepositRate) },
		payroll: { amount: num(p.payrollBalanceWan), rate: pct(P.payrollSpread) },
		acquiring: { amount: num(p.acquiringVolumeWan), rate: pct(P.acquiringNetFee) },
		wealth: { amount: num(p.wealthWan), rate: pct(P.wealthFee) },
		insurance: { amount: num(p.insurancePremiumWan), rate: pct(P.insuranceCommission) },
		ecommerce: { amount: num(p.onlineSalesWan), rate: pct(P.ecommerceNetFee) },
		'credit-card': { amount: num(p.cardSpendWan), rate: pct(P.cardNetRate) },
		instalment: { amount: num(p.instalmentWan), rate: pct(P.instalmentFee) },
		'tax-utility': {},
	};
	return t(`sim.bundle-builder.calc.${service}`, vars[service]);
}

export default function BundleResults({ t, profile, plan, concessionPp, years, domain }: Props) {
	const { services: BUNDLE_SERVICES, dataKinds: DATA_KINDS } = domain;
	const months = Array.from({ length: 12 }, (_, i) => t('sim.bundle-builder.month', { m: i + 1 }));
	const earning = BUNDLE_SERVICES.filter((s) => years.mine.months.some((m) => m.revenueWan[s] > 0));
	const series = earning.map((s) => ({ label: t(`bundleService.${s}`), data: years.mine.months.map((m) => Math.round(m.revenueWan[s] * 1000) / 1000) }));
	const peak = years.mine.months.reduce((a, b) => (b.totalWan > a.totalWan ? b : a));
	const names = { mine: t('sim.bundle-builder.series.mine'), best: t('sim.bundle-builder.series.best'), loanOnly: t('sim.bundle-builder.series.loanOnly') };
	const dec = (y: BundleYear) => y.months[11]!;
	const starts = plan.lines
		.filter((l) => l.service !== 'loan')
		.map((l) => {
			const m = years.mine.start[l.service];
			return t(m === null ? (l.fits ? 'sim.bundle-builder.startNever' : 'sim.bundle-builder.startUnfit') : 'sim.bundle-builder.startMonth', { service: t(`bundleService.${l.service}`), m: m ?? 0 });
		});
	return (
		<div class="bb-results">
			<h4>{t('sim.bundle-builder.accountTitle')}</h4>
			<p class="meta">{t('sim.bundle-builder.accountNote')}</p>
			<div class="bb-scroll" tabIndex={0} role="region" aria-label={t('sim.bundle-builder.accountTitle')}>
			<table class="bb-account">
				<caption class="visually-hidden">{t('sim.bundle-builder.accountTitle')}</caption>
				<thead>
					<tr>
						<th scope="col">{t('sim.bundle-builder.col.source')}</th>
						<th scope="col">{t('sim.bundle-builder.col.calc')}</th>
						<th scope="col">{t('sim.bundle-builder.col.revenue')}</th>
					</tr>
				</thead>
				<tbody>
					{plan.lines.map((l) => (
						<tr key={l.service} class={l.fits ? undefined : 'bb-unfit'}>
							<th scope="row">
								{t(`bundleService.${l.service}`)}
								{l.mode === 'tied' && <span class="bb-tag bb-tag-bad"> {t('sim.bundle-builder.tiedTag')}</span>}
							</th>
							<td>{l.fits ? calcOf(l.service, profile, concessionPp, t, domain.params) : t('sim.bundle-builder.calc.unfit')}</td>
							<td class="bb-num">{wan2(l.revenueWan)}</td>
						</tr>
					))}
				</tbody>
				<tfoot>
					<tr>
						<th scope="row" colSpan={2}>
							{t('sim.bundle-builder.col.total')}
						</th>
						<td class="bb-num">
							<strong>{wan2(plan.revenueWan)}</strong>
						</td>
					</tr>
				</tfoot>
			</table>
			</div>

			<h4>{t('sim.bundle-builder.yearTitle')}</h4>
			<p class="meta">{t('sim.bundle-builder.yearNote')}</p>
			<ChartCanvas
				config={stackedMonthlyConfig(months, series, t('sim.bundle-builder.axis.wan'))}
				label={t('sim.bundle-builder.chart.revenue')}
				summary={t('sim.bundle-builder.chart.revenueSummary', { total: wan2(years.mine.totalWan), plan: wan2(plan.revenueWan), peak: peak.month, peakWan: wan2(peak.totalWan) })}
				table={{
					caption: t('sim.bundle-builder.chart.revenue'),
					columns: [t('sim.bundle-builder.col.month'), ...series.map((s) => s.label), t('sim.bundle-builder.col.total')],
					rows: years.mine.months.map((m, i) => [months[i]!, ...earning.map((s) => wan2(m.revenueWan[s])), wan2(m.totalWan)]),
				}}
				size="chart-md"
			/>
			<p class="bb-starts">{t('sim.bundle-builder.starts', { list: starts.join(t('sim.bundle-builder.listSep')) })}</p>

			<ChartCanvas
				config={monthlyLinesConfig(
					months,
					[
						{ label: names.mine, data: years.mine.months.map((m) => m.dataCovered) },
						{ label: names.best, data: years.best.months.map((m) => m.dataCovered) },
						{ label: names.loanOnly, data: years.loanOnly.months.map((m) => m.dataCovered) },
					],
					t('sim.bundle-builder.axis.kinds'),
					DATA_KINDS.length,
				)}
				label={t('sim.bundle-builder.chart.data')}
				summary={t('sim.bundle-builder.chart.dataSummary', { mine: dec(years.mine).dataCovered, best: dec(years.best).dataCovered, loan: dec(years.loanOnly).dataCovered, total: DATA_KINDS.length })}
				table={{
					caption: t('sim.bundle-builder.chart.data'),
					columns: [t('sim.bundle-builder.col.month'), names.mine, names.best, names.loanOnly],
					rows: years.mine.months.map((m, i) => [months[i]!, m.dataCovered, years.best.months[i]!.dataCovered, years.loanOnly.months[i]!.dataCovered]),
				}}
				size="chart-sm"
			/>
			<ul class="bb-kinds" aria-label={t('sim.bundle-builder.kindsLabel')}>
				{DATA_KINDS.map((k) => (
					<li key={k} class={plan.dataKinds.includes(k) ? 'bb-kind bb-kind-on' : 'bb-kind'}>
						<span aria-hidden="true">{plan.dataKinds.includes(k) ? '✓' : '○'}</span> {t(`dataKind.${k}`)}
						<span class="visually-hidden">{plan.dataKinds.includes(k) ? t('sim.bundle-builder.kindOn') : t('sim.bundle-builder.kindOff')}</span>
					</li>
				))}
			</ul>

			<ChartCanvas
				config={monthlyLinesConfig(
					months,
					[
						{ label: names.mine, data: years.mine.months.map((m) => m.stickiness) },
						{ label: names.best, data: years.best.months.map((m) => m.stickiness) },
						{ label: names.loanOnly, data: years.loanOnly.months.map((m) => m.stickiness) },
					],
					t('sim.bundle-builder.axis.stickiness'),
					100,
				)}
				label={t('sim.bundle-builder.chart.stickiness')}
				summary={t('sim.bundle-builder.chart.stickinessSummary', {
					mine: dec(years.mine).stickiness,
					best: dec(years.best).stickiness,
					loan: dec(years.loanOnly).stickiness,
					mineR: pct(dec(years.mine).retention),
					bestR: pct(dec(years.best).retention),
					loanR: pct(dec(years.loanOnly).retention),
				})}
				table={{
					caption: t('sim.bundle-builder.chart.stickiness'),
					columns: [t('sim.bundle-builder.col.month'), names.mine, names.best, names.loanOnly, t('sim.bundle-builder.col.retention')],
					rows: years.mine.months.map((m, i) => [months[i]!, m.stickiness, years.best.months[i]!.stickiness, years.loanOnly.months[i]!.stickiness, pct(m.retention)]),
				}}
				size="chart-sm"
			/>
		</div>
	);
}
