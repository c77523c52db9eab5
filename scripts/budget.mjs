#!/usr/bin/env node
/**
 * Page-weight budget: for one page of each type, the bytes a learner downloads (HTML, CSS, JS
 * including every island chunk it imports), raw and gzip, then every text lesson against the
 * 20 KB gzip target (printed, with the pages above it). It fails only on a structural regression:
 * a text lesson that ships a framework or chart library (more JS than its quiz and progress need).
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';
import { DIST, BASE, htmlPages, pageUrl, resolveUrl } from './lib-dist.mjs';

/** Target for a text lesson page (HTML + CSS + JS, gzip); reported per page. */
const TEXT_LESSON_GZIP_LIMIT = 20 * 1024;
/** Hard limit on a text lesson's JS (gzip): its quiz and progress widgets, no framework. */
const TEXT_LESSON_JS_LIMIT = 8 * 1024;

const STATIC_IMPORT = /(?:import|export)\s*(?:[^'"`]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;

/**
 * The JS files a page loads: `load` = the static import closure of its entry scripts (downloaded
 * with the page); `demand` = files reached only through a dynamic `import()` (downloaded when the
 * learner does something that needs them, e.g. submits an answer), with their own static imports.
 */
function jsClosure(entryFiles) {
	const walk = (entries, seen) => {
		const dynamic = [];
		const stack = [...entries];
		while (stack.length) {
			const f = stack.pop();
			if (!f || seen.has(f) || !existsSync(f)) continue;
			seen.add(f);
			const src = readFileSync(f, 'utf8');
			for (const m of src.matchAll(STATIC_IMPORT)) stack.push(join(f, '..', m[1]));
			for (const m of src.matchAll(DYNAMIC_IMPORT)) dynamic.push(join(f, '..', m[1]));
		}
		return dynamic;
	};
	const load = new Set();
	let pending = walk(entryFiles, load);
	const demand = new Set(load);
	while (pending.length) pending = walk(pending, demand);
	for (const f of load) demand.delete(f);
	return { load: [...load], demand: [...demand] };
}

/** chart.js's chunk (the one tree-shaken copy all charts share): it registers the radialLinear scale. */
const isChartJs = (file) => readFileSync(file, 'utf8').includes('radialLinear');

function measure(file) {
	const html = readFileSync(file, 'utf8');
	const from = pageUrl(file);
	const css = new Set();
	const jsEntries = new Set();
	for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) css.add(resolveUrl(m[1], from).file);
	for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) jsEntries.add(resolveUrl(m[1], from).file);
	for (const m of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) jsEntries.add(resolveUrl(m[1], from).file);
	const inlineScripts = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
	const { load, demand } = jsClosure([...jsEntries].filter(Boolean));
	const bytes = (files) => files.filter(Boolean).map((f) => readFileSync(f));
	const sum = (bufs) => bufs.reduce((s, b) => s + b.length, 0);
	const gz = (bufs) => bufs.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
	const h = [Buffer.from(html)];
	const c = bytes([...css]);
	const j = [...bytes(load), ...(inlineScripts ? [Buffer.from(inlineScripts)] : [])];
	const chart = load.filter(isChartJs);
	const d = bytes(demand);
	return {
		html: [sum(h), gz(h)],
		css: [sum(c), gz(c)],
		js: [sum(j), gz(j)],
		total: [sum(h) + sum(c) + sum(j), gz(h) + gz(c) + gz(j)],
		/** chart.js, when the page loads it, gzip. */
		chartJs: gz(bytes(chart)),
		/** JS fetched later, when the learner needs it, gzip. */
		demandJs: gz(d),
		/** chart.js loaded only on demand, gzip. */
		demandChartJs: gz(bytes(demand.filter(isChartJs))),
	};
}

const pages = htmlPages();
const kb = (n) => (n / 1024).toFixed(1).padStart(7);

