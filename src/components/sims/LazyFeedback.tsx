/**
 * The shared feedback panel (Feedback.tsx), fetched the first time a simulation shows feedback.
 * Learners read a scenario long before they submit, so the panel's code need not load with the
 * page. Same props as FeedbackPanel; a status line stands in while it loads, a failed download
 * offers a retry (see lazy-view.tsx).
 */
import { lazyView } from './lazy-view';

export default lazyView(() => import('./Feedback'));
