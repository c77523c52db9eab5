/** Charts of the credit-process simulation: weekly throughput, turnaround, cost + loss. Pure builders (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

/** Lines of applications decided per week for each plan, and the applications that arrived. */
export function weeklyThroughputConfig(
	weeks: string[],
	series: { label: string; values: number[] }[],
	arrived: { label: string; values: number[] },
	axis: { x: string; y: string },
): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: weeks,
			datasets: [
				...series.map((s, i) => ({ label: s.label, data: s.values, borderColor: colour(i), backgroundColor: colour(i), pointStyle: i === 0 ? 'circle' : 'rect', borderWidth: 2 })),
				{ label: arrived.label, data: arrived.values, borderColor: colour(7), backgroundColor: colour(7), borderDash: [6, 4], pointStyle: 'triangle', borderWidth: 2 },
			],
		},
		options: {
			scales: { x: { title: { display: true, text: axis.x } }, y: { beginAtZero: true, title: { display: true, text: axis.y } } },
			plugins: { legend: { position: 'bottom' } },
		},
	};
}

/** Grouped bars: one group per plan, one bar per measure. */
export function groupedBarsConfig(plans: string[], measures: { label: string; values: number[] }[], axisLabel: string, stacked = false): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: plans,
			datasets: measures.map((m, i) => ({ label: m.label, data: m.values, backgroundColor: colour(i + 2), ...(stacked ? { stack: 'total' } : {}) })),
		},
		options: {
			scales: { x: { stacked }, y: { stacked, beginAtZero: true, title: { display: true, text: axisLabel } } },
			plugins: { legend: { position: 'bottom' } },
		},
	};
}
