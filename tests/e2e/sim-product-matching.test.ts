import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { MORTGAGEABLE_KINDS, type Product } from '../../src/domain/products';
import { draftOf, orderCatalogue, type DecisionDraft, type MatchingTrack } from '../../src/domain/product-matching';
import { scenarioFor } from '../../src/domain/product-matching-scenario';
import { profileClient, targetTerm, type ProductDecision } from '../../src/domain/product-rules';
import { RULES } from '../../src/domain/product-rules';
import { DEFAULT_PRODUCT_WEIGHTS, scoreProductChoice, whatIf } from '../../src/domain/scoring/product-choice';
import domainA from '../../src/i18n/domain-a.zh-CN.json' with { type: 'json' };
import domainB from '../../src/i18n/domain-b.zh-CN.json' with { type: 'json' };
import { test, expect, expectAbortedDownloads, failNextRequest, watchChartJs } from './support';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const M5_04 = 'lessons/m5/04-trade-and-services/';
const M5_05 = 'lessons/m5/05-manufacturing-and-policy/';
const names = { ...domainA, ...domainB } as Record<string, string>;
const DIR = join(import.meta.dirname, '..', '..', 'content', 'products');
const catalogue: Product[] = orderCatalogue(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Product));
const product = (id: string) => catalogue.find((p) => p.id === id)!;

/** The simulation instance: the free one, or the one a lesson fixed to a track. */
const sim = (page: Page, track?: MatchingTrack) => page.locator(`[data-sim="product-matching${track ? `-${track}` : ''}"]`);

async function open(page: Page, path: string, query: string, track?: MatchingTrack) {
	await page.goto(`${path}${query}`);
	const s = sim(page, track);
	await s.scrollIntoViewIfNeeded();
	await expect(s.locator('.dossier-name')).toBeVisible();
	return s;
}

function expertOf(seed: string, track: MatchingTrack) {
	const sc = scenarioFor(seed, track, catalogue);
	if (!sc.expert.decision) throw new Error(`expert declines ${seed}`);
	return { client: sc.client, decision: sc.expert.decision };
}

/** Fill the five-element form with the mouse. */
async function fill(s: Locator, d: DecisionDraft) {
	await s.getByRole('group', { name: /选择产品/ }).getByRole('radio', { name: names[`product.${d.productId}`]!, exact: true }).check();
	await s.getByLabel('额度（万元）', { exact: true }).fill(d.amountWan);
	await s.getByLabel('期限（个月）', { exact: true }).fill(d.termMonths);
	await s.getByLabel('年利率（%）', { exact: true }).fill(d.ratePct);
	await s.getByLabel('还款方式', { exact: true }).selectOption(d.repayment);
	await s.getByLabel('担保方式', { exact: true }).selectOption(d.guarantee);
}

const scoreText = (fb: { score: number; max: number }) => `得分 ${fb.score} / ${fb.max}（${Math.round((fb.score / fb.max) * 100)}%）`;

test('a learner matches the expert with the mouse, a worse choice scores lower, and the result is saved', async ({ page }) => {
	const { client, decision } = expertOf('e2e-pm-mouse', 'trade');
	const s = await open(page, M5_05, '?seed=e2e-pm-mouse&track=trade');
	await expect(s.locator('.dossier-name')).toContainText(client.name);
	await expect(s.getByRole('radio', { name: /批发零售/ })).toBeChecked();
	await expect(s.locator('.chart canvas')).toHaveCount(3);
	await fill(s, draftOf(decision));
	await s.getByRole('button', { name: '提交方案' }).click();
	const best = scoreProductChoice(client, catalogue, decision, DEFAULT_PRODUCT_WEIGHTS);
	await expect(s.locator('.feedback-score')).toHaveText(scoreText(best));
	await expect(s.locator('.pm-compare tbody tr').filter({ hasText: '不同' })).toHaveCount(0);
	await expect(s.locator('.pm-debrief')).toContainText('预期损失 EL = PD');
	await expect(s.locator('.pm-debrief')).toContainText('RAROC =（利息');
	await expect(s.locator('.pm-compliance li').first()).toBeVisible();
	await expect(s.getByRole('status').filter({ hasText: '结果已保存' })).toBeVisible();

	// A deliberately bad choice: the most expensive rate and the longest term the product allows.
	const p = product(decision.productId);
	const bad: ProductDecision = { ...decision, termMonths: p.termMonths.max, annualRate: Math.round((0.03 + p.pricing.maxSpreadBp / 10000) * 1e6) / 1e6 };
	await s.getByLabel('期限（个月）', { exact: true }).fill(String(bad.termMonths));
	await s.getByLabel('年利率（%）', { exact: true }).fill(draftOf(bad).ratePct);
	await expect(s.locator('.feedback')).toHaveCount(0);
	await s.getByRole('button', { name: '提交方案' }).click();
	const worse = scoreProductChoice(client, catalogue, bad, DEFAULT_PRODUCT_WEIGHTS);
	await expect(s.locator('.feedback-score')).toHaveText(scoreText(worse));
	expect(best.score).toBeGreaterThanOrEqual(worse.score);
	expect(best.score).toBeGreaterThan(worse.score);

	await page.goto('progress/');
	const row = page.getByRole('row', { name: /产品匹配与五要素/ });
	await expect(row).toContainText(`${worse.score} / ${worse.max}`);
	await expect(row).toContainText(String(best.score));
});

