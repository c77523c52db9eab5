/**
 * Code a simulation fetches when it first needs it (see docs/simulations.md, "Page weight"), as a
 * pair of stores: `$module`, the module once it is there, and `$status`, 'loading' while something
 * waits for it and 'failed' when the download failed. `fetch()` starts the download or tries it
 * again; it settles with the module, or null after a failure (never rejects). `load` should share
 * one download among its callers (lazyModule).
 */
import { atom } from 'nanostores';

/** Fetching on-demand code: 'loading' while something waits for it, 'failed' when the download failed. */
export type LoadState = 'idle' | 'loading' | 'failed';

export function onDemand<M>(load: () => Promise<M>) {
	const $module = atom<M | null>(null);
	const $status = atom<LoadState>('idle');
	return {
		$module,
		$status,
		fetch(): Promise<M | null> {
			if (!$module.get()) $status.set('loading');
			return load().then(
				(m) => {
					$module.set(m);
					$status.set('idle');
					return m;
				},
				() => {
					$status.set('failed');
					return null;
				},
			);
		},
	};
}
