import AxeBuilder from '@axe-core/playwright';
import { bestPath, scoreRoleplay, type RoleplayChoice, type RoleplayNode, type RoleplayScenario } from '../../src/domain/roleplay';
import firstVisitJson from '../../src/components/sims/roleplay/scenarios/first-visit.json' with { type: 'json' };
import shockSupportJson from '../../src/components/sims/roleplay/scenarios/shock-support.json' with { type: 'json' };
import { test, expect } from './support';
import type { Locator, Page } from '@playwright/test';

interface Choice extends RoleplayChoice {
	label: string;
	outcome?: string;
	consequence?: string;
}
interface Node extends RoleplayNode {
	title: string;
	choices: Choice[];
}
type Scenario = Omit<RoleplayScenario, 'nodes'> & { nodes: Node[] };

const SCENARIOS = {
	'first-visit': { data: firstVisitJson as unknown as Scenario, lesson: 'lessons/m1/06-professional-qualities/' },
	'shock-support': { data: shockSupportJson as unknown as Scenario, lesson: 'lessons/m4/01-serving-through-shocks/' },
} as const;
type Id = keyof typeof SCENARIOS;

const sim = (page: Page, id: Id) => page.locator(`[data-sim="roleplay-${id}"]`);
const sceneTitle = (page: Page, id: Id) => sim(page, id).locator('.rp-scene-title');
const nodeOf = (id: Id, nodeId: string) => SCENARIOS[id].data.nodes.find((n) => n.id === nodeId)!;
const choiceOf = (id: Id, choiceId: string) => SCENARIOS[id].data.nodes.flatMap((n) => n.choices).find((c) => c.id === choiceId)!;

async function open(page: Page, id: Id) {
	await page.goto(SCENARIOS[id].lesson);
	await sim(page, id).scrollIntoViewIfNeeded();
	await expect(sceneTitle(page, id)).toBeVisible();
}

async function axe(page: Page, id: Id) {
	const results = await new AxeBuilder({ page }).include(`[data-sim="roleplay-${id}"]`).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** Click through choices with the mouse, checking that each leads to its node. */
async function clickPath(page: Page, id: Id, path: string[], startStep = 1) {
	for (const [i, choiceId] of path.entries()) {
		const c = choiceOf(id, choiceId);
		await sim(page, id).getByRole('button', { name: c.label, exact: true }).click();
		const next = nodeOf(id, c.to);
		if (next.choices.length > 0) await expect(sceneTitle(page, id)).toHaveText(`第 ${startStep + i + 1} 步 · ${next.title}`);
		else await expect(sceneTitle(page, id)).toHaveText(`结局：${next.title}`);
	}
}

/** Press Tab until `target` has focus (as a keyboard user would), then Enter. */
async function tabAndEnter(page: Page, target: Locator) {
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) {
			await page.keyboard.press('Enter');
			return;
		}
	}
	throw new Error(`could not reach ${await target.textContent()} with Tab`);
}

test('a learner completes the first visit with the mouse on the best path; the result is saved', async ({ page }) => {
	const s = SCENARIOS['first-visit'].data;
	const best = bestPath(s);
	const fb = scoreRoleplay(s, best);
	await open(page, 'first-visit');
	await expect(sceneTitle(page, 'first-visit')).toHaveText(`第 1 步 · ${nodeOf('first-visit', s.start).title}`);
	await expect(sim(page, 'first-visit').locator('.rp-brief')).toContainText('周建国');
	await clickPath(page, 'first-visit', best.slice(0, 3));
	// the outcome of the last choice and the decision log so far
	await expect(sim(page, 'first-visit').locator('.rp-outcome')).toContainText(choiceOf('first-visit', best[2]!).outcome!);
	await expect(sim(page, 'first-visit').locator('.rp-log-list > li')).toHaveCount(3);
	await axe(page, 'first-visit');
	await clickPath(page, 'first-visit', best.slice(3), 4);
	await expect(sim(page, 'first-visit').locator('.rp-tone')).toHaveText('好结局');
	await expect(sim(page, 'first-visit').locator('.feedback-score')).toHaveText(`得分 ${fb.max} / ${fb.max}（100%）`);
	await expect(sim(page, 'first-visit').locator('.dimension-bars li')).toHaveCount(s.scores.length);
	await expect(sim(page, 'first-visit').locator('.dimension-bars')).toContainText('观人');
	await expect(sim(page, 'first-visit').locator('.finding')).toHaveCount(best.length);
	await expect(sim(page, 'first-visit').getByRole('status').filter({ hasText: '结果已保存' })).toBeVisible();
	await axe(page, 'first-visit');
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /首次上门拜访/ })).toContainText(`${fb.max} / ${fb.max}`);
});

test('a learner completes the shock-support role-play with the keyboard only', async ({ page }) => {
	const s = SCENARIOS['shock-support'].data;
	const best = bestPath(s);
	const fb = scoreRoleplay(s, best);
	await open(page, 'shock-support');
	await sceneTitle(page, 'shock-support').focus();
	for (const [i, choiceId] of best.entries()) {
		await tabAndEnter(page, sim(page, 'shock-support').getByRole('button', { name: choiceOf('shock-support', choiceId).label, exact: true }));
		await expect(sceneTitle(page, 'shock-support')).toBeFocused();
		if (i === 3) await axe(page, 'shock-support');
	}
	await expect(sceneTitle(page, 'shock-support')).toHaveText(`结局：${nodeOf('shock-support', 'end-steady').title}`);
	await expect(sim(page, 'shock-support').locator('.feedback-score')).toHaveText(`得分 ${fb.max} / ${fb.max}（100%）`);
	await axe(page, 'shock-support');
});

