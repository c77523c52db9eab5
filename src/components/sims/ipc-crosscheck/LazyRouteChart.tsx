/**
 * RouteChart.tsx, fetched the first time the debrief shows it (after the learner submits). It
 * brings its own chart config and chart.js, so the page loads neither. Same props; while the code
 * loads a status line stands in, and a failed download offers a retry (the pattern of
 * ../LazyFeedback.tsx).
 *
 * Why not LazyChartCanvas: with the chart config imported by the island and only chart.js fetched
 * later, the bundler splits the shared colour palette off chart.js's chunk and adds a namespace
 * runtime to it, about 0.3 KB more on every page that draws a chart when it opens.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RouteChartProps } from './RouteChart';
import { lazyModule } from '../lazy';

const loadChart = lazyModule(() => import('./RouteChart'));
/** The chart once loaded, so later debriefs draw it at once. */
let Loaded: FunctionComponent<RouteChartProps> | null = null;

export default function LazyRouteChart(props: RouteChartProps) {
	const [Chart, setChart] = useState<FunctionComponent<RouteChartProps> | null>(() => Loaded);
	const [failed, setFailed] = useState(false);
	const [attempt, setAttempt] = useState(0);
	useEffect(() => {
		if (Chart) return;
		let live = true;
		setFailed(false);
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
	}, [attempt]);
	if (Chart) return <Chart {...props} />;
	if (failed) {
		return (
			<p class="notice" role="alert">
				{props.t('shell.loadFailed')}{' '}
				<button type="button" class="btn" onClick={() => setAttempt((n) => n + 1)}>
					{props.t('shell.loadRetry')}
				</button>
			</p>
		);
	}
	return (
		<p class="meta" role="status">
			{props.t('shell.loading')}
		</p>
	);
}
