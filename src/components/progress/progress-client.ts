/**
 * Browser half of the small progress widgets (no framework): lesson visit + "mark complete", module
 * progress bars, "continue where you left off", and the notice shown when saved data was repaired.
 */
import { $completedLessons, $progress, $progressNotice, dismissProgressNotice, setLessonComplete, visitLesson } from '../../stores/progress';
import { interpolate } from '../../i18n/format';

const json = <T>(s: string | undefined, fallback: T): T => {
	try {
		return s ? (JSON.parse(s) as T) : fallback;
	} catch {
		return fallback;
	}
};

function lessonWidget(el: HTMLElement): void {
	const id = el.dataset['lessonProgress'] ?? '';
	const markBtn = el.querySelector<HTMLButtonElement>('[data-mark]')!;
	const done = el.querySelector<HTMLElement>('[data-done]')!;
	const undo = el.querySelector<HTMLButtonElement>('[data-undo]')!;
	visitLesson(id);
	$completedLessons.subscribe((ids) => {
		const complete = ids.includes(id);
		markBtn.hidden = complete;
		done.hidden = !complete;
	});
	markBtn.addEventListener('click', () => {
		setLessonComplete(id, true);
		undo.focus();
	});
	undo.addEventListener('click', () => {
		setLessonComplete(id, false);
		markBtn.focus();
	});
}

function moduleWidget(el: HTMLElement): void {
	const ids = json<string[]>(el.dataset['moduleProgress'], []);
	const bar = el.querySelector('progress')!;
	const label = el.querySelector<HTMLElement>('[data-label]')!;
	const template = el.dataset['template'] ?? '';
	$completedLessons.subscribe((completed) => {
		const done = ids.filter((id) => completed.includes(id)).length;
		bar.value = done;
		label.textContent = interpolate(template, { done, total: ids.length });
		bar.setAttribute('aria-label', label.textContent);
	});
}

function resumeWidget(el: HTMLAnchorElement): void {
	const lessons = json<Record<string, { title: string; href: string }>>(el.dataset['lessons'], {});
	$progress.subscribe((p) => {
		const last = p.last && lessons[p.last.lessonId];
		if (last) {
			el.href = last.href;
			el.textContent = interpolate(el.dataset['continue'] ?? '', { title: last.title });
		}
	});
}

function noticeWidget(el: HTMLElement): void {
	el.querySelector('button')?.addEventListener('click', dismissProgressNotice);
	$progressNotice.subscribe((n) => {
		el.hidden = n === null;
	});
}

/** Wire every progress widget on the page. */
export function wireProgressWidgets(): void {
	for (const el of document.querySelectorAll<HTMLElement>('[data-progress-notice]')) noticeWidget(el);
	for (const el of document.querySelectorAll<HTMLElement>('[data-lesson-progress]')) lessonWidget(el);
	for (const el of document.querySelectorAll<HTMLElement>('[data-module-progress]')) moduleWidget(el);
	for (const el of document.querySelectorAll<HTMLAnchorElement>('a[data-resume]')) resumeWidget(el);
}
