/**
 * Classroom features: the instructor's class session (links with the class seed → identical pools
 * in separate browsers), trainees' result codes → the debrief dashboard (count, means, CSV),
 * hostile imports refused or shown as plain text, printable handouts and a one-page certificate,
 * and axe on the new pages in their filled-in states.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { test, expect, hydrateAll } from './support';
import { generateClients } from '../../src/domain/generator';
import { buildResult, encodeResultCode, LIMITS } from '../../src/domain/class-results';

const ROOT = join(import.meta.dirname, '..', '..');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CLASS_NAME = 'A班';
const CLASS_DATE = '2026-05-12';
const SESSION = `${CLASS_NAME}-${CLASS_DATE}`;
const SEED = 'classx';

async function axe(page: Page): Promise<string[]> {
	const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Fill the instructor's session form. */
async function setUpClass(page: Page, sims: string[]): Promise<void> {
	await page.goto('instructor/');
	await page.getByLabel('班级名称').fill(CLASS_NAME);
	await page.getByLabel('上课日期').fill(CLASS_DATE);
	await page.getByLabel('统一种子').fill(SEED);
	for (const s of sims) await page.getByRole('checkbox', { name: s }).check();
	await expect(page.locator('[data-class-code]')).toHaveText(SESSION);
}

/** Pages in a PDF made by Chromium. */
const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

/** Answer the m4-04 knowledge check: `right` answers every choice question correctly, else the first wrong option. */
async function answerQuiz(page: Page, right: boolean[]): Promise<void> {
	await page.goto('lessons/m4/04-segmentation/');
	await hydrateAll(page);
	const questions = page.locator('[data-quiz="m4-04"] .quiz-question');
	const n = await questions.count();
	for (let i = 0; i < n; i++) {
		const q = questions.nth(i);
		if ((await q.getAttribute('data-type')) === 'order') continue;
		const options = q.locator('.quiz-options > li');
		const ok = right[i] ?? false;
		const pick = ok ? options.and(q.locator('li[data-correct="true"]')) : options.and(q.locator('li:not([data-correct])'));
		const count = ok ? await pick.count() : 1;
		for (let j = 0; j < count; j++) await pick.nth(j).locator('input').check();
	}
	await page.locator('[data-quiz="m4-04"] [data-quiz-submit]').click();
	await expect(page.locator('[data-quiz="m4-04"] [data-quiz-score]')).toBeVisible();
}

/** A trainee in a fresh browser context: does the quiz, exports a code on /class/. */
async function trainee(browser: Browser, baseURL: string, name: string, right: boolean[]): Promise<{ code: string; score: number; max: number }> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const page = await context.newPage();
	await answerQuiz(page, right);
	const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('sme-course:progress') ?? '{}').quizzes['m4-04']);
	await page.goto(`class/?session=${encodeURIComponent(SESSION)}`);
	await expect(page.getByLabel('课堂代码')).toHaveValue(SESSION);
	await page.getByLabel('姓名').fill(name);
	await page.getByRole('button', { name: '生成成绩代码' }).click();
	const code = await page.getByLabel('成绩代码（整段复制发给讲师）').inputValue();
	await context.close();
	return { code, score: saved.score, max: saved.max };
}

test('a class seed gives every trainee the same segmentation pool', async ({ page, browser, baseURL }) => {
	await setUpClass(page, ['客群细分模拟']);
	const card = page.locator('[data-link="segmentation"]');
	const link = await card.getByRole('link').getAttribute('href');
	expect(link).not.toBeNull();
	const u = new URL(link!);
	expect(u.pathname).toBe(`${new URL(baseURL!).pathname}lessons/m4/04-segmentation/`);
	expect(u.searchParams.get('seed')).toBe(SEED);
	expect(u.searchParams.get('session')).toBe(SESSION);
	expect(decodeURIComponent(u.hash)).toBe('#动手练客群细分模拟');
	await expect(card.getByRole('img', { name: '客群细分模拟的二维码' })).toBeVisible();
	expect(await axe(page)).toEqual([]);

	// The session survives a reload (localStorage).
	await page.reload();
	await expect(page.getByLabel('统一种子')).toHaveValue(SEED);
	await expect(page.locator('[data-class-code]')).toHaveText(SESSION);

	const pools: string[][] = [];
	for (let i = 0; i < 2; i++) {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const p = await context.newPage();
		await p.goto(link!);
		await expect(p.locator('.seg-client').first()).toBeVisible();
		pools.push(await p.locator('.seg-client .dossier-name').allInnerTexts());
		await context.close();
	}
	const expected = generateClients(SEED, 12).map((c) => c.name);
	expect(pools[0]).toHaveLength(12);
	expect(pools[1]).toEqual(pools[0]);
	expect(pools[0]!.every((text, i) => text.includes(expected[i]!))).toBe(true);
});

