import { describe, expect, test } from 'vitest';
import { unzipSync } from 'fflate';
import { explicitIndex, manifest12, manifest2004, rewriteCss, rewriteHtml, rewriteJs, rootPrefix, zipDeterministic } from '../../../scripts/scorm/lib.mjs';

describe('relative URLs for the package', () => {
	test('prefix to the package root by depth', () => {
		expect(rootPrefix('index.html')).toBe('./');
		expect(rootPrefix('lessons/m1/01-a/index.html')).toBe('../../../');
		expect(explicitIndex('')).toBe('index.html');
		expect(explicitIndex('lessons/x/')).toBe('lessons/x/index.html');
		expect(explicitIndex('_astro/a.js')).toBe('_astro/a.js');
	});

	test('HTML: attributes, island props, data attributes; folder links become index.html', () => {
		const html = [
			'<a href="/__lms_base__/">home</a>',
			'<link rel="stylesheet" href="/__lms_base__/_astro/a.css">',
			'<a href="/__lms_base__/lessons/m1/01-a/#sec-1">x</a>',
			'<a href="/__lms_base__/practice/?seed=a&amp;n=6">x</a>',
			'<astro-island component-url="/__lms_base__/_astro/Sim.js" props="{&quot;links&quot;:[0,{&quot;t&quot;:[0,&quot;/__lms_base__/lessons/m4/04-s/#按规模分类&quot;]}]}">',
			'<form data-search data-pagefind-path="/__lms_base__/pagefind/pagefind.js" data-base="/__lms_base__/">',
		].join('\n');
		expect(rewriteHtml(html, 'lessons/m1/01-a/index.html').split('\n')).toEqual([
			'<a href="../../../index.html">home</a>',
			'<link rel="stylesheet" href="../../../_astro/a.css">',
			'<a href="../../../lessons/m1/01-a/index.html#sec-1">x</a>',
			'<a href="../../../practice/index.html?seed=a&amp;n=6">x</a>',
			'<astro-island component-url="../../../_astro/Sim.js" props="{&quot;links&quot;:[0,{&quot;t&quot;:[0,&quot;../../../lessons/m4/04-s/index.html#按规模分类&quot;]}]}">',
			'<form data-search data-pagefind-path="../../../pagefind/pagefind.js" data-base="../../../">',
		]);
		expect(rewriteHtml('<a href="/__lms_base__/en/">e</a>', 'index.html')).toBe('<a href="./en/index.html">e</a>');
	});

	test('JS: base string literals become URLs computed from the module URL', () => {
		const js = 'o=function(e){return`/__lms_base__/`+e},p="/__lms_base__/x/y.js"';
		const out = rewriteJs(js, '_astro/client.js');
		expect(out).toBe('o=function(e){return(new URL("../",import.meta.url).href+``)+e},p=(new URL("../",import.meta.url).href+"x/y.js")');
		expect(out).not.toContain('__lms_base__');
	});

	test('CSS: url() relative to the stylesheet', () => {
		expect(rewriteCss('a{background:url(/__lms_base__/brand/logo.svg)}', '_astro/a.css')).toBe('a{background:url(../brand/logo.svg)}');
	});
});

describe('manifests', () => {
	const input = { courseId: 'sme-lending', title: '小微企业普惠信贷实务', orgTitle: '小微企业 & <银行>', masteryScore: 0.8, files: ['index.html', 'lessons/m1/a b/index.html', 'scorm-launch.html'], version: '0.1.0' };
	test('SCORM 1.2: mastery score 0–100, launch file, every file, escaped UTF-8 titles', () => {
		const m = manifest12(input);
		expect(m).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
		expect(m).toContain('adlcp:scormtype="sco" href="scorm-launch.html"');
		expect(m).toContain('<title>小微企业 &amp; &lt;银行&gt;</title>');
		expect(m).toContain('<file href="lessons/m1/a%20b/index.html"/>');
		expect(m.match(/<file /g)).toHaveLength(3);
	});
	test('SCORM 2004 4th Edition: scaled passing score satisfied by measure', () => {
		const m = manifest2004(input);
		expect(m).toContain('<schemaversion>2004 4th Edition</schemaversion>');
		expect(m).toMatch(/<imsss:primaryObjective objectiveID="sme-lending-mastery" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.8<\/imsss:minNormalizedMeasure>/);
		expect(m).toContain('adlcp:scormType="sco" href="scorm-launch.html"');
	});
});

describe('deterministic zip', () => {
	test('the same files give the same bytes, whatever the order they come in, and unzip back', () => {
		const enc = new TextEncoder();
		const a = new Map([
			['b.txt', enc.encode('bbb')],
			['a/index.html', enc.encode('<p>小微</p>')],
			['pagefind/fragment/x.pf_fragment', new Uint8Array([31, 139, 8, 0])],
		]);
		const b = new Map([...a.entries()].reverse());
		const za = zipDeterministic(a);
		expect(Buffer.from(za).equals(Buffer.from(zipDeterministic(b)))).toBe(true);
		const back = unzipSync(za);
		expect(Object.keys(back)).toEqual(['a/index.html', 'b.txt', 'pagefind/fragment/x.pf_fragment']);
		expect(new TextDecoder().decode(back['a/index.html'])).toBe('<p>小微</p>');
	});
});
