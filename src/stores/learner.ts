/**
 * The learner's own classroom details, kept in localStorage: name (also printed on the
 * certificate), optional staff number and the last class session code entered. Kept apart from
 * the instructor's store so the progress, class and certificate pages stay light.
 */
import { persistentAtom } from '@nanostores/persistent';

export const LEARNER_KEY = 'sme-course:learner';

export interface Learner {
	name: string;
	number: string;
	/** Last class session code entered. */
	session: string;
}

export const emptyLearner = (): Learner => ({ name: '', number: '', session: '' });

/** Read the saved learner; anything unreadable becomes empty fields (never throws). */
export function decodeLearner(raw: string | undefined): Learner {
	let v: unknown;
	try {
		v = JSON.parse(raw ?? '');
	} catch {
		return emptyLearner();
	}
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return emptyLearner();
	const o = v as Record<string, unknown>;
	const str = (x: unknown, max: number): string => (typeof x === 'string' ? x.slice(0, max) : '');
	return { name: str(o['name'], 80), number: str(o['number'], 40), session: str(o['session'], 60) };
}

export const $learner = persistentAtom<Learner>(LEARNER_KEY, emptyLearner(), { encode: JSON.stringify, decode: decodeLearner });

/** Change fields of the learner. */
export function updateLearner(patch: Partial<Learner>): void {
	$learner.set({ ...$learner.get(), ...patch });
}
