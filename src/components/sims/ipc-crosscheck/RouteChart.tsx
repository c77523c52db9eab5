/**
 * The debrief chart of the IPC cross-check: each route's revenue as the clues give it next to the
 * learner's figure. Shown only after the learner submits, so this module (with its chart config
 * and chart.js) is fetched then, through LazyRouteChart.tsx.
 */
import { useMemo } from 'preact/hooks';
import ChartCanvas, { type ChartCanvasProps } from '../../charts/ChartCanvas';
import { routeBarsConfig, type RouteBarRow } from '../../charts/configs/ipc-crosscheck-routes';
import type { T } from '../../../i18n/format';

export interface RouteChartProps extends Omit<ChartCanvasProps, 'config'> {
	/** For the loading and failure lines of the lazy wrapper. */
	t: T;
	rows: RouteBarRow[];
	/** [expected series, learner's series, axis] labels. */
	series: [string, string, string];
}

export default function RouteChart({ rows, series: [expected, mine, axis], label, summary, table, size }: RouteChartProps) {
	const config = useMemo(() => routeBarsConfig(rows, expected, mine, axis), [rows, expected, mine, axis]);
	return <ChartCanvas config={config} label={label} summary={summary} table={table} size={size} />;
}
