import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine, type PersistentListener } from '@nanostores/persistent';

const storage: Record<string, string> = {};
const listeners: PersistentListener[] = [];
setPersistentEngine(storage, {
	addEventListener: (_key, cb) => listeners.push(cb),
	removeEventListener: (_key, cb) => listeners.splice(listeners.indexOf(cb), 1),
});

const mod = await import('../../../src/stores/progress');
const { $progress, $progressNotice, $completedLessons, PROGRESS_KEY, recordQuiz, recordSim, resetProgress, setClock, setLessonComplete, visitLesson, dismissProgressNotice } = mod;

beforeEach(() => {
	for (const k of Object.keys(storage)) delete storage[k];
	setClock(() => 1000);
	keepMount($progress);
	resetProgress();
});
afterEach(() => cleanStores($progress, $progressNotice, $completedLessons));

describe('progress store', () => {
	test('records a visit as the resume point and persists it', () => {
		visitLesson('m1/01-macro-2023');
		expect($progress.get().last).toEqual({ lessonId: 'm1/01-macro-2023', at: 1000 });
		expect(JSON.parse(storage[PROGRESS_KEY] ?? '{}').lessons['m1/01-macro-2023']).toEqual({ visitedAt: 1000 });
	});

	test('keeps the first visit time on later visits', () => {
		visitLesson('a');
		setClock(() => 2000);
		visitLesson('a');
		expect($progress.get().lessons['a']).toEqual({ visitedAt: 1000 });
		expect($progress.get().last?.at).toBe(2000);
	});

	test('marks and unmarks completion', () => {
		keepMount($completedLessons);
		setLessonComplete('a', true);
		expect($completedLessons.get()).toEqual(['a']);
		setLessonComplete('a', false);
		expect($completedLessons.get()).toEqual([]);
		expect($progress.get().lessons['a']).toEqual({ visitedAt: 1000 });
	});

	test('saves quiz and simulation attempts', () => {
		recordQuiz('m1-01', { score: 4, max: 6 });
		recordQuiz('m1-01', { score: 6, max: 6 });
		recordSim('segmentation', { score: 5, max: 24, seed: 'classA' });
		expect($progress.get().quizzes['m1-01']).toMatchObject({ score: 6, best: 6, attempts: 2 });
		expect($progress.get().sims['segmentation']).toMatchObject({ seed: 'classA', attempts: 1 });
	});

	test('recovers from corrupted storage and raises a notice', () => {
		storage[PROGRESS_KEY] = '{"v":1,"lessons":{"x":{"visitedAt":"bad"}}}';
		for (const l of listeners) l({ key: PROGRESS_KEY, newValue: storage[PROGRESS_KEY] });
		expect($progress.get().lessons).toEqual({});
		expect($progressNotice.get()).toBe('repaired');
		dismissProgressNotice();
		expect($progressNotice.get()).toBeNull();
	});
});
