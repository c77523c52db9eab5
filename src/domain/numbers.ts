/**
 * Guards for numbers that may come from learner input or saved state. A module of its own (no
 * imports) so code that loads with a page can use them without pulling in the risk model.
 */

/** A finite number or the fallback. */
export function finiteOr(x: unknown, fallback: number): number {
	return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

/** A finite number clamped to [lo, hi] (non-finite → lo). */
export function clamp(x: unknown, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, finiteOr(x, lo)));
}
