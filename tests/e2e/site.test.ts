import { test, expect } from './support';

test('search finds a lesson for a Chinese query', async ({ page }) => {
	await page.goto('search/');
	await page.getByLabel('搜索关键词').fill('应收账款');
	await page.getByRole('button', { name: '搜索' }).click();
	await expect(page.locator('[data-search-status]')).toContainText('找到');
	const first = page.locator('.search-results a').first();
	await expect(first).toBeVisible();
	await first.click();
	await expect(page).toHaveURL(/lessons\//);
	await expect(page.locator('main')).toContainText('应收账款');
});

test('search loads its index only when the learner opens search', async ({ page }) => {
	const pagefind: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/pagefind/')) pagefind.push(r.url());
	});
	await page.goto('lessons/m1/01-macro-2023/');
	await page.goto('');
	expect(pagefind).toEqual([]);
});

test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('');
	const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const light = await bg();
	await page.getByRole('button', { name: '切换深色/浅色主题' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await bg()).not.toBe(light);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await bg()).not.toBe(light);
});

test('a lesson prints without navigation chrome', async ({ page }) => {
	await page.goto('lessons/m1/01-macro-2023/');
	await page.emulateMedia({ media: 'print' });
	for (const sel of ['.site-header', '.course-sidebar', '.toc', '.pager', '.site-footer']) {
		await expect(page.locator(sel).first()).toBeHidden();
	}
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('article.lesson')).toBeVisible();
});

const PAGE_TYPES = ['', 'modules/m1/', 'lessons/m1/01-macro-2023/', 'glossary/', 'syllabus/', 'progress/', 'practice/', 'search/?q=两增两控', 'en/', 'en/lessons/m1/01-macro-2023/'];
for (const path of PAGE_TYPES) {
	test(`page "${path || 'home'}" loads with no off-origin request and no console error`, async ({ page }) => {
		await page.goto(path);
		await page.evaluate(async () => {
			for (let y = 0; y < document.body.scrollHeight; y += 800) {
				window.scrollTo(0, y);
				await new Promise((r) => setTimeout(r, 15));
			}
		});
		await page.waitForLoadState('networkidle');
	});
}
