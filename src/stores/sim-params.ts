/**
 * Scenario parameters shared by the simulations: the seed (so a class gets the same clients) and
 * the pool size, read from the page URL (`?seed=classA&n=20`) and validated. Pure functions.
 */

export const SEED_PATTERN = /^[\p{L}\p{N}_-]{1,40}$/u;

/** Whether a seed is acceptable (letters incl. CJK, digits, _ and -, 1–40 chars). */
export function isValidSeed(seed: string): boolean {
	return SEED_PATTERN.test(seed);
}

export interface SimParams {
	seed: string;
	count: number;
	/** Which URL parameters were present but invalid (and replaced by defaults). */
	invalid: ('seed' | 'n')[];
}

/** Read `seed` and `n` from a query string, falling back to defaults for missing or bad values. */
export function parseSimParams(
	search: string,
	defaults: { seed: string; count: number },
	range: { min: number; max: number } = { min: 6, max: 40 },
): SimParams {
	const q = new URLSearchParams(search);
	const out: SimParams = { seed: defaults.seed, count: defaults.count, invalid: [] };
	const seed = q.get('seed');
	if (seed !== null) {
		if (isValidSeed(seed)) out.seed = seed;
		else out.invalid.push('seed');
	}
	const n = q.get('n');
	if (n !== null) {
		const v = Number(n);
		if (Number.isInteger(v) && v >= range.min && v <= range.max) out.count = v;
		else out.invalid.push('n');
	}
	return out;
}

/** A fresh random seed for "new pool": short, readable, easy to read out in class. */
export function randomSeed(random: () => number = Math.random): string {
	const letters = 'abcdefghjkmnpqrstuvwxyz';
	let s = '';
	for (let i = 0; i < 6; i++) s += letters[Math.floor(random() * letters.length)];
	return s;
}

/** The query string for a scenario, keeping other parameters. */
export function withSimParams(search: string, seed: string, count?: number): string {
	const q = new URLSearchParams(search);
	q.set('seed', seed);
	if (count !== undefined) q.set('n', String(count));
	else q.delete('n');
	return `?${q.toString()}`;
}
