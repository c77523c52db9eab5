// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeMathScroll from './src/rehype-math-scroll.mjs';
import { THEME_BOOT_HASH } from './src/theme-boot.mjs';

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
		build: {
			rolldownOptions: {
				output: {
					// Every island page needs all of Preact's runtime (core, hooks, JSX, Astro's renderer):
					// one file instead of four saves a gzip header and a request each. (Grouping nanostores
					// the same way would drag @nanostores/preact, and so Preact, onto text-only pages.)
					codeSplitting: {
						groups: [{ name: 'preact', test: /node_modules[\\/](preact|@astrojs[\\/]preact)[\\/]/ }],
					},
				},
			},
		},
	},
});
