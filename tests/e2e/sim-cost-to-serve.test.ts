import AxeBuilder from '@axe-core/playwright';
import { LESSON_TASK_SEED, solveCostTask } from '../../src/domain/cost-to-serve';
import { costTask } from '../../src/domain/cost-task';
import { CHANNELS } from '../../src/domain/rates';
import domainB from '../../src/i18n/domain-b.zh-CN.json' with { type: 'json' };
import { test, expect, expectAbortedDownloads, failNextRequest } from './support';
import type { Page } from '@playwright/test';

const LESSON = 'lessons/m2/01-service-cost/';
const channelName = (c: string) => (domainB as Record<string, string>)[`channel.${c}`] as string;
const sim = (page: Page) => page.locator('[data-sim="cost-to-serve"]');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** How the island prints a number: thousands separators, at most two decimals. */
const fmt = (x: number, d = 2) => new Intl.NumberFormat('en-US', { maximumFractionDigits: d }).format(Math.round(x * 10 ** d) / 10 ** d);
/** How a finding prints a number (finding-vars: rounded to 0.01, no separators). */
const num = (x: number) => String(Math.round(x * 100) / 100);

async function open(page: Page, query: string) {
	await page.goto(`${LESSON}${query}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.cts-channel')).toHaveCount(3);
}

const card = (page: Page, channel: string) => sim(page).locator(`.cts-channel[data-channel="${channel}"]`);
const rowValue = (page: Page, channel: string, label: string) => card(page, channel).locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td');

test('a learner answers the three questions with the calculator, using the mouse, and the result is saved', async ({ page }) => {
	const seed = 'e2e-cts-mouse';
	const task = costTask(seed);
	const sol = solveCostTask(task);
	await open(page, `?seed=${seed}`);
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue(seed);
	await expect(sim(page).getByRole('group', { name: /第 1 题/ })).toContainText(`一笔 ${fmt(task.loanWan)} 万元、年利率 ${fmt(task.rate * 100)}%、期限 ${task.termMonths} 个月`);

	// Set the calculator to the question's loan and read each channel's profit.
	await sim(page).getByLabel('贷款金额 L（万元）').click();
	await sim(page).getByLabel('贷款金额 L（万元）').fill(String(task.loanWan));
	await sim(page).getByLabel('贷款年利率 r（%）').fill(String(task.rate * 100));
	await sim(page).getByLabel('期限（月）').fill(String(task.termMonths));
	for (const r of sol.q1) {
		await expect(rowValue(page, r.channel, '单笔利润')).toHaveText(`${fmt(r.economics.profitYuan, 0)} 元`);
		const q = sim(page).getByRole('group', { name: channelName(r.channel), exact: true });
		await q.getByLabel(r.economics.profitYuan > 0 ? '赚钱' : '亏钱').click();
	}
	// Q2: read the branch-visit break-even size off its table.
	await expect(rowValue(page, 'branch-visit', '盈亏平衡规模 L*')).toHaveText(`${fmt(sol.q2.breakEvenWan as number)} 万元`);
	await sim(page).getByRole('group', { name: /第 2 题/ }).getByLabel('答案（万元）').fill(String(sol.q2.breakEvenWan));
	// Q3: halve the stage's hours in the assumptions and read the new break-even size.
	await sim(page).getByText('教学假设：小时成本和各环节工时').click();
	const stageLabel = { marketing: '营销', investigation: '调查审批', 'post-loan': '贷后管理（每年）' }[task.cutStage];
	await sim(page).getByLabel(`网点客户经理上门调查：${stageLabel}工时`).fill(String(sol.q3HoursAfter));
	await expect(rowValue(page, 'branch-visit', '盈亏平衡规模 L*')).toHaveText(`${fmt(sol.q3.breakEvenWan as number)} 万元`);
	await sim(page).getByRole('group', { name: /第 3 题/ }).getByLabel('答案（万元）').fill(String(sol.q3DropWan));
	await sim(page).getByRole('button', { name: '提交三道题' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 7 / 7（100%）');
	await expect(sim(page).locator('.chart canvas')).toBeVisible();
	await expect(sim(page).locator('.chart table')).toContainText(channelName('online-data'));
	// Restoring the assumptions brings the lesson's 24 hours back.
	await sim(page).getByRole('button', { name: '恢复本课假设' }).click();
	await expect(rowValue(page, 'branch-visit', '合计工时')).toHaveText('24 小时');
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /单笔贷款成本计算器/ })).toContainText('7 / 7');
});

test('a learner completes the task with the keyboard only', async ({ page }) => {
	const sol = solveCostTask(costTask(LESSON_TASK_SEED));
	await open(page, '');
	for (const r of sol.q1) {
		await sim(page)
			.getByRole('group', { name: channelName(r.channel), exact: true })
			.getByLabel(r.economics.profitYuan > 0 ? '赚钱' : '亏钱')
			.focus();
		await page.keyboard.press('Space');
	}
	await page.keyboard.press('Tab'); // leaves the radio group for the Q2 answer
	await expect(sim(page).locator('#cts-q2')).toBeFocused();
	await page.keyboard.type(String(sol.q2.breakEvenWan));
	await page.keyboard.press('Tab');
	await expect(sim(page).locator('#cts-q3')).toBeFocused();
	await page.keyboard.type(String(sol.q3DropWan));
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText('7 / 7');
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	for (const c of CHANNELS) await expect(sim(page).getByRole('group', { name: channelName(c), exact: true }).locator('input:checked')).toHaveCount(1);
});

test('wrong answers are explained with the lesson numbers, and axe is clean with feedback shown', async ({ page }) => {
	await open(page, `?seed=${LESSON_TASK_SEED}`);
	// The lesson's 20 万元 loan: say the branch-visit process makes money (it loses 1,600 元).
	await sim(page).getByRole('group', { name: channelName('branch-visit'), exact: true }).getByLabel('赚钱').check();
	await sim(page).getByRole('group', { name: channelName('batch-scenario'), exact: true }).getByLabel('赚钱').check();
	await sim(page).getByRole('group', { name: channelName('online-data'), exact: true }).getByLabel('赚钱').check();
	await sim(page).locator('#cts-q2').fill('300000');
	await sim(page).locator('#cts-q3').fill('23.75');
	await sim(page).getByRole('button', { name: '提交三道题' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('2 / 7');
	const q1 = sim(page).locator('.finding[data-code="cts.q1-wrong-loss"]');
	await expect(q1).toHaveCount(1);
	await expect(q1).toContainText(`${channelName('branch-visit')}其实是亏的：20 万元 ×（r − f − e）1.6% × 1 年只挣 3200 元，不够 24 小时的运营成本 4800 元，单笔亏 1600 元`);
	await expect(q1).toContainText('盈亏平衡规模是 30 万元');
	await expect(q1.getByRole('link')).toHaveAttribute('href', /lessons\/m2\/01-service-cost\/#/);
	await expect(sim(page).locator('.finding[data-code="cts.q2-unit"]')).toContainText('300000 元 = 30 万元');
	await expect(sim(page).locator('.finding[data-code="cts.q3-gave-level"]')).toContainText(`30 − 23.75 = ${num(6.25)} 万元`);
	const results = await new AxeBuilder({ page }).include('[data-sim="cost-to-serve"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('invalid input is refused inline and the results keep the last valid numbers', async ({ page }) => {
	await open(page, '');
	const loan = sim(page).getByLabel('贷款金额 L（万元）');
	await loan.fill('abc');
	await expect(loan).toHaveAttribute('aria-invalid', 'true');
	await expect(sim(page).locator('#cts-loanWan-error')).toHaveText('请输入数字。');
	await expect(sim(page).getByRole('status').filter({ hasText: '上一次有效的输入' })).toBeVisible();
	await expect(rowValue(page, 'branch-visit', '单笔利润')).toHaveText('0 元');
	await sim(page).getByLabel('违约概率 PD（%）').fill('150');
	await expect(sim(page).locator('#cts-pd-error')).toHaveText('不能大于 100。');
	await sim(page).getByLabel('期限（月）').fill('6.5');
	await expect(sim(page).locator('#cts-termMonths-error')).toHaveText('请输入整数。');
	await sim(page).getByText('教学假设：小时成本和各环节工时').click();
	await sim(page).getByLabel('线上数据化审批：营销工时').fill('-1');
	await expect(sim(page).locator('#cts-hours-errors')).toContainText('不能小于 0。');
	await loan.fill('20');
	await sim(page).getByLabel('违约概率 PD（%）').fill('1.5');
	await sim(page).getByLabel('期限（月）').fill('12');
	await sim(page).getByLabel('线上数据化审批：营销工时').fill('1');
	await expect(sim(page).getByRole('status').filter({ hasText: '上一次有效的输入' })).toHaveCount(0);
	await expect(rowValue(page, 'branch-visit', '单笔利润')).toHaveText('-1,600 元');
	// Submitting an incomplete or non-numeric answer is refused next to the question.
	await sim(page).locator('#cts-q2').fill('三十');
	await sim(page).getByRole('button', { name: '提交三道题' }).click();
	await expect(sim(page).getByRole('alert').filter({ hasText: '第 1 题还有 3 个渠道没有选' })).toBeVisible();
	await expect(sim(page).locator('#cts-q2-error')).toHaveText('请输入不小于 0 的数字，单位是万元。');
	await expect(sim(page).locator('#cts-q3-error')).toHaveText('请填写答案。');
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
	const results = await new AxeBuilder({ page }).include('[data-sim="cost-to-serve"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed gives the same questions; new and retry work; a bad URL seed falls back', async ({ page }) => {
	await open(page, '?seed=classA');
	const legend = await sim(page).getByRole('group', { name: /第 1 题/ }).locator('legend').first().textContent();
	await page.reload();
	await expect(sim(page).getByRole('group', { name: /第 1 题/ }).locator('legend').first()).toHaveText(legend ?? '');
	await sim(page).locator('#cts-q2').fill('5');
	await sim(page).getByRole('button', { name: '同一组题重新作答' }).click();
	await expect(sim(page).locator('#cts-q2')).toHaveValue('');
	await sim(page).getByRole('button', { name: '换一组题' }).click();
	expect(page.url()).not.toContain('seed=classA');
	await open(page, '?seed=<bad>');
	await expect(sim(page).getByRole('status').first()).toContainText('参数无效');
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue(LESSON_TASK_SEED);
});

test('the scorer loads only on submit and the generator only for another seed; failed downloads offer a retry', async ({ page, guard }) => {
	const sol = solveCostTask(costTask(LESSON_TASK_SEED));
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(r.url()));
	const generator = /\/_astro\/cost-task\.[^/]+\.js$/;
	const chunk = /\/_astro\/cost-to-serve\.[^/]+\.js$/; // the scorer's chunk and the model's share the name
	await open(page, '');
	expect(fetched.filter((u) => generator.test(u))).toEqual([]);
	const atLoad = new Set(fetched.filter((u) => chunk.test(u)));
	for (const r of sol.q1) await sim(page).getByRole('group', { name: channelName(r.channel), exact: true }).getByLabel(r.economics.profitYuan > 0 ? '赚钱' : '亏钱').check();
	await sim(page).locator('#cts-q2').fill(String(sol.q2.breakEvenWan));
	await sim(page).locator('#cts-q3').fill(String(sol.q3DropWan));
	await failNextRequest(page, chunk, (u) => atLoad.has(u));
	await sim(page).getByRole('button', { name: '提交三道题' }).click();
	const failed = sim(page).getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	await expect(sim(page).locator('.feedback-score')).toHaveCount(0);
	await failed.getByRole('button', { name: '重试' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 7 / 7（100%）');
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	await expect(failed).toHaveCount(0);

	// Another seed: the generator is fetched; a failed download offers a retry, then the same questions.
	const task = costTask('e2e-lazy');
	await failNextRequest(page, generator);
	await sim(page).getByLabel('场景编号（种子）').fill('e2e-lazy');
	await sim(page).getByRole('button', { name: '使用此编号' }).click();
	await expect(failed).toBeVisible();
	await failed.getByRole('button', { name: '重试' }).click();
	await expect(sim(page).getByRole('group', { name: /第 1 题/ })).toContainText(`一笔 ${fmt(task.loanWan)} 万元、年利率 ${fmt(task.rate * 100)}%、期限 ${task.termMonths} 个月`);
	await expect(failed).toHaveCount(0);
	// the deliberately aborted downloads are the only console errors
	expectAbortedDownloads(guard, /cost-t/);
	await page.goto('progress/');
	const saved = await page.evaluate(() => Object.entries(localStorage).map(([, v]) => v).join(' '));
	expect(saved).toMatch(/"attempts":1\b/);
});
