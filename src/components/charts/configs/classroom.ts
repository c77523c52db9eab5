/** Charts of the instructor's class debrief. Pure builders (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

/** Vertical histogram: trainees per score bin. */
export function histogramConfig(labels: string[], counts: number[], countAxis: string, scoreAxis: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: { labels, datasets: [{ label: countAxis, data: counts, backgroundColor: colour(0) }] },
		options: {
			scales: {
				y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: countAxis } },
				x: { title: { display: true, text: scoreAxis } },
			},
			plugins: { legend: { display: false } },
		},
	};
}

/** Horizontal bars of percentages (0–100), one colour per series index. */
export function percentBarsConfig(labels: string[], values: number[], axis: string, colourIndex = 0): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: { labels, datasets: [{ label: axis, data: values, backgroundColor: colour(colourIndex) }] },
		options: {
			indexAxis: 'y',
			scales: { x: { min: 0, max: 100, title: { display: true, text: axis } } },
			plugins: { legend: { display: false } },
		},
	};
}
