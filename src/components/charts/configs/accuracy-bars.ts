/** Bar chart of accuracy (% correct) per category, 0–100 scale. Pure builder (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

export interface AccuracyRow {
	label: string;
	correct: number;
	total: number;
}

/** Percent correct, 0 when a category has no items. */
export const percent = (r: AccuracyRow): number => (r.total > 0 ? Math.round((r.correct / r.total) * 100) : 0);

/** Build a horizontal bar chart of accuracy per category. */
export function accuracyBarsConfig(rows: AccuracyRow[], axisLabel: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: rows.map((r) => `${r.label} (${r.correct}/${r.total})`),
			datasets: [{ label: axisLabel, data: rows.map(percent), backgroundColor: rows.map((_, i) => colour(i)) }],
		},
		options: {
			indexAxis: 'y',
			scales: { x: { min: 0, max: 100, title: { display: true, text: axisLabel } } },
			plugins: { legend: { display: false } },
		},
	};
}