test('a learner completes the simulation with the keyboard only, including a what-if', async ({ page }) => {
	const { client, decision } = expertOf('e2e-pm-keys', 'services');
	const d = draftOf(decision);
	const s = await open(page, M5_04, '?seed=e2e-pm-keys', 'services');
	await expect(s.locator('.dossier-name')).toContainText(client.name);
	// product: arrow keys move through the radio group
	const radios = s.getByRole('group', { name: /选择产品/ }).getByRole('radio');
	await radios.first().focus();
	await page.keyboard.press('Space');
	const target = catalogue.findIndex((p) => p.id === decision.productId);
	for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
	await expect(radios.nth(target)).toBeChecked();
	for (const [label, value] of [
		['额度（万元）', d.amountWan],
		['期限（个月）', d.termMonths],
		['年利率（%）', d.ratePct],
	] as const) {
		await s.getByLabel(label, { exact: true }).focus();
		await page.keyboard.type(value);
	}
	for (const [label, value] of [
		['还款方式', d.repayment],
		['担保方式', d.guarantee],
	] as const) {
		const select = s.getByLabel(label, { exact: true });
		await select.focus();
		for (let i = 0; i < 8 && (await select.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
		await expect(select).toHaveValue(value);
	}
	await s.getByLabel('一句话说明理由（选填）').focus();
	await page.keyboard.type('旺季回款后还本');
	await page.keyboard.press('Enter');
	const fb = scoreProductChoice(client, catalogue, { ...decision, rationale: '旺季回款后还本' });
	await expect(s.locator('.feedback-score')).toHaveText(scoreText(fb));
	await expect(s.locator('.feedback-score')).toBeFocused();
	await expect(s.locator('.pm-debrief')).toContainText('你写的理由：旺季回款后还本');
	// what-if with the keyboard: the rate at the product's ceiling
	const p = product(decision.productId);
	const ceilingPct = String(3 + p.pricing.maxSpreadBp / 100);
	const which = s.getByLabel('改哪一项');
	await which.focus();
	for (let i = 0; i < 5 && (await which.inputValue()) !== 'ratePct'; i++) await page.keyboard.press('ArrowDown');
	const value = s.getByLabel(/^改成/);
	await value.focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(ceilingPct);
	await page.keyboard.press('Enter');
	const r = whatIf(client, catalogue, { ...decision, rationale: '旺季回款后还本' }, { annualRate: Math.round(Number(ceilingPct) * 1e4) / 1e6 });
	await expect(s.locator('.pm-whatif-summary')).toContainText(`总分 ${r.before.score} → ${r.after.score}`);
	expect(r.after.score).not.toBe(r.before.score);
	await expect(s.locator('.pm-whatif-table .pm-down').first()).toBeVisible();
});

test('a 36-month term for a short-cycle trade client is explained with its numbers, and a what-if puts it right', async ({ page }) => {
	// A trade client borrowing working capital whose expert product allows 36 months and whose cycle is short.
	let seed = '';
	let found: ReturnType<typeof expertOf> | null = null;
	for (let i = 0; i < 200 && !found; i++) {
		seed = `e2e-term-${i}`;
		const e = expertOf(seed, 'trade');
		const prof = profileClient(e.client);
		const p = product(e.decision.productId);
		if (prof.workingCapitalPurpose && p.termMonths.max >= 36 && 36 > Math.max(RULES.wcBaseTermMonths, RULES.wcTermCycles * prof.cycleMonths, targetTerm(e.client, p, prof))) found = e;
	}
	if (!found) throw new Error('no short-cycle trade client found');
	const { client, decision } = found;
	const cycle = profileClient(client).cycleMonths;
	const long: ProductDecision = { ...decision, termMonths: 36 };
	const s = await open(page, M5_04, `?seed=${seed}`, 'trade');
	await fill(s, draftOf(long));
	await s.getByRole('button', { name: '提交方案' }).click();
	await expect(s.locator('.feedback-score')).toHaveText(scoreText(scoreProductChoice(client, catalogue, long)));
	const f = s.locator('.finding[data-code="term.exceeds-cash-cycle"]');
	await expect(f).toContainText(`期限 36 个月远超资金周转周期约 ${cycle} 个月`);
	await expect(f.getByRole('link')).toHaveAttribute('href', /lessons\/m3\/01-product-innovation\/#/);
	// what-if: back to the expert's term
	await s.getByLabel('改哪一项').selectOption('termMonths');
	await s.getByLabel(/^改成/).fill(String(decision.termMonths));
	await s.getByRole('button', { name: '算一算' }).click();
	const r = whatIf(client, catalogue, long, { termMonths: decision.termMonths });
	expect(r.after.score).toBeGreaterThan(r.before.score);
	await expect(s.locator('.pm-whatif-summary')).toContainText(`期限从 36 个月 改为 ${decision.termMonths} 个月：总分 ${r.before.score} → ${r.after.score}`);
	await expect(s.locator('.pm-whatif-table tr', { hasText: '期限' })).toContainText('+');
	// a value outside the product is refused inline, not replayed
	await s.getByLabel(/^改成/).fill('999');
	await s.getByRole('button', { name: '算一算' }).click();
	await expect(s.getByRole('alert').filter({ hasText: '高于本产品上限' })).toBeVisible();
	await expect(s.getByLabel(/^改成/)).toHaveAttribute('aria-invalid', 'true');
	const results = await new AxeBuilder({ page }).include('[data-sim="product-matching-trade"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('a mortgage for a client without property is refused with the product and guarantee findings', async ({ page }) => {
	let seed = '';
	for (let i = 0; i < 200; i++) {
		seed = `e2e-nohouse-${i}`;
		const c = scenarioFor(seed, 'manufacturing', catalogue).client;
		if (!c.collateral.some((k) => MORTGAGEABLE_KINDS.includes(k.kind))) break;
	}
	const { client, decision } = expertOf(seed, 'manufacturing');
	const p = product('mortgage-business-loan');
	const mortgage: ProductDecision = {
		productId: p.id,
		amountWan: Math.min(p.amountWan.max, Math.max(p.amountWan.min, decision.amountWan)),
		termMonths: Math.min(p.termMonths.max, Math.max(p.termMonths.min, 12)),
		annualRate: Math.round((0.03 + p.pricing.minSpreadBp / 10000) * 1e6) / 1e6,
		repayment: p.repaymentMethods[0]!,
		guarantee: 'mortgage',
	};
	const s = await open(page, M5_05, '?seed=' + seed, 'manufacturing');
	await fill(s, draftOf(mortgage));
	await s.getByRole('button', { name: '提交方案' }).click();
	const fb = scoreProductChoice(client, catalogue, mortgage);
	await expect(s.locator('.feedback-score')).toHaveText(scoreText(fb));
	expect(fb.score).toBeLessThan(scoreProductChoice(client, catalogue, decision).score);
	await expect(s.locator('.finding[data-code="guarantee.mortgage-without-property"]')).toContainText('客户名下没有可抵押的房产、土地、设备或车辆，“抵押”无从谈起');
	const kinds = p.eligibility.collateralKinds!;
	await expect(s.locator('.finding[data-code="product.ineligible-collateral"]')).toContainText(
		`抵押经营贷需要客户提供${names[`collateral.${kinds[0]}`]}等押品（共 ${kinds.length} 类可选），客户没有`,
	);
	await expect(s.locator('.pm-compare tbody tr').first()).toContainText('不同');
	const reason = scenarioFor(seed, 'manufacturing', catalogue).expert.reasons[0]!;
	await expect(s.locator('.pm-reasons')).toContainText(names[`finding.${reason}`]!);
	const results = await new AxeBuilder({ page }).include('[data-sim="product-matching-manufacturing"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('bad input is refused inline: the calculator and the five elements', async ({ page }) => {
	const s = await open(page, M5_05, '?seed=e2e-pm-input&track=trade');
	const ar = s.getByLabel('应收账款周转天数（天）');
	await ar.fill('abc');
	await expect(ar).toHaveAttribute('aria-invalid', 'true');
	await expect(s.getByRole('alert').filter({ hasText: '应收账款周转天数需要填一个数字' })).toBeVisible();
	const own = s.getByLabel('自有资金（万元）');
	await own.fill('-5');
	await expect(own).toHaveAttribute('aria-invalid', 'true');
	await expect(s.getByRole('alert').filter({ hasText: '自有资金不能为负数' })).toBeVisible();
	await expect(s.getByRole('button', { name: '没有正的缺口，不能带入额度' })).toBeDisabled();
	await s.getByRole('button', { name: '恢复客户档案数字' }).click();
	await expect(ar).not.toHaveAttribute('aria-invalid', 'true');
	await expect(s.locator('.pm-steps li')).toHaveCount(4);
	const use = s.getByRole('button', { name: /作为额度/ });
	if (await use.isEnabled()) {
		await use.click();
		await expect(s.getByLabel('额度（万元）', { exact: true })).not.toHaveValue('');
	}
	// submitting an empty form names every missing field and focuses the product list
	await s.getByRole('button', { name: '提交方案' }).click();
	await expect(s.getByRole('group', { name: /选择产品/ })).toBeFocused();
	await expect(s.getByRole('alert').filter({ hasText: '请选择产品' })).toBeVisible();
	await expect(s.locator('.feedback')).toHaveCount(0);
	await s.getByRole('group', { name: /选择产品/ }).getByRole('radio', { name: names['product.working-capital']!, exact: true }).check();
	const amount = s.getByLabel('额度（万元）', { exact: true });
	await amount.fill('abc');
	await expect(amount).toHaveAttribute('aria-invalid', 'true');
	await expect(s.getByRole('alert').filter({ hasText: '“abc”不是数字' })).toBeVisible();
	const term = s.getByLabel('期限（个月）', { exact: true });
	await term.fill('48');
	await expect(s.getByRole('alert').filter({ hasText: '期限 48个月高于本产品上限（可选 3–36个月）' })).toBeVisible();
	await term.fill('6.5');
	await expect(s.getByRole('alert').filter({ hasText: '期限按整月填写' })).toBeVisible();
	await s.getByRole('button', { name: '提交方案' }).click();
	await expect(amount).toBeFocused();
	await expect(s.locator('.feedback')).toHaveCount(0);
	const results = await new AxeBuilder({ page }).include('[data-sim="product-matching"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('the same seed shows the same client after a reload and in another browser; new and retry work', async ({ page, browser }) => {
	const s = await open(page, M5_05, '?seed=classA&track=manufacturing');
	const name = await s.locator('.dossier-name').textContent();
	expect(name).toContain(scenarioFor('classA', 'manufacturing', catalogue).client.name);
	await page.reload();
	await expect(sim(page).locator('.dossier-name')).toHaveText(name!);
	await expect(sim(page).getByRole('radio', { name: /生产加工/ })).toBeChecked();
	const other = await browser.newContext();
	const page2 = await other.newPage();
	const s2 = await open(page2, M5_05, '?seed=classA&track=manufacturing');
	await expect(s2.locator('.dossier-name')).toHaveText(name!);
	await other.close();
	// retry keeps the client and clears the answer; a new client changes it and the address
	await s.getByLabel('额度（万元）', { exact: true }).fill('50');
	await s.getByRole('button', { name: '同一户重新作答' }).click();
	await expect(s.getByLabel('额度（万元）', { exact: true })).toHaveValue('');
	await expect(s.locator('.dossier-name')).toHaveText(name!);
	await s.getByRole('radio', { name: /民生服务/ }).check();
	await expect(s.locator('.dossier-name')).toContainText(scenarioFor('classA', 'services', catalogue).client.name);
	expect(page.url()).toContain('track=services');
	await s.getByRole('button', { name: '换一户客户' }).click();
	await expect(s.locator('.dossier-name')).not.toContainText(scenarioFor('classA', 'services', catalogue).client.name);
	expect(page.url()).not.toContain('seed=classA');
	// the manufacturing instance on the same page keeps its own client
	await expect(sim(page, 'manufacturing').getByRole('radio', { name: /生产加工/ })).toBeChecked();
});

test('two instances on one lesson are independent, and a bad track in the URL falls back with a notice', async ({ page }) => {
	const trade = await open(page, M5_04, '?seed=e2e-two', 'trade');
	const services = sim(page, 'services');
	await expect(trade.locator('.dossier-name')).toContainText(scenarioFor('e2e-two', 'trade', catalogue).client.name);
	await expect(services.locator('.dossier-name')).toContainText(scenarioFor('e2e-two', 'services', catalogue).client.name);
	await trade.getByRole('radio', { name: /生产加工/ }).check();
	await expect(services.getByRole('radio', { name: /民生服务/ })).toBeChecked();
	const results = await new AxeBuilder({ page }).include('[data-sim^="product-matching"]').withTags(TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
	const s = await open(page, M5_05, '?seed=e2e-two&track=banana');
	await expect(s.getByRole('status').first()).toContainText('参数无效');
	await expect(s.getByRole('radio', { name: /批发零售/ })).toBeChecked();
});

test('without a seed each instance opens on the scenario built with the page; the scorer and debrief load on submit and the score takes focus', async ({ page }) => {
	const s = await open(page, M5_04, '', 'trade');
	const sc = scenarioFor('sme-2026', 'trade', catalogue);
	await expect(s.locator('.dossier-name')).toContainText(sc.client.name);
	await expect(sim(page, 'services').locator('.dossier-name')).toContainText(scenarioFor('sme-2026', 'services', catalogue).client.name);
	await fill(s, draftOf(sc.expert.decision!));
	await s.getByRole('button', { name: '提交方案' }).click();
	await expect(s.locator('.feedback-score')).toHaveText(scoreText(scoreProductChoice(sc.client, catalogue, sc.expert.decision!, DEFAULT_PRODUCT_WEIGHTS)));
	await expect(s.locator('.feedback-score')).toBeFocused();
	await expect(s.locator('.pm-compare')).toBeVisible();
});

test('the charts and chart.js are fetched only as the learner scrolls near them; a failed download offers a retry', async ({ page, guard }) => {
	const chartJs = watchChartJs(page);
	const charts = /\/_astro\/ClientCharts\.[^/]+\.js$/;
	const fetched: string[] = [];
	page.on('request', (r) => void fetched.push(r.url()));
	await failNextRequest(page, charts);
	await page.goto(M5_04);
	const s = sim(page, 'trade');
	const sc = scenarioFor('sme-2026', 'trade', catalogue);
	// The island is up (its dossier is on the page) but far below the lesson's opening screen.
	await expect(s.locator('.dossier-name')).toContainText(sc.client.name);
	await page.waitForLoadState('networkidle');
	expect(fetched.filter((u) => charts.test(u))).toEqual([]);
	expect(await chartJs()).toEqual([]);
	await expect(s.locator('.pm-section').first()).toContainText('正在载入');

	await s.locator('.pm-dossier').scrollIntoViewIfNeeded();
	const failed = s.getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	await failed.getByRole('button', { name: '重试' }).click();
	await expect(s.locator('.chart canvas')).toHaveCount(3);
	await expect(s.locator('.chart figcaption')).toHaveCount(3);
	await expect(s.locator('.chart table').first()).toContainText('毛利率');
	await expect(failed).toHaveCount(0);
	expect(await chartJs()).toHaveLength(1);
	expectAbortedDownloads(guard, /ClientCharts/);
});
