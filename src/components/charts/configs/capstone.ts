/**
 * Charts of the capstone 组合经营: balance and borrowers per quarter, the inclusive NPL ratio against
 * its limit, income and new-loan RAROC, and the learner's book against the expert's. Pure builders
 * (type-only chart.js import); money in 万元, ratios already in percent.
 */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

/** Bars of balance (left axis) with a line of borrowers (right axis). */
export function balanceBorrowersConfig(
	labels: string[],
	balanceWan: number[],
	borrowers: number[],
	names: { balance: string; borrowers: string; wan: string; people: string },
): ChartConfiguration {
	return {
		type: 'bar',
		data: {
			labels,
			datasets: [
				{ type: 'bar', label: names.balance, data: balanceWan, backgroundColor: colour(0), yAxisID: 'y', order: 2 },
				{ type: 'line', label: names.borrowers, data: borrowers, borderColor: colour(1), backgroundColor: colour(1), yAxisID: 'y1', tension: 0, order: 1 },
			],
		},
		options: {
			scales: {
				y: { beginAtZero: true, title: { display: true, text: names.wan } },
				y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: names.people }, ticks: { precision: 0 } },
			},
		},
	} as ChartConfiguration;
}

/** A line of the inclusive NPL ratio (%) and a dashed line at the limit (%). */
export function nplConfig(labels: string[], nplPct: number[], limitPct: number, names: { npl: string; limit: string; pct: string }): ChartConfiguration<'line'> {
	const top = Math.max(limitPct * 1.5, ...nplPct.map((x) => x * 1.2), 1);
	return {
		type: 'line',
		data: {
			labels,
			datasets: [
				{ label: names.npl, data: nplPct, borderColor: colour(2), backgroundColor: colour(2), tension: 0 },
				{ label: names.limit, data: labels.map(() => limitPct), borderColor: colour(6), backgroundColor: colour(6), borderDash: [6, 4], pointRadius: 0 },
			],
		},
		options: { scales: { y: { min: 0, suggestedMax: Math.round(top * 10) / 10, title: { display: true, text: names.pct } } } },
	};
}

/** Bars of interest and net income (万元, left) with a line of new-loan RAROC (%, right). */
export function incomeRarocConfig(
	labels: string[],
	interestWan: number[],
	netWan: number[],
	rarocPct: (number | null)[],
	names: { interest: string; net: string; raroc: string; wan: string; pct: string },
): ChartConfiguration {
	return {
		type: 'bar',
		data: {
			labels,
			datasets: [
				{ type: 'bar', label: names.interest, data: interestWan, backgroundColor: colour(0), yAxisID: 'y', order: 2 },
				{ type: 'bar', label: names.net, data: netWan, backgroundColor: colour(4), yAxisID: 'y', order: 3 },
				{ type: 'line', label: names.raroc, data: rarocPct, borderColor: colour(3), backgroundColor: colour(3), yAxisID: 'y1', spanGaps: true, tension: 0, order: 1 },
			],
		},
		options: {
			scales: {
				y: { title: { display: true, text: names.wan } },
				y1: { position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: names.pct } },
			},
		},
	} as ChartConfiguration;
}

/** Grouped bars: the learner's book and the expert's, per quarter. */
export function compareConfig(labels: string[], mine: number[], expert: number[], names: { mine: string; expert: string; wan: string }): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels,
			datasets: [
				{ label: names.mine, data: mine, backgroundColor: colour(0) },
				{ label: names.expert, data: expert, backgroundColor: colour(1) },
			],
		},
		options: { scales: { y: { beginAtZero: true, title: { display: true, text: names.wan } } } },
	};
}