// `npm run budget -- --detail /lessons/m5/04-trade-and-services/`: the files one page loads with it
// and later, largest first (gzip KB each), to see where a page's weight comes from.
const detailAt = process.argv.indexOf('--detail');
if (detailAt >= 0) {
	const arg = process.argv[detailAt + 1] ?? '';
	// With or without the site's base and the trailing slash.
	const path = arg.replace(/^\//, '').replace(/\/?$/, '/');
	const file = arg.startsWith('--') || arg === '' ? undefined : pages.find((f) => pageUrl(f) === `${BASE}${path}` || pageUrl(f) === `/${path}`);
	if (!file) {
		console.error(`budget --detail: no built page at "${arg}" (give its URL, e.g. /lessons/m5/04-trade-and-services/)`);
		process.exit(2);
	}
	const html = readFileSync(file, 'utf8');
	const entries = [...html.matchAll(/(?:<script[^>]+src|component-url|renderer-url)="([^"]+)"/g)].map((m) => resolveUrl(m[1], pageUrl(file)).file);
	const { load, demand } = jsClosure(entries.filter(Boolean));
	for (const [label, files] of [['with the page', load], ['later, on demand', demand]]) {
		const rows = files.map((f) => ({ f, gz: gzipSync(readFileSync(f), { level: 9 }).length })).sort((a, b) => b.gz - a.gz);
		console.log(`${label}: ${kb(rows.reduce((n, r) => n + r.gz, 0)).trim()} KB gzip in ${rows.length} files`);
		for (const r of rows) console.log(`${kb(r.gz)}  ${r.f.slice(DIST.length + 1)}`);
	}
	const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
	console.log(`inline scripts: ${kb(gzipSync(Buffer.from(inline), { level: 9 }).length).trim()} KB gzip`);
	process.exit(0);
}
const find = (pred) => pages.find((f) => pred(pageUrl(f), readFileSync(f, 'utf8')));
const lessonFiles = pages.filter((f) => pageUrl(f).startsWith(`${BASE}lessons/`));
/** A lesson with a simulation hydrates Preact islands; a text lesson has none. */
const hasSim = (html) => html.includes('<astro-island');
const types = [
	['home', find((u) => u === BASE)],
	['module', find((u) => u.startsWith(`${BASE}modules/`))],
	['lesson (text + quiz)', lessonFiles.find((f) => !hasSim(readFileSync(f, 'utf8')))],
	['lesson (with simulation)', lessonFiles.find((f) => hasSim(readFileSync(f, 'utf8')))],
	['glossary', find((u) => u === `${BASE}glossary/`)],
	['syllabus map', find((u) => u === `${BASE}syllabus/`)],
	['progress', find((u) => u === `${BASE}progress/`)],
	['search (before opening the index)', find((u) => u === `${BASE}search/`)],
	['practice', find((u) => u === `${BASE}practice/`)],
];
console.log('page type                              HTML raw/gz      CSS raw/gz       JS raw/gz     TOTAL raw/gz  (KB)');
let failed = false;
for (const [name, file] of types) {
	if (!file) {
		console.log(`${name.padEnd(38)} (no page of this type)`);
		continue;
	}
	const m = measure(file);
	console.log(
		`${name.padEnd(38)}${kb(m.html[0])}/${kb(m.html[1])}${kb(m.css[0])}/${kb(m.css[1])}${kb(m.js[0])}/${kb(m.js[1])}${kb(m.total[0])}/${kb(m.total[1])}   ${pageUrl(file)}`,
	);
}

// Every lesson with a simulation: the JS it loads with the page (chart.js and the rest) against
// the target "chart.js tree-shaken + 25 KB", and what it fetches later, when the learner needs it
// (feedback, a debrief, a chart shown only after submitting). Printed, not enforced.
const SIM_JS_ALLOWANCE = 25 * 1024;
const simLessons = lessonFiles.filter((f) => hasSim(readFileSync(f, 'utf8')));
if (simLessons.length) {
	const measured = simLessons.map((f) => ({ f, m: measure(f) }));
	const chartJs = Math.max(0, ...measured.map(({ m }) => Math.max(m.chartJs, m.demandChartJs)));
	const target = chartJs + SIM_JS_ALLOWANCE;
	console.log(
		`simulation lessons, JS gzip KB — at load (chart.js + rest) vs target chart.js ${kb(chartJs).trim()} + 25 = ${kb(target).trim()} KB | later, on demand:`,
	);
	// The target is the page's JS at load (chart.js counted when the page loads it). A page that
	// fetches chart.js later may spend the allowance on other code, so the rest is counted too.
	let within = 0;
	let restWithin = 0;
	for (const { f, m } of measured) {
		const ok = m.js[1] <= target;
		if (ok) within++;
		if (m.js[1] - m.chartJs <= SIM_JS_ALLOWANCE) restWithin++;
		const later = m.demandJs ? `${kb(m.demandJs).trim()}${m.demandChartJs ? ` (chart.js ${kb(m.demandChartJs).trim()})` : ''}` : '0';
		console.log(
			`  ${kb(m.js[1])} = ${kb(m.chartJs).trim().padStart(4)} + ${kb(m.js[1] - m.chartJs).trim().padStart(4)} ${ok ? '✓' : '✗'} | ${later.padEnd(18)} ${pageUrl(f)}`,
		);
	}
	console.log(`  ${within}/${simLessons.length} simulation lessons within chart.js + 25 KB at load`);
	console.log(`  ${restWithin}/${simLessons.length} load at most 25 KB besides chart.js (the stricter reading)`);
	if (chartJs === 0 && existsSync(join(DIST, '_astro')) && readdirSync(join(DIST, '_astro')).some((f) => f.startsWith('ChartCanvas.'))) {
		console.error('  ✗ no chunk is recognised as chart.js (isChartJs looks for its radialLinear scale): the figures above leave it out');
		failed = true;
	}
}

// Every text lesson (no simulation): the spread, and the median against the target.
const textLessons = lessonFiles
	.filter((f) => !hasSim(readFileSync(f, 'utf8')))
	.map((f) => {
		const m = measure(f);
		return { url: pageUrl(f), gz: m.total[1], js: m.js[1] };
	})
	.sort((a, b) => a.gz - b.gz);
if (textLessons.length) {
	const median = textLessons[Math.floor((textLessons.length - 1) / 2)];
	const first = textLessons[0];
	const last = textLessons[textLessons.length - 1];
	console.log(
		`text lessons (${textLessons.length}), total gzip: min ${kb(first.gz).trim()} KB (${first.url}), median ${kb(median.gz).trim()} KB (${median.url}), max ${kb(last.gz).trim()} KB (${last.url})`,
	);
	const over = textLessons.filter((l) => l.gz > TEXT_LESSON_GZIP_LIMIT);
	if (over.length) console.log(`  ${over.length} text lesson(s) above ${TEXT_LESSON_GZIP_LIMIT / 1024} KB: ${over.map((l) => `${l.url} ${kb(l.gz).trim()}`).join(', ')}`);
	console.log(
		`  target ${TEXT_LESSON_GZIP_LIMIT / 1024} KB: ${textLessons.length - over.length}/${textLessons.length} text lessons within it; median ${median.gz <= TEXT_LESSON_GZIP_LIMIT ? 'within' : 'above'}`,
	);
	const heavy = textLessons.filter((l) => l.js > TEXT_LESSON_JS_LIMIT);
	for (const l of heavy) console.error(`  ✗ ${l.url} ships ${kb(l.js).trim()} KB gzip of JS (limit ${TEXT_LESSON_JS_LIMIT / 1024} KB for a text lesson)`);
	if (heavy.length) failed = true;
}
const pf = join(DIST, 'pagefind');
if (existsSync(join(pf, 'pagefind.js'))) {
	const b = readFileSync(join(pf, 'pagefind.js'));
	console.log(`search runtime (loaded on first search)  pagefind.js ${kb(b.length)}/${kb(gzipSync(b).length)} KB + wasm + index shards`);
}
void posix;
process.exit(failed ? 1 : 0);
