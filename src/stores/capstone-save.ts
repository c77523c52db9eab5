/**
 * The saved capstone game's key and header (version, seed, quarter, phase), read without the
 * game's code: the store (capstone.ts) decodes the whole save with it, and the lesson's start
 * panel shows "resume quarter N" only for a save the store will resume.
 */
import { CAPSTONE_ROUNDS } from '../domain/capstone-rounds';
import { isValidSeed } from './sim-params';

/** Where the game in progress is kept (localStorage, via a persistent store). */
export const CAPSTONE_KEY = 'sme-course:capstone';

/** Where the learner is in a round. */
export const PHASES = ['deciding', 'report', 'debrief'] as const;
export type Phase = (typeof PHASES)[number];

export const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** A save's header when it is a well-formed game (its drafts are an object), else null. */
export function gameHeader(x: unknown): { seed: string; round: number; phase: Phase; drafts: Record<string, unknown> } | null {
	if (
		!isObject(x) ||
		x['v'] !== 1 ||
		typeof x['seed'] !== 'string' ||
		!isValidSeed(x['seed']) ||
		!Number.isInteger(x['round']) ||
		(x['round'] as number) < 1 ||
		(x['round'] as number) > CAPSTONE_ROUNDS ||
		!(PHASES as readonly unknown[]).includes(x['phase']) ||
		(x['phase'] === 'debrief' && x['round'] !== CAPSTONE_ROUNDS) ||
		!isObject(x['drafts'])
	)
		return null;
	return { seed: x['seed'], round: x['round'] as number, phase: x['phase'] as Phase, drafts: x['drafts'] };
}

/** The saved game's quarter and phase for the start panel; null when there is none or the store would not resume it. */
export function savedRound(raw: string | undefined | null): { round: number; debrief: boolean } | null {
	if (!raw) return null;
	let x: unknown;
	try {
		x = JSON.parse(raw);
	} catch {
		return null;
	}
	const h = gameHeader(x);
	return h && { round: h.round, debrief: h.phase === 'debrief' };
}
