import AxeBuilder from '@axe-core/playwright';
import { clueValue, generateIpcCase, plantKind, solveIpcCase, type IpcCase } from '../../src/domain/ipc-crosscheck';
import zh from '../../src/i18n/sim-ipc-crosscheck.zh-CN.json' with { type: 'json' };
import { test, expect, expectAbortedDownloads, failNextRequest, watchChartJs } from './support';
import type { Page } from '@playwright/test';

const LESSON = 'lessons/m2/02-risk-assessment/';
const names = zh as Record<string, string>;
const sim = (page: Page) => page.locator('[data-sim="ipc-crosscheck"]');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** How a finding prints a number (rounded to 0.01, no separators). */
const num = (x: number) => String(Math.round(x * 100) / 100);
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

async function open(page: Page, query: string) {
	await page.goto(`${LESSON}${query}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.ipc-clues tr').first()).toBeVisible();
}

/** The careful learner's worksheet for a case, in 万元 (two decimals, as a learner would write). */
function worksheet(c: IpcCase) {
	const s = solveIpcCase(c);
	return {
		takingsWan: String(wan(s.routes.takings)),
		inflowsWan: String(wan(s.routes.inflows)),
		purchasesWan: String(wan(s.routes.purchases)),
		estimateWan: String(wan(s.revenueYuan)),
		loanWan: String(s.loan.maxWan),
	};
}

test('a learner works a case with the mouse, gets full marks, and the result is saved', async ({ page }) => {
	const seed = 'e2e-ipc-mouse';
	const c = generateIpcCase(seed);
	await open(page, `?seed=${seed}`);
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue(seed);
	await expect(sim(page).locator('#ipc-case-title')).toContainText(names[`ipcTrade.${c.trade}`] as string);
	await expect(sim(page).locator('.ipc-clues tr')).toHaveCount(c.clues.length);
	await expect(sim(page).locator('tr[data-clue="claimed-revenue"] td')).toHaveText(`${new Intl.NumberFormat('en-US').format(clueValue(c, 'claimed-revenue'))} 元/月`);
	const w = worksheet(c);
	await sim(page).getByLabel('路一：日营业额 × 天数（万元/月）').click();
	await sim(page).getByLabel('路一：日营业额 × 天数（万元/月）').fill(w.takingsWan);
	await sim(page).getByLabel('路二：收款流水还原（万元/月）').fill(w.inflowsWan);
	await sim(page).getByLabel('路三：进货倒推（万元/月）').fill(w.purchasesWan);
	await sim(page).getByLabel('最终采信的月营业额（万元/月）').fill(w.estimateWan);
	await sim(page).getByLabel('哪条线索对不上？').selectOption(c.planted);
	await sim(page).getByLabel('你支持的额度（万元）').fill(w.loanWan);
	await expect(sim(page).locator('.ipc-service')).toContainText(`按 ${w.loanWan} 万元算`);
	await sim(page).getByRole('button', { name: '提交底稿' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 10 / 10（100%）');
	await expect(sim(page).locator('.chart canvas')).toBeVisible();
	await expect(sim(page).locator('.ipc-pnl')).toContainText('可支配盈余');
	await expect(sim(page).locator('.ipc-truth')).toContainText(`${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(wan(c.truth.revenueYuan))} 万元`);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /交叉检验：还原一家小店的经营/ })).toContainText('10 / 10');
});

test('chart.js is fetched only when the debrief chart is shown, after submitting', async ({ page }) => {
	const chartJs = watchChartJs(page);
	const seed = 'e2e-ipc-lazy-chart';
	const c = generateIpcCase(seed);
	await open(page, `?seed=${seed}`);
	await page.waitForLoadState('networkidle');
	expect(await chartJs()).toEqual([]);
	const w = worksheet(c);
	await sim(page).getByLabel('路一：日营业额 × 天数（万元/月）').fill(w.takingsWan);
	await sim(page).getByLabel('路二：收款流水还原（万元/月）').fill(w.inflowsWan);
	await sim(page).getByLabel('路三：进货倒推（万元/月）').fill(w.purchasesWan);
	await sim(page).getByLabel('最终采信的月营业额（万元/月）').fill(w.estimateWan);
	await sim(page).getByLabel('哪条线索对不上？').selectOption(c.planted);
	await sim(page).getByLabel('你支持的额度（万元）').fill(w.loanWan);
	await sim(page).getByRole('button', { name: '提交底稿' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 10 / 10（100%）');
	await expect(sim(page).locator('.chart canvas')).toBeVisible();
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	expect(await chartJs()).toHaveLength(1);
	// The chart's summary and table twin are there with the routes, as before.
	await expect(sim(page).locator('.chart table')).toContainText(names['sim.ipc-crosscheck.bar.takings'] as string);
});

test('when the debrief chart fails to download, a retry brings it', async ({ page, guard }) => {
	await failNextRequest(page, /\/_astro\/RouteChart\.[^/]*\.js$/);
	const seed = 'e2e-ipc-chart-retry';
	const c = generateIpcCase(seed);
	await open(page, `?seed=${seed}`);
	const w = worksheet(c);
	await sim(page).getByLabel('路一：日营业额 × 天数（万元/月）').fill(w.takingsWan);
	await sim(page).getByLabel('路二：收款流水还原（万元/月）').fill(w.inflowsWan);
	await sim(page).getByLabel('路三：进货倒推（万元/月）').fill(w.purchasesWan);
	await sim(page).getByLabel('最终采信的月营业额（万元/月）').fill(w.estimateWan);
	await sim(page).getByLabel('哪条线索对不上？').selectOption(c.planted);
	await sim(page).getByLabel('你支持的额度（万元）').fill(w.loanWan);
	await sim(page).getByRole('button', { name: '提交底稿' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 10 / 10（100%）');
	const failure = sim(page).getByRole('alert').filter({ hasText: '这部分内容没能载入' });
	await expect(failure).toBeVisible();
	// The rest of the debrief is there while the chart is missing.
	await expect(sim(page).locator('.ipc-pnl')).toContainText('可支配盈余');
	await failure.getByRole('button', { name: '重试' }).click();
	await expect(sim(page).locator('.chart canvas')).toBeVisible();
	await expect(failure).toHaveCount(0);
	// The deliberately aborted download is the only console error.
	expectAbortedDownloads(guard, /Failed to load resource/);
});

test('a learner completes the worksheet with the keyboard only', async ({ page }) => {
	const seed = 'e2e-ipc-keys';
	const c = generateIpcCase(seed);
	const w = worksheet(c);
	await open(page, `?seed=${seed}`);
	await sim(page).locator('#ipc-takingsWan').focus();
	await page.keyboard.type(w.takingsWan);
	for (const v of [w.inflowsWan, w.purchasesWan, w.estimateWan]) {
		await page.keyboard.press('Tab');
		await page.keyboard.type(v);
	}
	await page.keyboard.press('Tab');
	await expect(sim(page).locator('#ipc-flag')).toBeFocused();
	const options = await sim(page).locator('#ipc-flag option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	for (let i = 0; i < options.indexOf(c.planted); i++) await page.keyboard.press('ArrowDown');
	await expect(sim(page).locator('#ipc-flag')).toHaveValue(c.planted);
	await page.keyboard.press('Tab');
	await page.keyboard.type(w.loanWan);
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText('10 / 10');
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('a wrong flag and an over-sized loan are explained with the case numbers; axe is clean', async ({ page }) => {
	// The default case: a building-materials shop whose owner overstates his takings.
	const c = generateIpcCase('ipc-9');
	expect(plantKind(c.planted)).toBe('claimed');
	const s = solveIpcCase(c);
	const w = worksheet(c);
	await open(page, '');
	await sim(page).locator('#ipc-takingsWan').fill(w.takingsWan);
	await sim(page).locator('#ipc-inflowsWan').fill(w.inflowsWan);
	await sim(page).locator('#ipc-purchasesWan').fill(w.purchasesWan);
	// Take the owner's word for revenue, flag the wrong clue and lend what he asks for.
	await sim(page).locator('#ipc-estimateWan').fill(String(clueValue(c, 'claimed-revenue') / 10_000));
	await sim(page).locator('#ipc-flag').selectOption('inflows');
	await sim(page).locator('#ipc-loanWan').fill(String(c.requestedWan));
	await sim(page).getByRole('button', { name: '提交底稿' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('3 / 10');
	const flag = sim(page).locator('.finding[data-code="ipc.flag-wrong-claimed"]');
	await expect(flag).toContainText(`你标记的是“${names['ipcFlag.inflows']}”，对不上的其实是“${names['ipcClue.claimed-revenue']}”`);
	await expect(flag).toContainText(`老板自述 ${num(clueValue(c, 'claimed-revenue') / 10_000)} 万元/月，比交叉检验的 ${num(s.revenueYuan / 10_000)} 万元高`);
	await expect(flag).toContainText(`实际近 12 个月存款只增加 ${num(clueValue(c, 'savings-12m') / 10_000)} 万元`);
	await expect(sim(page).locator('.finding[data-code="ipc.estimate-took-claim"]')).toContainText(`真实数是 ${num(c.truth.revenueYuan / 10_000)} 万元`);
	const loan = sim(page).locator('.finding[data-code="ipc.loan-over-need"]');
	await expect(loan).toContainText(`额度 ${c.requestedWan} 万元超过了经营能支持的 ${num(s.loan.maxWan)} 万元`);
	await expect(loan).toContainText(`减去现有存货 ${num(s.loan.stockNowYuan / 10_000)} 万元，向上取整为 ${num(s.loan.needWan)} 万元`);
	await expect(loan.getByRole('link')).toHaveAttribute('href', /lessons\/m2\/02-risk-assessment\/#/);
	const results = await new AxeBuilder({ page }).include('[data-sim="ipc-crosscheck"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('invalid worksheet input is refused inline', async ({ page }) => {
	await open(page, '?seed=e2e-ipc-invalid');
	await sim(page).locator('#ipc-takingsWan').fill('二十九');
	await sim(page).locator('#ipc-loanWan').fill('-5');
	await sim(page).getByRole('button', { name: '提交底稿' }).click();
	await expect(sim(page).locator('#ipc-takingsWan')).toBeFocused();
	await expect(sim(page).locator('#ipc-takingsWan')).toHaveAttribute('aria-invalid', 'true');
	await expect(sim(page).locator('#ipc-takingsWan-error')).toHaveText('请输入不小于 0 的数字，单位是万元。');
	await expect(sim(page).locator('#ipc-inflowsWan-error')).toHaveText('请填写。');
	await expect(sim(page).locator('#ipc-flag-error')).toHaveText('请选一条线索，或选“都对得上”。');
	await expect(sim(page).locator('#ipc-loanWan-error')).toHaveText('请输入不小于 0 的数字，单位是万元。');
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
	const results = await new AxeBuilder({ page }).include('[data-sim="ipc-crosscheck"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed gives the same shop after a reload; retry and another shop work', async ({ page }) => {
	await open(page, '?seed=classA');
	const clues = await sim(page).locator('.ipc-clues td').allTextContents();
	await page.reload();
	await expect(sim(page).locator('.ipc-clues td')).toHaveText(clues);
	await sim(page).locator('#ipc-estimateWan').fill('12');
	await sim(page).getByRole('button', { name: '同一户重新作答' }).click();
	await expect(sim(page).locator('#ipc-estimateWan')).toHaveValue('');
	await expect(sim(page).locator('.ipc-clues td')).toHaveText(clues);
	await sim(page).getByRole('button', { name: '换一户' }).click();
	expect(page.url()).not.toContain('seed=classA');
	await expect(sim(page).locator('.ipc-clues td')).not.toHaveText(clues);
});
