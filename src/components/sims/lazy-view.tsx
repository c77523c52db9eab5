/**
 * A view fetched the first time it is rendered, for views a learner sees only after acting (the
 * feedback panel, a debrief, a chart drawn after submitting): `lazyView(() => import('./X'))`
 * returns a component with X's props. While X's code loads a status line stands in; a failed
 * download offers a retry. Views whose props carry no translator (a chart) pass their own
 * `pending` rendering. Once loaded, every later render is immediate. `preload()` starts the
 * download early (e.g. on submit, alongside the scorer), ignoring a failure the view will report.
 */
import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { T } from '../../i18n/format';
import { lazyModule } from '../../lib/lazy';
import LoadStatus from './LoadStatus';

/** What stands in for the view while its code loads (`failed`: the download failed). */
export type Pending<P> = (props: P, failed: boolean, retry: () => void) => ComponentChildren;

/** The default stand-in: the shared loading / failure line (strings from the view's `t`). */
function pendingWithT<P>(props: P, failed: boolean, retry: () => void): ComponentChildren {
	return <LoadStatus failed={failed} t={(props as { t: T }).t} onRetry={retry} />;
}

export function lazyView<P extends object>(
	importer: () => Promise<{ default: FunctionComponent<P> }>,
	...[pending]: P extends { t: T } ? [pending?: Pending<P>] : [pending: Pending<P>]
): FunctionComponent<P> & { preload: () => void } {
	const load = lazyModule(importer);
	const stand: Pending<P> = (pending as Pending<P> | undefined) ?? pendingWithT;
	/** The view once loaded, so later renders show it at once. */
	let Loaded: FunctionComponent<P> | null = null;
	function LazyView(props: P) {
		const [View, setView] = useState<FunctionComponent<P> | null>(() => Loaded);
		const [failed, setFailed] = useState(false);
		const [attempt, setAttempt] = useState(0);
		useEffect(() => {
			if (View) return;
			let live = true;
			setFailed(false);
			load().then(
				(m) => {
					Loaded = m.default;
					if (live) setView(() => m.default);
				},
				() => live && setFailed(true),
			);
			return () => {
				live = false;
			};
		}, [attempt]);
		if (View) return <View {...props} />;
		return <>{stand(props, failed, () => setAttempt((n) => n + 1))}</>;
	}
	return Object.assign(LazyView, { preload: () => void load().catch(() => {}) });
}
