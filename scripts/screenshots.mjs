#!/usr/bin/env node
/**
 * Screenshots for looking at the course as a learner would: desktop (1280 px) and phone (375 px).
 * Needs a running server (npm start). Usage:
 *   node scripts/screenshots.mjs [baseUrl] [path ...]     → screenshots/<name>-{desktop,phone}.png
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [base = 'http://127.0.0.1:4321/', ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ['', 'lessons/m1/01-macro-2023/', 'lessons/m4/04-segmentation/?seed=demo&n=6'];
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 740 }]]) {
	const page = await browser.newPage({ viewport, locale: 'zh-CN' });
	for (const path of targets) {
		await page.goto(base + path);
		const [target, action] = path.split('#');
		void target;
		const anchor = action ? page.locator(`[id="${action}"]`) : null;
		if (anchor && (await anchor.count())) await anchor.first().scrollIntoViewIfNeeded();
		await page.waitForTimeout(400);
		const name = (path.replace(/[/?=&#]+/g, '_').replace(/^_|_$/g, '') || 'home') + `-${label}`;
		await page.screenshot({ path: `screenshots/${name}.png`, fullPage: !!process.env.FULL });
		console.log(`screenshots/${name}.png`);
	}
	await page.close();
}
await browser.close();
