#!/usr/bin/env node
/**
 * The "LMS" web server of the package tests (playwright.hosting.config.ts). Serves, from memory:
 *   /lms/harness.html, harness.js, harness.css  the test LMS page (this folder)
 *   /lms/vendor/scorm12.js, scorm2004.js        scorm-again from node_modules
 *   /lms/a/b/scorm12/course/…                   packages/<course-id>-scorm12.zip, unzipped
 *   /lms/a/b/scorm2004/course/…                 packages/<course-id>-scorm2004.zip, unzipped
 * Like many LMS file stores it does not map folders to index.html: a package must link files.
 *   node tests/e2e/lms/server.mjs [--port 4331]
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || process.env['LMS_PORT'] || 4331);
const courseId = JSON.parse(readFileSync(join(ROOT, 'content', 'settings', 'site.json'), 'utf8')).course.id;

/** @type {Map<string, Uint8Array>} */
const files = new Map();
for (const f of ['harness.html', 'harness.js', 'harness.css']) files.set(`/lms/${f}`, readFileSync(join(import.meta.dirname, f)));
for (const f of ['scorm12.js', 'scorm2004.js']) files.set(`/lms/vendor/${f}`, readFileSync(join(ROOT, 'node_modules', 'scorm-again', 'dist', f)));
for (const v of ['scorm12', 'scorm2004']) {
	const zip = unzipSync(readFileSync(join(ROOT, 'packages', `${courseId}-${v}.zip`)));
	for (const [name, bytes] of Object.entries(zip)) if (!name.endsWith('/')) files.set(`/lms/a/b/${v}/course/${name}`, bytes);
}

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml; charset=utf-8',
	'.xsd': 'application/xml; charset=utf-8',
};

createServer((req, res) => {
	const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
	const body = files.get(path);
	if (!body) {
		res.writeHead(404, { 'Content-Type': 'text/plain' });
		return res.end('Not found');
	}
	res.writeHead(200, { 'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(path))] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
	res.end(body);
}).listen(port, '127.0.0.1', () => console.log(`LMS test server on http://127.0.0.1:${port}/lms/harness.html`));
