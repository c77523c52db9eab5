/** Chart configs of the bundle-builder simulation. Pure builders (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

/** One stacked series: a label and a value per category. */
export interface Series {
	label: string;
	data: number[];
}

/** Stacked vertical bars: contribution by month, one stack segment per service. */
export function stackedMonthlyConfig(months: string[], series: Series[], axisLabel: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: months,
			datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colour(i), stack: 'revenue' })),
		},
		options: {
			scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: axisLabel } } },
			plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
		},
	};
}

const DASHES = [[], [6, 4], [2, 3]] as const;
const POINTS = ['circle', 'rectRot', 'triangle'] as const;

/** Lines over the months (the learner's bundle solid; comparisons dashed and dotted), y from 0 to `max`. */
export function monthlyLinesConfig(months: string[], series: Series[], axisLabel: string, max: number): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: months,
			datasets: series.map((s, i) => ({
				label: s.label,
				data: s.data,
				borderColor: colour(i),
				backgroundColor: colour(i),
				borderDash: [...(DASHES[i % DASHES.length] ?? [])],
				pointStyle: POINTS[i % POINTS.length],
				pointRadius: 3,
				tension: 0,
			})),
		},
		options: {
			scales: { y: { min: 0, max, title: { display: true, text: axisLabel } } },
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
		},
	};
}