test('three trainees’ codes import into the debrief with the right count and mean', async ({ page, browser, baseURL }) => {
	test.setTimeout(120_000);
	const answers = [
		[true, true, true, true, true, true],
		[true, false, false, false, false, false],
		[false, false, false, false, false, false],
	];
	const names = ['张三', '李四', '王五'];
	const done = [];
	for (const [i, name] of names.entries()) done.push(await trainee(browser, baseURL!, name, answers[i]!));
	for (const d of done) expect(d.code).toMatch(/^KT1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);

	await setUpClass(page, ['客群细分模拟']);
	const chat = done.map((d, i) => `${names[i]} 16:0${i}\n${d.code}`).join('\n\n');
	await page.getByLabel('粘贴成绩代码').fill(chat);
	await page.getByRole('button', { name: '导入', exact: true }).click();
	await expect(page.locator('[data-import-summary]')).toContainText('本次新增 3 人，现有 3 人的成绩');
	await expect(page.locator('[data-debrief-summary]')).toContainText('共 3 名学员');

	const mean = done.reduce((s, d) => s + d.score, 0) / done.length;
	const max = done[0]!.max;
	const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });
	const pct = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 0 });
	// The overview chart's table twin: the quiz row with 3 trainees and the mean.
	const row = page.locator('figure.chart table tr', { hasText: '知识检查：模块 4 · 4. ' }).first();
	await expect(row).toContainText('3');
	await expect(row.locator('td').nth(1)).toHaveText(fmt.format(mean));
	await expect(row.locator('td').nth(2)).toHaveText(pct.format(mean / max));
	await expect(page.locator('figure.chart figcaption').nth(1)).toContainText(`3 人作答，平均 ${fmt.format(mean)} 分（满分 ${max} 分）`);
	// Per-question error rates: question 1 was wrong for one of three.
	await expect(page.locator('.class-debrief table').filter({ hasText: '最常见的错选项' }).last().locator('tbody tr').first()).toContainText('1/3');

	const table = page.locator('[data-class-table]');
	await expect(table.locator('tbody tr')).toHaveCount(3);
	for (const [i, name] of names.entries()) await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText(`${fmt.format(done[i]!.score)}/${max}`);
	expect(await axe(page)).toEqual([]);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.reload();
	await page.getByLabel('粘贴成绩代码').fill(chat);
	await page.getByRole('button', { name: '导入', exact: true }).click();
	await expect(page.locator('[data-class-table] tbody tr')).toHaveCount(3);
	expect(await axe(page)).toEqual([]);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV（可用 Excel 打开）' }).click()]);
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const lines = csv.slice(1).trimEnd().split('\r\n');
	expect(lines).toHaveLength(4);
	expect(lines[0]).toContain(`（满分 ${max}）`);
	expect(download.suggestedFilename()).toBe(`课堂成绩-${SESSION}.csv`);
});

