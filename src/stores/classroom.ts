/**
 * The instructor's classroom state: the class session (name, date, seed, chosen simulations —
 * kept in localStorage so it survives a reload) and the imported results with the debrief derived
 * from them (kept in memory only: trainees' results never leave this browser). The learner's own
 * details are in learner.ts.
 */
import { atom, computed } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { classSeed, makeSessionCode } from '../domain/class-session';
import { importResults, type ClassResult, type ImportMessage, type ImportSource } from '../domain/class-results';
import { debrief, type DebriefKeys } from '../domain/class-debrief';

export const CLASS_SESSION_KEY = 'sme-course:class-session';

export interface InstructorSession {
	name: string;
	/** `YYYY-MM-DD`. */
	date: string;
	seed: string;
	/** Chosen simulation ids. */
	sims: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max: number): string => (typeof x === 'string' ? x.slice(0, max) : '');

export const emptySession = (): InstructorSession => ({ name: '', date: '', seed: '', sims: [] });

/** Read a saved session; anything unreadable becomes empty fields (never throws). */
export function decodeSession(raw: string | undefined): InstructorSession {
	let v: unknown;
	try {
		v = JSON.parse(raw ?? '');
	} catch {
		return emptySession();
	}
	if (!isObj(v)) return emptySession();
	const sims = Array.isArray(v['sims']) ? v['sims'].filter((s): s is string => typeof s === 'string').slice(0, 60) : [];
	return { name: str(v['name'], 60), date: str(v['date'], 10), seed: str(v['seed'], 60), sims };
}

export const $instructorSession = persistentAtom<InstructorSession>(CLASS_SESSION_KEY, emptySession(), { encode: JSON.stringify, decode: decodeSession });

/** The session code of the saved name and date, or null while either is invalid. */
export const $sessionCode = computed($instructorSession, (s) => {
	const r = makeSessionCode(s.name, s.date);
	return r.ok ? r.code : null;
});

/** Change fields of the instructor's session. */
export function updateSession(patch: Partial<InstructorSession>): void {
	$instructorSession.set({ ...$instructorSession.get(), ...patch });
}

/** Tick or untick a simulation of the session. */
export function toggleSim(id: string, on: boolean): void {
	const sims = $instructorSession.get().sims.filter((s) => s !== id);
	updateSession({ sims: on ? [...sims, id] : sims });
}

/** A new random class seed. */
export function newClassSeed(random: () => number = Math.random): string {
	const seed = classSeed(random);
	updateSession({ seed });
	return seed;
}

// ---------------------------------------------------------------- the instructor's import

export const $classResults = atom<ClassResult[]>([]);
export const $importMessages = atom<ImportMessage[]>([]);
export const $lastAdded = atom<number | null>(null);
export const $debriefKeys = atom<DebriefKeys | null>(null);

export const $debrief = computed([$classResults, $debriefKeys, $instructorSession], (results, keys, session) =>
	keys && results.length > 0 ? debrief(results, { ...keys, seed: session.seed.trim() || null }) : null,
);

/** Import pasted text and files into the dashboard (against the saved session, when valid). */
export function importIntoDashboard(sources: ImportSource[]): void {
	const report = importResults(sources, $classResults.get(), $sessionCode.get());
	$classResults.set(report.results);
	$importMessages.set(report.messages);
	$lastAdded.set(report.added);
}

/** Empty the dashboard. */
export function clearDashboard(): void {
	$classResults.set([]);
	$importMessages.set([]);
	$lastAdded.set(null);
}
