import AxeBuilder from '@axe-core/playwright';
import {
	ADD_ON_SERVICES,
	BUNDLE_PROFILES,
	LESSON_BUNDLE,
	bestFitChoice,
	evaluateBundle,
	scoreBundle,
	type AddOnService,
	type BundleChoice,
} from '../../src/domain/bundle';
import zhSim from '../../src/i18n/sim-bundle-builder.zh-CN.json' with { type: 'json' };
import zhShell from '../../src/i18n/sims.zh-CN.json' with { type: 'json' };
import zhA from '../../src/i18n/domain-a.zh-CN.json' with { type: 'json' };
import { makeT } from '../../src/i18n/format';
import { findingVars } from '../../src/components/sims/finding-vars';
import { test, expect, watchChartJs } from './support';
import type { Locator, Page } from '@playwright/test';

const LESSON = 'lessons/m5/01-integrated-services/';
const names = { ...zhA, ...zhShell, ...zhSim } as Record<string, string>;
const t = makeT(names);
const sim = (page: Page) => page.locator('[data-sim="bundle-builder"]');
const serviceBox = (page: Page, s: AddOnService) => sim(page).getByRole('checkbox', { name: new RegExp(`^${names[`bundleService.${s}`]}`) });
const axe = (page: Page) => new AxeBuilder({ page }).include('[data-sim="bundle-builder"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

async function open(page: Page, query = '') {
	await page.goto(`${LESSON}${query}`);
	await sim(page).scrollIntoViewIfNeeded();
	await expect(sim(page).locator('.bb-dossier')).toBeVisible();
}

async function choose(page: Page, choice: BundleChoice) {
	for (const [s, mode] of Object.entries(choice.services) as [AddOnService, 'voluntary' | 'tied'][]) {
		await serviceBox(page, s).check();
		if (mode === 'tied') await sim(page).getByRole('group', { name: t('sim.bundle-builder.modeLegend', { service: names[`bundleService.${s}`] }) }).getByLabel(t('sim.bundle-builder.mode.tied')).check();
	}
}

const submitButton = (page: Page): Locator => sim(page).getByRole('button', { name: '提交方案' });

test('a learner builds the best-fit bundle with the mouse, sees the year and the result is saved', async ({ page }) => {
	const p = BUNDLE_PROFILES.wholesaler;
	await open(page, '?seed=e2e-mouse');
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue('e2e-mouse');
	await choose(page, bestFitChoice(p));
	await submitButton(page).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 100 / 100（100%）');
	await expect(sim(page).locator('.bb-account tfoot')).toContainText(evaluateBundle(p, bestFitChoice(p)).revenueWan.toFixed(2));
	await expect(sim(page).locator('.chart canvas')).toHaveCount(3);
	await expect(sim(page).locator('.chart table')).toHaveCount(3);
	await expect(sim(page).locator('.chart table').first()).toContainText('经营贷款');
	await expect(sim(page).locator('.chart table').nth(1)).toContainText('最适合这户的方案');
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /综合服务方案设计/ })).toContainText('100 / 100');
});

test('chart.js is fetched only when the year’s charts are shown, after submitting', async ({ page }) => {
	const chartJs = watchChartJs(page);
	const p = BUNDLE_PROFILES.wholesaler;
	await open(page, '?seed=e2e-lazy-chart');
	await page.waitForLoadState('networkidle');
	expect(await chartJs()).toEqual([]);
	await choose(page, bestFitChoice(p));
	await submitButton(page).click();
	await expect(sim(page).locator('.feedback-score')).toContainText('得分 100 / 100（100%）');
	await expect(sim(page).locator('.chart canvas')).toHaveCount(3);
	await expect(sim(page).locator('.bb-account tfoot')).toContainText(evaluateBundle(p, bestFitChoice(p)).revenueWan.toFixed(2));
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
	expect(await chartJs()).toHaveLength(1);
});

