/**
 * Knowledge-check scoring for single-choice, multiple-choice and ordering questions.
 *
 * Points per question (each question is worth `pointsPerQuestion`, default 1):
 * - single: full points when the chosen option is the correct one, else 0;
 * - multiple: partial credit max(0, (correct chosen − wrong chosen) ÷ number of correct options);
 * - order: the share of item PAIRS the learner puts in the same relative order as the key (a
 *   Kendall-tau-like concordance: 1 = exact order, 0 = fully reversed). Items missing from the
 *   answer make every pair they belong to count as wrong; unknown or repeated ids are ignored.
 *
 * The question shape is structural (it matches src/schemas/quiz.ts without importing it). Answers
 * are keyed by question id: an option id (single), option ids (multiple) or item ids in the
 * learner's order (order). A missing or malformed answer scores 0 and never throws.
 */
import { makeFeedback, type Feedback, type Finding } from './feedback';

/** A single- or multiple-choice question: options flagged correct. */
export interface ChoiceQuestion {
	id: string;
	type: 'single' | 'multiple';
	options: readonly { id: string; correct?: boolean }[];
	section?: string;
}

/** An ordering question: `items` listed in the correct order. */
export interface OrderQuestion {
	id: string;
	type: 'order';
	items: readonly { id: string }[];
	section?: string;
}

/** Any question the scorer understands. */
export type QuizQuestion = ChoiceQuestion | OrderQuestion;

/** The learner's answers keyed by question id. */
export type QuizAnswers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Weights of the quiz score. */
export interface QuizWeights {
	/** Points each question is worth. */
	pointsPerQuestion: number;
}

/** Default quiz weights: one point per question. */
export const DEFAULT_QUIZ_WEIGHTS: QuizWeights = { pointsPerQuestion: 1 };

/** The share (0..1) of one question earned by an answer. */
export function questionCredit(question: QuizQuestion, answer: unknown): number {
	if (question.type === 'order') return orderCredit(question, answer);
	const chosen = toIds(answer);
	const correct = new Set(question.options.filter((o) => o.correct === true).map((o) => o.id));
	if (question.type === 'single') {
		return chosen.length === 1 && correct.has(chosen[0] as string) ? 1 : 0;
	}
	if (correct.size === 0) return 0;
	const known = new Set(question.options.map((o) => o.id));
	const unique = [...new Set(chosen)].filter((id) => known.has(id));
	const right = unique.filter((id) => correct.has(id)).length;
	return Math.max(0, (right - (unique.length - right)) / correct.size);
}

function orderCredit(question: OrderQuestion, answer: unknown): number {
	const key = question.items.map((i) => i.id);
	const pairs = (key.length * (key.length - 1)) / 2;
	if (pairs === 0) return 0;
	const position = new Map<string, number>();
	for (const id of toIds(answer)) {
		if (key.includes(id) && !position.has(id)) position.set(id, position.size);
	}
	let concordant = 0;
	for (let i = 0; i < key.length; i++) {
		for (let j = i + 1; j < key.length; j++) {
			const a = position.get(key[i] as string);
			const b = position.get(key[j] as string);
			if (a !== undefined && b !== undefined && a < b) concordant++;
		}
	}
	return concordant / pairs;
}

function toIds(answer: unknown): string[] {
	if (typeof answer === 'string') return [answer];
	if (Array.isArray(answer)) return answer.filter((x): x is string => typeof x === 'string');
	return [];
}

/** Score a knowledge check: one `quiz` dimension and one finding per question (subject = question id). */
export function scoreQuiz(
	questions: readonly QuizQuestion[],
	answers: QuizAnswers,
	weights: QuizWeights = DEFAULT_QUIZ_WEIGHTS,
): Feedback {
	const per =
		Number.isFinite(weights.pointsPerQuestion) && weights.pointsPerQuestion >= 0
			? weights.pointsPerQuestion
			: 1;
	const findings: Finding[] = [];
	let score = 0;
	for (const q of questions) {
		const answer = (answers as Record<string, unknown>)[q.id];
		const credit = questionCredit(q, answer);
		const points = Math.round(credit * per * 100) / 100;
		score += points;
		const answered = toIds(answer).length > 0;
		const code = !answered
			? 'quiz.unanswered'
			: credit === 1
				? 'quiz.correct'
				: credit > 0
					? 'quiz.partial'
					: 'quiz.wrong';
		const severity = credit === 1 ? 'good' : credit > 0 ? 'minor' : 'major';
		findings.push({
			code,
			severity,
			dimension: 'quiz',
			topic: 'knowledge-check',
			subject: q.id,
			data: {
				correct: credit === 1,
				points,
				max: per,
				...(q.section ? { section: q.section } : {}),
			},
		});
	}
	return makeFeedback('quiz', [{ id: 'quiz', score, max: questions.length * per }], findings);
}
