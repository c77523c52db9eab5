/**
 * The debrief (Debrief.tsx), fetched when the learner first submits: it is shown only after a
 * submit, so its code need not load with the page. Same props as Debrief; nothing shows before
 * there is feedback, then a status line while the code loads and a retry if the download fails
 * (see ../lazy-view.tsx).
 */
import { useStore } from '@nanostores/preact';
import { lazyView } from '../lazy-view';
import type { DebriefProps } from './Debrief';

const DebriefView = lazyView(() => import('./Debrief'));

/** Start fetching the debrief's code (the form calls it on submit, alongside the scorer). */
export const preloadDebrief = DebriefView.preload;

export default function LazyDebrief(props: DebriefProps) {
	const feedback = useStore(props.pm.$feedback);
	return feedback === null ? null : <DebriefView {...props} />;
}
