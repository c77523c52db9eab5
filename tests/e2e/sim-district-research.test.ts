import AxeBuilder from '@axe-core/playwright';
import {
	generateDistrict,
	segmentStats,
	type DistrictChannel,
	type DistrictChoice,
	type District,
} from '../../src/domain/district';
import {
	channelsFor,
	competitorThreats,
	scoreDistrict,
	topSegments,
} from '../../src/domain/scoring/district';
import zhSim from '../../src/i18n/sim-district-research.zh-CN.json' with { type: 'json' };
import zhShell from '../../src/i18n/sims.zh-CN.json' with { type: 'json' };
import zhA from '../../src/i18n/domain-a.zh-CN.json' with { type: 'json' };
import { makeT } from '../../src/i18n/format';
import { findingVars } from '../../src/components/sims/finding-vars';
import { test, expect, expectAbortedDownloads, failNextRequest } from './support';
import type { Page } from '@playwright/test';

const LESSON = 'lessons/m5/03-pre-marketing-research/';
const names = { ...zhA, ...zhShell, ...zhSim } as Record<string, string>;
const t = makeT(names);
const sim = (page: Page) => page.locator('[data-sim="district-research"]');
const axe = (page: Page) => new AxeBuilder({ page }).include('[data-sim="district-research"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
const groupOf = (page: Page, field: keyof DistrictChoice) => sim(page).locator(`#dr-${field}`);

/** A decision reaching every real target segment and watching the main threat. */
function bestChoice(d: District): DistrictChoice {
	const channels: DistrictChannel[] = [];
	for (const st of topSegments(d)) {
		const fit = channelsFor(d, st);
		if (fit.length > 0 && !fit.some((c) => channels.includes(c)) && channels.length < 3) channels.push(fit[0]!);
	}
	return { segments: topSegments(d).map((s) => s.trade), channels: channels.length ? channels : ['payroll'], competitors: [competitorThreats(d)[0]!.competitor] };
}

const labelOf = (d: District, field: keyof DistrictChoice, code: string): string => {
	if (field === 'segments') {
		const st = segmentStats(d).find((s) => s.trade === code)!;
		return t('sim.district-research.segmentOption', { name: names[`districtTrade.${code}`], count: st.count });
	}
	return names[field === 'channels' ? `districtChannel.${code}` : `districtCompetitor.${code}`]!;
};

async function open(page: Page, query = '') {
	await page.goto(`${LESSON}${query}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.dr-table').first()).toBeVisible();
}

async function decide(page: Page, d: District, choice: DistrictChoice) {
	for (const field of ['segments', 'channels', 'competitors'] as const)
		for (const code of choice[field]) await groupOf(page, field).getByRole('checkbox', { name: labelOf(d, field, code) }).check();
}

test('a learner picks the real opportunities with the mouse and the result is saved', async ({ page }) => {
	const d = generateDistrict('e2e-mouse');
	const choice = bestChoice(d);
	const expected = scoreDistrict(d, choice);
	await open(page, '?seed=e2e-mouse');
	await expect(sim(page).locator('.dr-facts')).toContainText(`名册共 ${d.businesses.length} 户`);
	await expect(sim(page).locator('.dr-overview .chart')).toHaveCount(3);
	await expect(sim(page).locator('.dr-overview .chart table')).toHaveCount(3);
	await expect(sim(page).locator('.dr-overview .chart table').first()).toContainText(names[`districtTrade.${d.trades[0]}`]!);
	await decide(page, d, choice);
	await sim(page).getByRole('button', { name: '提交调研结论' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${expected.score} / 100`);
	await expect(sim(page).locator('.finding[data-code="district.segment-top"]')).toHaveCount(3);
	await expect(sim(page).locator('.dr-debrief .chart table')).toContainText(names[`districtTrade.${topSegments(d)[0]!.trade}`]!);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /商圈调研与目标客群/ })).toContainText(`${expected.score} / 100`);
});

