/**
 * BundleResults.tsx (the contribution account and the simulated year's three charts), fetched the
 * first time the learner submits a bundle; it brings its chart configs and chart.js, so the page
 * loads neither. Same props; while the code loads a status line stands in, and a failed download
 * offers a retry (see ../lazy-view.tsx).
 */
import { lazyView } from '../lazy-view';

export default lazyView(() => import('./BundleResults'));