test('a poor choice shows its outcome at once and its consequence in the debrief; replaying from that step fixes it', async ({ page }) => {
	const s = SCENARIOS['first-visit'].data;
	const poor = bestPath(s, ['arrive-open', 'probe-plan', 'collude']);
	const fb = scoreRoleplay(s, poor);
	expect(fb.score).toBeLessThan(fb.max);
	await open(page, 'first-visit');
	await clickPath(page, 'first-visit', poor.slice(0, 3));
	await expect(sim(page, 'first-visit').locator('.rp-outcome')).toContainText(choiceOf('first-visit', 'collude').outcome!);
	await clickPath(page, 'first-visit', poor.slice(3), 4);
	await expect(sim(page, 'first-visit').locator('.feedback-score')).toContainText(`得分 ${fb.score} / ${fb.max}`);
	const finding = sim(page, 'first-visit').locator('.finding[data-code="roleplay.first-visit.hide-purpose"]');
	await expect(finding).toHaveClass(/finding-critical/);
	await expect(finding).toContainText(choiceOf('first-visit', 'collude').consequence!);
	await expect(finding).toContainText(`第 3 步 · ${nodeOf('first-visit', 'plan-revealed').title}：`);
	await expect(finding.getByRole('link')).toHaveAttribute('href', /lessons\/m1\/04-internet-rural-law\/#/);
	await axe(page, 'first-visit');
	// replay from decision 3: the first two decisions stay, the best choices now reach the maximum
	await sim(page, 'first-visit').getByRole('button', { name: '从第 3 步重来' }).click();
	await expect(sceneTitle(page, 'first-visit')).toHaveText(`第 3 步 · ${nodeOf('first-visit', 'plan-revealed').title}`);
	await expect(sceneTitle(page, 'first-visit')).toBeFocused();
	await expect(sim(page, 'first-visit').locator('.rp-log-list > li')).toHaveCount(2);
	await expect(sim(page, 'first-visit').locator('.feedback')).toHaveCount(0);
	const best = bestPath(s);
	await clickPath(page, 'first-visit', best.slice(2), 3);
	await expect(sim(page, 'first-visit').locator('.feedback-score')).toContainText(`得分 ${fb.max} / ${fb.max}`);
	await page.goto('progress/');
	await expect(page.getByRole('row', { name: /首次上门拜访/ })).toContainText(`${fb.max} / ${fb.max}`);
});

test('a reload mid-way resumes at the same situation, and restarting clears the path', async ({ page }) => {
	const s = SCENARIOS['shock-support'].data;
	const best = bestPath(s);
	await open(page, 'shock-support');
	await clickPath(page, 'shock-support', best.slice(0, 3));
	const here = await sceneTitle(page, 'shock-support').textContent();
	await page.reload();
	await sim(page, 'shock-support').scrollIntoViewIfNeeded();
	await expect(sceneTitle(page, 'shock-support')).toHaveText(here!);
	await expect(sim(page, 'shock-support').getByRole('status').filter({ hasText: '从第 4 步继续' })).toBeVisible();
	await expect(sim(page, 'shock-support').locator('.rp-log-list > li')).toHaveCount(3);
	await clickPath(page, 'shock-support', best.slice(3, 4), 4);
	await sim(page, 'shock-support').getByRole('button', { name: '从头再来' }).click();
	await expect(sceneTitle(page, 'shock-support')).toHaveText(`第 1 步 · ${nodeOf('shock-support', s.start).title}`);
	await page.reload();
	await expect(sceneTitle(page, 'shock-support')).toHaveText(`第 1 步 · ${nodeOf('shock-support', s.start).title}`);
});

for (const saved of ['["no-such-choice"]', 'not json{', '{"path":[1]}']) {
	test(`a corrupted saved path (${saved}) is dropped with a notice`, async ({ page }) => {
		await page.addInitScript((value) => {
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem('sme-course:roleplay:first-visit', value);
				sessionStorage.setItem('seeded', '1');
			}
		}, saved);
		await open(page, 'first-visit');
		await expect(sim(page, 'first-visit').getByRole('status').filter({ hasText: '已从头开始' })).toBeVisible();
		await expect(sceneTitle(page, 'first-visit')).toHaveText(`第 1 步 · ${nodeOf('first-visit', 'arrive').title}`);
		expect(await page.evaluate(() => localStorage.getItem('sme-course:roleplay:first-visit'))).toBe('[]');
		await clickPath(page, 'first-visit', ['arrive-closed']);
		await expect(sim(page, 'first-visit').getByRole('status').filter({ hasText: '已从头开始' })).toHaveCount(0);
	});
}

test('fits a 375 px phone without horizontal scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await open(page, 'first-visit');
	await clickPath(page, 'first-visit', bestPath(SCENARIOS['first-visit'].data));
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