test('the lesson’s bundle reproduces the lesson’s account: 5.70 for the loan, 8.44 in total', async ({ page }) => {
	await open(page, '?seed=e2e-lesson');
	await choose(page, LESSON_BUNDLE);
	await submitButton(page).click();
	const account = sim(page).locator('.bb-account');
	await expect(account.getByRole('row', { name: /经营贷款/ })).toContainText('5.70');
	await expect(account.getByRole('row', { name: /对公存款/ })).toContainText('1.44');
	await expect(account.locator('tfoot')).toContainText('8.44');
	await expect(sim(page).locator('.finding[data-code="bundle.contribution"]')).toContainText('只看贷款，这户一年贡献 5.7 万元；按你的方案综合算是 8.44 万元，多出 2.74 万元');
	const expected = scoreBundle(BUNDLE_PROFILES.wholesaler, LESSON_BUNDLE);
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${expected.score} / ${expected.max}`);
});

test('a learner completes the stall’s bundle with the keyboard only', async ({ page }) => {
	const p = BUNDLE_PROFILES.stall;
	await open(page, '?seed=e2e-keys');
	const radio = sim(page).getByRole('radio', { name: /老李水果摊/ });
	await sim(page).getByRole('radio', { name: /恒通日用品/ }).focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(radio).toBeChecked();
	await expect(sim(page).locator('.bb-dossier')).toContainText('没有雇员，只有经营者本人');
	for (const s of ADD_ON_SERVICES) {
		if (!(s in bestFitChoice(p).services)) continue;
		await serviceBox(page, s).focus();
		await page.keyboard.press('Space');
	}
	await sim(page).getByLabel('贷款利率让利（个百分点）').focus();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('0.5');
	await page.keyboard.press('Enter');
	const expected = scoreBundle(p, bestFitChoice(p, 0.5));
	await expect(sim(page).locator('.feedback-score')).toContainText(`得分 ${expected.score} / ${expected.max}`);
	await expect(sim(page).locator('.feedback-score')).toBeFocused();
});

test('tying a deposit and selling payroll to a one-person stall are explained with the client’s numbers', async ({ page }) => {
	await open(page, '?seed=e2e-wrong');
	await choose(page, { services: { deposit: 'tied', settlement: 'voluntary' }, concessionPp: 0 });
	await submitButton(page).click();
	const fb = scoreBundle(BUNDLE_PROFILES.wholesaler, { services: { deposit: 'tied', settlement: 'voluntary' }, concessionPp: 0 });
	const tying = fb.findings.find((f) => f.code === 'bundle.tying')!;
	const finding = sim(page).locator('.finding[data-code="bundle.tying"]');
	await expect(finding).toContainText(t('finding.bundle.tying', findingVars(tying, t)));
	await expect(finding).toContainText('客户每年要多负担约 3.2 万元');
	await expect(finding).toContainText('从 4.2% 升到 5.27%');
	await expect(finding.getByRole('link')).toHaveAttribute('href', /lessons\//);
	await expect(sim(page).locator('.bb-account')).toContainText('（放款条件）');
	let results = await axe(page);
	expect(results.violations.map((v) => v.id)).toEqual([]);

	await sim(page).getByRole('radio', { name: /老李水果摊/ }).check();
	await choose(page, { services: { payroll: 'voluntary' }, concessionPp: 0 });
	await submitButton(page).click();
	const unfit = sim(page).locator('.finding[data-code="bundle.unfit"]');
	await expect(unfit).toContainText('代发工资这户客户用不上');
	await expect(unfit).toContainText('这户只有经营者本人，没有员工可以代发。');
	await expect(sim(page).locator('.bb-account')).toContainText('客户用不上，不产生收入');
	results = await axe(page);
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('an invalid concession is refused inline and nothing is submitted', async ({ page }) => {
	await open(page);
	const field = sim(page).getByLabel('贷款利率让利（个百分点）');
	await field.fill('abc');
	await submitButton(page).click();
	await expect(sim(page).getByRole('alert')).toContainText('让利幅度要填数字');
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toBeFocused();
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
	await field.fill('5');
	await expect(sim(page).getByRole('alert')).toContainText('最多只能让 1.9 个百分点');
	await field.fill('-1');
	await expect(sim(page).getByRole('alert')).toContainText('不能是负数');
	await field.fill('0.333');
	await submitButton(page).click();
	await expect(sim(page).getByRole('alert')).toContainText('最多保留两位小数');
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
	await field.fill('0.3');
	await expect(sim(page).getByRole('alert')).toHaveCount(0);
	await expect(field).not.toHaveAttribute('aria-invalid', 'true');
	await submitButton(page).click();
	await expect(sim(page).locator('.finding[data-code="bundle.concession-too-deep"]')).toContainText('让利 0.3 个百分点，贷款少收 0.9 万元');
	const results = await axe(page);
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the same seed gives the same year after a reload, and retry clears the bundle', async ({ page }) => {
	await open(page, '?seed=classB');
	await choose(page, bestFitChoice(BUNDLE_PROFILES.wholesaler));
	await submitButton(page).click();
	const starts = await sim(page).locator('.bb-starts').textContent();
	const table = await sim(page).locator('.chart table').first().textContent();
	await page.reload();
	await sim(page).scrollIntoViewIfNeeded();
	await choose(page, bestFitChoice(BUNDLE_PROFILES.wholesaler));
	await submitButton(page).click();
	await expect(sim(page).locator('.bb-starts')).toHaveText(starts!);
	await expect(sim(page).locator('.chart table').first()).toHaveText(table!);
	await sim(page).getByRole('button', { name: '同一批重新作答' }).click();
	await expect(sim(page).locator('.bb-service-list input:checked')).toHaveCount(0);
	await expect(sim(page).locator('.feedback')).toHaveCount(0);
});

test('a bad seed in the URL falls back with a notice and a bad seed is refused inline', async ({ page }) => {
	await open(page, '?seed=<bad>');
	await expect(sim(page).getByRole('status').first()).toContainText('参数无效');
	await expect(sim(page).getByLabel('场景编号（种子）')).toHaveValue('bundle-2026');
	await sim(page).getByLabel('场景编号（种子）').fill('bad seed!');
	await sim(page).getByRole('button', { name: '使用此编号' }).click();
	await expect(sim(page).getByRole('alert')).toContainText('编号只能包含');
});
