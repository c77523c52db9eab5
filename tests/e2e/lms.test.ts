/**
 * The SCORM packages in an LMS (playwright.hosting.config.ts, project "lms"): each package is served
 * unzipped under a deep sub-path (/lms/a/b/<version>/course/) by tests/e2e/lms/server.mjs, and a
 * harness page plays the LMS with scorm-again. A learner completes a lesson, a knowledge check and a
 * simulation, closes the course, and relaunches it with the CMI data the LMS stored.
 * The support fixture fails a test on any console error or off-origin request (offline package).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { generateClients } from '../../src/domain/generator';
import { explainSizeSegment, riskTierOf } from '../../src/domain/segments';
import { decodeSuspend } from '../../src/lms/suspend-codec';
import { courseResult } from '../../src/lms/score';
import { parseLmsPageData, type CourseOutline } from '../../src/lms/outline';
import zh from '../../src/i18n/domain-a.zh-CN.json' with { type: 'json' };
import { test, expect } from './support';

interface Q {
	type: 'single' | 'multiple' | 'order';
	options?: { text: string; correct?: boolean }[];
}
const QUIZ = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'quizzes', 'm1-02.json'), 'utf8')) as { questions: Q[] };
const names = zh as Record<string, string>;
const PKG = { '1.2': '/lms/a/b/scorm12/course/', '2004': '/lms/a/b/scorm2004/course/' } as const;
type Version = keyof typeof PKG;
type Flat = Record<string, unknown>;

test.describe.configure({ mode: 'parallel' });

const course = (page: Page): FrameLocator => page.frameLocator('#sco').frameLocator('#sme-course');
/** The course page's frame (inside the launch page's frame). */
async function courseFrame(page: Page): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => f.parentFrame()?.url().endsWith('/scorm-launch.html'))).toBe(true);
	return page.frames().find((f) => f.parentFrame()?.url().endsWith('/scorm-launch.html'))!;
}
async function launch(page: Page, v: Version, mode: 'ok' | 'error' = 'ok'): Promise<void> {
	await page.goto(`harness.html?v=${v}&pkg=${PKG[v]}&mode=${mode}`);
	await expect(course(page).locator('h1').first()).toBeVisible();
}
/** Open a page of the course by URL in the course frame (as a bookmark or shared link would). */
async function openInCourse(page: Page, v: Version, path: string): Promise<void> {
	const frame = await courseFrame(page);
	await frame.goto(new URL(`${PKG[v]}${path}`, page.url()).href);
}
const lmsLog = (page: Page) => page.evaluate(() => (window as unknown as { lmsLog: { commits: number; initialized: number; finished: boolean; data: Flat | null } }).lmsLog);

async function answerQuizCorrectly(c: FrameLocator): Promise<string> {
	const form = c.locator('section.quiz form');
	await form.scrollIntoViewIfNeeded();
	for (const [i, q] of QUIZ.questions.entries()) {
		if (q.type === 'order') continue; // left in its initial order: partial credit
		const fs = form.locator('fieldset').nth(i);
		for (const o of q.options ?? []) if (o.correct) await fs.getByLabel(o.text, { exact: true }).check();
	}
	await form.getByRole('button', { name: '提交答案' }).click();
	// The grader is fetched on the first submit: wait for the score line it writes.
	await expect(c.locator('.quiz-score')).toContainText('得分');
	const line = (await c.locator('.quiz-score').textContent()) ?? '';
	return /得分 ([\d.]+ \/ [\d.]+)/.exec(line)?.[1] ?? '';
}

