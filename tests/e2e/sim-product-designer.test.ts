import AxeBuilder from '@axe-core/playwright';
import { BRIEFS, DEFAULT_DESIGN, DEFAULT_SAMPLE, type BriefId, type ProductDesign } from '../../src/domain/product-design';
import { evaluateDesign, profileSample, sampleClients, scoreDesign } from '../../src/domain/product-design-evaluation';
import zhSim from '../../src/i18n/sim-product-designer.zh-CN.json' with { type: 'json' };
import zhDomain from '../../src/i18n/domain-a.zh-CN.json' with { type: 'json' };
import { test, expect, expectAbortedDownloads, failNextRequest, watchChartJs } from './support';
import type { Locator, Page } from '@playwright/test';

const LESSON = 'lessons/m3/01-product-innovation/';
const names = { ...(zhDomain as Record<string, string>), ...(zhSim as Record<string, string>) };
const sim = (page: Page) => page.locator('[data-sim="product-designer"]');
const pct = (x: number) => `${Math.round(x * 100 * 100) / 100}%`;

/** A design that suits peri-urban farmers: small amounts, seasonal repayment, no property needed. */
const FARM: ProductDesign = {
	amountMinWan: 1,
	amountMaxWan: 50,
	termMinMonths: 3,
	termMaxMonths: 12,
	spreadBp: 150,
	repayments: ['interest-monthly-bullet', 'seasonal', 'revolving'],
	guarantees: ['credit', 'personal-guarantee', 'government-guarantee'],
	requirements: ['settlement-history'],
	minYearsInBusiness: 1,
};

function expected(brief: BriefId, seed: string, count: number, design: ProductDesign) {
	const evaluation = evaluateDesign(sampleClients(BRIEFS[brief], seed, count), design);
	return { evaluation, feedback: scoreDesign(evaluation) };
}

