/**
 * Code a simulation needs only after the learner acts (the feedback panel, a scorer, a debrief) is
 * fetched then, not with the page: `lazyModule(() => import('./x'))` returns a loader that starts
 * the download once and hands every caller the same promise. A failed download is forgotten, so
 * the next call tries again (a flaky intranet link should not break the page for good).
 */
export function lazyModule<M>(importer: () => Promise<M>): () => Promise<M> {
	let pending: Promise<M> | null = null;
	return () => {
		pending ??= importer().catch((err: unknown) => {
			pending = null;
			throw err;
		});
		return pending;
	};
}
