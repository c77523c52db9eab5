/**
 * Browser half of Quiz.astro: reads the questions from the markup, lets the learner reorder items
 * with buttons, scores with the shared scoring module and saves the result to progress.
 */
import { scoreQuiz, type QuizQuestion } from '../../domain/scoring/quiz';
import { $progress, recordQuiz } from '../../stores/progress';
import { interpolate } from '../../i18n/format';

type Strings = Record<'correct' | 'partial' | 'wrong' | 'score' | 'saved' | 'previous' | 'unanswered', string>;

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

function readAnswers(root: HTMLElement): Record<string, string[]> {
	const answers: Record<string, string[]> = {};
	for (const li of root.querySelectorAll<HTMLElement>('.quiz-question')) {
		const id = li.dataset['qid'] ?? '';
		answers[id] =
			li.dataset['type'] === 'order'
				? [...li.querySelectorAll<HTMLElement>('.quiz-order > li')].map((it) => it.dataset['item'] ?? '')
				: [...li.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
	}
	return answers;
}

function enhance(root: HTMLElement): void {
	const quizId = root.dataset['quiz'] ?? '';
	const s = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
	const form = root.querySelector('form')!;
	const submit = root.querySelector<HTMLButtonElement>('[data-quiz-submit]')!;
	const retry = root.querySelector<HTMLButtonElement>('[data-quiz-retry]')!;
	const missing = root.querySelector<HTMLElement>('[data-quiz-missing]')!;
	const scoreLine = root.querySelector<HTMLElement>('[data-quiz-score]')!;
	const previous = root.querySelector<HTMLElement>('[data-quiz-previous]')!;
	const questions = readQuestions(root);
	const initialOrders = new Map<HTMLElement, HTMLElement[]>();
	for (const ol of root.querySelectorAll<HTMLElement>('.quiz-order')) initialOrders.set(ol, [...ol.children] as HTMLElement[]);

	const showPrevious = () => {
		const rec = $progress.get().quizzes[quizId];
		previous.hidden = !rec || !scoreLine.hidden;
		if (rec) previous.textContent = interpolate(s.previous, { score: rec.score, max: rec.max });
	};
	showPrevious();

	const syncMoveButtons = (ol: HTMLElement) => {
		const items = [...ol.children] as HTMLElement[];
		items.forEach((it, i) => {
			const [up, down] = it.querySelectorAll<HTMLButtonElement>('button[data-move]');
			if (up) up.disabled = i === 0 || submit.hidden === true;
			if (down) down.disabled = i === items.length - 1 || submit.hidden === true;
		});
	};
	for (const ol of initialOrders.keys()) syncMoveButtons(ol);

	root.addEventListener('click', (e) => {
		const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-move]');
		if (!button) return;
		const item = button.closest('li')!;
		const ol = item.parentElement!;
		const dir = Number(button.dataset['move']);
		const sibling = dir < 0 ? item.previousElementSibling : item.nextElementSibling;
		if (!sibling) return;
		if (dir < 0) ol.insertBefore(item, sibling);
		else ol.insertBefore(sibling, item);
		syncMoveButtons(ol);
		// Keep focus on the moved item's button; fall back to the other one at the ends.
		(button.disabled ? item.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)') : button)?.focus();
	});

	form.addEventListener('submit', (e) => {
		e.preventDefault();
		const answers = readAnswers(root);
		const unanswered = questions.filter((q) => q.type !== 'order' && (answers[q.id] ?? []).length === 0);
		missing.hidden = unanswered.length === 0;
		if (unanswered.length > 0) {
			missing.textContent = interpolate(s.unanswered, { count: unanswered.length });
			root.querySelector<HTMLElement>(`#quiz-${quizId}-${unanswered[0]!.id}`)?.focus();
			return;
		}
		const feedback = scoreQuiz(questions, answers, { pointsPerQuestion: Number(root.dataset['points'] ?? 1) });
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
		for (const input of root.querySelectorAll<HTMLInputElement>('input')) input.disabled = true;
		submit.hidden = true;
		retry.hidden = false;
		for (const ol of initialOrders.keys()) syncMoveButtons(ol);
		scoreLine.hidden = false;
		scoreLine.textContent = `${interpolate(s.score, { score: feedback.score, max: feedback.max })} ${s.saved}`;
		previous.hidden = true;
		retry.focus();
	});

	retry.addEventListener('click', () => {
		form.reset();
		for (const input of root.querySelectorAll<HTMLInputElement>('input')) input.disabled = false;
		for (const [ol, items] of initialOrders) {
			ol.replaceChildren(...items);
		}
		for (const el of root.querySelectorAll<HTMLElement>('.quiz-result, .opt-explanation, .opt-yours')) {
			if (!el.closest('.quiz-result') || el.classList.contains('quiz-result')) el.hidden = true;
		}
		for (const opt of root.querySelectorAll<HTMLElement>('.quiz-options > li')) opt.classList.remove('opt-correct', 'opt-wrong');
		submit.hidden = false;
		retry.hidden = true;
		scoreLine.hidden = true;
		missing.hidden = true;
		for (const ol of initialOrders.keys()) syncMoveButtons(ol);
		showPrevious();
		root.querySelector<HTMLElement>('legend')?.focus();
	});
}

/** Enhance every quiz on the page (idempotent). */
export function enhanceQuizzes(): void {
	for (const root of document.querySelectorAll<HTMLElement>('[data-quiz]:not([data-enhanced])')) {
		root.dataset['enhanced'] = '';
		enhance(root);
	}
}
