import { describe, expect, test } from 'vitest';
import { courseResult, courseScore, lessonStatus12, status2004 } from '../../../src/lms/score';
import { emptyProgress, type AttemptRecord } from '../../../src/stores/progress-codec';

const outline = { lessons: ['a', 'b'], quizzes: ['q1', 'q2', 'q3', 'q4'], sims: ['s1', 's2'] };
const rec = (best: number, max: number): AttemptRecord => ({ score: best, max, best, attempts: 1, at: 1 });

describe('course score (README § LMS: mean of the quiz part and the simulation part)', () => {
	test('no score before any quiz or simulation of the course', () => {
		const s = emptyProgress();
		s.quizzes['not-in-course'] = rec(5, 5);
		expect(courseScore(s, outline)).toBeNull();
	});

	test('each part is the mean best ratio over all items of the course, untaken ones count 0', () => {
		const s = emptyProgress();
		s.quizzes['q1'] = rec(6, 6);
		s.quizzes['q2'] = rec(3, 6);
		s.sims['s1'] = { ...rec(12, 12), score: 4 }; // the best attempt counts, not the last
		// quizzes (1 + 0.5 + 0 + 0) / 4 = 0.375; sims (1 + 0) / 2 = 0.5; score (0.375 + 0.5) / 2
		expect(courseScore(s, outline)).toEqual({ scaled: 0.4375, quizzes: 0.375, sims: 0.5 });
	});

	test('a course without simulations scores on its quizzes only (and vice versa)', () => {
		const s = emptyProgress();
		s.quizzes['q1'] = rec(1, 2);
		expect(courseScore(s, { quizzes: ['q1'], sims: [] })).toEqual({ scaled: 0.5, quizzes: 0.5, sims: null });
		s.sims['s1'] = rec(3, 4);
		expect(courseScore(s, { quizzes: [], sims: ['s1'] })).toEqual({ scaled: 0.75, quizzes: null, sims: 0.75 });
	});

	test('ratios are clamped to 0..1 and rounded to 4 decimals', () => {
		const s = emptyProgress();
		s.quizzes['q1'] = { score: 1, max: 3, best: 7, attempts: 1, at: 1 };
		s.sims['s1'] = rec(1, 3);
		expect(courseScore(s, { quizzes: ['q1'], sims: ['s1'] })?.scaled).toBe(0.6667);
	});
});

describe('completion and success', () => {
	const done = () => {
		const s = emptyProgress();
		s.lessons['a'] = { visitedAt: 1, completedAt: 2 };
		s.lessons['b'] = { visitedAt: 1, completedAt: 2 };
		return s;
	};

	test('complete when every lesson is complete; passed at the mastery score exactly', () => {
		const s = done();
		for (const q of outline.quizzes) s.quizzes[q] = rec(8, 10);
		for (const x of outline.sims) s.sims[x] = rec(8, 10);
		const r = courseResult(s, outline, 0.8);
		expect(r).toMatchObject({ lessonsDone: 2, lessonsTotal: 2, completed: true, passed: true });
		expect(lessonStatus12(r)).toBe('passed');
		expect(status2004(r)).toEqual({ completion: 'completed', success: 'passed' });
	});

	test('SCORM 1.2: incomplete until every lesson is done, then passed or failed', () => {
		const s = done();
		delete s.lessons['b'];
		s.quizzes['q1'] = rec(10, 10);
		const r = courseResult(s, outline, 0.8);
		expect(r.completed).toBe(false);
		expect(lessonStatus12(r)).toBe('incomplete');
		expect(status2004(r)).toEqual({ completion: 'incomplete', success: 'failed' });
		expect(lessonStatus12(courseResult(done(), outline, 0.8))).toBe('completed'); // complete, nothing scored yet
		const scored = done();
		scored.quizzes['q1'] = rec(1, 10);
		expect(lessonStatus12(courseResult(scored, outline, 0.8))).toBe('failed');
	});

	test('SCORM 2004: success unknown before any score', () => {
		expect(status2004(courseResult(emptyProgress(), outline, 0.8))).toEqual({ completion: 'incomplete', success: 'unknown' });
	});
});
