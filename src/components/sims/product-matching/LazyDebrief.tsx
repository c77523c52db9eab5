/**
 * The debrief (Debrief.tsx), fetched when the learner first submits: it is shown only after a
 * submit, so its code need not load with the page. Same props as Debrief; while the code loads a
 * status line stands in, and a failed download offers a retry (as LazyFeedback does).
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { lazyModule } from '../lazy';
import type { DebriefProps } from './Debrief';

export const loadDebrief = lazyModule(() => import('./Debrief'));
let Loaded: FunctionComponent<DebriefProps> | null = null;

export default function LazyDebrief(props: DebriefProps) {
	const feedback = useStore(props.pm.$feedback);
	const [View, setView] = useState<FunctionComponent<DebriefProps> | null>(() => Loaded);
	const [failed, setFailed] = useState(false);
	const [attempt, setAttempt] = useState(0);
	const wanted = feedback !== null;
	useEffect(() => {
		if (View || !wanted) return;
		let live = true;
		setFailed(false);
		loadDebrief().then(
			(m) => {
				Loaded = m.default;
				if (live) setView(() => m.default);
			},
			() => live && setFailed(true),
		);
		return () => {
			live = false;
		};
	}, [attempt, wanted]);
	if (!wanted) return null;
	if (View) return <View {...props} />;
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
