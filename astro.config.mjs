// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeMathScroll from './src/rehype-math-scroll.mjs';
import { THEME_BOOT_HASH } from './src/theme-boot.mjs';
import leanPreloadHelper from './src/lean-preload-helper.mjs';

/**
 * BASE_PATH hosts the course under a sub-path, e.g. BASE_PATH=/training/sme/ for
 * https://intranet.example/training/sme/. Default: the site root.
 */
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
	base,
	// Separate caches let several checkouts share one node_modules (see scripts/scratch-build.sh).
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
	trailingSlash: 'always',
	build: { format: 'directory', inlineStylesheets: 'never' },
	integrations: [mdx(), preact()],
	markdown: {
		// No code blocks in lessons; Shiki would emit inline styles the CSP blocks.
		syntaxHighlight: false,
		processor: unified({
			smartypants: false,
			remarkPlugins: [remarkMath],
			// MathML only: no KaTeX fonts or inline styles, which the CSP would block.
			rehypePlugins: [[rehypeKatex, { output: 'mathml', throwOnError: true }], rehypeMathScroll],
		}),
	},
	i18n: {
		locales: ['zh-CN', 'en'],
		defaultLocale: 'zh-CN',
		routing: { prefixDefaultLocale: false },
	},
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self' data:",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			// Pagefind runs its search index as WebAssembly.
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [THEME_BOOT_HASH] },
		},
	},
	devToolbar: { enabled: false },
	vite: {
		plugins: [leanPreloadHelper()],
		build: {
			rolldownOptions: {
				output: {
					// Fewer, larger shared chunks: each file costs a request and a gzip header, and small files
					// compress worse. Groups only merge modules that the pages loading them all need:
					// - progress: every page's progress store, saved-state codec, nanostores core, the text
					//   formatter, lazyModule and the preload helper (src/lean-preload-helper.mjs: a plain
					//   import()), with no Preact, so text pages stay light;
					// - preact: Preact's runtime with hooks, Astro's renderer and the nanostores bindings, which
					//   every island page needs;
					// - sim-kit: the simulation shell, on-demand view loader, load-status line and chart table.
					// A module in a group drags its whole group onto any page that imports it: keep code used by
					// only some simulations out of these groups (`npm run budget` shows the effect).
					codeSplitting: {
						groups: [
							{ name: 'progress', priority: 30, test: /preload-helper|node_modules[\\/](nanostores[\\/](atom|computed|lifecycle)|@nanostores[\\/]persistent)[\\/]|src[\\/](stores[\\/]progress(-codec)?|components[\\/]progress[\\/]progress-client|i18n[\\/]format|lib[\\/]lazy)\.ts$/ },
							{ name: 'preact', priority: 20, test: /node_modules[\\/](preact|@astrojs[\\/]preact|@nanostores[\\/]preact|nanostores[\\/](listen-keys|deep-map|map))[\\/]/ },
							{ name: 'sim-kit', priority: 10, test: /src[\\/](components[\\/]sims[\\/](SimShell|lazy-view|LoadStatus)|stores[\\/]sim-params|components[\\/]charts[\\/](ChartDataTable|configs[\\/]palette)|domain[\\/]numbers)\.tsx?$/ },
						],
					},
				},
			},
		},
	},
});
