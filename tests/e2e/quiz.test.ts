import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAbortedDownloads, failNextRequest, hydrateAll } from './support';

interface Q {
	id: string;
	type: 'single' | 'multiple' | 'order';
	options?: { id: string; text: string; correct?: boolean }[];
	items?: { id: string; text: string }[];
}
const quiz = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'quizzes', 'm1-01.json'), 'utf8')) as { questions: Q[] };

test('a learner answers the knowledge check with the keyboard only, gets explanations and a saved score', async ({ page }) => {
	await page.goto('lessons/m1/01-macro-2023/');
	await hydrateAll(page);
	const form = page.locator('section.quiz form');
	// Submitting with nothing answered is refused with a clear message.
	await form.getByRole('button', { name: '提交答案' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('.quiz-missing')).toContainText('未作答');

	for (const [i, q] of quiz.questions.entries()) {
		const fs = form.locator('fieldset').nth(i);
		if (q.type === 'order') {
			// Put items in the right order with the move buttons, driven from the keyboard.
			for (let target = 0; target < (q.items ?? []).length; target++) {
				const want = q.items![target]!.text;
				for (let guard = 0; guard < 10; guard++) {
					const texts = await fs.locator('.quiz-order-text').allTextContents();
					const at = texts.indexOf(want);
					if (at <= target) break;
					await fs.locator('.quiz-order > li', { hasText: want }).getByRole('button', { name: '上移' }).focus();
					await page.keyboard.press('Enter');
				}
			}
		} else {
			for (const o of q.options ?? []) {
				if (!o.correct) continue;
				await fs.getByLabel(o.text, { exact: true }).focus();
				await page.keyboard.press('Space');
			}
		}
	}
	await form.getByRole('button', { name: '提交答案' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('.quiz-score')).toContainText(`得分 ${quiz.questions.length} / ${quiz.questions.length}`);
	await expect(page.locator('.quiz-result.quiz-correct')).toHaveCount(quiz.questions.length);
	// every option's explanation is shown after submitting
	const optionCount = quiz.questions.reduce((s, q) => s + (q.options?.length ?? 0), 0);
	await expect(form.locator('.quiz-options .opt-explanation')).toHaveCount(optionCount);
	await page.reload();
	await hydrateAll(page);
	await expect(page.locator('section.quiz')).toContainText(`上次成绩：${quiz.questions.length} / ${quiz.questions.length}`);
});

test('a wrong answer is marked wrong, explained, and can be retried', async ({ page }) => {
	await page.goto('lessons/m1/01-macro-2023/');
	await hydrateAll(page);
	const form = page.locator('section.quiz form');
	for (const [i, q] of quiz.questions.entries()) {
		if (q.type === 'order') continue;
		const wrong = (q.options ?? []).find((o) => !o.correct)!;
		await form.locator('fieldset').nth(i).getByLabel(wrong.text, { exact: true }).check();
	}
	await form.getByRole('button', { name: '提交答案' }).click();
	const firstChoice = quiz.questions.findIndex((q) => q.type !== 'order');
	await expect(form.locator('fieldset').nth(firstChoice).locator('.quiz-result')).toContainText('回答错误');
	await expect(form.locator('fieldset').nth(firstChoice).locator('.opt-wrong .opt-explanation')).toContainText('你的选择');
	await form.getByRole('button', { name: '重新作答' }).click();
	await expect(form.getByRole('button', { name: '提交答案' })).toBeEnabled();
	await expect(form.locator('input:checked')).toHaveCount(0);
});

test('the grader loads only on submit; a failed download says so and the next submit grades once', async ({ page, guard }) => {
	const grader = /\/_astro\/quiz-grade\.[^/]+\.js$/;
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(r.url()));
	await failNextRequest(page, grader);
	await page.goto('lessons/m1/01-macro-2023/');
	await hydrateAll(page);
	const form = page.locator('section.quiz form');
	for (const [i, q] of quiz.questions.entries()) {
		if (q.type === 'order') continue;
		const right = (q.options ?? []).find((o) => o.correct)!;
		await form.locator('fieldset').nth(i).getByLabel(right.text, { exact: true }).check();
	}
	expect(fetched.filter((u) => grader.test(u))).toEqual([]);
	await form.getByRole('button', { name: '提交答案' }).click();
	await expect(page.locator('.quiz-missing')).toContainText('没能载入');
	await expect(page.locator('.quiz-score')).toBeHidden();
	// the answers are editable again after the failure, and kept
	await expect(form.locator('input:checked').first()).toBeEnabled();
	await form.getByRole('button', { name: '提交答案' }).click();
	await expect(page.locator('.quiz-score')).toContainText('得分');
	await expect(page.locator('.quiz-missing')).toBeHidden();
	await expect(form.getByRole('button', { name: '重新作答' })).toBeFocused();
	// the grader was asked for twice: the aborted download, then the one that graded
	expect(fetched.filter((u) => grader.test(u))).toHaveLength(2);
	expectAbortedDownloads(guard, /quiz-grade/);
	// one attempt saved, with the full score
	const saved = await page.evaluate(() => Object.values(localStorage).join(' '));
	expect(saved).toMatch(/"m1-01":\{[^}]*"attempts":1\b/);
});
