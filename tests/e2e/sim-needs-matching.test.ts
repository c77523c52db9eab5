import AxeBuilder from '@axe-core/playwright';
import { NEED_TRAITS, orderStatements, traitOf, type NeedTrait } from '../../src/domain/needs-matching';
import { NEEDS_STATEMENTS } from '../../src/components/sims/needs-matching/statements';
import zh from '../../src/i18n/sim-needs-matching.zh-CN.json' with { type: 'json' };
import { test, expect } from './support';
import type { Page } from '@playwright/test';

const LESSON = 'lessons/m4/03-five-needs/';
const s = zh as Record<string, string>;
const sim = (page: Page) => page.locator('[data-sim="needs-matching"]');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const trait = (id: string) => traitOf(NEEDS_STATEMENTS.find((x) => x.id === id)!.cue) as NeedTrait;

async function open(page: Page, seed: string) {
	await page.goto(`${LESSON}?seed=${seed}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.needs-item').first()).toBeVisible();
}

test('a learner matches every statement with the mouse and the result is saved', async ({ page }) => {
	const order = orderStatements(NEEDS_STATEMENTS, 'e2e-mouse');
	await open(page, 'e2e-mouse');
	for (const [i, st] of order.entries()) {
		const item = sim(page).locator('.needs-item').nth(i);
		await expect(item).toContainText(st.text['zh-CN']);
		await item.getByLabel(`第 ${i + 1} 句体现的需求特征`).selectOption(trait(st.id));
	}
	await sim(page).getByRole('button', { name: s['sim.needs-matching.submit'] }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${order.length} / ${order.length}`);
	await expect(sim(page).locator('.needs-verdict.ok')).toHaveCount(order.length);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: new RegExp(s['sim.needs-matching.title']!) })).toContainText(`${order.length} / ${order.length}`);
});

test('a learner matches every statement with the keyboard only', async ({ page }) => {
	const order = orderStatements(NEEDS_STATEMENTS, 'e2e-keys');
	await open(page, 'e2e-keys');
	await sim(page).getByLabel('场景编号（种子）').focus();
	for (const st of order) {
		// Tab to the next select, then step down the options to the trait
		for (let k = 0; k < 8; k++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate((id) => document.activeElement?.id === id, `needs-${st.id}`)) break;
		}
		for (let k = 0; k <= NEED_TRAITS.indexOf(trait(st.id)); k++) await page.keyboard.press('ArrowDown');
	}
	await page.keyboard.press('Tab');
	await expect(sim(page).getByRole('button', { name: s['sim.needs-matching.submit'] })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText(`${order.length} / ${order.length}`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('a wrong trait is explained with the cue, the difference and the response; missing answers are refused; axe is clean', async ({ page }) => {
	const order = orderStatements(NEEDS_STATEMENTS, 'e2e-wrong');
	await open(page, 'e2e-wrong');
	const a11y = await new AxeBuilder({ page }).include('[data-sim="needs-matching"]').withTags(AXE_TAGS).analyze();
	expect(a11y.violations.map((v) => v.id)).toEqual([]);
	await sim(page).getByRole('button', { name: s['sim.needs-matching.submit'] }).click();
	await expect(sim(page).getByRole('alert')).toContainText(`还有 ${order.length} 句没有选择`);
	await expect(sim(page).locator('select').first()).toBeFocused();
	const target = order.findIndex((x) => x.id === 'need-070');
	for (const [i, st] of order.entries()) {
		await sim(page).locator('.needs-item').nth(i).locator('select').selectOption(i === target ? 'development' : trait(st.id));
	}
	await sim(page).getByRole('button', { name: s['sim.needs-matching.submit'] }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${order.length - 1} / ${order.length}`);
	const finding = sim(page).locator('.finding[data-code="needs.mismatched"]');
	await expect(finding).toContainText(`第 ${target + 1} 句`);
	await expect(finding).toContainText('你选了“发展性”，应为“可变性”：关键信号是旺季和淡季的用款相差好几倍。');
	const verdict = sim(page).locator('.needs-item').nth(target).locator('.needs-verdict.bad');
	await expect(verdict).toContainText(s['sim.needs-matching.diff.variability.development']!);
	await expect(verdict).toContainText(s['sim.needs-matching.response.seasonal-swing']!);
	await expect(verdict.getByRole('link')).toHaveText('复习：需求的可变性');
	await expect(verdict.getByRole('link')).toHaveAttribute('href', /lessons\/m4\/03-five-needs\/#/);
	const a11y2 = await new AxeBuilder({ page }).include('[data-sim="needs-matching"]').withTags(AXE_TAGS).analyze();
	expect(a11y2.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed gives the same order after a reload; retry clears the answers', async ({ page }) => {
	const order = orderStatements(NEEDS_STATEMENTS, 'classA');
	await open(page, 'classA');
	await expect(sim(page).locator('.needs-quote p')).toHaveText(order.map((x) => `“${x.text['zh-CN']}”`));
	await page.reload();
	await expect(sim(page).locator('.needs-quote p').first()).toHaveText(`“${order[0]!.text['zh-CN']}”`);
	await sim(page).locator('select').first().selectOption('object');
	await sim(page).getByRole('button', { name: '同一批重新作答' }).click();
	await expect(sim(page).locator('select').first()).toHaveValue('');
});
