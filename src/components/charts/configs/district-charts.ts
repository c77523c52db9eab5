/** Chart configs of the district-research simulation. Pure builders (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';
import type { Series } from './bundle-charts';

/** Horizontal stacked bars: one bar per category, one stack segment per series. */
export function stackedRowsConfig(labels: string[], series: Series[], axisLabel: string, colours?: string[]): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels,
			datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colours?.[i] ?? colour(i), stack: 'all' })),
		},
		options: {
			indexAxis: 'y',
			scales: { x: { stacked: true, beginAtZero: true, title: { display: true, text: axisLabel } }, y: { stacked: true, ticks: { autoSkip: false } } },
			plugins: { legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 12 } } },
		},
	};
}

/** A label may be several lines (an array), which keeps long names readable on a phone. */
export type RowLabel = string | string[];

/** Horizontal bars of one value per category, highlighted ones in the first colour and the rest in grey. */
export function highlightRowsConfig(labels: RowLabel[], values: number[], highlight: boolean[], axisLabel: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels,
			datasets: [{ label: axisLabel, data: values, backgroundColor: highlight.map((h) => (h ? colour(0) : colour(7))) }],
		},
		options: {
			indexAxis: 'y',
			scales: { x: { beginAtZero: true, title: { display: true, text: axisLabel } }, y: { ticks: { autoSkip: false } } },
			plugins: { legend: { display: false } },
		},
	};
}
