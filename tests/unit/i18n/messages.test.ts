import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { interpolate, makeT } from '../../../src/i18n/format';

const DIR = join(import.meta.dirname, '..', '..', '..', 'src', 'i18n');
const SRC = join(import.meta.dirname, '..', '..', '..', 'src');
const load = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, string>;
const pairs = readdirSync(DIR)
	.filter((f) => f.endsWith('.zh-CN.json'))
	.map((f) => [f, f.replace('.zh-CN.json', '.en.json')] as const);

describe.each(pairs)('%s and its English twin', (zh, en) => {
	test('have exactly the same keys', () => {
		expect(Object.keys(load(en)).sort()).toEqual(Object.keys(load(zh)).sort());
	});
	test('use the same placeholders in each message', () => {
		const a = load(zh);
		const b = load(en);
		const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
		for (const k of Object.keys(a)) expect(vars(b[k] ?? ''), k).toEqual(vars(a[k] ?? ''));
	});
	test('have no empty messages', () => {
		for (const [k, v] of [...Object.entries(load(zh)), ...Object.entries(load(en))]) expect(v.trim(), k).not.toBe('');
	});
});

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const full = join(dir, n);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return /\.(astro|tsx?|mjs)$/.test(n) ? [full] : [];
	});
}

test('every literal key passed to t() exists in both locales', () => {
	const zh = Object.assign({}, ...pairs.map(([z]) => load(z))) as Record<string, string>;
	const en = Object.assign({}, ...pairs.map(([, e]) => load(e))) as Record<string, string>;
	const missing: string[] = [];
	for (const file of sourceFiles(SRC)) {
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
			const key = m[1] ?? '';
			if (!(key in zh) || !(key in en)) missing.push(`${file.slice(SRC.length + 1)}: ${key}`);
		}
	}
	expect(missing).toEqual([]);
});

describe('interpolate', () => {
	test('fills placeholders and leaves unknown ones visible', () => {
		expect(interpolate('{{a}} + {{ b }} = {{c}}', { a: 1, b: 'x' })).toBe('1 + x = {{c}}');
		expect(interpolate('plain')).toBe('plain');
	});
	test('makeT falls back to the key for an unknown message', () => {
		expect(makeT({ k: 'v {{n}}' })('k', { n: 2 })).toBe('v 2');
		expect(makeT({})('missing.key')).toBe('missing.key');
	});
});
