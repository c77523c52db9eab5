#!/usr/bin/env node
/**
 * Internal link check over dist/: every href/src of every page must resolve to a built file, every
 * #fragment to an id on the target page, and nothing may point at another origin (intranet rule).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DIST, htmlPages, pageUrl, resolveUrl } from './lib-dist.mjs';

const pages = htmlPages();
const idsCache = new Map();
const idsOf = (file) => {
	if (!idsCache.has(file)) {
		const html = readFileSync(file, 'utf8');
		idsCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
	}
	return idsCache.get(file);
};
const decodeEntities = (s) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

const errors = [];
let checked = 0;
for (const file of pages) {
	const html = readFileSync(file, 'utf8');
	const from = pageUrl(file);
	for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
		const raw = decodeEntities(m[2]);
		checked++;
		if (/^(https?:)?\/\//i.test(raw)) {
			errors.push(`${relative(DIST, file)}: off-origin ${m[1]} "${raw}"`);
			continue;
		}
		if (/^(mailto:|tel:|data:|javascript:)/i.test(raw)) continue;
		const [pathPart, fragment] = raw.split('#');
		const target = pathPart === '' ? { file } : resolveUrl(pathPart.split('?')[0], from);
		if (!target.file) {
			errors.push(`${relative(DIST, file)}: broken ${m[1]} "${raw}"`);
			continue;
		}
		if (fragment && target.file.endsWith('.html') && !idsOf(target.file).has(decodeURIComponent(fragment))) {
			errors.push(`${relative(DIST, file)}: missing anchor "${raw}"`);
		}
	}
}
console.log(`link check: ${pages.length} pages, ${checked} links, ${errors.length} problems`);
for (const e of errors.slice(0, 100)) console.error('  ' + e);
process.exit(errors.length ? 1 : 0);
