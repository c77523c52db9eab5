#!/usr/bin/env node
/**
 * Sub-path hosting check, step 1: build the web course for https://host/training/sme/
 * (BASE_PATH=/training/sme/) into dist-subpath/, index it with Pagefind and run the static link
 * check over it (every href/src resolves under the sub-path, nothing points elsewhere).
 * Step 2 is the browser test tests/e2e/subpath.test.ts (playwright.hosting.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const SUBPATH = '/training/sme/';
const ROOT = join(import.meta.dirname, '..');
const OUT = 'dist-subpath';
const env = {
	...process.env,
	BASE_PATH: SUBPATH,
	DIST_DIR: OUT,
	ASTRO_TELEMETRY_DISABLED: '1',
	// Its own cache, so it can run next to a web build of the same checkout.
	ASTRO_CACHE_DIR: process.env.ASTRO_CACHE_DIR ? `${process.env.ASTRO_CACHE_DIR}-subpath` : join(ROOT, 'node_modules', '.astro-subpath'),
};

/** @param {string} what @param {string[]} args */
function run(what, args) {
	const t0 = Date.now();
	const r = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
	if (r.status !== 0) {
		process.stdout.write(r.stdout ?? '');
		process.stderr.write(r.stderr ?? '');
		throw new Error(`${what} failed (exit ${r.status})`);
	}
	const last = (r.stdout ?? '').trim().split('\n').pop();
	console.log(`subpath: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)${last && what === 'link check' ? ` — ${last}` : ''}`);
}

rmSync(join(ROOT, OUT), { recursive: true, force: true });
run(`astro build (BASE_PATH=${SUBPATH})`, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', OUT, '--silent']);
run('pagefind', [join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', OUT, '--silent']);
run('link check', [join(ROOT, 'scripts', 'check-links.mjs')]);
