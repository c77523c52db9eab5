import { describe, expect, test } from 'vitest';
import { newAttempts, time12, timespan12, timespan2004, timestamp2004 } from '../../../src/lms/interactions';
import { emptyProgress, nextAttempt } from '../../../src/stores/progress-codec';

describe('interactions from progress changes', () => {
	test('one event per new quiz or simulation attempt, oldest first; unchanged records give none', () => {
		const prev = emptyProgress();
		prev.quizzes['m1-01'] = nextAttempt(undefined, { score: 3, max: 6 }, 100);
		const next = structuredClone(prev);
		expect(newAttempts(prev, next)).toEqual([]);
		next.sims['segmentation'] = nextAttempt(undefined, { score: 11, max: 12, seed: 'abc' }, 300);
		next.quizzes['m1-01'] = nextAttempt(prev.quizzes['m1-01'], { score: 6, max: 6 }, 200);
		next.quizzes['m2/x y'] = nextAttempt(undefined, { score: 0, max: 4 }, 250);
		expect(newAttempts(prev, next)).toEqual([
			{ id: 'quiz-m1-01-2', kind: 'quiz', itemId: 'm1-01', attempt: 2, score: 6, max: 6, percent: 100, at: 200 },
			{ id: 'quiz-m2_x_y-1', kind: 'quiz', itemId: 'm2/x y', attempt: 1, score: 0, max: 4, percent: 0, at: 250 },
			{ id: 'sim-segmentation-1', kind: 'sim', itemId: 'segmentation', attempt: 1, score: 11, max: 12, percent: 91.7, at: 300, seed: 'abc' },
		]);
	});
});

describe('SCORM times', () => {
	test('1.2 timespan HHHH:MM:SS.SS, capped at 9999 hours', () => {
		expect(timespan12(0)).toBe('0000:00:00.00');
		expect(timespan12(3_723_450)).toBe('0001:02:03.45');
		expect(timespan12(1e12)).toMatch(/^9999:/);
		expect(timespan12(-5)).toBe('0000:00:00.00');
	});
	test('2004 ISO 8601 durations', () => {
		expect(timespan2004(0)).toBe('PT0S');
		expect(timespan2004(3_723_450)).toBe('PT1H2M3.45S');
		expect(timespan2004(120_000)).toBe('PT2M');
		expect(timespan2004(500)).toBe('PT0.5S');
	});
	test('1.2 time of day and 2004 timestamps', () => {
		const at = new Date(2026, 10, 20, 9, 5, 7).getTime();
		expect(time12(at)).toBe('09:05:07');
		expect(timestamp2004(Date.UTC(2026, 10, 20, 8, 15, 0, 123))).toBe('2026-11-20T08:15:00.12Z');
	});
});
