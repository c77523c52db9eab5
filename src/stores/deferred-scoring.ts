/**
 * Scoring whose code is fetched on the first submit (see docs/simulations.md, "Page weight").
 * Each submit is queued with what it scores (decision, scenario, weights as they were at the
 * click); once the code is there every queued submit is handed to `record` exactly once, in
 * order. A failed download sets the status to 'failed' and keeps the queue for `retry()`.
 */
import { atom } from 'nanostores';

/** Fetching on-demand code: 'loading' while a submit waits for it, 'failed' when the download failed. */
export type LoadState = 'idle' | 'loading' | 'failed';

export function deferredScoring<M, S>(load: () => Promise<M>, record: (module: M, submit: S) => void) {
	/** The scoring module once fetched. */
	const $module = atom<M | null>(null);
	const $status = atom<LoadState>('idle');
	const queue: S[] = [];
	const flush = (): Promise<void> => {
		if (!$module.get()) $status.set('loading');
		return load().then(
			(m) => {
				$module.set(m);
				$status.set('idle');
				// Every caller waits on the same download; the first to run takes all waiting submits.
				for (const s of queue.splice(0)) record(m, s);
			},
			() => {
				$status.set('failed');
			},
		);
	};
	return {
		$module,
		$status,
		/** Queue one submit and score it as soon as the code is there. */
		submit(s: S): Promise<void> {
			queue.push(s);
			return flush();
		},
		/** After a failed download: try again, then score and record the waiting submits. */
		retry: flush,
	};
}
