/**
 * RouteChart.tsx, fetched the first time the debrief shows it (after the learner submits). It
 * brings its own chart config and chart.js, so the page loads neither. Same props; while the code
 * loads a status line stands in, and a failed download offers a retry (see ../lazy-view.tsx).
 *
 * Why not LazyChartCanvas: with the chart config imported by the island and only chart.js fetched
 * later, the bundler splits the shared colour palette off chart.js's chunk and adds a namespace
 * runtime to it, about 0.3 KB more on every page that draws a chart when it opens.
 */
import { lazyView } from '../lazy-view';

export default lazyView(() => import('./RouteChart'));