async function segmentCorrectly(page: Page, v: Version): Promise<void> {
	await openInCourse(page, v, 'lessons/m4/04-segmentation/index.html?seed=lms-e2e&n=6');
	const sim = course(page).locator('[data-sim="segmentation"]');
	await sim.scrollIntoViewIfNeeded();
	await expect(sim.locator('.seg-client')).toHaveCount(6);
	for (const [i, c] of generateClients('lms-e2e', 6).entries()) {
		const card = sim.locator('.seg-client').nth(i);
		await card.getByRole('group', { name: /规模客群/ }).getByLabel(names[`segment.${explainSizeSegment(c).segment}`]!, { exact: true }).check();
		await card.getByRole('group', { name: /风险承受能力/ }).getByLabel(names[`riskTier.${riskTierOf(c)}`]!, { exact: true }).check();
	}
	await sim.getByRole('button', { name: '提交分类' }).click();
	await expect(sim.locator('.feedback-score'), v).toContainText('12 / 12');
}

for (const v of ['1.2', '2004'] as const) {
	test(`SCORM ${v}: a learner's lesson, knowledge check and simulation reach the LMS and come back on relaunch`, async ({ page }) => {
		test.setTimeout(60_000);
		await launch(page, v);
		const c = course(page);
		// Navigate by links only: the server does not map folders to index.html.
		await c.locator('.module-grid a').first().click();
		await c.getByRole('link', { name: /绿色普惠金融与本课程主线/ }).first().click();
		await c.getByRole('button', { name: '标记本课已完成' }).click();
		await expect(c.getByText('本课已完成 ✓')).toBeVisible();
		const quizScore = await answerQuizCorrectly(c);
		expect(quizScore).toMatch(/^\d+(\.\d)? \/ 6$/);
		await segmentCorrectly(page, v);
		const outline = parseLmsPageData(await c.locator('#sme-lms').textContent())!.outline as CourseOutline;

		// Debounced commit ~2 s after the simulation result.
		await expect.poll(async () => JSON.stringify((await lmsLog(page)).data ?? {}), { timeout: 10_000 }).toContain('sim-segmentation-1');

		// Close the course the way an LMS does: unload the SCO frame.
		await page.evaluate(() => (window as unknown as { closeSco: () => void }).closeSco());
		await expect.poll(async () => (await lmsLog(page)).finished).toBe(true);
		const log = await lmsLog(page);
		const data = log.data!;
		expect(log.initialized, 'Initialize once per launch, whatever the number of pages').toBe(1);
		expect(log.commits, 'commits at sensible points only').toBeGreaterThanOrEqual(2);
		expect(log.commits).toBeLessThanOrEqual(8);

		const suspend = String(data['cmi.suspend_data']);
		expect(suspend.length).toBeLessThanOrEqual(v === '1.2' ? 4096 : 64000);
		expect(suspend).toMatch(/^[FC][A-Za-z0-9_-]+$/);
		const state = decodeSuspend(suspend)!.state;
		expect(state.lessons['m1/02-green-inclusive']?.completedAt).toBeGreaterThan(0);
		expect(`${state.quizzes['m1-02']?.score} / ${state.quizzes['m1-02']?.max}`).toBe(quizScore);
		expect(state.sims['segmentation']).toMatchObject({ score: 12, max: 12, seed: 'lms-e2e' });
		const expected = courseResult(state, outline, 0.8);
		expect(expected.score!.sims).toBeCloseTo(1 / outline.sims.length, 4);
		expect(expected.completed).toBe(false);

		const interactions = Object.entries(data).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, id]) => id);
		expect(interactions).toEqual(['quiz-m1-02-1', 'sim-segmentation-1']);
		const simAt = Object.keys(data).find((k) => data[k] === 'sim-segmentation-1')!.replace(/\.id$/, '');
		expect(data[`${simAt}.type`]).toBe('performance');
		expect(data[`${simAt}.result`]).toBe('100');
		expect(data[`${simAt}.weighting`]).toBe('1');
		if (v === '1.2') {
			expect(data['cmi.core.lesson_status']).toBe('incomplete');
			expect(Number(data['cmi.core.score.raw'])).toBeCloseTo(expected.score!.scaled * 100, 1);
			expect(data['cmi.core.exit']).toBe('suspend');
			expect(data['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
			expect(data['cmi.core.lesson_location']).toBe('lessons/m4/04-segmentation/index.html');
			expect(data[`${simAt}.time`]).toMatch(/^\d{2}:\d{2}:\d{2}$/);
		} else {
			expect(data['cmi.completion_status']).toBe('incomplete');
			expect(data['cmi.success_status']).toBe('failed');
			expect(Number(data['cmi.score.scaled'])).toBeCloseTo(expected.score!.scaled, 4);
			expect(data['cmi.progress_measure']).toBe(String(Math.round((1 / outline.lessons.length) * 1e4) / 1e4));
			expect(data['cmi.exit']).toBe('suspend');
			expect(data['cmi.session_time']).toMatch(/^PT/);
			expect(data['cmi.location']).toBe('lessons/m4/04-segmentation/index.html');
			expect(data[`${simAt}.timestamp`]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$/);
			expect(data[`${simAt}.description`]).toBe('{lang=zh-CN}客群细分模拟: 12/12');
		}

		// Relaunch on a browser that has nothing saved: the LMS data alone restores the state.
		await page.evaluate(() => localStorage.clear());
		await page.addInitScript((d) => ((window as unknown as { __lmsInitial: Flat }).__lmsInitial = d), data);
		await page.goto(`harness.html?v=${v}&pkg=${PKG[v]}`);
		const c2 = course(page);
		await expect(c2.locator('h1')).toContainText('客群细分'); // the bookmark
		await expect(c2.locator('[data-sim="segmentation"]')).toBeVisible();
		await c2.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课程首页' }).click();
		await c2.locator('.module-grid a').first().click();
		await c2.getByRole('link', { name: /绿色普惠金融与本课程主线/ }).first().click();
		await expect(c2.getByText('本课已完成 ✓')).toBeVisible();
		await expect(c2.locator('section.quiz')).toContainText(`上次成绩：${quizScore}`);
		await c2.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学习进度' }).click();
		await expect(c2.getByRole('row', { name: /客群细分模拟/ })).toContainText('12 / 12');
		expect((await lmsLog(page)).initialized).toBe(1);
	});
}

