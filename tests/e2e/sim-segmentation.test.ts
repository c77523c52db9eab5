import AxeBuilder from '@axe-core/playwright';
import { generateClients } from '../../src/domain/generator';
import { explainSizeSegment, riskTierOf } from '../../src/domain/segments';
import zh from '../../src/i18n/domain-a.zh-CN.json' with { type: 'json' };
import { test, expect, expectAbortedDownloads, failNextRequest } from './support';
import type { Page } from '@playwright/test';

const LESSON = 'lessons/m4/04-segmentation/';
const names = zh as Record<string, string>;
const sim = (page: Page) => page.locator('[data-sim="segmentation"]');

async function open(page: Page, query: string) {
	await page.goto(`${LESSON}${query}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.seg-client').first()).toBeVisible();
}

test('a learner segments a class pool correctly with the mouse and the result is saved', async ({ page }) => {
	const clients = generateClients('e2e-mouse', 6);
	await open(page, '?seed=e2e-mouse&n=6');
	await expect(sim(page).locator('.seg-client')).toHaveCount(6);
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue('e2e-mouse');
	for (const [i, c] of clients.entries()) {
		const card = sim(page).locator('.seg-client').nth(i);
		await expect(card).toContainText(c.name);
		await card.getByRole('group', { name: /规模客群/ }).getByLabel(names[`segment.${explainSizeSegment(c).segment}`]!, { exact: true }).click();
		await card.getByRole('group', { name: /风险承受能力/ }).getByLabel(names[`riskTier.${riskTierOf(c)}`]!, { exact: true }).click();
	}
	await sim(page).getByRole('button', { name: '提交分类' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 12 / 12（100%）');
	await expect(sim(page).locator('.chart canvas')).toBeVisible();
	await expect(sim(page).locator('.chart table')).toContainText('微型企业');
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /客群细分模拟/ })).toContainText('12 / 12');
});

test('a learner completes the pool with the keyboard only', async ({ page }) => {
	const clients = generateClients('e2e-keys', 6);
	await open(page, '?seed=e2e-keys&n=6');
	for (const [i, c] of clients.entries()) {
		const card = sim(page).locator('.seg-client').nth(i);
		await card.getByRole('group', { name: /规模客群/ }).getByLabel(names[`segment.${explainSizeSegment(c).segment}`]!, { exact: true }).focus();
		await page.keyboard.press('Space');
		await card.getByRole('group', { name: /风险承受能力/ }).getByLabel(names[`riskTier.${riskTierOf(c)}`]!, { exact: true }).focus();
		await page.keyboard.press('Space');
	}
	await sim(page).getByRole('button', { name: '提交分类' }).focus();
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText('12 / 12');
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('a wrong size answer is explained with the client own numbers', async ({ page }) => {
	const clients = generateClients('e2e-wrong', 6);
	await open(page, '?seed=e2e-wrong&n=6');
	const target = clients.findIndex((c) => explainSizeSegment(c).segment !== 'out-of-scope');
	for (const [i, c] of clients.entries()) {
		const card = sim(page).locator('.seg-client').nth(i);
		const right = explainSizeSegment(c).segment;
		const pick = i === target ? 'out-of-scope' : right;
		await card.getByRole('group', { name: /规模客群/ }).getByLabel(names[`segment.${pick}`]!, { exact: true }).check();
		await card.getByRole('group', { name: /风险承受能力/ }).getByLabel(names[`riskTier.${riskTierOf(c)}`]!, { exact: true }).check();
	}
	await sim(page).getByRole('button', { name: '提交分类' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('11 / 12');
	const c = clients[target]!;
	const finding = sim(page).locator('.finding[data-code="segmentation.size-wrong"]');
	await expect(finding).toHaveCount(1);
	await expect(finding).toContainText(c.name);
	await expect(finding).toContainText(`你选了“不属于小微”，应为“${names[`segment.${explainSizeSegment(c).segment}`]}”`);
	await expect(finding).toContainText(names[`industry.${c.industry}`]!);
	await expect(finding.getByRole('link')).toHaveAttribute('href', /lessons\/m4\/04-segmentation\/#/);
	const results = await new AxeBuilder({ page }).include('[data-sim="segmentation"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed shows the same clients after a reload and in another browser', async ({ page, browser }) => {
	await open(page, '?seed=classA&n=8');
	const first = await sim(page).locator('.dossier-name').allTextContents();
	expect(first).toHaveLength(8);
	await page.reload();
	await expect(sim(page).locator('.dossier-name')).toHaveText(first);
	const other = await browser.newContext();
	const page2 = await other.newPage();
	await open(page2, '?seed=classA&n=8');
	await expect(sim(page2).locator('.dossier-name')).toHaveText(first);
	await other.close();
	// a new pool changes the clients; retrying keeps them and clears the answers
	await sim(page).locator('.seg-client').first().getByRole('group', { name: /规模客群/ }).getByRole('radio').first().check();
	await sim(page).getByRole('button', { name: '同一批重新作答' }).click();
	await expect(sim(page).locator('input:checked')).toHaveCount(0);
	await expect(sim(page).locator('.dossier-name')).toHaveText(first);
	await sim(page).getByRole('button', { name: '换一批客户' }).click();
	await expect(sim(page).locator('.dossier-name').first()).not.toHaveText(first[0]!);
	expect(page.url()).not.toContain('seed=classA');
});

test('invalid URL settings fall back to defaults with a message, and a bad seed is refused inline', async ({ page }) => {
	await open(page, '?seed=<script>&n=999');
	await expect(sim(page).getByRole('status').first()).toContainText('参数无效');
	await expect(sim(page).locator('.seg-client')).toHaveCount(12);
	await sim(page).getByLabel('场景编号（种子）').fill('bad seed!');
	await sim(page).getByRole('button', { name: '使用此编号' }).click();
	await expect(sim(page).getByRole('alert')).toContainText('编号只能包含');
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveAttribute('aria-invalid', 'true');
});

test('the scorer and chart.js load only on submit; a failed download offers a retry that records the attempt once', async ({ page, guard }) => {
	const clients = generateClients('e2e-lazy', 6);
	const scorerChunk = /\/_astro\/segmentation\.[^/]+\.js$/;
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(r.url()));
	await failNextRequest(page, scorerChunk);
	await open(page, '?seed=e2e-lazy&n=6');
	for (const [i, c] of clients.entries()) {
		const card = sim(page).locator('.seg-client').nth(i);
		await card.getByRole('group', { name: /规模客群/ }).getByLabel(names[`segment.${explainSizeSegment(c).segment}`]!, { exact: true }).check();
		await card.getByRole('group', { name: /风险承受能力/ }).getByLabel(names[`riskTier.${riskTierOf(c)}`]!, { exact: true }).check();
	}
	expect(fetched.filter((u) => scorerChunk.test(u) || /\/_astro\/ChartCanvas\.[^/]+\.js$/.test(u))).toEqual([]);
	await sim(page).getByRole('button', { name: '提交分类' }).click();
	const failed = sim(page).getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	await expect(sim(page).locator('.feedback-score')).toHaveCount(0);
	await failed.getByRole('button', { name: '重试' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 12 / 12（100%）');
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	await expect(failed).toHaveCount(0);
	await expect(sim(page).locator('.chart canvas')).toBeVisible();
	await expect(sim(page).locator('.chart table')).toContainText('微型企业');
	// both names matched real downloads (so the check before submitting could not pass by matching nothing)
	expect(fetched.some((u) => scorerChunk.test(u))).toBe(true);
	expect(fetched.some((u) => /\/_astro\/ChartCanvas\.[^/]+\.js$/.test(u))).toBe(true);
	// the deliberately aborted download is the only console error
	expectAbortedDownloads(guard, /segmentation/);
	await page.goto('progress/');
	const row = page.getByRole('row', { name: /客群细分模拟/ });
	await expect(row).toContainText('12 / 12');
	const saved = await page.evaluate(() => Object.entries(localStorage).map(([, v]) => v).join(' '));
	expect(saved).toMatch(/"attempts":1\b/);
});

test('the page opens on the pool built with it, without the generator; another pool fetches it, with a retry after a failed download', async ({ page, guard }) => {
	const generator = /\/_astro\/generator\.[^/]+\.js$/;
	const fetched: string[] = [];
	page.on('request', (r) => void fetched.push(r.url()));
	await open(page, '');
	const built = generateClients('sme-2026', 12);
	await expect(sim(page).locator('.seg-client')).toHaveCount(12);
	for (const [i, c] of built.entries()) await expect(sim(page).locator('.seg-client').nth(i)).toContainText(c.name);
	await page.waitForLoadState('networkidle');
	expect(fetched.filter((u) => generator.test(u))).toEqual([]);

	// A class's own pool: the generator is fetched; a failed download says so and offers a retry.
	await failNextRequest(page, generator);
	await sim(page).getByLabel('场景编号（种子）').fill('e2e-class');
	await sim(page).getByRole('button', { name: '使用此编号' }).click();
	const failed = sim(page).getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	await expect(sim(page).locator('.seg-form')).toBeHidden();
	await failed.getByRole('button', { name: '重试' }).click();
	const theirs = generateClients('e2e-class', 12);
	await expect(sim(page).locator('.seg-client').first()).toContainText(theirs[0]!.name);
	await expect(sim(page).locator('.seg-client')).toHaveCount(12);
	await expect(failed).toHaveCount(0);
	expect(page.url()).toContain('seed=e2e-class');
	expect(fetched.filter((u) => generator.test(u))).toHaveLength(2);
	expectAbortedDownloads(guard, /generator/);
});
