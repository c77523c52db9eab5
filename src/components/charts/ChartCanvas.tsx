/**
 * The only runtime import of chart.js. Draws one chart in a sized container, with the accessible
 * twins the course requires: the canvas is an image with a label, a one-line text summary is read
 * by screen readers, and the same numbers sit in a visually hidden data table.
 */
import { useEffect, useRef } from 'preact/hooks';
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip,
	type ChartConfiguration,
} from 'chart.js';
import ChartDataTable, { type ChartTable } from './ChartDataTable';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, RadarController, RadialLinearScale, CategoryScale, LinearScale, Filler, Legend, Tooltip);

export type { ChartTable };

export interface ChartCanvasProps {
	config: ChartConfiguration;
	/** Short name of the chart (canvas label). */
	label: string;
	/** One sentence saying what the chart shows. */
	summary: string;
	table: ChartTable;
	/** CSS height class: 'chart-sm' | 'chart-md' | 'chart-lg'. */
	size?: 'chart-sm' | 'chart-md' | 'chart-lg';
}

function themeColours() {
	const css = getComputedStyle(document.documentElement);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	return { fg: v('--fg', '#1b2330'), grid: v('--border', '#d5dbe3') };
}

export default function ChartCanvas({ config, label, summary, table, size = 'chart-md' }: ChartCanvasProps) {
	const canvas = useRef<HTMLCanvasElement>(null);
	useEffect(() => {
		if (!canvas.current) return;
		const { fg, grid } = themeColours();
		Chart.defaults.color = fg;
		Chart.defaults.borderColor = grid;
		Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
		const chart = new Chart(canvas.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
		return () => chart.destroy();
	}, [config]);
	return (
		<figure class="chart">
			<div class={`chart-box ${size}`}>
				<canvas ref={canvas} role="img" aria-label={label} />
			</div>
			<figcaption class="chart-summary">{summary}</figcaption>
			<ChartDataTable table={table} />
		</figure>
	);
}
