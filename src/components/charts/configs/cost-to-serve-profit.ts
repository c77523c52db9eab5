/** Line chart of profit per loan against loan size, one line per channel. Pure builder (type-only chart.js import). */
import type { ChartConfiguration } from 'chart.js';
import { colour } from './palette';

export interface ProfitSeries {
	label: string;
	points: { x: number; y: number }[];
}

/** Dash patterns so the lines differ without colour too. */
const DASHES: number[][] = [[], [8, 4], [2, 3]];
const POINTS = ['circle', 'rect', 'triangle'] as const;

/** Build the profit-vs-loan-size chart; the zero line is drawn stronger than the other grid lines. */
export function profitLinesConfig(series: ProfitSeries[], xLabel: string, yLabel: string): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			datasets: series.map((s, i) => ({
				label: s.label,
				data: s.points,
				borderColor: colour(i),
				backgroundColor: colour(i),
				borderDash: DASHES[i % DASHES.length] as number[],
				pointStyle: POINTS[i % POINTS.length],
				pointRadius: 2,
				borderWidth: 2,
			})),
		},
		options: {
			parsing: false,
			scales: {
				x: { type: 'linear', min: 0, title: { display: true, text: xLabel } },
				y: {
					title: { display: true, text: yLabel },
					grid: { color: (ctx) => (ctx.tick?.value === 0 ? '#64748b' : 'rgba(100, 116, 139, 0.2)'), lineWidth: (ctx) => (ctx.tick?.value === 0 ? 2 : 1) },
				},
			},
			plugins: { legend: { display: true, position: 'bottom' } },
		},
	};
}
