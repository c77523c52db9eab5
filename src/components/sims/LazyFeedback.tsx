/**
 * The shared feedback panel (Feedback.tsx), fetched the first time a simulation shows feedback.
 * Learners read a scenario long before they submit, so the panel's code need not load with the
 * page. Same props as FeedbackPanel; while the code loads (normally a few milliseconds on an
 * intranet) a status line stands in, and a failed download offers a retry.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FeedbackPanelProps } from './Feedback';
import { lazyModule } from './lazy';

const loadPanel = lazyModule(() => import('./Feedback'));
/** The panel once loaded, so later feedback renders at once. */
let Loaded: FunctionComponent<FeedbackPanelProps> | null = null;

export default function LazyFeedbackPanel(props: FeedbackPanelProps) {
	const [Panel, setPanel] = useState<FunctionComponent<FeedbackPanelProps> | null>(() => Loaded);
	const [failed, setFailed] = useState(false);
	const [attempt, setAttempt] = useState(0);
	useEffect(() => {
		if (Panel) return;
		let live = true;
		setFailed(false);
		loadPanel().then(
			(m) => {
				Loaded = m.default;
				if (live) setPanel(() => m.default);
			},
			() => live && setFailed(true),
		);
		return () => {
			live = false;
		};
	}, [attempt]);
	if (Panel) return <Panel {...props} />;
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
