import AxeBuilder from '@axe-core/playwright';
import { KASH_ITEMS, assessKash, kashPlan, kashTotal, type KashRatings } from '../../src/domain/kash';
import zh from '../../src/i18n/sim-kash.zh-CN.json' with { type: 'json' };
import { test, expect } from './support';
import type { Page } from '@playwright/test';

const LESSON = 'lessons/m1/06-professional-qualities/';
const s = zh as Record<string, string>;
const sim = (page: Page) => page.locator('[data-sim="kash"]');
const item = (page: Page, id: string) => sim(page).locator(`#kash-${id}`);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function open(page: Page) {
	await page.goto(LESSON);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(item(page, 'k-retail-credit')).toBeVisible();
}

/** A profile: everything 4 except the given items. */
const profile = (over: KashRatings): KashRatings => ({ ...Object.fromEntries(KASH_ITEMS.map((i) => [i.id, 4])), ...over });

async function rateWithMouse(page: Page, ratings: KashRatings) {
	for (const { id } of KASH_ITEMS) await item(page, id).getByRole('radio', { name: new RegExp(`^${ratings[id]}\\s*分`) }).click();
}

test('a learner rates every item with the mouse, gets the plan with actions and links, and the result is saved', async ({ page }) => {
	const ratings = profile({ 'a-mission': 1, 'h-time': 2, 'k-systems': 3 });
	await open(page);
	await rateWithMouse(page, ratings);
	await expect(item(page, 'a-mission')).toContainText('你选了 1 分：遇到拒绝和压力容易放弃');
	await sim(page).getByRole('button', { name: s['sim.kash.submit'] }).click();
	const { score, max } = kashTotal(ratings);
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${score} / ${max}`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	const plan = kashPlan(ratings);
	const cards = sim(page).locator('.kash-plan-list > li');
	await expect(cards).toHaveCount(plan.length);
	await expect(cards.first()).toContainText(`${s['kashItem.a-mission']}（态度，自评 1 分）`);
	await expect(cards.first()).toContainText(s['sim.kash.action.a-mission']!);
	await expect(cards.first().getByRole('link')).toHaveAttribute('href', /lessons\/m1\/06-professional-qualities\/#/);
	await expect(cards.nth(1).getByRole('link')).toHaveText('复习：日常工作四部曲');
	await expect(sim(page).locator('.chart canvas')).toBeVisible();
	await expect(sim(page).locator('.chart table')).toContainText(s['kashItem.h-sharing']!);
	await expect(sim(page).locator('.chart figcaption')).toContainText('态度 3.5');
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: new RegExp(s['sim.kash.title']!) })).toContainText(`${score} / ${max}`);
});

test('a learner completes the self-assessment with the keyboard only', async ({ page }) => {
	await open(page);
	await page.locator('h2', { hasText: '动手练：KASH 自评' }).click();
	for (const [i, { id }] of KASH_ITEMS.entries()) {
		// Tab to the item's radio group, check 1 with Space, then move to 1 + (i % 4) with the arrow key
		for (let k = 0; k < 12; k++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate((name) => (document.activeElement as HTMLInputElement | null)?.name === name, `kash-${id}`)) break;
		}
		await page.keyboard.press('Space');
		for (let k = 0; k < i % 4; k++) await page.keyboard.press('ArrowRight');
	}
	const ratings = Object.fromEntries(KASH_ITEMS.map(({ id }, i) => [id, 1 + (i % 4)])) as KashRatings;
	for (let k = 0; k < 6; k++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((name) => document.activeElement?.textContent === name, s['sim.kash.submit'])) break;
	}
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText(`${kashTotal(ratings).score} / 125`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('unrated items are refused inline; a low rating is explained with the learner’s numbers; axe is clean', async ({ page }) => {
	await open(page);
	const a11y = await new AxeBuilder({ page }).include('[data-sim="kash"]').withTags(AXE_TAGS).analyze();
	expect(a11y.violations.map((v) => v.id)).toEqual([]);
	await item(page, 'k-systems').getByRole('radio', { name: /^2\s*分/ }).click();
	await sim(page).getByRole('button', { name: s['sim.kash.submit'] }).click();
	await expect(sim(page).getByRole('alert')).toContainText('还有 24 项没有打分');
	await expect(item(page, 'k-retail-credit')).toBeFocused();
	await expect(sim(page).locator('.feedback-score')).toHaveCount(0);

	const ratings = profile({ 'k-systems': 2, 's-batch': 1 });
	await rateWithMouse(page, ratings);
	await expect(sim(page).getByRole('alert')).toHaveCount(0);
	await sim(page).getByRole('button', { name: s['sim.kash.submit'] }).click();
	const fb = assessKash(ratings);
	expect(fb.findings.filter((f) => f.code === 'kash.gap-large')).toHaveLength(2);
	const first = sim(page).locator('.finding[data-code="kash.gap-large"]').first();
	await expect(first).toContainText(`${s['kashItem.s-batch']}：自评 1 分，离 4 分还差 3 分，排在提升计划第 1 项。`);
	await expect(sim(page).locator('.finding[data-code="kash.focus-dimension"]')).toContainText('“S 技巧”平均 3.6 分');
	const a11y2 = await new AxeBuilder({ page }).include('[data-sim="kash"]').withTags(AXE_TAGS).analyze();
	expect(a11y2.violations.map((v) => v.id)).toEqual([]);
});

test('a returning learner sees the previous ratings and compares them in the chart', async ({ page }) => {
	const before = profile({ 'h-time': 2, 'h-crm': 2 });
	await open(page);
	await rateWithMouse(page, before);
	await sim(page).getByRole('button', { name: s['sim.kash.submit'] }).click();
	await expect(sim(page).locator('.feedback-score')).toBeVisible();
	await page.reload();
	await expect(sim(page).locator('.kash-previous')).toContainText(`总分 ${kashTotal(before).score} / 125`);
	await expect(item(page, 'h-time')).toContainText('上次 2 分');
	await sim(page).getByRole('button', { name: s['sim.kash.startFromPrevious'] }).click();
	await expect(item(page, 'h-crm').getByRole('radio', { name: /^2\s*分/ })).toBeChecked();
	await item(page, 'h-time').getByRole('radio', { name: /^4\s*分/ }).click();
	await sim(page).getByRole('button', { name: s['sim.kash.submit'] }).click();
	await expect(sim(page).locator('.finding[data-code="kash.improved"]')).toContainText('“H 习惯”平均分从上次的 3.3 提高到 3.7（+0.4）');
	await expect(sim(page).locator('.chart figcaption')).toContainText('上次');
	await expect(sim(page).locator('.chart table th', { hasText: '上次' })).toHaveCount(1);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: new RegExp(s['sim.kash.title']!) })).toContainText(`${kashTotal({ ...before, 'h-time': 4 }).score} / 125`);
});
