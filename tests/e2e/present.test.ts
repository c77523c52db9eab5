import { test, expect } from './support';

const DECK = 'present/m1/01-macro-2023/';

test('a lesson becomes slides that the keyboard drives, with overview and blank screen', async ({ page }) => {
	await page.goto(DECK);
	const visible = page.locator('.slide:visible');
	await expect(visible).toHaveCount(1);
	await expect(visible.getByRole('heading', { level: 1 })).toHaveText('2023 年宏观形势与小微信贷');
	await page.keyboard.press('ArrowRight');
	await expect(visible).toContainText('这一课是整门课的开篇');
	await page.keyboard.press('ArrowRight');
	await expect(visible.getByRole('heading', { level: 2 }).first()).toHaveText('小微主体在经济中的分量');
	await expect(page).toHaveURL(/#slide-3$/);
	await page.keyboard.press('End');
	await expect(visible.getByRole('heading', { level: 2 })).toHaveText('要点回顾');
	await page.keyboard.press('Home');
	await expect(page).toHaveURL(/#slide-1$/);
	await page.keyboard.press('o');
	await expect(page.locator('[data-overview]')).toBeVisible();
	await page.locator('[data-overview] button', { hasText: '七条宏观判断' }).click();
	await expect(page.locator('[data-overview]')).toBeHidden();
	await expect(visible).toContainText('2023 年的七条宏观判断');
	await page.keyboard.press('b');
	await expect(page.locator('[data-blank]')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.locator('[data-blank]')).toBeHidden();
	// Speaker notes never show in the audience view.
	await expect(page.locator('[data-presenter]')).toBeHidden();
	await page.reload();
	await expect(visible).toContainText('2023 年的七条宏观判断');
});

test('the presenter window and the audience window stay in sync both ways', async ({ page, context }) => {
	await page.goto(`${DECK}#slide-1`);
	const presenter = await context.newPage();
	await presenter.goto(`${DECK}?presenter=1#slide-1`);
	await expect(presenter.locator('[data-presenter]')).toBeVisible();
	await expect(presenter.locator('[data-notes-view]')).toContainText('本课约 40 分钟');
	await expect(presenter.locator('[data-timer]')).toHaveText(/\d\d:\d\d/);
	await presenter.keyboard.press('ArrowRight');
	await presenter.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/#slide-3$/);
	await expect(page.locator('.slide:visible')).toContainText('小微主体在经济中的分量');
	await page.keyboard.press('ArrowLeft');
	await expect(presenter).toHaveURL(/#slide-2$/);
	await expect(presenter.locator('[data-next-preview]')).toContainText('小微主体在经济中的分量');
});

test('the lesson page links to its slides', async ({ page }) => {
	await page.goto('lessons/m1/01-macro-2023/');
	await page.getByRole('link', { name: '幻灯片模式' }).click();
	await expect(page).toHaveURL(/present\/m1\/01-macro-2023\//);
});
