/**
 * Charts of the product-matching simulation: a client's monthly revenue with its peak and slack
 * months, receivable vs payable aging, and margins against the loan rate. Pure builders
 * (type-only chart.js import); labels come translated from the caller.
 */
import type { ChartConfiguration } from 'chart.js';
import type { AgingView, MarginView, RevenueProfile } from '../../../domain/product-matching-charts';
import { colour } from './palette';

const BASE = colour(0);
const SLACK = colour(1);
const PEAK = colour(2);

/** Line of revenue by month; peak months drawn as green triangles, slack months as orange diamonds, with the two season lines dashed. */
export function revenueLineConfig(
	p: RevenueProfile,
	labels: { months: string[]; revenue: string; slackLine: string; peakLine: string; axis: string },
): ChartConfiguration<'line'> {
	const kind = (i: number) => (p.peakMonths.includes(i + 1) ? 'peak' : p.slackMonths.includes(i + 1) ? 'slack' : 'base');
	const flat = (y: number) => p.monthsWan.map(() => y);
	return {
		type: 'line',
		data: {
			labels: labels.months,
			datasets: [
				{
					label: labels.revenue,
					data: p.monthsWan,
					borderColor: BASE,
					backgroundColor: BASE,
					borderWidth: 2,
					pointRadius: p.monthsWan.map((_, i) => (kind(i) === 'base' ? 3 : 6)),
					pointStyle: p.monthsWan.map((_, i) => (kind(i) === 'peak' ? 'triangle' : kind(i) === 'slack' ? 'rectRot' : 'circle')),
					pointBackgroundColor: p.monthsWan.map((_, i) => (kind(i) === 'peak' ? PEAK : kind(i) === 'slack' ? SLACK : BASE)),
					pointBorderColor: p.monthsWan.map((_, i) => (kind(i) === 'peak' ? PEAK : kind(i) === 'slack' ? SLACK : BASE)),
				},
				{ label: labels.peakLine, data: flat(p.peakLineWan), borderColor: PEAK, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 },
				{ label: labels.slackLine, data: flat(p.slackLineWan), borderColor: SLACK, borderDash: [2, 3], borderWidth: 1.5, pointRadius: 0 },
			],
		},
		options: {
			scales: { y: { beginAtZero: true, title: { display: true, text: labels.axis } } },
			plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
		},
	};
}

/** Grouped bars: receivables and payables outstanding in each aging bucket. */
export function agingBarsConfig(v: AgingView, labels: { buckets: string[]; ar: string; ap: string; axis: string }): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: labels.buckets,
			datasets: [
				{ label: labels.ar, data: v.rows.map((r) => r.arWan), backgroundColor: BASE },
				{ label: labels.ap, data: v.rows.map((r) => r.apWan), backgroundColor: SLACK },
			],
		},
		options: {
			scales: { y: { beginAtZero: true, title: { display: true, text: labels.axis } } },
			plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
		},
	};
}

/** Bars of gross margin, net margin and the loan's annual rate in percent, with the thin-margin line when asked. */
export function marginBarsConfig(
	v: MarginView,
	labels: { bars: [string, string, string]; axis: string; thinLine: string | null },
): ChartConfiguration<'bar' | 'line'> {
	const pct = (x: number) => Math.round(x * 1000) / 10;
	const data = [pct(v.grossMargin), pct(v.netMargin), pct(v.annualRate)];
	const datasets: ChartConfiguration<'bar' | 'line'>['data']['datasets'] = [
		{ type: 'bar', label: labels.axis, data, backgroundColor: [BASE, colour(3), SLACK] },
	];
	if (labels.thinLine) {
		datasets.push({ type: 'line', label: labels.thinLine, data: data.map(() => pct(v.thinMarginLine)), borderColor: colour(6), borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 });
	}
	return {
		type: 'bar',
		data: { labels: labels.bars, datasets },
		options: {
			scales: { y: { beginAtZero: true, title: { display: true, text: labels.axis } } },
			// The legend explains only the thin-margin line; the bars are named on the axis.
			plugins: { legend: { display: labels.thinLine !== null, position: 'bottom', labels: { boxWidth: 14, filter: (item) => item.datasetIndex !== 0 } } },
		},
	};
}
