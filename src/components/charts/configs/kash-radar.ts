/** Radar chart of the KASH self-assessment: mean rating (1–5) per dimension, now and, if any, last time. Pure builder. */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

/** One series of the radar: its legend label and a mean per axis. */
export interface KashSeries {
	label: string;
	values: number[];
}

/** Build the radar: axes are the dimension labels, the scale runs 0–5 in steps of 1. */
export function kashRadarConfig(axes: string[], now: KashSeries, previous?: KashSeries | null): ChartConfiguration<'radar'> {
	const series = previous ? [now, previous] : [now];
	return {
		type: 'radar',
		data: {
			labels: axes,
			datasets: series.map((s, i) => ({
				label: s.label,
				data: s.values,
				borderColor: colour(i === 0 ? 0 : 1),
				backgroundColor: i === 0 ? 'rgba(37, 99, 235, 0.2)' : 'rgba(234, 88, 12, 0.08)',
				borderDash: i === 0 ? [] : [6, 4],
				pointRadius: 3,
			})),
		},
		options: {
			scales: { r: { min: 0, max: 5, ticks: { stepSize: 1, backdropColor: 'transparent' }, pointLabels: { font: { size: 14 } } } },
			plugins: { legend: { display: series.length > 1, position: 'bottom' } },
		},
	};
}
