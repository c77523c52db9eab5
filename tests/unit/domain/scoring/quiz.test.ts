import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { questionCredit, scoreQuiz, type QuizQuestion } from '../../../../src/domain/scoring/quiz';
import { messageProblems } from '../b-fixtures';

const single: QuizQuestion = {
	id: 'q1',
	type: 'single',
	options: [{ id: 'a', correct: true }, { id: 'b' }, { id: 'c', correct: false }],
	section: '两增两控',
};
const multiple: QuizQuestion = {
	id: 'q2',
	type: 'multiple',
	options: [
		{ id: 'a', correct: true },
		{ id: 'b', correct: true },
		{ id: 'c', correct: true },
		{ id: 'd' },
	],
};
const order: QuizQuestion = {
	id: 'q3',
	type: 'order',
	items: [{ id: 'x' }, { id: 'y' }, { id: 'z' }, { id: 'w' }],
};
const QUESTIONS = [single, multiple, order];

describe('questionCredit', () => {
	test('gives a single-choice question all or nothing', () => {
		expect(questionCredit(single, 'a')).toBe(1);
		expect(questionCredit(single, 'b')).toBe(0);
		expect(questionCredit(single, ['a', 'b'])).toBe(0);
		expect(questionCredit(single, undefined)).toBe(0);
	});

	test('gives partial credit on multiple choice: (right − wrong) ÷ correct count, floored at 0', () => {
		expect(questionCredit(multiple, ['a', 'b', 'c'])).toBe(1);
		expect(questionCredit(multiple, ['a', 'b'])).toBeCloseTo(2 / 3, 10);
		expect(questionCredit(multiple, ['a', 'b', 'd'])).toBeCloseTo(1 / 3, 10);
		expect(questionCredit(multiple, ['d'])).toBe(0);
		expect(questionCredit(multiple, ['a', 'a', 'zzz'])).toBeCloseTo(1 / 3, 10);
		expect(questionCredit({ id: 'q', type: 'multiple', options: [{ id: 'a' }] }, ['a'])).toBe(0);
	});

	test('scores ordering by the share of pairs in the right relative order', () => {
		expect(questionCredit(order, ['x', 'y', 'z', 'w'])).toBe(1);
		expect(questionCredit(order, ['w', 'z', 'y', 'x'])).toBe(0);
		expect(questionCredit(order, ['y', 'x', 'z', 'w'])).toBeCloseTo(5 / 6, 10);
		expect(questionCredit(order, ['x', 'y'])).toBeCloseTo(1 / 6, 10);
		expect(questionCredit(order, ['x', 'x', 'q', 'y', 'z', 'w'])).toBe(1);
		expect(questionCredit({ id: 'o', type: 'order', items: [{ id: 'only' }] }, ['only'])).toBe(0);
	});
});

describe('scoreQuiz', () => {
	test('sums points into one quiz dimension with a finding per question', () => {
		const fb = scoreQuiz(QUESTIONS, { q1: 'a', q2: ['a', 'b'], q3: ['w', 'z', 'y', 'x'] });
		expect(fb.kind).toBe('quiz');
		expect(fb.dimensions).toEqual([{ id: 'quiz', score: 1.7, max: 3 }]);
		expect(fb.findings.map((f) => [f.subject, f.code, f.data['correct']])).toEqual([
			['q1', 'quiz.correct', true],
			['q2', 'quiz.partial', false],
			['q3', 'quiz.wrong', false],
		]);
		expect(fb.findings[0]?.data['section']).toBe('两增两控');
	});

	test('marks missing answers unanswered and honours the points weight', () => {
		const fb = scoreQuiz(QUESTIONS, {}, { pointsPerQuestion: 2 });
		expect(fb.max).toBe(6);
		expect(fb.score).toBe(0);
		expect(fb.findings.every((f) => f.code === 'quiz.unanswered')).toBe(true);
		expect(scoreQuiz(QUESTIONS, {}, { pointsPerQuestion: Number.NaN }).max).toBe(3);
	});

	test('stays within [0, max] and never throws on arbitrary answers', () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom('q1', 'q2', 'q3', 'zz'),
					fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined)),
				),
				(answers) => {
					const fb = scoreQuiz(QUESTIONS, answers);
					expect(fb.score).toBeGreaterThanOrEqual(0);
					expect(fb.score).toBeLessThanOrEqual(fb.max);
				},
			),
		);
	});

	test('never scores a question lower when one more correct option is chosen', () => {
		fc.assert(
			fc.property(fc.subarray(['a', 'b', 'c', 'd']), (chosen) => {
				const missing = ['a', 'b', 'c'].find((id) => !chosen.includes(id));
				if (missing === undefined) return;
				expect(questionCredit(multiple, [...chosen, missing])).toBeGreaterThanOrEqual(
					questionCredit(multiple, chosen),
				);
			}),
		);
	});
});

describe('messages', () => {
	test('exist for every quiz finding and the quiz dimension', () => {
		const a = scoreQuiz(QUESTIONS, { q1: 'a', q2: ['a'], q3: ['w', 'z', 'y', 'x'] });
		const b = scoreQuiz(QUESTIONS, {});
		expect(messageProblems([...a.findings, ...b.findings], ['quiz'])).toEqual([]);
	});
});
