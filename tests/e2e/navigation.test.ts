import { test, expect } from './support';

test('a learner goes from the home page through a module to a lesson and on to the next', async ({ page }) => {
	await page.goto('');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const modules = page.locator('.module-grid > li');
	await expect(modules).toHaveCount(5);
	await modules.first().getByRole('link').first().click();
	await expect(page).toHaveURL(/modules\/m1\/$/);
	await page.locator('main .card-grid a').first().click();
	await expect(page).toHaveURL(/lessons\/m1\/01-/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('宏观');
	// sidebar marks the current lesson; the on-page TOC links to real headings
	await expect(page.locator('.course-sidebar a[aria-current="page"]')).toHaveCount(1);
	const tocLink = page.locator('.toc a').first();
	const target = (await tocLink.getAttribute('href')) ?? '';
	await expect(page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`)).toHaveCount(1);
	await page.getByRole('link', { name: /下一课/ }).click();
	await expect(page).toHaveURL(/lessons\/m1\/02-/);
	await page.getByRole('link', { name: /上一课/ }).click();
	await expect(page).toHaveURL(/lessons\/m1\/01-/);
});

test('the language switch keeps the learner on the same page with an English interface', async ({ page }) => {
	await page.goto('lessons/m1/01-macro-2023/');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/lessons\/m1\/01-macro-2023\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Objectives' })).toBeVisible();
	await page.getByRole('link', { name: '中文' }).click();
	await expect(page).toHaveURL(/\/lessons\/m1\/01-macro-2023\/$/);
});

test('the glossary links every term to the section that teaches it', async ({ page }) => {
	await page.goto('glossary/');
	const links = page.locator('.glossary a');
	expect(await links.count()).toBeGreaterThan(20);
	await links.first().click();
	await expect(page).toHaveURL(/lessons\/.+#.+/);
	const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
	await expect(page.locator(`[id="${id}"]`)).toBeVisible();
});

test('the syllabus map links every syllabus item to a lesson section', async ({ page }) => {
	await page.goto('syllabus/');
	await expect(page.locator('.syllabus-table tbody tr')).toHaveCount(85);
	await expect(page.locator('.status-missing')).toHaveCount(0);
});

test('on a 375 px phone the lesson comes first, the main menu is reachable and nothing overflows sideways', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto('lessons/m1/01-macro-2023/');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
	const sidebar = await page.locator('.course-sidebar').boundingBox();
	expect(h1!.y).toBeLessThan(sidebar!.y);
	const glossary = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '术语表' });
	await glossary.scrollIntoViewIfNeeded();
	await expect(glossary).toBeVisible();
	await glossary.click();
	await expect(page).toHaveURL(/glossary\/$/);
});