async function open(page: Page, query: string) {
	await page.goto(`${LESSON}${query}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.pd-profile')).toBeVisible();
}

const field = (page: Page, id: string): Locator => sim(page).locator(`#pd-${id}`);
const group = (page: Page, legend: RegExp) => sim(page).getByRole('group', { name: legend });
const briefRadio = (page: Page, id: BriefId) => sim(page).getByRole('radio', { name: new RegExp(`^${names[`sim.product-designer.brief.${id}.name`]!.replace(/[()（）]/g, '.')}`) });

/** Enter the FARM design with the mouse (clicks and typing). */
async function enterFarmDesign(page: Page) {
	await briefRadio(page, 'suburban-farmers').check();
	await field(page, 'amountMinWan').fill('1');
	await field(page, 'amountMaxWan').fill('50');
	await field(page, 'termMinMonths').fill('3');
	await field(page, 'termMaxMonths').fill('12');
	await field(page, 'spreadBp').fill('150');
	const rep = group(page, /还款方式/);
	await rep.getByLabel(names['repayment.seasonal']!).check();
	await rep.getByLabel(names['repayment.revolving']!).check();
	const gua = group(page, /担保方式/);
	await gua.getByLabel(names['guarantee.mortgage']!, { exact: true }).uncheck();
	await gua.getByLabel(names['guarantee.credit']!, { exact: true }).check();
	await gua.getByLabel(names['guarantee.personal-guarantee']!).check();
	await gua.getByLabel(names['guarantee.government-guarantee']!).check();
	const entry = group(page, /准入条件/);
	await entry.getByLabel('有财务报表（报税或审计）').uncheck();
	await entry.getByLabel(/结算流水/).check();
}

test('a learner designs a product for farmers with the mouse; the score matches the rules and is saved', async ({ page }) => {
	const { evaluation, feedback } = expected('suburban-farmers', 'e2e-pd', 80, FARM);
	await open(page, '?seed=e2e-pd&n=80');
	await enterFarmDesign(page);
	await expect(sim(page).getByText('年利率 = 1 年期 LPR 3.00% + 150 个基点 = 4.50%')).toBeVisible();
	await sim(page).getByRole('button', { name: '评估这款产品' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	await expect(sim(page).locator('.pd-summary')).toContainText(`${evaluation.lendable} 户可贷客户中 ${evaluation.eligible} 户符合准入`);
	await expect(sim(page).locator('.chart canvas')).toHaveCount(2);
	await expect(sim(page).locator('.chart table').first()).toContainText('额度区间覆盖的客户');
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /为一个客群设计信贷产品/ })).toContainText(`${feedback.score} / ${feedback.max}`);
});

test('a learner completes the design with the keyboard only', async ({ page }) => {
	const design: ProductDesign = { amountMinWan: 10, amountMaxWan: 100, termMinMonths: 12, termMaxMonths: 12, spreadBp: 100, repayments: ['interest-monthly-bullet', 'seasonal'], guarantees: ['mortgage'], requirements: ['statements'], minYearsInBusiness: 1 };
	const { feedback } = expected('county-agri-wholesale', 'e2e-keys', 60, design);
	await open(page, '?seed=e2e-keys&n=60');
	// Arrow keys move through the brief radios: the first is checked, one down is the wholesalers.
	await briefRadio(page, 'community-catering').focus();
	await page.keyboard.press('ArrowDown');
	await expect(briefRadio(page, 'county-agri-wholesale')).toBeChecked();
	await group(page, /还款方式/).getByLabel(names['repayment.seasonal']!).focus();
	await page.keyboard.press('Space');
	await field(page, 'spreadBp').focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('100');
	await sim(page).getByRole('button', { name: '评估这款产品' }).focus();
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText(`${feedback.score} / ${feedback.max}`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('a term cap shorter than the farmers cycles is explained with their own numbers', async ({ page }) => {
	const short: ProductDesign = { ...FARM, termMinMonths: 1, termMaxMonths: 3 };
	const { feedback } = expected('suburban-farmers', 'e2e-wrong', 80, short);
	const f = feedback.findings.find((x) => x.code === 'design.term-too-short');
	expect(f).toBeDefined();
	const d = f!.data as { count: number; share: number; neededMonths: number };
	await open(page, '?seed=e2e-wrong&n=80');
	await enterFarmDesign(page);
	await field(page, 'termMinMonths').fill('1');
	await field(page, 'termMaxMonths').fill('3');
	await sim(page).getByRole('button', { name: '评估这款产品' }).click();
	const finding = sim(page).locator('.finding[data-code="design.term-too-short"]');
	await expect(finding).toHaveCount(1);
	await expect(finding).toContainText(`期限上限 3 个月，但有 ${d.count} 户（${pct(d.share)}）的现金周期或淡季跨度更长，最长要 ${d.neededMonths} 个月`);
	await expect(finding.getByRole('link')).toHaveAttribute('href', /lessons\/m3\/01-product-innovation\/#/);
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	const results = await new AxeBuilder({ page }).include('[data-sim="product-designer"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('invalid numbers and empty choices are refused inline', async ({ page }) => {
	await open(page, '?seed=e2e-bad&n=50');
	const results = await new AxeBuilder({ page }).include('[data-sim="product-designer"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
	await field(page, 'amountMinWan').fill('abc');
	await field(page, 'termMinMonths').fill('24');
	await field(page, 'termMaxMonths').fill('12');
	await group(page, /还款方式/).getByLabel(names['repayment.interest-monthly-bullet']!).uncheck();
	await sim(page).getByRole('button', { name: '评估这款产品' }).click();
	await expect(field(page, 'amountMinWan')).toHaveAttribute('aria-invalid', 'true');
	await expect(field(page, 'amountMinWan')).toBeFocused();
	await expect(sim(page).locator('#pd-amountMinWan-error')).toHaveText('请填写一个数字。');
	await expect(sim(page).locator('#pd-termMaxMonths-error')).toHaveText('上限不能小于下限。');
	await expect(sim(page).locator('#pd-repayments-error')).toHaveText('至少选一项。');
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
	await field(page, 'amountMinWan').fill('9999');
	await expect(sim(page).locator('#pd-amountMinWan-error')).toHaveText('请填写 0.1 到 5000 之间的数。');
});

test('the same seed shows the same sample after a reload; the reset button restores the starting design', async ({ page }) => {
	await open(page, '?seed=classA&n=120');
	const profile = await sim(page).locator('.pd-profile').textContent();
	await page.reload();
	await expect(sim(page).locator('.pd-profile')).toHaveText(profile!);
	await field(page, 'spreadBp').fill('300');
	await sim(page).getByRole('button', { name: '清空答案' }).click();
	await expect(field(page, 'spreadBp')).toHaveValue('100');
	await sim(page).getByRole('button', { name: '换一批客户' }).click();
	expect(page.url()).not.toContain('seed=classA');
});

test('chart.js is fetched only when the learner submits a design; the charts then draw with their summary and table', async ({ page }) => {
	const chartJs = watchChartJs(page);
	const { evaluation, feedback } = expected('suburban-farmers', 'e2e-lazy', 60, FARM);
	await open(page, '?seed=e2e-lazy&n=60');
	await enterFarmDesign(page);
	await page.waitForLoadState('networkidle');
	expect(await chartJs()).toEqual([]);
	await sim(page).getByRole('button', { name: '评估这款产品' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	await expect(sim(page).locator('.chart canvas')).toHaveCount(2);
	await expect(sim(page).locator('.chart figcaption').first()).toContainText(`${evaluation.lendable}`);
	await expect(sim(page).locator('.chart table').first()).toContainText('额度区间覆盖的客户');
	expect(await chartJs()).toHaveLength(1);
});

test('when chart.js cannot be fetched, the charts show their numbers as a visible table instead of an empty box', async ({ page, guard }) => {
	const { feedback } = expected('suburban-farmers', 'e2e-lazy', 60, FARM);
	await page.route(/\/_astro\/ChartCanvas\.[^/]+\.js$/, (route) => route.abort());
	await open(page, '?seed=e2e-lazy&n=60');
	await enterFarmDesign(page);
	await sim(page).getByRole('button', { name: '评估这款产品' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	await expect(sim(page).locator('.chart table.chart-table').first()).toBeVisible();
	await expect(sim(page).locator('.chart table.chart-table').first()).toContainText('额度区间覆盖的客户');
	await expect(sim(page).locator('.chart .chart-box')).toHaveCount(0);
	expectAbortedDownloads(guard, /ChartCanvas/);
});

/** The on-demand chunk with the evaluation (sampling, profile, scoring; generator and product rules come with it). */
const evaluationChunk = /\/_astro\/product-design-evaluation\.[^/]+\.js$/;

test('the lesson opens on the sample profiles built with the page, without the evaluation code; a submit fetches it once', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => void fetched.push(r.url()));
	await open(page, '');
	const profileOf = (brief: BriefId) => profileSample(sampleClients(BRIEFS[brief], 'sme-2026', DEFAULT_SAMPLE));
	const title = sim(page).locator('#pd-profile-title');
	await expect(title).toContainText(`样本 ${DEFAULT_SAMPLE} 户，其中可贷 ${profileOf('community-catering').lendable} 户`);
	await briefRadio(page, 'suburban-farmers').check();
	await expect(title).toContainText(`其中可贷 ${profileOf('suburban-farmers').lendable} 户`);
	await page.waitForLoadState('networkidle');
	expect(fetched.filter((u) => evaluationChunk.test(u))).toEqual([]);
	const { feedback } = expected('suburban-farmers', 'sme-2026', DEFAULT_SAMPLE, DEFAULT_DESIGN);
	await sim(page).getByRole('button', { name: '评估这款产品' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	// the name matched a real download (so the check before submitting could not pass by matching nothing)
	expect(fetched.filter((u) => evaluationChunk.test(u))).toHaveLength(1);
});

test('another sample fetches the evaluation code; a failed download offers a retry, also for a submit, which records the attempt once', async ({ page, guard }) => {
	const fetched: string[] = [];
	page.on('request', (r) => void fetched.push(r.url()));
	await failNextRequest(page, evaluationChunk);
	await page.goto(`${LESSON}?seed=e2e-fail&n=50`);
	const failed = sim(page).getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	await expect(sim(page).locator('.pd-profile')).toHaveCount(0);
	await failed.getByRole('button', { name: '重试' }).click();
	const profile = profileSample(sampleClients(BRIEFS['community-catering'], 'e2e-fail', 50));
	await expect(sim(page).locator('#pd-profile-title')).toContainText(`样本 50 户，其中可贷 ${profile.lendable} 户`);
	await expect(failed).toHaveCount(0);
	expect(fetched.filter((u) => evaluationChunk.test(u))).toHaveLength(2);
	expectAbortedDownloads(guard, /product-design-evaluation/);

	// On the page's own sample the code comes with the first submit; a failed download keeps the click.
	await failNextRequest(page, evaluationChunk);
	await open(page, '');
	await sim(page).getByRole('button', { name: '评估这款产品' }).click();
	await expect(failed).toBeVisible();
	await expect(sim(page).locator('.feedback-score')).toHaveCount(0);
	await failed.getByRole('button', { name: '重试' }).click();
	const { feedback } = expected('community-catering', 'sme-2026', DEFAULT_SAMPLE, DEFAULT_DESIGN);
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${feedback.score} / ${feedback.max}`);
	await expect(failed).toHaveCount(0);
	expectAbortedDownloads(guard, /product-design-evaluation/);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /为一个客群设计信贷产品/ })).toContainText(`${feedback.score} / ${feedback.max}`);
	const saved = await page.evaluate(() => Object.entries(localStorage).map(([, v]) => v).join(' '));
	expect(saved).toMatch(/"attempts":1\b/);
});