test('hostile imports are refused or shown as plain text, and no script runs', async ({ page }) => {
	test.setTimeout(120_000);
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	const progress = { quizzes: { 'm4-04': { score: 2, max: 6, best: 2, attempts: 1, at: 1 } }, sims: {} };
	const evilName = '<img src=x onerror=alert(1)>';
	const evil = encodeResultCode(buildResult(progress, { name: evilName, number: '' }, SESSION, 1000));
	const older = encodeResultCode(buildResult(progress, { name: '赵六', number: '9' }, SESSION, 1000));
	const newer = encodeResultCode(buildResult({ ...progress, quizzes: { 'm4-04': { ...progress.quizzes['m4-04'], score: 5, best: 5 } } }, { name: '赵六', number: '9' }, SESSION, 2000));
	const badChecksum = evil.slice(0, -1) + (evil.endsWith('0') ? '1' : '0');
	const wrongVersion = evil.replace(/^KT1\./, 'KT2.');
	const empty = encodeResultCode(buildResult({ quizzes: {}, sims: {} }, { name: '空白', number: '' }, SESSION, 1000));

	await setUpClass(page, []);
	await page.getByLabel('粘贴成绩代码').fill([empty, evil, badChecksum, wrongVersion, older, newer].join('\n'));
	await page.getByRole('button', { name: '导入', exact: true }).click();
	const messages = page.locator('.class-messages li');
	await expect(messages.filter({ hasText: '校验码不符' })).toHaveCount(1);
	await expect(messages.filter({ hasText: '第 2 版的成绩格式' })).toHaveCount(1);
	await expect(messages.filter({ hasText: '“赵六”的成绩导入了不止一份' })).toHaveCount(1);
	const table = page.locator('[data-class-table]');
	await expect(table.locator('tbody tr')).toHaveCount(3);
	await expect(table.getByRole('row', { name: /赵六/ })).toContainText('5/6');
	// The hostile name is text: it appears literally and made no element.
	await expect(table.locator('[data-trainee]').filter({ hasText: evilName })).toHaveText(evilName);
	expect(await page.locator('img[src="x"]').count()).toBe(0);

	// 2 MB of text, pasted and as a file.
	await page.getByLabel('粘贴成绩代码').fill('x'.repeat(2 * 1024 * 1024));
	await page.getByLabel('选择成绩文件（可多选，.json 或 .txt）').setInputFiles([
		{ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2 * 1024 * 1024, 0x41) },
		{ name: `${evilName}.json`, mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') },
	]);
	await page.getByRole('button', { name: '导入', exact: true }).click();
	await expect(messages.filter({ hasText: `粘贴的文本：内容太大，没有读取（上限 ${LIMITS.pasteChars.toLocaleString('zh-CN')} 个字符）` })).toHaveCount(1);
	await expect(messages.filter({ hasText: '文件“huge.txt”：内容太大，没有读取（上限 256 KB）' })).toHaveCount(1);
	await expect(messages.filter({ hasText: `文件“${evilName}.json”：这不是课堂成绩文件。` })).toHaveCount(1);
	await expect(table.locator('tbody tr')).toHaveCount(3);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(dialogs).toEqual([]);
});

test('a results file downloaded by a trainee imports through the file input', async ({ page, browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN' });
	const p = await context.newPage();
	await answerQuiz(p, [true, true, false, false, false, false]);
	await p.goto('progress/');
	await p.getByLabel('姓名').fill('孙七');
	await p.getByLabel('课堂代码').fill(SESSION);
	await p.getByRole('button', { name: '生成成绩代码' }).click();
	expect(await axe(p)).toEqual([]);
	const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: '下载成绩文件（.json）' }).click()]);
	const body = readFileSync((await download.path())!);
	expect(JSON.parse(body.toString('utf8'))).toMatchObject({ format: 'sme-course-class-results', version: 1, session: SESSION, name: '孙七' });
	await context.close();

	await setUpClass(page, []);
	await page.getByLabel('选择成绩文件（可多选，.json 或 .txt）').setInputFiles([{ name: download.suggestedFilename(), mimeType: 'application/json', buffer: body }]);
	await page.getByRole('button', { name: '导入', exact: true }).click();
	await expect(page.locator('[data-class-table]').getByRole('row', { name: /孙七/ })).toBeVisible();
});

/** Progress with every lesson completed and every quiz and simulation scored: the fullest certificate. */
function fullProgress(): string {
	const lessons: Record<string, unknown> = {};
	for (const m of readdirSync(join(ROOT, 'content', 'lessons')))
		for (const f of readdirSync(join(ROOT, 'content', 'lessons', m))) lessons[`${m}/${f.replace(/\.mdx$/, '')}`] = { visitedAt: 1, completedAt: 2 };
	const quizzes = Object.fromEntries(readdirSync(join(ROOT, 'content', 'quizzes')).map((f) => [f.replace(/\.json$/, ''), { score: 4, max: 5, best: 4, attempts: 1, at: 1 }]));
	const sims = Object.fromEntries(
		readdirSync(join(ROOT, 'src', 'components', 'sims'))
			.flatMap((d) => {
				try {
					return [/id: '([^']+)'/.exec(readFileSync(join(ROOT, 'src', 'components', 'sims', d, 'meta.ts'), 'utf8'))![1]!];
				} catch {
					return [];
				}
			})
			.map((id) => [id, { score: 70, max: 100, best: 85, attempts: 2, at: 1 }]),
	);
	return JSON.stringify({ v: 1, lessons, quizzes, sims, last: null });
}

