/**
 * The learner's progress: lessons visited/completed, quiz and simulation results, last position.
 * The only module that owns persistence: it keeps one versioned JSON document under one key through
 * @nanostores/persistent, whose engine (localStorage by default) an LMS adapter can replace.
 */
import { atom, computed } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import {
	decodeProgress,
	emptyProgress,
	encodeProgress,
	nextAttempt,
	type DecodeStatus,
	type ProgressState,
} from './progress-codec';
import { installLmsPersistence } from '../lms/runtime';

export const PROGRESS_KEY = 'sme-course:progress';

// LMS package build only (PUBLIC_LMS=1): inside an LMS launch, persist through the LMS (src/lms/runtime.ts).
// Statically false in the web build, so the import is tree-shaken away there.
if (import.meta.env.PUBLIC_LMS === '1') installLmsPersistence(PROGRESS_KEY);

/** Set when saved data had to be repaired or reset, so the UI can tell the learner once. */
export const $progressNotice = atom<Exclude<DecodeStatus, 'ok'> | null>(null);

let clock: () => number = () => Date.now();
/** Replace the clock (tests). */
export function setClock(now: () => number): void {
	clock = now;
}

export const $progress = persistentAtom<ProgressState>(PROGRESS_KEY, emptyProgress(), {
	encode: encodeProgress,
	decode: (raw) => {
		const { state, status } = decodeProgress(raw);
		if (status !== 'ok') $progressNotice.set(status);
		return state;
	},
});

function update(fn: (s: ProgressState) => ProgressState): void {
	$progress.set(fn($progress.get()));
}

/** Note that the learner opened a lesson (and make it the resume point). */
export function visitLesson(lessonId: string): void {
	const at = clock();
	update((s) => ({
		...s,
		lessons: { ...s.lessons, [lessonId]: { ...s.lessons[lessonId], visitedAt: s.lessons[lessonId]?.visitedAt ?? at } },
		last: { lessonId, at },
	}));
}

/** Mark a lesson complete, or not. */
export function setLessonComplete(lessonId: string, complete: boolean): void {
	const at = clock();
	update((s) => {
		const prev = s.lessons[lessonId] ?? { visitedAt: at };
		const { completedAt: _drop, ...rest } = prev;
		return { ...s, lessons: { ...s.lessons, [lessonId]: complete ? { ...rest, completedAt: at } : rest } };
	});
}

/** Save a knowledge-check result. */
export function recordQuiz(quizId: string, result: { score: number; max: number; detail?: unknown }): void {
	const at = clock();
	update((s) => ({ ...s, quizzes: { ...s.quizzes, [quizId]: nextAttempt(s.quizzes[quizId], result, at) } }));
}

/** Save a simulation result. */
export function recordSim(simId: string, result: { score: number; max: number; seed?: string; detail?: unknown }): void {
	const at = clock();
	update((s) => ({ ...s, sims: { ...s.sims, [simId]: nextAttempt(s.sims[simId], result, at) } }));
}

/** Forget everything on this device. */
export function resetProgress(): void {
	$progress.set(emptyProgress());
	$progressNotice.set(null);
}

/** Dismiss the repaired/reset notice. */
export function dismissProgressNotice(): void {
	$progressNotice.set(null);
}

/** Ids of completed lessons. */
export const $completedLessons = computed($progress, (s) =>
	Object.entries(s.lessons)
		.filter(([, r]) => r.completedAt !== undefined)
		.map(([id]) => id),
);
