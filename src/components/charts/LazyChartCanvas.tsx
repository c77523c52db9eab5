/**
 * ChartCanvas with chart.js fetched on first use, for charts that appear only after the learner
 * acts (a chart inside feedback or a debrief). A chart shown when the page opens must import
 * ChartCanvas directly, so the page budget (scripts/budget.mjs) counts chart.js as loaded with
 * the page. While chart.js loads, the chart's one-line summary and its data table are already
 * there, so nothing is lost to a screen reader or a slow link (a failed download keeps them).
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChartCanvasProps } from './ChartCanvas';
import { lazyModule } from '../sims/lazy';
import ChartDataTable from './ChartDataTable';

const loadChart = lazyModule(() => import('./ChartCanvas'));
/** ChartCanvas once loaded, so later charts draw at once. */
let Loaded: FunctionComponent<ChartCanvasProps> | null = null;

export default function LazyChartCanvas(props: ChartCanvasProps) {
	const [Chart, setChart] = useState<FunctionComponent<ChartCanvasProps> | null>(() => Loaded);
	const [failed, setFailed] = useState(false);
	useEffect(() => {
		if (Chart) return;
		let live = true;
		loadChart().then(
			(m) => {
				Loaded = m.default;
				if (live) setChart(() => m.default);
			},
			() => live && setFailed(true),
		);
		return () => {
			live = false;
		};
	}, []);
	if (Chart) return <Chart {...props} />;
	const { table, summary, size = 'chart-md' } = props;
	return (
		<figure class="chart" aria-busy={failed ? undefined : 'true'}>
			<div class={`chart-box ${size}`} />
			<figcaption class="chart-summary">{summary}</figcaption>
			<ChartDataTable table={table} />
		</figure>
	);
}
