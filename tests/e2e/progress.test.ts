import { test, expect } from './support';

test('marking a lesson complete survives a reload and shows on the home and progress pages', async ({ page }) => {
	await page.goto('lessons/m1/02-green-inclusive/');
	await page.getByRole('button', { name: '标记本课已完成' }).click();
	await expect(page.getByText('本课已完成 ✓')).toBeVisible();
	await page.reload();
	await expect(page.getByText('本课已完成 ✓')).toBeVisible();
	await page.goto('');
	await expect(page.getByRole('link', { name: /继续学习：绿色普惠/ })).toBeVisible();
	await expect(page.locator('.module-grid > li').first()).toContainText('已完成 1/');
	await page.goto('progress/');
	await expect(page.locator('main')).toContainText('总体完成度');
	await expect(page.getByRole('row', { name: /绿色普惠/ })).toContainText('完成');
});

test('corrupted saved progress is recovered and the learner is told', async ({ page }) => {
	await page.goto('');
	await page.evaluate(() => localStorage.setItem('sme-course:progress', '{"v":1,"lessons":{"x":{"visitedAt":"oops"}},"quizzes":7'));
	await page.goto('lessons/m1/01-macro-2023/');
	await expect(page.getByRole('alert').first()).toContainText('无法读取');
	await page.getByRole('button', { name: '标记本课已完成' }).click();
	await page.reload();
	await expect(page.getByText('本课已完成 ✓')).toBeVisible();
	const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('sme-course:progress') ?? '{}'));
	expect(saved.v).toBe(1);
});

test('clearing progress from the progress page empties it', async ({ page }) => {
	await page.goto('lessons/m1/01-macro-2023/');
	await page.getByRole('button', { name: '标记本课已完成' }).click();
	await page.goto('progress/');
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: '清除全部进度' }).click();
	await expect(page.getByText('进度已清除。')).toBeVisible();
	await expect(page.getByText('总体完成度 0%')).toBeVisible();
});
