import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
	applicantRow,
	approvalEconomics,
	checkDraft,
	defaultDraft,
	pipeline,
	playCapstone,
	runExpertGame,
	scoreCapstone,
	decisionCosts,
	type DecisionDraft,
} from '../../src/domain/capstone';
import type { Client } from '../../src/domain/client';
import { PRODUCT_IDS } from '../../src/domain/loan-terms';
import type { BookDecision } from '../../src/domain/portfolio';
import type { Catalogue, Product } from '../../src/domain/products';
import { test, expect, expectAbortedDownloads, failNextRequest } from './support';
import type { Locator, Page } from '@playwright/test';

const LESSON = 'lessons/m5/05-manufacturing-and-policy/';
const DIR = join(import.meta.dirname, '..', '..', 'content', 'products');
const catalogue: Catalogue = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Product)
	.sort((a, b) => PRODUCT_IDS.indexOf(a.id as never) - PRODUCT_IDS.indexOf(b.id as never));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const sim = (page: Page) => page.locator('[data-sim="capstone"]');
const row = (page: Page, id: string) => sim(page).locator(`tr.cap-row[data-client="${id}"]`);
const field = (page: Page, id: string, f: string) => sim(page).locator(`#cap-${id}-${f}`);
const wan = (x: number) => String(Math.round(x * 10) / 10);

/** The form a learner types for the expert's approval. */
function draftOf(d: BookDecision): DecisionDraft {
	return {
		choice: 'approve',
		productId: d.productId!,
		amountWan: String(d.amountWan),
		ratePct: String(Math.round(d.annualRate * 1e6) / 1e4),
		termMonths: String(d.termMonths),
		repayment: d.repayment,
		guarantee: d.guarantee,
	};
}

/** Up to `n` of the expert's approvals of a round, as drafts the form accepts. */
function expertPicks(seed: string, round: number, n: number): { client: Client; draft: DecisionDraft }[] {
	const apps = pipeline(seed, round);
	const r = runExpertGame(seed, catalogue).rounds[round - 1]!;
	return r.expertDecisions
		.filter((d) => d.approve)
		.map((d) => ({ client: apps.find((c) => c.id === d.clientId)!, draft: draftOf(d) }))
		.filter((x) => checkDraft(x.client, x.draft, catalogue).decision !== null)
		.slice(0, n);
}

/** The learner's decisions of a round: the picks approved, everyone else declined. */
function decisionsFor(seed: string, round: number, picks: { client: Client; draft: DecisionDraft }[]): BookDecision[] {
	return pipeline(seed, round).map((c) => {
		const p = picks.find((x) => x.client.id === c.id);
		return checkDraft(c, p ? p.draft : { ...defaultDraft(c, catalogue[0]!), choice: 'decline' }, catalogue).decision!;
	});
}

async function open(page: Page, seed: string) {
	await page.goto(`${LESSON}?seed=${seed}`);
	// A scenario link opens the game at once, but its code arrives a moment after the start panel
	// it replaces: wait for the game before scrolling to it.
	await sim(page).locator('tr.cap-row').first().waitFor({ state: 'attached' });
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('tr.cap-row').first()).toBeVisible();
}

async function approveWithMouse(page: Page, client: Client, d: DecisionDraft) {
	await row(page, client.id).getByLabel('批准', { exact: true }).check();
	await field(page, client.id, 'productId').selectOption(d.productId);
	await field(page, client.id, 'amountWan').fill(d.amountWan);
	await field(page, client.id, 'ratePct').fill(d.ratePct);
	await field(page, client.id, 'termMonths').fill(d.termMonths);
	await field(page, client.id, 'repayment').selectOption(d.repayment);
	await field(page, client.id, 'guarantee').selectOption(d.guarantee);
}

