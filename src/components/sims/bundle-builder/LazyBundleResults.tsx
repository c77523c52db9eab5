/**
 * BundleResults.tsx (the contribution account and the simulated year's three charts), fetched the
 * first time the learner submits a bundle; it brings its chart configs and chart.js, so the page
 * loads neither. Same props; while the code loads a status line stands in, and a failed download
 * offers a retry (the pattern of ../LazyFeedback.tsx).
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BundleResultsProps } from './BundleResults';
import { lazyModule } from '../lazy';

const loadResults = lazyModule(() => import('./BundleResults'));
/** The results once loaded, so later submits show them at once. */
let Loaded: FunctionComponent<BundleResultsProps> | null = null;

export default function LazyBundleResults(props: BundleResultsProps) {
	const [Results, setResults] = useState<FunctionComponent<BundleResultsProps> | null>(() => Loaded);
	const [failed, setFailed] = useState(false);
	const [attempt, setAttempt] = useState(0);
	useEffect(() => {
		if (Results) return;
		let live = true;
		setFailed(false);
		loadResults().then(
			(m) => {
				Loaded = m.default;
				if (live) setResults(() => m.default);
			},
			() => live && setFailed(true),
		);
		return () => {
			live = false;
		};
	}, [attempt]);
	if (Results) return <Results {...props} />;
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
