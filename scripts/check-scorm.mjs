#!/usr/bin/env node
/**
 * `npm run test:scorm` (after `npm run package`): checks both SCORM packages.
 * - imsmanifest.xml at the zip root validates against the official ADL/IMS schemas (xmllint with
 *   scorm/xsd/wrappers/*.xsd), names the launch file and the mastery score from settings;
 * - every file of the zip is listed in the manifest and every listed file is in the zip;
 * - the schema files in the zip are the official ones (checksums in scorm/xsd/SOURCES.md);
 * - no page refers to anything by an absolute URL, and every href/src of every page resolves to a
 *   file of the package (folders are not resolved, as on many LMS file stores);
 * - the zip is deterministic: zipping its own entries again gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { unzipSync } from 'fflate';
import { LAUNCH_FILE, zipDeterministic } from './scorm/lib.mjs';

const ROOT = join(import.meta.dirname, '..');
const XSD = join(ROOT, 'scorm', 'xsd');
const settings = JSON.parse(readFileSync(join(ROOT, 'content', 'settings', 'site.json'), 'utf8'));
const sums = new Map(
	[...readFileSync(join(XSD, 'SOURCES.md'), 'utf8').matchAll(/^([0-9a-f]{64})\s+(scorm12|scorm2004)\/(\S+)$/gm)].map((m) => [`${m[2]}/${m[3]}`, m[1]]),
);
const decode = (/** @type {string} */ s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
/** @type {string[]} */
const problems = [];

for (const version of ['scorm12', 'scorm2004']) {
	const file = join(ROOT, 'packages', `${settings.course.id}-${version}.zip`);
	const zipBytes = readFileSync(file);
	const entries = unzipSync(new Uint8Array(zipBytes));
	const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
	const fail = (/** @type {string} */ msg) => problems.push(`${version}: ${msg}`);
	const text = (/** @type {string} */ n) => new TextDecoder().decode(entries[n]);

	// Manifest: at the root, valid against the official schemas.
	if (!entries['imsmanifest.xml']) {
		fail('no imsmanifest.xml at the zip root');
		continue;
	}
	const manifest = text('imsmanifest.xml');
	const tmp = mkdtempSync(join(tmpdir(), 'scorm-'));
	writeFileSync(join(tmp, 'imsmanifest.xml'), manifest);
	const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(XSD, 'wrappers', `${version}.xsd`), join(tmp, 'imsmanifest.xml')], { encoding: 'utf8' });
	rmSync(tmp, { recursive: true });
	if (lint.error) fail(`xmllint not available (${lint.error.message}); install libxml2-utils`);
	// libxml2 warns about the ADL ims_xml.xsd (harmless, see scorm/xsd/SOURCES.md); keep the rest.
	else if (lint.status !== 0) fail(`imsmanifest.xml does not validate:\n${lint.stderr.replace(/^.*(xml namespace URI cannot be the default namespace|Skipping import of schema)[^\n]*\n(?:[^\n]*\n[^\n]*\^\n)?/gm, '')}`);
	const launch = /<resource\b[^>]*\bhref="([^"]+)"/.exec(manifest)?.[1];
	if (launch !== LAUNCH_FILE || !entries[launch]) fail(`launch file ${launch} missing`);
	if (!manifest.includes(`<title>${settings.course.title}</title>`)) fail('course title missing from the manifest');
	const mastery = version === 'scorm12' ? `<adlcp:masteryscore>${Math.round(settings.masteryScore * 100)}</adlcp:masteryscore>` : `<imsss:minNormalizedMeasure>${settings.masteryScore}</imsss:minNormalizedMeasure>`;
	if (!manifest.includes(mastery)) fail(`mastery score ${mastery} missing`);
	if (version === 'scorm2004' && !/satisfiedByMeasure="true"/.test(manifest)) fail('primary objective not satisfied by measure');

	// Files: listed ⇔ present; schema files official.
	const listed = new Set([...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURI(decode(m[1] ?? ''))));
	const schemaFiles = new Set([...sums.keys()].filter((k) => k.startsWith(`${version}/`)).map((k) => k.slice(version.length + 1)));
	for (const n of listed) if (!entries[n]) fail(`listed but not in the zip: ${n}`);
	for (const n of names) {
		if (n === 'imsmanifest.xml') continue;
		if (schemaFiles.has(n)) {
			const sum = createHash('sha256').update(entries[n] ?? new Uint8Array()).digest('hex');
			if (sum !== sums.get(`${version}/${n}`)) fail(`schema file ${n} differs from the official copy`);
		} else if (!listed.has(n)) fail(`in the zip but not listed: ${n}`);
	}
	for (const s of schemaFiles) if (!entries[s]) fail(`schema file ${s} missing`);

	// Relative URLs only, and every one resolves to a file.
	let links = 0;
	for (const n of names.filter((x) => x.endsWith('.html'))) {
		const html = text(n);
		for (const m of html.matchAll(/\s(href|src|component-url|renderer-url|data-pagefind-path)="([^"]*)"/g)) {
			const raw = decode(m[2] ?? '');
			if (/^(data:|mailto:|tel:|#)/.test(raw) || raw === '') continue;
			links++;
			if (/^([a-z]+:)?\/\//i.test(raw) || raw.startsWith('/')) {
				fail(`${n}: absolute ${m[1]} "${raw}"`);
				continue;
			}
			const target = posix.normalize(posix.join(posix.dirname(n), raw.split(/[?#]/)[0] ?? ''));
			if (!entries[target]) fail(`${n}: ${m[1]} "${raw}" does not resolve to a file of the package`);
		}
		for (const m of html.matchAll(/&quot;((?:\.\.\/|\.\/)[^&]*?)&quot;/g)) {
			const target = posix.normalize(posix.join(posix.dirname(n), (m[1] ?? '').split(/[?#]/)[0] ?? ''));
			links++;
			if (!entries[target]) fail(`${n}: island prop "${m[1]}" does not resolve to a file of the package`);
		}
	}
	for (const n of names.filter((x) => /\.(html|js|css|json)$/.test(x))) if (text(n).includes('__lms_base__')) fail(`${n} still contains the build base`);

	// Determinism.
	const again = zipDeterministic(new Map(names.map((n) => [n, /** @type {Uint8Array} */ (entries[n])])));
	if (!Buffer.from(again).equals(zipBytes)) fail('zip is not reproducible from its own entries');

	console.log(`scorm: ${version}: ${(zipBytes.length / 1024).toFixed(0)} KB, ${names.length} files (${listed.size} listed), ${links} links checked, manifest ${lint.status === 0 ? 'valid' : 'INVALID'}`);
}
for (const p of problems.slice(0, 60)) console.error(`  ✗ ${p}`);
process.exit(problems.length ? 1 : 0);
