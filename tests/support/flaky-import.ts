/**
 * A module a store fetches on demand, over a flaky link, for `vi.mock` factories in store tests:
 * `vi.mock(path, (importOriginal) => flakyImport(net, importOriginal))` with
 * `net = vi.hoisted(() => ({ offline: 0, fetched: 0 }))`. Every download counts in `fetched`; the
 * first `offline` of them fail (and are not cached, so the next import tries again).
 */
export interface Downloads {
	/** How many of the next downloads fail. */
	offline: number;
	/** Downloads tried so far. */
	fetched: number;
}

export async function flakyImport<M>(net: Downloads, importOriginal: () => Promise<M>): Promise<M> {
	net.fetched++;
	if (net.offline > 0) {
		net.offline--;
		throw new Error('offline');
	}
	return importOriginal();
}