async function axeClean(page: Page) {
	const results = await new AxeBuilder({ page }).include('[data-sim="capstone"]').withTags(AXE_TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const reportTable = (page: Page): Locator => sim(page).locator('table.cap-figures');

// Independent games (each test has its own storage): run them side by side to keep the file short.
test.describe.configure({ mode: 'parallel' });

test('a learner runs four quarters with the mouse, reads each report and the debrief, and the result is saved', async ({ page }) => {
	const seed = 'e2e-cap-mouse';
	await open(page, seed);
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue(seed);
	const decisions: BookDecision[][] = [];
	for (let round = 1; round <= 4; round++) {
		await expect(sim(page).locator('.cap-round')).toHaveText(`第 ${round} 季度（共 4 个季度）`);
		await expect(sim(page).locator('tr.cap-row')).toHaveCount(pipeline(seed, round).length);
		const picks = expertPicks(seed, round, 2);
		for (const p of picks) await approveWithMouse(page, p.client, p.draft);
		await sim(page).getByRole('button', { name: /其余未决定的全部拒绝/ }).click();
		await expect(sim(page).getByRole('status').filter({ hasText: '已把' })).toContainText(`已把 ${pipeline(seed, round).length - picks.length} 户标记为拒绝`);
		await sim(page).getByRole('button', { name: '运行本季度' }).click();
		decisions.push(decisionsFor(seed, round, picks));
		const game = playCapstone(seed, catalogue, decisions);
		const rep = game.rounds[round - 1]!.learner.report;
		await expect(sim(page).getByRole('heading', { name: `第 ${round} 季度经营报告` })).toBeFocused();
		await expect(reportTable(page).getByRole('row', { name: /季末贷款余额/ })).toContainText(`${wan(rep.balanceWan)} 万元`);
		await expect(reportTable(page).getByRole('row', { name: /本季批准/ })).toContainText(`${picks.length} 户`);
		await expect(sim(page).locator('.cap-test')).toHaveCount(game.rounds[round - 1]!.learner.tests.results.length);
		await expect(sim(page).locator('.chart canvas')).toHaveCount(3);
		await expect(sim(page).locator('.chart table').first()).toContainText('年初');
		if (round === 1) await axeClean(page);
		await sim(page).getByRole('button', { name: round < 4 ? `进入第 ${round + 1} 季度` : '查看结业讲评' }).click();
	}
	const game = playCapstone(seed, catalogue, decisions);
	const fb = scoreCapstone(game);
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${fb.score} / ${fb.max}`);
	await expect(sim(page).locator('table.cap-compare')).toContainText('专家组合');
	await expect(sim(page).locator('table.cap-compare').getByRole('row', { name: /贷款余额/ }).first()).toContainText(wan(game.expert.state.balanceWan));
	const costs = decisionCosts(game).slice(0, 3);
	await expect(sim(page).locator('.cap-costly-item')).toHaveCount(costs.length);
	const names = new Map(game.rounds.flatMap((r) => r.applicants.map((c) => [c.id, c.name] as const)));
	if (costs[0]) await expect(sim(page).locator('.cap-costly-item').first()).toContainText(names.get(costs[0].clientId)!);
	await expect(sim(page).locator('.cap-whatif').first()).toContainText('重跑');
	await axeClean(page);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /结业综合演练/ })).toContainText(`${fb.score} / ${fb.max}`);
});

test('a learner decides a quarter and runs it with the keyboard only', async ({ page }) => {
	const seed = 'e2e-cap-keys';
	await open(page, seed);
	const apps = pipeline(seed, 1);
	const [pick] = expertPicks(seed, 1, 1);
	const id = pick!.client.id;
	const d = pick!.draft;
	// approve with Space on the radio
	await row(page, id).getByLabel('批准', { exact: true }).focus();
	await page.keyboard.press('Space');
	// product and methods with the arrow keys, numbers typed
	await field(page, id, 'productId').focus();
	for (let i = 0; i <= catalogue.findIndex((p) => p.id === d.productId); i++) await page.keyboard.press('ArrowDown');
	await expect(field(page, id, 'productId')).toHaveValue(d.productId);
	for (const f of ['amountWan', 'ratePct', 'termMonths'] as const) {
		await field(page, id, f).focus();
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type(d[f]);
	}
	const product = catalogue.find((p) => p.id === d.productId)!;
	for (const [f, list] of [
		['repayment', product.repaymentMethods],
		['guarantee', product.guaranteeMethods],
	] as const) {
		const target = (list as readonly string[]).indexOf(d[f]);
		const current = (list as readonly string[]).indexOf(await field(page, id, f).inputValue());
		await field(page, id, f).focus();
		for (let i = 0; i < Math.abs(target - current); i++) await page.keyboard.press(target > current ? 'ArrowDown' : 'ArrowUp');
		await expect(field(page, id, f)).toHaveValue(d[f]);
	}
	// decline the first other applicant with Space, the rest with the bulk button
	const other = apps.find((c) => c.id !== id)!;
	await row(page, other.id).getByLabel('拒绝', { exact: true }).focus();
	await page.keyboard.press('Space');
	await expect(row(page, other.id).getByLabel('拒绝', { exact: true })).toBeChecked();
	await sim(page).getByRole('button', { name: /其余未决定的全部拒绝/ }).focus();
	await page.keyboard.press('Enter');
	await sim(page).getByRole('button', { name: '运行本季度' }).focus();
	await page.keyboard.press('Enter');
	const heading = sim(page).getByRole('heading', { name: '第 1 季度经营报告' });
	await expect(heading).toBeFocused();
	const rep = playCapstone(seed, catalogue, [decisionsFor(seed, 1, [pick!])]).rounds[0]!.learner.report;
	await expect(reportTable(page).getByRole('row', { name: /本季批准/ })).toContainText(`1 户，${wan(rep.newAmountWan)} 万元`);
	await sim(page).getByRole('button', { name: '进入第 2 季度' }).focus();
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.cap-round')).toHaveText('第 2 季度（共 4 个季度）');
});

/** A seed whose first round has a prohibited-purpose applicant some product's defaults accept. */
function badSeed(): { seed: string; client: Client; product: Product } {
	for (let i = 0; i < 200; i++) {
		const seed = `e2e-bad-${i}`;
		for (const c of pipeline(seed, 1)) {
			if (applicantRow(c).permittedPurpose) continue;
			const product = catalogue.find((p) => checkDraft(c, defaultDraft(c, p), catalogue).decision !== null);
			if (product) return { seed, client: c, product };
		}
	}
	throw new Error('no seed with a prohibited-purpose applicant');
}

test('approving a prohibited purpose and pricing below break-even are named in the findings; bad input is refused inline', async ({ page }) => {
	const { seed, client, product } = badSeed();
	await open(page, seed);
	// prohibited purpose, with the product's own defaults
	await row(page, client.id).getByLabel('批准', { exact: true }).check();
	await field(page, client.id, 'productId').selectOption(product.id);
	await expect(row(page, client.id)).toContainText('用途违规');
	// below break-even: an expert approval priced at the product floor
	const picks = expertPicks(seed, 1, 10);
	const cheap = picks
		.map((p) => {
			const prod = catalogue.find((x) => x.id === p.draft.productId)!;
			const floorPct = String(Math.round((prod.pricing.minSpreadBp / 100 + (prod.pricing.base === 'lpr-5y' ? 3.5 : 3)) * 100) / 100);
			const draft = { ...p.draft, ratePct: floorPct };
			const decision = checkDraft(p.client, draft, catalogue).decision;
			return decision ? { ...p, draft, decision, x: approvalEconomics(p.client, decision, catalogue) } : null;
		})
		.find((p) => p !== null && p.decision.annualRate < p.x.breakEvenRate - 1e-9);
	expect(cheap, 'an expert approval whose product floor is below break-even').toBeTruthy();
	await approveWithMouse(page, cheap!.client, cheap!.draft);
	// bad input is refused inline and blocks the run
	await field(page, cheap!.client.id, 'termMonths').fill('12.5');
	await expect(field(page, cheap!.client.id, 'termMonths')).toHaveAttribute('aria-invalid', 'true');
	await expect(sim(page).locator(`#cap-${cheap!.client.id}-termMonths-error`)).toHaveText('期限按整月填写，例如 12。');
	await sim(page).getByRole('button', { name: '运行本季度' }).click();
	await expect(sim(page).getByRole('alert').filter({ hasText: '没有决定' })).toBeVisible();
	await expect(field(page, cheap!.client.id, 'termMonths')).not.toBeFocused();
	await sim(page).getByRole('button', { name: /其余未决定的全部拒绝/ }).click();
	await sim(page).getByRole('button', { name: '运行本季度' }).click();
	await expect(sim(page).getByRole('alert').filter({ hasText: '五要素需要修改' })).toBeVisible();
	await expect(field(page, cheap!.client.id, 'termMonths')).toBeFocused();
	await field(page, cheap!.client.id, 'termMonths').fill(cheap!.draft.termMonths);
	await sim(page).getByRole('button', { name: '运行本季度' }).click();
	await expect(sim(page).getByRole('heading', { name: '第 1 季度经营报告' })).toBeVisible();
	const prohibited = sim(page).locator('.finding[data-code="capstone.approved-prohibited-purpose"]');
	await expect(prohibited).toHaveCount(1);
	await expect(prohibited).toContainText(client.name);
	const purposeName = { consumer: '个人消费', 'real-estate-investment': '购房/投资房地产', 'securities-investment': '投资股票等证券' }[client.purpose as string]!;
	await expect(prohibited).toContainText(`批了一笔用途为“${purposeName}”的经营贷`);
	const cheapFinding = sim(page).locator(`.finding[data-code="capstone.below-break-even"][data-subject="${cheap!.client.id}"]`);
	await expect(cheapFinding).toContainText(cheap!.client.name);
	const p2 = (x: number) => `${Math.round(x * 10000) / 100}%`;
	await expect(cheapFinding).toContainText(`年利率 ${p2(cheap!.decision.annualRate)} 低于盈亏平衡利率 ${p2(cheap!.x.breakEvenRate)}`);
	await expect(reportTable(page).getByRole('row', { name: /本季合规问题/ }).locator('td')).not.toHaveText('0');
});

test('a reload mid-game resumes the same quarter with the decisions kept', async ({ page }) => {
	const seed = 'e2e-cap-resume';
	await open(page, seed);
	await sim(page).getByRole('button', { name: /其余未决定的全部拒绝/ }).click();
	await sim(page).getByRole('button', { name: '运行本季度' }).click();
	await sim(page).getByRole('button', { name: '进入第 2 季度' }).click();
	const [a, b] = pipeline(seed, 2);
	await row(page, a!.id).getByLabel('批准', { exact: true }).check();
	await field(page, a!.id, 'productId').selectOption('credit-loan');
	await field(page, a!.id, 'ratePct').fill('6.15');
	await row(page, b!.id).getByLabel('拒绝', { exact: true }).check();
	await page.reload();
	await expect(sim(page).locator('.cap-round')).toHaveText('第 2 季度（共 4 个季度）');
	await expect(row(page, a!.id).getByLabel('批准', { exact: true })).toBeChecked();
	await expect(field(page, a!.id, 'productId')).toHaveValue('credit-loan');
	await expect(field(page, a!.id, 'ratePct')).toHaveValue('6.15');
	await expect(row(page, b!.id).getByLabel('拒绝', { exact: true })).toBeChecked();
	// the same page without a seed in the URL resumes too, from its start panel
	await page.goto(LESSON);
	await sim(page).getByRole('button', { name: '继续第 2 季度（共 4 个季度）' }).click();
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue(seed);
	await expect(sim(page).locator('.cap-round')).toHaveText('第 2 季度（共 4 个季度）');
});

test('a corrupted saved game is ignored with a message', async ({ page }) => {
	await open(page, 'e2e-cap-corrupt');
	await page.evaluate(() => localStorage.setItem('sme-course:capstone', '{"v":1,"seed":"x","round":'));
	await page.reload();
	await expect(sim(page).getByRole('status').first()).toContainText('保存的演练进度无法读取');
	await expect(sim(page).locator('.cap-round')).toHaveText('第 1 季度（共 4 个季度）');
	await expect(sim(page).locator('tr.cap-row')).toHaveCount(pipeline('e2e-cap-corrupt', 1).length);
	await sim(page).getByRole('button', { name: '知道了' }).click();
	await expect(sim(page).getByText('保存的演练进度无法读取')).toHaveCount(0);
	const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('sme-course:capstone') ?? 'null'));
	expect(saved).toMatchObject({ v: 1, seed: 'e2e-cap-corrupt', round: 1, phase: 'deciding' });
});

