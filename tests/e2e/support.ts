/** Shared helpers for the browser tests: page lists from dist/, and a guard on console and network. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

/** Every built page as a path relative to the base URL, e.g. `lessons/m1/01-macro-2023/`. */
export function builtPages(): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((n) => {
			const full = join(dir, n);
			if (statSync(full).isDirectory()) return n === 'pagefind' || n === '_astro' ? [] : walk(full);
			return n.endsWith('.html') ? [full] : [];
		});
	return walk(DIST)
		.map((f) => relative(DIST, f).split('\\').join('/'))
		.filter((f) => f !== '404.html')
		.map((f) => f.replace(/index\.html$/, ''))
		.sort();
}

/** Lesson paths (Chinese UI). */
export const lessonPages = (): string[] => builtPages().filter((p) => p.startsWith('lessons/'));

/**
 * A test fixture that fails the test on any console error, page error or request to another
 * origin (the course must run on an intranet with zero external requests).
 */
export const test = base.extend<{ guard: { offOrigin: string[]; errors: string[] } }>({
	guard: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
			const guard = { offOrigin: [] as string[], errors: [] as string[] };
			page.on('request', (r) => {
				const u = r.url();
				if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) guard.offOrigin.push(u);
			});
			page.on('console', (m) => {
				if (m.type() === 'error') guard.errors.push(m.text());
			});
			page.on('pageerror', (e) => guard.errors.push(String(e)));
			await use(guard);
			expect(guard.offOrigin, 'requests to other origins').toEqual([]);
			expect(guard.errors, 'console errors').toEqual([]);
		},
		{ auto: true },
	],
});
export { expect };

/** Scroll through the page so client:visible islands hydrate, then wait for them. */
export async function hydrateAll(page: Page): Promise<void> {
	await page.evaluate(async () => {
		for (let y = 0; y < document.body.scrollHeight; y += 600) {
			window.scrollTo(0, y);
			await new Promise((r) => setTimeout(r, 20));
		}
		window.scrollTo(0, 0);
	});
	await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((i) => !i.hasAttribute('ssr')));
}

/**
 * Watches the scripts the page fetches for chart.js's chunk (the one that registers the
 * radialLinear scale, as scripts/budget.mjs spots it); the returned function lists their URLs.
 */
export function watchChartJs(page: Page): () => Promise<string[]> {
	const checks: Promise<string | null>[] = [];
	page.on('response', (r) => {
		if (r.url().endsWith('.js')) checks.push(r.text().then((body) => (body.includes('radialLinear') ? r.url() : null), () => null));
	});
	return async () => (await Promise.all(checks)).filter((u): u is string => u !== null);
}

/** Make the next request to `url` fail (a flaky intranet link); later requests go through. */
export async function failNextRequest(page: Page, url: RegExp, unless: (requestUrl: string) => boolean = () => false): Promise<void> {
	let fail = true;
	await page.route(url, (route) => {
		if (fail && !unless(route.request().url())) {
			fail = false;
			return route.abort();
		}
		return route.continue();
	});
}

/**
 * The console errors of downloads a test aborted on purpose (matching `pattern`): asserts there
 * was at least one and takes them out of the guard's list, so any other error still fails the test.
 */
export function expectAbortedDownloads(guard: { errors: string[] }, pattern: RegExp): void {
	const aborted = guard.errors.filter((e) => /Failed to load|Failed to fetch/.test(e) || pattern.test(e));
	expect(aborted.length, 'the aborted download shows as a console error').toBeGreaterThan(0);
	guard.errors.splice(0, guard.errors.length, ...guard.errors.filter((e) => !aborted.includes(e)));
}
