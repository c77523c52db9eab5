/**
 * Loaded on every page of the LMS build (LmsHeadActive.astro, in the shared layout's head).
 * Importing the progress store installs the LMS persistence (see runtime.ts); this module then
 * reports the page's state once (bookmark, status), shows the notice when the LMS has returned
 * errors, and sends a pending commit when the page goes away or is hidden.
 */
import { $progress } from '../stores/progress';
import { lmsRuntime } from './runtime';
import { showLmsNotice } from './notice';

const rt = lmsRuntime();
if (rt) {
	const notice = () => {
		if (!rt.session.noticeDismissed) showLmsNotice(rt.page.strings, () => (rt.session.noticeDismissed = true));
	};
	rt.onError(notice);
	rt.report($progress.get());
	if (rt.session.errors > 0) notice();
	addEventListener('pagehide', () => rt.flush());
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') rt.flush();
	});
}
