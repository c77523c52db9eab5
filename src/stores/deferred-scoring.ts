/**
 * Scoring whose code is fetched on the first submit (see docs/simulations.md, "Page weight").
 * Each submit is queued with what it scores (decision, scenario, weights as they were at the
 * click); once the code is there every queued submit is handed to `record` exactly once, in
 * order. A failed download sets the status to 'failed' and keeps the queue for `retry()`.
 */
import { onDemand } from './on-demand';

export type { LoadState } from './on-demand';

export function deferredScoring<M, S>(load: () => Promise<M>, record: (module: M, submit: S) => void) {
	const code = onDemand(load);
	const queue: S[] = [];
	const flush = (): Promise<void> =>
		code.fetch().then((m) => {
			// Every caller waits on the same download; the first to run takes all waiting submits.
			if (m) for (const s of queue.splice(0)) record(m, s);
		});
	return {
		/** The scoring module once fetched. */
		$module: code.$module,
		$status: code.$status,
		/** Queue one submit and score it as soon as the code is there. */
		submit(s: S): Promise<void> {
			queue.push(s);
			return flush();
		},
		/** After a failed download: try again, then score and record the waiting submits. */
		retry: flush,
	};
}