test('without a seed the page opens on a start panel; starting fetches the game at quarter 1 and focuses it', async ({ page }) => {
	await page.goto(LESSON);
	await sim(page).scrollIntoViewIfNeeded();
	const start = sim(page).getByRole('button', { name: '开始演练' });
	await expect(start).toBeVisible();
	await expect(sim(page).locator('tr.cap-row')).toHaveCount(0);
	await axeClean(page);
	await start.click();
	await expect(sim(page).locator('.cap-round')).toHaveText('第 1 季度（共 4 个季度）');
	await expect(sim(page).locator('.cap-round')).toBeFocused();
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue('sme-2026');
	await expect(sim(page).locator('tr.cap-row')).toHaveCount(pipeline('sme-2026', 1).length);
});

test('a failed download of the game says so in the start panel; retry opens quarter 1 with the focus on it', async ({ page, guard }) => {
	await failNextRequest(page, /\/_astro\/CapstoneSim\.[^/]+\.js$/);
	await page.goto(LESSON);
	await sim(page).scrollIntoViewIfNeeded();
	await sim(page).getByRole('button', { name: '开始演练' }).click();
	const failed = sim(page).getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	await expect(sim(page).getByRole('heading', { name: '结业综合演练：组合经营' })).toBeVisible();
	await failed.getByRole('button', { name: '重试' }).click();
	await expect(sim(page).locator('.cap-round')).toHaveText('第 1 季度（共 4 个季度）');
	await expect(sim(page).locator('.cap-round')).toBeFocused();
	await expect(failed).toHaveCount(0);
	expectAbortedDownloads(guard, /CapstoneSim/);
});
