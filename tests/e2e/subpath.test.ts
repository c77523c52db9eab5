/**
 * Sub-path hosting (playwright.hosting.config.ts, project "subpath"): the web course built with
 * BASE_PATH=/training/sme/ (scripts/build-subpath.mjs) and served only under that path. Every page
 * reachable from the home page loads, every link, script, stylesheet and image on it resolves under
 * the sub-path, and islands, the knowledge check and search work there. The support fixture fails
 * on console errors and off-origin requests.
 */
import { test, expect, hydrateAll } from './support';

const BASE = '/training/sme/';

test('every page and every link, script, style and image resolve under /training/sme/', async ({ page, baseURL }) => {
	test.setTimeout(60_000);
	const origin = new URL(baseURL!).origin;
	const seen = new Set<string>();
	const queue = [new URL(BASE, origin).href];
	const broken: string[] = [];
	const outside: string[] = [];
	while (queue.length) {
		const url = queue.shift()!;
		if (seen.has(url)) continue;
		seen.add(url);
		const res = await page.request.get(url, { maxRedirects: 0 });
		if (res.status() !== 200) {
			broken.push(`${url} → ${res.status()}`);
			continue;
		}
		if (!(res.headers()['content-type'] ?? '').startsWith('text/html')) continue;
		const html = await res.text();
		for (const m of html.matchAll(/\s(?:href|src|component-url|renderer-url)="([^"#]+)/g)) {
			const target = new URL(m[1]!.replace(/&amp;/g, '&'), url);
			if (target.origin !== origin) continue; // the link check rejects other origins statically
			if (!target.pathname.startsWith(BASE)) outside.push(`${url}: ${m[1]}`);
			else if (!seen.has(target.href)) queue.push(target.href);
		}
	}
	expect(outside, 'URLs outside the sub-path').toEqual([]);
	expect(broken, 'URLs that do not load').toEqual([]);
	expect([...seen].filter((u) => u.endsWith('/')).length, 'pages reached from the home page').toBeGreaterThan(60);
});

test('islands, the knowledge check, progress and search work under the sub-path', async ({ page }) => {
	await page.goto('');
	expect(new URL(page.url()).pathname).toBe(BASE);
	await page.locator('.module-grid a').first().click();
	await page.getByRole('link', { name: /2023 年宏观形势/ }).first().click();
	expect(new URL(page.url()).pathname).toBe(`${BASE}lessons/m1/01-macro-2023/`);
	await page.getByRole('button', { name: '标记本课已完成' }).click();
	await hydrateAll(page);
	await page.locator('section.quiz form').getByRole('button', { name: '提交答案' }).click();
	await expect(page.locator('.quiz-missing')).toContainText('未作答');
	// Answered, it is graded by code fetched on submit, from under the sub-path.
	const sets = page.locator('section.quiz form fieldset');
	for (let i = 0; i < (await sets.count()); i++) {
		const first = sets.nth(i).locator('input').first();
		if ((await first.count()) > 0) await first.check();
	}
	await page.locator('section.quiz form').getByRole('button', { name: '提交答案' }).click();
	await expect(page.locator('.quiz-score')).toContainText('得分');
	await page.goto('lessons/m4/04-segmentation/?seed=subpath&n=6');
	await page.locator('[data-sim="segmentation"]').scrollIntoViewIfNeeded();
	await expect(page.locator('[data-sim="segmentation"] .seg-client')).toHaveCount(6);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /2023 年宏观形势/ })).toContainText('完成');
	await page.goto('search/?q=营运资金');
	const first = page.locator('.search-results a').first();
	await expect(first).toHaveAttribute('href', new RegExp(`^${BASE}lessons/`));
	await first.click();
	await expect(page.locator('article.lesson h1')).toBeVisible();
});