test('a learner completes the research with the keyboard only', async ({ page }) => {
	const d = generateDistrict('e2e-keys');
	const choice = bestChoice(d);
	await open(page, '?seed=e2e-keys');
	for (const field of ['segments', 'channels', 'competitors'] as const) {
		for (const code of choice[field]) {
			await groupOf(page, field).getByRole('checkbox', { name: labelOf(d, field, code) }).focus();
			await page.keyboard.press('Space');
		}
	}
	await sim(page).getByRole('button', { name: '提交调研结论' }).focus();
	await page.keyboard.press('Enter');
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${scoreDistrict(d, choice).score} / 100`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('a weak segment and a channel that reaches nobody are explained with the register’s numbers', async ({ page }) => {
	const seed = 'e2e-wrong';
	const base = generateDistrict(seed);
	const stats = segmentStats(base);
	const worst = [...stats].sort((a, b) => b.rank - a.rank)[0]!;
	const top = topSegments(base)[0]!;
	const misfit = (['supply-chain', 'association', 'corporate-retail', 'cross-referral', 'payroll', 'acquiring'] as const).find(
		(c) => channelsFor(base, worst).indexOf(c) < 0 && channelsFor(base, top).indexOf(c) < 0,
	)!;
	const choice: DistrictChoice = { segments: [worst.trade, top.trade].sort((a, b) => base.trades.indexOf(a) - base.trades.indexOf(b)), channels: [misfit], competitors: [base.competitors[0]!] };
	const fb = scoreDistrict(base, choice);
	await open(page, `?seed=${seed}`);
	await decide(page, base, choice);
	await sim(page).getByRole('button', { name: '提交调研结论' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${fb.score} / 100`);
	const weak = fb.findings.find((f) => f.data['districtTrade'] === worst.trade && f.severity === 'major')!;
	const item = sim(page).locator(`.finding[data-code="${weak.code}"]`);
	await expect(item).toContainText(t(`finding.${weak.code}`, findingVars(weak, t)));
	await expect(item).toContainText(`${names[`districtTrade.${worst.trade}`]}排第 ${worst.rank}`);
	const unfit = fb.findings.find((f) => f.code === 'district.channel-unfit')!;
	const unfitItem = sim(page).locator('.finding[data-code="district.channel-unfit"]');
	await expect(unfitItem).toContainText(t('finding.district.channel-unfit', findingVars(unfit, t)));
	await expect(unfitItem.locator('.finding-reason')).toHaveText(t(`reason.${unfit.data['reason']}`, findingVars(unfit, t)));
	const results = await axe(page);
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('an incomplete or unfocused decision is refused inline', async ({ page }) => {
	const d = generateDistrict('district-2026');
	await open(page);
	const results = await axe(page);
	expect(results.violations.map((v) => v.id)).toEqual([]);
	await groupOf(page, 'segments').getByRole('checkbox', { name: labelOf(d, 'segments', d.trades[0]!) }).check();
	await sim(page).getByRole('button', { name: '提交调研结论' }).click();
	await expect(groupOf(page, 'segments').getByRole('alert')).toHaveText('请至少选 2 个目标客群（现在 1 个）。');
	await expect(groupOf(page, 'channels').getByRole('alert')).toContainText('请至少选 1 个联动渠道');
	await expect(groupOf(page, 'segments')).toBeFocused();
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
	for (const code of d.trades.slice(1, 4)) await groupOf(page, 'segments').getByRole('checkbox', { name: labelOf(d, 'segments', code) }).check();
	await expect(groupOf(page, 'segments').getByRole('alert')).toHaveText('目标客群最多选 3 个（现在 4 个），多了就没有重点。');
	const again = await axe(page);
	expect(again.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed shows the same district, a new district changes it, and a bad seed is refused', async ({ page, browser }) => {
	await open(page, '?seed=classC');
	const table = await sim(page).locator('.dr-table').first().textContent();
	await page.reload();
	await expect(sim(page).locator('.dr-table').first()).toHaveText(table!);
	const other = await browser.newContext();
	const page2 = await other.newPage();
	await open(page2, '?seed=classC');
	await expect(sim(page2).locator('.dr-table').first()).toHaveText(table!);
	await other.close();
	await sim(page).getByRole('button', { name: '换一批客户' }).click();
	await expect(sim(page).locator('.dr-table').first()).not.toHaveText(table!);
	expect(page.url()).not.toContain('seed=classC');
	await sim(page).getByLabel('场景编号（种子）').fill('bad seed!');
	await sim(page).getByRole('button', { name: '使用此编号' }).click();
	await expect(sim(page).getByRole('alert').first()).toContainText('编号只能包含');
});

test('the full register opens and lists every business', async ({ page }) => {
	const d = generateDistrict('district-2026');
	await open(page);
	await sim(page).getByText(`查看全部 ${d.businesses.length} 户名册`).click();
	await expect(sim(page).locator('.dr-register tbody tr')).toHaveCount(d.businesses.length);
	await expect(sim(page).locator('.dr-register tbody tr').first()).toContainText(d.businesses[0]!.name);
});

test('the scorer loads only on submit; a failed download offers a retry that records the attempt once', async ({ page, guard }) => {
	const d = generateDistrict('e2e-lazy');
	const choice = bestChoice(d);
	const expected = scoreDistrict(d, choice);
	// The scorer's chunk and the district's own chunk share the name; the page loads the latter.
	const chunk = /\/_astro\/district\.[^/]+\.js$/;
	const fetched = new Set<string>();
	page.on('request', (r) => chunk.test(r.url()) && fetched.add(r.url()));
	await open(page, '?seed=e2e-lazy');
	await decide(page, d, choice);
	const atLoad = new Set(fetched);
	await failNextRequest(page, chunk, (u) => atLoad.has(u));
	await sim(page).getByRole('button', { name: '提交调研结论' }).click();
	const failed = sim(page).getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	expect(fetched.size).toBe(atLoad.size + 1); // the scorer was asked for only now
	await expect(sim(page).locator('.feedback-score')).toHaveCount(0);
	await failed.getByRole('button', { name: '重试' }).click();
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${expected.score} / 100`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	await expect(failed).toHaveCount(0);
	// the deliberately aborted download is the only console error
	expectAbortedDownloads(guard, /district/);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /商圈调研与目标客群/ })).toContainText(`${expected.score} / 100`);
	const saved = await page.evaluate(() => Object.entries(localStorage).map(([, v]) => v).join(' '));
	expect(saved).toMatch(/"attempts":1\b/);
});

test('the default district comes with the page; the generator is fetched only to open the register (with a retry)', async ({ page, guard }) => {
	const d = generateDistrict('district-2026');
	const generator = /\/_astro\/district\.[^/]+\.js$/;
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(r.url()));
	await failNextRequest(page, generator);
	await open(page);
	await expect(sim(page).locator('.dr-facts')).toContainText(`名册共 ${d.businesses.length} 户`);
	await expect(sim(page).locator('.dr-overview .chart table')).toHaveCount(3);
	expect(fetched.filter((u) => generator.test(u))).toEqual([]);
	await sim(page).getByText(`查看全部 ${d.businesses.length} 户名册`).click();
	const failed = sim(page).locator('.dr-register').getByRole('alert').filter({ hasText: '没能载入' });
	await expect(failed).toBeVisible();
	await failed.getByRole('button', { name: '重试' }).click();
	await expect(sim(page).locator('.dr-register tbody tr')).toHaveCount(d.businesses.length);
	await expect(failed).toHaveCount(0);
	expectAbortedDownloads(guard, /district/);
});
