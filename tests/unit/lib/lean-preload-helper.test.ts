/** The build plugin that replaces Vite's preload helper (src/lean-preload-helper.mjs). */
import { describe, expect, test } from 'vitest';
import leanPreloadHelper from '../../../src/lean-preload-helper.mjs';

const plugin = leanPreloadHelper() as unknown as {
	configEnvironment: (name: string) => unknown;
	load: { filter: { id: RegExp }; handler: () => string };
	generateBundle: (this: { environment?: { name: string }; error: (m: string) => never }, o: unknown, b: Record<string, unknown>) => void;
};
const run = (env: string, bundle: Record<string, unknown>) => {
	const errors: string[] = [];
	plugin.generateBundle.call(
		{
			environment: { name: env },
			error: (m: string) => {
				errors.push(m);
				throw new Error(m);
			},
		},
		{},
		bundle,
	);
	return errors;
};

describe('lean preload helper', () => {
	test('turns module preloading off for the browser build only', () => {
		expect(plugin.configEnvironment('client')).toEqual({ build: { modulePreload: false } });
		expect(plugin.configEnvironment('ssr')).toBeUndefined();
	});

	test('serves Vite’s helper id as a plain call of the import', async () => {
		expect(plugin.load.filter.id.test('\0vite/preload-helper.js')).toBe(true);
		expect(plugin.load.filter.id.test('/src/x.ts')).toBe(false);
		const code = plugin.load.handler();
		const { __vitePreload } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { __vitePreload: (f: () => unknown) => unknown };
		expect(__vitePreload(() => 'loaded')).toBe('loaded');
	});

	test('fails the build when code fetched on demand still has dependencies to preload (its own CSS)', () => {
		const lazyWithCss = { 'a.js': { type: 'chunk', fileName: '_astro/a.js', code: 'const x=()=>s(()=>import("./b.js"),__vite__mapDeps([0]))' } };
		expect(() => run('client', lazyWithCss)).toThrow(/_astro\/a\.js .*Embed\.astro/);
		expect(run('client', { 'a.js': { type: 'chunk', fileName: '_astro/a.js', code: 'const x=()=>s(()=>import("./b.js"),[])' } })).toEqual([]);
		expect(run('ssr', lazyWithCss)).toEqual([]);
	});
});
