#!/usr/bin/env node
/**
 * `npm run package`: builds the LMS variant of the course and writes
 *   packages/<course-id>-scorm12.zip    (SCORM 1.2)
 *   packages/<course-id>-scorm2004.zip  (SCORM 2004 4th Edition)
 *
 * 1. `astro build --config astro.lms.config.mjs` → dist-lms/ (base /__lms_base__/, PUBLIC_LMS=1:
 *    the LMS adapter on every page, plus the launch page), then Pagefind over it;
 * 2. the launch page moves to scorm-launch.html at the root; every /__lms_base__/ URL becomes
 *    relative to its file (HTML, JS, CSS), folder links become …/index.html; nothing absolute
 *    may remain, so the package works under any LMS path;
 * 3. per version: imsmanifest.xml (every file listed, mastery score from content/settings/site.json)
 *    + the official schema files (scorm/xsd/) + the course → a deterministic zip.
 * The web build (dist/) is not touched.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LAUNCH_FILE, LMS_BASE, manifest12, manifest2004, rewriteCss, rewriteHtml, rewriteJs, zipDeterministic } from './scorm/lib.mjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist-lms');
const PACKAGES = join(ROOT, 'packages');
const XSD = join(ROOT, 'scorm', 'xsd');

/** @param {string} dir @returns {string[]} paths relative to dir, with `/` */
function walk(dir) {
	/** @type {string[]} */
	const out = [];
	const go = (/** @type {string} */ d) => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) go(full);
			else out.push(relative(dir, full).split('\\').join('/'));
		}
	};
	go(dir);
	return out.sort();
}

/** @param {string} what @param {string[]} args */
function run(what, args) {
	const t0 = Date.now();
	const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
	if (r.status !== 0) {
		process.stdout.write(r.stdout ?? '');
		process.stderr.write(r.stderr ?? '');
		throw new Error(`${what} failed (exit ${r.status})`);
	}
	console.log(`package: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

const settings = JSON.parse(readFileSync(join(ROOT, 'content', 'settings', 'site.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

// 1. Build the LMS variant.
rmSync(OUT, { recursive: true, force: true });
run('astro build (LMS variant)', [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--config', 'astro.lms.config.mjs', '--silent']);
const launchDir = join(OUT, 'scorm-launch');
renameSync(join(launchDir, 'index.html'), join(OUT, LAUNCH_FILE));
rmSync(launchDir, { recursive: true });
run('pagefind', [join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', OUT, '--silent']);
// The course uses Pagefind's API only (src/lib/search-client.ts); its ready-made UIs are not shipped.
for (const f of readdirSync(join(OUT, 'pagefind'))) {
	if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f)) rmSync(join(OUT, 'pagefind', f));
}

// 2. Relative URLs everywhere.
const course = new Map();
for (const file of walk(OUT)) {
	let bytes = readFileSync(join(OUT, file));
	if (/\.(html|js|mjs|css)$/.test(file)) {
		const text = bytes.toString('utf8');
		const out = file.endsWith('.html') ? rewriteHtml(text, file) : file.endsWith('.css') ? rewriteCss(text, file) : rewriteJs(text, file);
		if (out.includes(LMS_BASE.slice(1, -1))) throw new Error(`package: ${file} still contains ${LMS_BASE} after rewriting`);
		if (out !== text) writeFileSync(join(OUT, file), out);
		bytes = Buffer.from(out, 'utf8');
	}
	course.set(file, new Uint8Array(bytes));
}

// 3. One zip per SCORM version.
const files = [...course.keys()].sort();
const input = {
	courseId: settings.course.id,
	title: settings.course.title,
	orgTitle: `${settings.course.title} · ${settings.bank.name}`,
	masteryScore: settings.masteryScore,
	files,
	version: pkg.version,
};
mkdirSync(PACKAGES, { recursive: true });
for (const [version, schemaDir, manifest] of /** @type {const} */ ([
	['scorm12', 'scorm12', manifest12],
	['scorm2004', 'scorm2004', manifest2004],
])) {
	const entries = new Map(course);
	entries.set('imsmanifest.xml', new TextEncoder().encode(manifest(input)));
	for (const f of walk(join(XSD, schemaDir))) {
		if (entries.has(f)) throw new Error(`package: schema file ${f} collides with a course file`);
		entries.set(f, new Uint8Array(readFileSync(join(XSD, schemaDir, f))));
	}
	const zip = zipDeterministic(entries);
	const target = join(PACKAGES, `${settings.course.id}-${version}.zip`);
	writeFileSync(target, zip);
	const raw = [...entries.values()].reduce((s, b) => s + b.length, 0);
	console.log(`package: ${relative(ROOT, target)}  ${(zip.length / 1024).toFixed(0)} KB (${entries.size} files, ${(raw / 1024).toFixed(0)} KB unpacked)`);
}
if (!existsSync(join(OUT, LAUNCH_FILE))) throw new Error('package: launch file missing');
