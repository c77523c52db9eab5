import AxeBuilder from '@axe-core/playwright';
import { deskOrder, expectedVerdict, type DeskCase } from '../../src/domain/regulation-desk';
import { DESK_PROPOSALS } from '../../src/components/sims/regulation-desk/proposals';
import rules from '../../src/i18n/domain-b.zh-CN.json' with { type: 'json' };
import zh from '../../src/i18n/sim-regulation-desk.zh-CN.json' with { type: 'json' };
import { test, expect } from './support';
import type { Locator, Page } from '@playwright/test';

const LESSON = 'lessons/m1/04-internet-rural-law/';
const s = zh as Record<string, string>;
const r = rules as Record<string, string>;
const cases: DeskCase[] = DESK_PROPOSALS.map(({ id, proposal }) => ({ id, proposal }));
const narrative = (id: string) => DESK_PROPOSALS.find((p) => p.id === id)!.narrative['zh-CN'];
const sim = (page: Page) => page.locator('[data-sim="regulation-desk"]');
const card = (page: Page) => sim(page).locator('.desk-case');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function open(page: Page, seed: string) {
	await page.goto(`${LESSON}?seed=${seed}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(card(page)).toBeVisible();
}

/** The controls of the case on the desk. */
const controls = (c: Locator, compliant: boolean) => c.getByRole('group', { name: s['sim.regulation-desk.verdictLegend'] }).getByLabel(compliant ? s['sim.regulation-desk.compliant']! : s['sim.regulation-desk.breach']!, { exact: true });
const ruleBox = (c: Locator, rule: string) => c.getByRole('checkbox', { name: r[`rule.${rule}`]!, exact: true });

test('a learner works through the whole desk with the mouse and the total is saved', async ({ page }) => {
	const order = deskOrder(cases, 'e2e-mouse');
	await open(page, 'e2e-mouse');
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue('e2e-mouse');
	for (const [i, c] of order.entries()) {
		await expect(card(page)).toContainText(`第 ${i + 1} / ${order.length} 件`);
		await expect(card(page)).toContainText(narrative(c.id));
		const exp = expectedVerdict(c.proposal);
		await controls(card(page), exp.compliant).click();
		for (const rule of exp.breached) await ruleBox(card(page), rule).click();
		await card(page).getByRole('button', { name: s['sim.regulation-desk.file'] }).click();
		await expect(card(page).locator('.finding[data-code="verdict.correct"]')).toHaveCount(1);
		await expect(card(page).locator('.feedback-score')).toContainText('得分 2 / 2');
		if (i < order.length - 1) await card(page).getByRole('button', { name: s['sim.regulation-desk.next'] }).click();
	}
	await expect(sim(page).locator('#desk-summary .feedback-score')).toContainText(`得分 ${2 * order.length} / ${2 * order.length}`);
	await expect(sim(page).locator('#desk-summary .chart table')).toContainText(s['sim.regulation-desk.kindCompliant']!);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /监管案例台/ })).toContainText(`${2 * order.length} / ${2 * order.length}`);
});

test('a learner works through the desk with the keyboard only', async ({ page }) => {
	const order = deskOrder(cases, 'e2e-keys');
	await open(page, 'e2e-keys');
	for (const [i, c] of order.entries()) {
		const exp = expectedVerdict(c.proposal);
		await controls(card(page), exp.compliant).focus();
		await page.keyboard.press('Space');
		for (const rule of exp.breached) {
			await ruleBox(card(page), rule).focus();
			await page.keyboard.press('Space');
		}
		await card(page).getByRole('button', { name: s['sim.regulation-desk.file'] }).focus();
		await page.keyboard.press('Enter');
		await expect(card(page).locator('.feedback-score')).toBeFocused();
		if (i < order.length - 1) {
			await card(page).getByRole('button', { name: s['sim.regulation-desk.next'] }).focus();
			await page.keyboard.press('Enter');
			await expect(card(page).locator('h4').first()).toBeFocused();
		}
	}
	await expect(sim(page).locator('#desk-summary .feedback-score')).toContainText(`${2 * order.length} / ${2 * order.length}`);
});

test('a wrong verdict is explained with the rule, its source and the numbers; a missing verdict is refused; axe is clean', async ({ page }) => {
	const order = deskOrder(cases, 'e2e-wrong');
	await open(page, 'e2e-wrong');
	const a11y = await new AxeBuilder({ page }).include('[data-sim="regulation-desk"]').withTags(AXE_TAGS).analyze();
	expect(a11y.violations.map((v) => v.id)).toEqual([]);
	const target = order.findIndex((c) => c.id === 'case-010');
	await sim(page).locator('.desk-queue button').nth(target).click();
	await expect(card(page)).toContainText('平台出资 20%');
	await card(page).getByRole('button', { name: s['sim.regulation-desk.file'] }).click();
	await expect(card(page).getByRole('alert')).toContainText('请先选择');
	await controls(card(page), true).click();
	await expect(ruleBox(card(page), 'internet-joint-lending.partner-share')).toBeDisabled();
	await card(page).getByRole('button', { name: s['sim.regulation-desk.file'] }).click();
	await expect(card(page).locator('.feedback-score')).toContainText('得分 0 / 2');
	await expect(card(page).locator('.finding[data-code="verdict.wrong"]')).toHaveCount(1);
	const breach = card(page).locator('.finding[data-code="compliance.internet-joint-lending.partner-share"]');
	await expect(breach).toContainText('合作方出资只占 20%，低于 30%');
	await expect(breach.getByRole('link')).toHaveAttribute('href', /lessons\/m1\/04-internet-rural-law\/#/);
	await expect(card(page).locator('.finding[data-code="citation.missed"]')).toContainText(r['rule.internet-joint-lending.partner-share']!);
	await expect(card(page).locator('.desk-checks li.bad')).toContainText(`出处：${r['rule.internet-joint-lending.partner-share.source']}`);
	await expect(sim(page).locator('.desk-queue button').nth(target)).toHaveAccessibleName(/判断有误/);
	const a11y2 = await new AxeBuilder({ page }).include('[data-sim="regulation-desk"]').withTags(AXE_TAGS).analyze();
	expect(a11y2.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed puts the cases in the same order; another seed reorders them; a bad seed is refused', async ({ page }) => {
	const order = deskOrder(cases, 'classA');
	await open(page, 'classA');
	await expect(card(page)).toContainText(narrative(order[0]!.id));
	await page.reload();
	await expect(card(page)).toContainText(narrative(order[0]!.id));
	await sim(page).locator('.desk-queue button').nth(3).click();
	await expect(card(page)).toContainText(narrative(order[3]!.id));
	await sim(page).getByLabel('场景编号（种子）').fill('classB');
	await sim(page).getByRole('button', { name: '使用此编号' }).click();
	expect(page.url()).toContain('seed=classB');
	await expect(card(page)).toContainText(narrative(deskOrder(cases, 'classB')[0]!.id));
	await expect(card(page)).toContainText('第 1 / ');
	await sim(page).getByLabel('场景编号（种子）').fill('bad seed!');
	await sim(page).getByRole('button', { name: '使用此编号' }).click();
	await expect(sim(page).getByRole('alert')).toContainText('编号只能包含');
});
