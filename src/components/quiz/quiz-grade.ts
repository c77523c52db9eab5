/**
 * The graded half of a knowledge check, fetched by quiz-client.ts when the learner first submits
 * (a lesson page loads only what answering needs): scores the answers with the shared scoring
 * module, saves the result to progress and marks every question and option on the page.
 */
import { scoreQuiz, type QuizQuestion } from '../../domain/scoring/quiz';
import { recordQuiz } from '../../stores/progress';

/** The verdict labels, from the quiz's `data-strings`. */
export type VerdictStrings = Record<'correct' | 'partial' | 'wrong', string>;

/** The questions and their keys as the markup carries them. */
function readQuestions(root: HTMLElement): QuizQuestion[] {
	return [...root.querySelectorAll<HTMLElement>('.quiz-question')].map((li) => {
		const id = li.dataset['qid'] ?? '';
		if (li.dataset['type'] === 'order') {
			const items = [...li.querySelectorAll<HTMLElement>('.quiz-order > li')]
				.map((it) => ({ id: it.dataset['item'] ?? '', rank: Number(it.dataset['rank']) }))
				.sort((a, b) => a.rank - b.rank)
				.map(({ id: itemId }) => ({ id: itemId }));
			return { id, type: 'order', items };
		}
		const options = [...li.querySelectorAll<HTMLElement>('.quiz-options > li')].map((o) => ({
			id: o.dataset['option'] ?? '',
			correct: o.dataset['correct'] === 'true',
		}));
		return { id, type: li.dataset['type'] === 'multiple' ? 'multiple' : 'single', options };
	});
}

/** Score `answers`, save them and show each question's verdict and every option's explanation. */
export function gradeQuiz(root: HTMLElement, quizId: string, answers: Record<string, string[]>, s: VerdictStrings): { score: number; max: number } {
	const feedback = scoreQuiz(readQuestions(root), answers, { pointsPerQuestion: Number(root.dataset['points'] ?? 1) });
	recordQuiz(quizId, { score: feedback.score, max: feedback.max, detail: answers });
	for (const li of root.querySelectorAll<HTMLElement>('.quiz-question')) {
		const f = feedback.findings.find((x) => x.subject === li.dataset['qid']);
		const points = Number(f?.data['points'] ?? 0);
		const verdict = f?.data['correct'] ? 'correct' : points > 0 ? 'partial' : 'wrong';
		const result = li.querySelector<HTMLElement>('.quiz-result')!;
		result.hidden = false;
		result.className = `quiz-result quiz-${verdict}`;
		result.querySelector('[data-verdict]')!.textContent = s[verdict];
		for (const opt of li.querySelectorAll<HTMLElement>('.quiz-options > li')) {
			const chosen = opt.querySelector<HTMLInputElement>('input')!.checked;
			opt.classList.toggle('opt-correct', opt.dataset['correct'] === 'true');
			opt.classList.toggle('opt-wrong', chosen && opt.dataset['correct'] !== 'true');
			opt.querySelector<HTMLElement>('.opt-explanation')!.hidden = false;
			opt.querySelector<HTMLElement>('.opt-yours')!.hidden = !chosen;
		}
	}
	return { score: feedback.score, max: feedback.max };
}
