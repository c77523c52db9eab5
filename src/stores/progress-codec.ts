/**
 * The saved-progress format and its decoder. Pure functions: no storage, no DOM.
 *
 * Version history (bump PROGRESS_VERSION and add a migration when the shape changes; that is a
 * ⚠️ BREAKING change for saved progress):
 * - v1: lessons, quizzes, sims, role-play choices, last position.
 */

export const PROGRESS_VERSION = 1;

/** One scored attempt of a quiz or simulation, as kept in progress. */
export interface AttemptRecord {
	score: number;
	max: number;
	/** Best score seen so far. */
	best: number;
	attempts: number;
	/** Epoch ms of the last attempt. */
	at: number;
	/** Seed of the scenario, for simulations. */
	seed?: string;
	/** Scorer-specific detail (answers, decisions), JSON-safe. */
	detail?: unknown;
}

export interface LessonRecord {
	visitedAt: number;
	completedAt?: number;
}

export interface ProgressState {
	v: typeof PROGRESS_VERSION;
	lessons: Record<string, LessonRecord>;
	quizzes: Record<string, AttemptRecord>;
	sims: Record<string, AttemptRecord>;
	last: { lessonId: string; at: number } | null;
}

/** What decoding found: clean data, data repaired by dropping bad entries, or a reset. */
export type DecodeStatus = 'ok' | 'repaired' | 'reset';

export const emptyProgress = (): ProgressState => ({ v: PROGRESS_VERSION, lessons: {}, quizzes: {}, sims: {}, last: null });

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const MAX_ID_LENGTH = 120;

function cleanRecord<T>(raw: unknown, check: (v: Record<string, unknown>) => T | null): { out: Record<string, T>; dropped: boolean } {
	const out: Record<string, T> = {};
	let dropped = !isObj(raw) && raw !== undefined;
	if (isObj(raw)) {
		for (const [k, v] of Object.entries(raw)) {
			const ok = k.length <= MAX_ID_LENGTH && isObj(v) ? check(v) : null;
			if (ok) out[k] = ok;
			else dropped = true;
		}
	}
	return { out, dropped };
}

function checkLesson(v: Record<string, unknown>): LessonRecord | null {
	if (!isNum(v['visitedAt'])) return null;
	const rec: LessonRecord = { visitedAt: v['visitedAt'] };
	if (isNum(v['completedAt'])) rec.completedAt = v['completedAt'];
	return rec;
}

function checkAttempt(v: Record<string, unknown>): AttemptRecord | null {
	const { score, max, best, attempts, at, seed, detail } = v;
	if (!isNum(score) || !isNum(max) || max <= 0 || score < 0 || score > max || !isNum(at)) return null;
	const rec: AttemptRecord = {
		score,
		max,
		best: isNum(best) && best >= score && best <= max ? best : score,
		attempts: isNum(attempts) && attempts >= 1 ? Math.floor(attempts) : 1,
		at,
	};
	if (typeof seed === 'string') rec.seed = seed;
	if (detail !== undefined) rec.detail = detail;
	return rec;
}

/** Decode saved progress; never throws. Unknown versions or unparseable text reset to empty. */
export function decodeProgress(raw: string | undefined | null): { state: ProgressState; status: DecodeStatus } {
	if (raw === undefined || raw === null || raw === '') return { state: emptyProgress(), status: 'ok' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return { state: emptyProgress(), status: 'reset' };
	}
	if (!isObj(parsed) || parsed['v'] !== PROGRESS_VERSION) return { state: emptyProgress(), status: 'reset' };
	const lessons = cleanRecord(parsed['lessons'], checkLesson);
	const quizzes = cleanRecord(parsed['quizzes'], checkAttempt);
	const sims = cleanRecord(parsed['sims'], checkAttempt);
	const lastRaw = parsed['last'];
	let last: ProgressState['last'] = null;
	let lastBad = false;
	if (isObj(lastRaw) && typeof lastRaw['lessonId'] === 'string' && isNum(lastRaw['at'])) {
		last = { lessonId: lastRaw['lessonId'].slice(0, MAX_ID_LENGTH), at: lastRaw['at'] };
	} else if (lastRaw !== null && lastRaw !== undefined) lastBad = true;
	const state: ProgressState = { v: PROGRESS_VERSION, lessons: lessons.out, quizzes: quizzes.out, sims: sims.out, last };
	const repaired = lessons.dropped || quizzes.dropped || sims.dropped || lastBad;
	return { state, status: repaired ? 'repaired' : 'ok' };
}

/** Serialise progress for storage. */
export function encodeProgress(state: ProgressState): string {
	return JSON.stringify(state);
}

/** Record a new attempt on top of an existing record. */
export function nextAttempt(
	prev: AttemptRecord | undefined,
	result: { score: number; max: number; seed?: string; detail?: unknown },
	at: number,
): AttemptRecord {
	const rec: AttemptRecord = {
		score: result.score,
		max: result.max,
		best: Math.max(result.score, prev && prev.max === result.max ? prev.best : 0),
		attempts: (prev?.attempts ?? 0) + 1,
		at,
	};
	if (result.seed !== undefined) rec.seed = result.seed;
	if (result.detail !== undefined) rec.detail = result.detail;
	return rec;
}
