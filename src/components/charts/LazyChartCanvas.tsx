/**
 * ChartCanvas with chart.js fetched on first use, for charts that appear only after the learner
 * acts (a chart inside feedback or a debrief). A chart shown when the page opens must import
 * ChartCanvas directly, so the page budget (scripts/budget.mjs) counts chart.js as loaded with
 * the page. While chart.js loads, the chart's one-line summary and its data table are already
 * there, so nothing is lost to a screen reader or a slow link; a failed download shows the table.
 */
import type { ChartCanvasProps } from './ChartCanvas';
import ChartDataTable from './ChartDataTable';
import { lazyView } from '../sims/lazy-view';

export default lazyView<ChartCanvasProps>(
	() => import('./ChartCanvas'),
	// No aria-busy: the summary and the table are complete while the canvas waits. If chart.js cannot
	// be fetched, the table is shown to everyone instead of an empty box.
	({ table, summary, size = 'chart-md' }, failed) => (
		<figure class="chart">
			{!failed && <div class={`chart-box ${size}`} />}
			<figcaption class="chart-summary">{summary}</figcaption>
			<ChartDataTable table={table} visible={failed} />
		</figure>
	),
);