test('an LMS that returns errors: the learner is told, and the course keeps working', async ({ page }) => {
	await launch(page, '1.2', 'error');
	const c = course(page);
	await expect(c.getByRole('alert').filter({ hasText: '进度可能没有被记录' })).toBeVisible();
	await c.locator('.module-grid a').first().click();
	await c.getByRole('link', { name: /2023 年宏观形势/ }).first().click();
	await c.getByRole('button', { name: '标记本课已完成' }).click();
	await expect(c.getByText('本课已完成 ✓')).toBeVisible();
	await c.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学习进度' }).click();
	await expect(c.getByRole('row', { name: /2023 年宏观形势/ })).toContainText('完成');
	await c.getByRole('alert').filter({ hasText: '进度可能没有被记录' }).getByRole('button', { name: '知道了' }).click();
	await expect(c.getByRole('alert').filter({ hasText: '进度可能没有被记录' })).toHaveCount(0);
});

test('without an LMS the package behaves like the web course, search included', async ({ page }) => {
	await page.goto(`${PKG['2004']}scorm-launch.html`);
	const c = page.frameLocator('#sme-course');
	await expect(c.locator('h1').first()).toBeVisible();
	await c.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '搜索' }).click();
	await c.getByLabel('搜索关键词').fill('营运资金');
	await c.locator('form[data-search]').getByRole('button', { name: '搜索' }).click();
	const first = c.locator('[data-search-results] a').first();
	await expect(first).toHaveAttribute('href', /\/lms\/a\/b\/scorm2004\/course\/.+\/index\.html/);
	await first.click();
	await expect(c.locator('article.lesson h1')).toBeVisible();
	await expect(c.locator('[data-lms-notice]')).toHaveCount(0);
});
