import { describe, expect, test } from 'vitest';
import { decodeProgress, emptyProgress, encodeProgress, nextAttempt, PROGRESS_VERSION } from '../../../src/stores/progress-codec';

describe('decodeProgress', () => {
	test('returns empty progress for nothing saved', () => {
		expect(decodeProgress(undefined)).toEqual({ state: emptyProgress(), status: 'ok' });
		expect(decodeProgress('')).toEqual({ state: emptyProgress(), status: 'ok' });
	});

	test('round-trips a valid document', () => {
		const state = {
			...emptyProgress(),
			lessons: { 'm1/01-macro-2023': { visitedAt: 1, completedAt: 2 } },
			quizzes: { 'm1-01': { score: 3, max: 5, best: 4, attempts: 2, at: 5, detail: { q1: ['a'] } } },
			sims: { segmentation: { score: 10, max: 24, best: 10, attempts: 1, at: 6, seed: 'classA' } },
			last: { lessonId: 'm1/01-macro-2023', at: 7 },
		};
		expect(decodeProgress(encodeProgress(state))).toEqual({ state, status: 'ok' });
	});

	test('resets unparseable text', () => {
		expect(decodeProgress('{not json')).toEqual({ state: emptyProgress(), status: 'reset' });
	});

	test('resets an unknown version', () => {
		expect(decodeProgress(JSON.stringify({ v: PROGRESS_VERSION + 1, lessons: {} })).status).toBe('reset');
		expect(decodeProgress('[]').status).toBe('reset');
		expect(decodeProgress('null').status).toBe('reset');
	});

	test('keeps good entries and drops bad ones, reporting a repair', () => {
		const raw = JSON.stringify({
			v: PROGRESS_VERSION,
			lessons: { good: { visitedAt: 1 }, bad: { visitedAt: 'x' }, alsoBad: 3 },
			quizzes: { ok: { score: 1, max: 2, at: 3 }, over: { score: 5, max: 2, at: 3 }, neg: { score: -1, max: 2, at: 3 } },
			sims: 'oops',
			last: { lessonId: 42 },
		});
		const { state, status } = decodeProgress(raw);
		expect(status).toBe('repaired');
		expect(Object.keys(state.lessons)).toEqual(['good']);
		expect(state.quizzes['ok']).toEqual({ score: 1, max: 2, best: 1, attempts: 1, at: 3 });
		expect(Object.keys(state.quizzes)).toEqual(['ok']);
		expect(state.sims).toEqual({});
		expect(state.last).toBeNull();
	});

	test('drops absurdly long ids', () => {
		const raw = JSON.stringify({ v: PROGRESS_VERSION, lessons: { ['x'.repeat(500)]: { visitedAt: 1 } }, quizzes: {}, sims: {}, last: null });
		expect(decodeProgress(raw)).toEqual({ state: emptyProgress(), status: 'repaired' });
	});
});

describe('nextAttempt', () => {
	test('counts attempts and keeps the best score', () => {
		const a = nextAttempt(undefined, { score: 3, max: 5 }, 10);
		expect(a).toEqual({ score: 3, max: 5, best: 3, attempts: 1, at: 10 });
		const b = nextAttempt(a, { score: 2, max: 5, seed: 's', detail: [1] }, 20);
		expect(b).toEqual({ score: 2, max: 5, best: 3, attempts: 2, at: 20, seed: 's', detail: [1] });
	});

	test('restarts the best score when the maximum changes', () => {
		const a = nextAttempt(undefined, { score: 9, max: 10 }, 1);
		expect(nextAttempt(a, { score: 4, max: 20 }, 2).best).toBe(4);
	});
});
