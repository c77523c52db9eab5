import AxeBuilder from '@axe-core/playwright';
import { test, expect, builtPages } from './support';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

for (const path of builtPages()) {
	test(`axe: ${path || 'home'}`, async ({ page }) => {
		await page.goto(path);
		await page.evaluate(async () => {
			for (let y = 0; y < document.body.scrollHeight; y += 900) {
				window.scrollTo(0, y);
				await new Promise((r) => setTimeout(r, 10));
			}
		});
		const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
		const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
		expect(summary).toEqual([]);
	});
}

test('axe: dark theme lesson', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('lessons/m1/01-macro-2023/');
	const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});
