/** Horizontal grouped bars (readable on a phone): each route's revenue as the clues give it next to the learner's figure. Pure builder (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

export interface RouteBarRow {
	label: string;
	expected: number;
	/** The learner's figure; null when not given. */
	mine: number | null;
}

/** Build the grouped bar chart (values in 万元). */
export function routeBarsConfig(rows: RouteBarRow[], expectedLabel: string, mineLabel: string, axisLabel: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: rows.map((r) => r.label),
			datasets: [
				{ label: expectedLabel, data: rows.map((r) => r.expected), backgroundColor: colour(0) },
				{ label: mineLabel, data: rows.map((r) => r.mine), backgroundColor: colour(1) },
			],
		},
		options: {
			indexAxis: 'y',
			scales: { x: { beginAtZero: true, title: { display: true, text: axisLabel } } },
			plugins: { legend: { display: true, position: 'bottom' } },
		},
	};
}
