/** Charts of the product designer: capital need vs the designed amount range, and reach / fit shares. Pure builders (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

/** One bar group of the need histogram. */
export interface NeedBar {
	label: string;
	covered: number;
	missed: number;
}

/** Stacked bars: lendable clients per capital-need bin, inside vs outside the designed amount range. */
export function needHistogramConfig(bars: NeedBar[], labels: { covered: string; missed: string; x: string; y: string }): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: bars.map((b) => b.label),
			datasets: [
				{ label: labels.covered, data: bars.map((b) => b.covered), backgroundColor: colour(2), stack: 'need' },
				{ label: labels.missed, data: bars.map((b) => b.missed), backgroundColor: colour(1), stack: 'need' },
			],
		},
		options: {
			scales: {
				x: { stacked: true, title: { display: true, text: labels.x } },
				y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: labels.y } },
			},
			plugins: { legend: { position: 'bottom' } },
		},
	};
}

/** One share bar, 0–1. */
export interface ShareBar {
	label: string;
	share: number;
}

/** Horizontal bars of shares in percent (reach, each element's fit, well served). */
export function shareBarsConfig(bars: ShareBar[], axisLabel: string): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: bars.map((b) => b.label),
			datasets: [{ label: axisLabel, data: bars.map((b) => Math.round(b.share * 1000) / 10), backgroundColor: bars.map((_, i) => colour(i === 0 ? 0 : i === bars.length - 1 ? 3 : 4)) }],
		},
		options: {
			indexAxis: 'y',
			scales: { x: { min: 0, max: 100, title: { display: true, text: axisLabel } } },
			plugins: { legend: { display: false } },
		},
	};
}
