/**
 * Browser half of Quiz.astro: shows the last saved score, lets the learner reorder items with
 * buttons, refuses a submit with questions unanswered, and on the first valid submit fetches
 * quiz-grade.ts (scoring, saving, marking), so a lesson page does not ship the scorer up front.
 */
import { $progress } from '../../stores/progress';
import { interpolate } from '../../i18n/format';
import { lazyModule } from '../../lib/lazy';

type Strings = Record<'correct' | 'partial' | 'wrong' | 'score' | 'saved' | 'previous' | 'unanswered' | 'loadFailed', string>;

const loadGrader = lazyModule(() => import('./quiz-grade'));

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

	let grading = false;
	root.addEventListener('click', (e) => {
		const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-move]');
		if (!button || grading) return;
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
		if (grading) return; // the grader is on its way; this click is the same attempt
		const answers = readAnswers(root);
		const unanswered = [...root.querySelectorAll<HTMLElement>('.quiz-question')].filter(
			(li) => li.dataset['type'] !== 'order' && (answers[li.dataset['qid'] ?? ''] ?? []).length === 0,
		);
		missing.hidden = unanswered.length === 0;
		if (unanswered.length > 0) {
			missing.textContent = interpolate(s.unanswered, { count: unanswered.length });
			root.querySelector<HTMLElement>(`#quiz-${quizId}-${unanswered[0]!.dataset['qid'] ?? ''}`)?.focus();
			return;
		}
		// Answers are fixed at the click: inputs stay locked while the grader loads.
		grading = true;
		const inputs = [...root.querySelectorAll<HTMLInputElement>('input')];
		for (const input of inputs) input.disabled = true;
		submit.setAttribute('aria-busy', 'true');
		loadGrader().then(
			(g) => {
				grading = false;
				submit.removeAttribute('aria-busy');
				const { score, max } = g.gradeQuiz(root, quizId, answers, s);
				submit.hidden = true;
				retry.hidden = false;
				for (const ol of initialOrders.keys()) syncMoveButtons(ol);
				scoreLine.hidden = false;
				scoreLine.textContent = `${interpolate(s.score, { score, max })} ${s.saved}`;
				previous.hidden = true;
				retry.focus();
			},
			() => {
				// Offline or a broken link: say so and let the learner submit again.
				grading = false;
				submit.removeAttribute('aria-busy');
				for (const input of inputs) input.disabled = false;
				missing.hidden = false;
				missing.textContent = s.loadFailed;
			},
		);
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