for (const lang of ['', 'en/']) {
	test(`the certificate prints on one A4 page (${lang || 'zh-CN'})`, async ({ page }) => {
		await page.goto(`${lang}certificate/`);
		await page.evaluate((p) => localStorage.setItem('sme-course:progress', p), fullProgress());
		await page.reload();
		await page.locator('#cert-name').fill('欧阳·长名字学员Ａ');
		await expect(page.locator('[data-cert-name]')).toHaveText('欧阳·长名字学员Ａ');
		await expect(page.locator('[data-certificate] h2')).toHaveText(lang ? 'Certificate of completion' : '结业证书');
		expect(await axe(page)).toEqual([]);
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		expect(pdfPages(pdf)).toBe(1);
	});
}

test('the certificate refuses a name with control characters and tells why', async ({ page }) => {
	await page.goto('certificate/');
	await page.locator('#cert-name').fill('a\u0007b');
	await expect(page.getByRole('alert')).toHaveText('姓名里有无法显示的控制字符，请重新输入。');
	await expect(page.locator('[data-cert-name]')).toHaveText('（请先在上方填写姓名）');
});

for (const mod of ['m2', 'm3', 'm5']) {
	test(`handout ${mod} prints on A4 without cutting anything off`, async ({ page }) => {
		await page.goto(`handouts/${mod}/`);
		await expect(page.locator('h1')).toContainText('讲义');
		await expect(page.locator('.case-card')).toHaveCount(1);
		await expect(page.locator('.handout-formula math').first()).toBeVisible();
		// The print button's script runs under the CSP (Astro hashes it).
		await page.evaluate(() => {
			window.print = () => document.body.setAttribute('data-printed', '');
		});
		await page.getByRole('button', { name: '打印讲义' }).click();
		await expect(page.locator('body')).toHaveAttribute('data-printed', '');
		await page.emulateMedia({ media: 'print' });
		await page.setViewportSize({ width: 700, height: 1000 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
		expect(pdfPages(pdf)).toBeLessThanOrEqual(8);
	});
}

test('every module page links its handout; header and footer reach the class pages', async ({ page }) => {
	await page.goto('modules/m3/');
	await page.getByRole('link', { name: '打印本模块讲义' }).click();
	await expect(page).toHaveURL(/handouts\/m3\/$/);
	await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '课堂' }).click();
	await expect(page.locator('h1')).toHaveText('我的课堂成绩');
	await page.getByRole('navigation', { name: '课堂工具' }).getByRole('link', { name: '讲师页' }).click();
	await expect(page.locator('h1')).toHaveText('讲师页：课堂设置与讲评');
	await page.getByRole('navigation', { name: '课堂工具' }).getByRole('link', { name: '结业证书' }).click();
	await expect(page.locator('h1')).toHaveText('结业证书');
});

test('invalid class and trainee fields are refused inline', async ({ page }) => {
	await page.goto('instructor/');
	await page.getByLabel('班级名称').fill('A 班');
	await expect(page.locator('#class-name-error')).toHaveText('班级名称只能用汉字、字母、数字、_ 和 -，且不能以 - 开头或结尾。');
	await page.getByLabel('统一种子').fill('a b');
	await expect(page.locator('#class-seed-error')).toContainText('种子只能用');
	await expect(page.locator('[data-class-code]')).toHaveCount(0);
	await page.goto('class/');
	await page.getByRole('button', { name: '生成成绩代码' }).click();
	await expect(page.locator('#class-trainee-name-error')).toHaveText('请填写姓名。');
	await expect(page.locator('#class-trainee-session-error')).toContainText('课堂代码格式不对');
	await expect(page.locator('#class-trainee-name')).toBeFocused();
	await page.getByLabel('姓名').fill('张三');
	await page.getByLabel('课堂代码').fill(SESSION);
	await page.getByRole('button', { name: '生成成绩代码' }).click();
	await expect(page.getByText('这个浏览器里还没有知识检查或模拟练习的成绩')).toBeVisible();
	expect(await axe(page)).toEqual([]);
});
