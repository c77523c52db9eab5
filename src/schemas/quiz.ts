/** Knowledge-check (quiz) data: one JSON file per lesson in content/quizzes/. */
import { z } from 'astro/zod';

const text = z.string().trim().min(1);

/** One answer option of a single- or multiple-choice question. */
export const QuizOptionSchema = z.object({
	/** Stable id within the question. @example "a" */
	id: z.string().regex(/^[a-z0-9-]+$/),
	text,
	/** True for every correct option (exactly one for `single`). */
	correct: z.boolean().default(false),
	/** Why this option is right or wrong, shown after answering. */
	explanation: text,
});

const choiceBase = {
	/** Stable id within the quiz. @example "q1" */
	id: z.string().regex(/^[a-z0-9-]+$/),
	prompt: text,
	/** Heading text in the lesson that teaches this; the feedback links there. */
	section: z.string().optional(),
};

export const SingleQuestionSchema = z
	.object({ ...choiceBase, type: z.literal('single'), options: z.array(QuizOptionSchema).min(2) })
	.refine((q) => q.options.filter((o) => o.correct).length === 1, {
		message: 'a "single" question needs exactly one option with "correct": true',
		path: ['options'],
	});

export const MultipleQuestionSchema = z
	.object({ ...choiceBase, type: z.literal('multiple'), options: z.array(QuizOptionSchema).min(3) })
	.refine((q) => q.options.filter((o) => o.correct).length >= 2, {
		message: 'a "multiple" question needs at least two options with "correct": true',
		path: ['options'],
	});

/** An ordering question: `items` are listed in the correct order; the quiz shuffles them. */
export const OrderQuestionSchema = z.object({
	...choiceBase,
	type: z.literal('order'),
	items: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text, explanation: text })).min(3),
});

export const QuestionSchema = z.union([SingleQuestionSchema, MultipleQuestionSchema, OrderQuestionSchema]);

export const QuizSchema = z.object({
	/** Optional heading above the check. Defaults to 知识检查. */
	title: z.string().optional(),
	questions: z.array(QuestionSchema).min(3),
});

export type Quiz = z.output<typeof QuizSchema>;
export type Question = z.output<typeof QuestionSchema>;
