import AxeBuilder from '@axe-core/playwright';
import { DEFAULT_PLANS, runBrief, type ProcessPlan } from '../../src/domain/credit-process';
import { test, expect, watchChartJs } from './support';
import type { Page } from '@playwright/test';

const LESSON = 'lessons/m3/03-organisational-innovation/';
const sim = (page: Page) => page.locator('[data-sim="credit-process"]');
const pct = (x: number) => `${Math.round(x * 100 * 100) / 100}%`;
const HYBRID: ProcessPlan = { model: 'hybrid', factory: { staff: 20, automation: 1 }, officer: { staff: 60, automation: 0 } };

async function open(page: Page, query: string) {
	await page.goto(`${LESSON}${query}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.cp-plans')).toBeVisible();
}

const plan = (page: Page, i: number) => sim(page).locator('.cp-plan').nth(i);

test('a learner configures a hybrid with the mouse, compares it and meets the brief; the result is saved', async ({ page }) => {
	const { feedback } = runBrief(HYBRID, 'e2e-cp');
	expect(feedback.score).toBe(feedback.max);
	await open(page, '?seed=e2e-cp');
	await plan(page, 1).getByLabel('混合分流').check();
	await sim(page).locator('#cp-1-factoryAutomationPct').fill('100');
	await sim(page).locator('#cp-1-officerStaff').fill('60');
	await expect(plan(page, 1)).toContainText('产能约每天 30 笔，不排队时 1 个工作日放款');
	await sim(page).getByRole('button', { name: '运行本季度对比' }).click();
	await expect(sim(page).locator('.cp-results table').first()).toContainText('混合分流');
	await expect(sim(page).locator('.cp-results .chart canvas')).toHaveCount(3);
	await sim(page).getByRole('button', { name: '用方案 2 交卷' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	await expect(sim(page).locator('.cp-submission')).toContainText('交卷：方案 2（混合分流）');
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /信贷工厂与信贷员模式对比/ })).toContainText(`${feedback.score} / ${feedback.max}`);
});

test('a learner completes the brief with the keyboard only', async ({ page }) => {
	const { feedback } = runBrief(HYBRID, 'e2e-cp-keys');
	await open(page, '?seed=e2e-cp-keys');
	await plan(page, 1).getByLabel('信贷员模式').focus();
	await page.keyboard.press('ArrowRight');
	await expect(plan(page, 1).getByLabel('混合分流')).toBeChecked();
	await sim(page).locator('#cp-1-factoryAutomationPct').focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('100');
	await page.keyboard.press('Tab');
	await expect(sim(page).locator('#cp-1-officerStaff')).toBeFocused();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('60');
	await sim(page).getByRole('button', { name: '用方案 2 交卷' }).focus();
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText(`${feedback.score} / ${feedback.max}`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('submitting the lesson factory of 20 explains the queue and the thin-file losses with its own numbers', async ({ page }) => {
	const { result, feedback } = runBrief(DEFAULT_PLANS[0], 'e2e-cp-wrong');
	await open(page, '?seed=e2e-cp-wrong');
	await sim(page).getByRole('button', { name: '用方案 1 交卷' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	const through = sim(page).locator('.finding[data-code="process.throughput-missed"]');
	await expect(through).toContainText(`季度内收到 ${result.arrived} 笔申请，只办结 ${result.decided} 笔（${pct(result.decidedShare)}），季末还压着 ${result.backlog} 笔。瓶颈在工厂流水线：产能每天 12 笔，分到它的申请每天约 ${Math.round(result.teams[0]!.demandPerDay * 100) / 100} 笔`);
	const turnaround = sim(page).locator('.finding[data-code="process.turnaround-missed"]');
	await expect(turnaround).toContainText(`平均审批时效 ${Math.round(result.turnaroundMeanDays * 100) / 100} 个工作日`);
	await expect(turnaround).toContainText(`主要卡在排队：平均要等 ${Math.round(result.waitMeanDays * 100) / 100} 天才有人处理，办理本身只要 3 天`);
	const loss = sim(page).locator('.finding[data-code="process.loss-missed"]');
	await expect(loss).toContainText(`批出贷款的预期年损失率 ${pct(result.lossRate)}，超过 1% 的要求`);
	await expect(loss).toContainText(`靠软信息的客户在流水线上只批了 ${pct(result.thinApprovalRate)}`);
	await expect(sim(page).locator('.cp-submission td.cp-bad')).toHaveCount(3);
	const results = await new AxeBuilder({ page }).include('[data-sim="credit-process"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('invalid numbers are refused inline and nothing runs', async ({ page }) => {
	await open(page, '?seed=e2e-cp-bad');
	await sim(page).locator('#cp-0-factoryStaff').fill('abc');
	await sim(page).locator('#cp-1-officerAutomationPct').fill('150');
	await sim(page).locator('#cp-applicationsPerDay').fill('2.5');
	await sim(page).getByRole('button', { name: '运行本季度对比' }).click();
	await expect(sim(page).locator('#cp-0-factoryStaff')).toHaveAttribute('aria-invalid', 'true');
	await expect(sim(page).locator('#cp-0-factoryStaff-error')).toHaveText('请填写一个数字。');
	await expect(sim(page).locator('#cp-1-officerAutomationPct-error')).toHaveText('请填写 0 到 100 之间的数。');
	await expect(sim(page).locator('#cp-applicationsPerDay-error')).toHaveText('请填写整数。');
	await expect(sim(page).locator('.cp-results')).toHaveCount(0);
	await sim(page).getByRole('button', { name: '用方案 1 交卷' }).click();
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
	const results = await new AxeBuilder({ page }).include('[data-sim="credit-process"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed gives the same quarter after a reload', async ({ page }) => {
	await open(page, '?seed=classA');
	await sim(page).getByRole('button', { name: '运行本季度对比' }).click();
	const first = await sim(page).locator('.cp-results table').first().textContent();
	await page.reload();
	await sim(page).scrollIntoViewIfNeeded();
	await sim(page).getByRole('button', { name: '运行本季度对比' }).click();
	await expect(sim(page).locator('.cp-results table').first()).toHaveText(first!);
	await sim(page).getByRole('button', { name: '换一批客户' }).click();
	expect(page.url()).not.toContain('seed=classA');
});

test('chart.js is fetched only when the learner runs the quarter; the three charts then draw with their summaries', async ({ page }) => {
	const chartJs = watchChartJs(page);
	await open(page, '?seed=e2e-cp-lazy');
	await page.waitForLoadState('networkidle');
	expect(await chartJs()).toEqual([]);
	await sim(page).getByRole('button', { name: '运行本季度对比' }).click();
	await expect(sim(page).locator('.cp-results table').first()).toBeVisible();
	await expect(sim(page).locator('.cp-results .chart canvas')).toHaveCount(3);
	await expect(sim(page).locator('.cp-results .chart figcaption')).toHaveCount(3);
	await expect(sim(page).locator('.cp-results .chart[aria-busy]')).toHaveCount(0);
	expect(await chartJs()).toHaveLength(1);
});
