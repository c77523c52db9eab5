// @ts-check
/**
 * The LMS (SCORM) package build: the same site as astro.config.mjs, with
 * - base `/__lms_base__/`, a marker that scripts/package-scorm.mjs rewrites to relative URLs;
 * - PUBLIC_LMS=1, which switches on the LMS persistence in src/stores/progress.ts;
 * - src/lms/LmsHead.astro resolved to LmsHeadActive.astro (the adapter on every page), and the
 *   search page's script to src/lms/search-client.ts (Pagefind with package-relative URLs);
 * - the launch page (src/lms/LaunchPage.astro) as an extra route.
 * Run it through `npm run package`, not directly.
 */
import { fileURLToPath } from 'node:url';

export const LMS_BASE = '/__lms_base__/';
process.env.BASE_PATH = LMS_BASE;
process.env.PUBLIC_LMS = '1';

const { default: web } = await import('./astro.config.mjs');
const here = (/** @type {string} */ p) => fileURLToPath(new URL(p, import.meta.url));

/** @type {import('astro').AstroIntegration} */
const lmsLaunchPage = {
	name: 'sme-lms-launch-page',
	hooks: {
		'astro:config:setup': ({ injectRoute }) => {
			injectRoute({ pattern: '/scorm-launch', entrypoint: here('./src/lms/LaunchPage.astro'), prerender: true });
		},
	},
};

export default {
	...web,
	base: LMS_BASE,
	outDir: here('./dist-lms'),
	cacheDir: process.env.ASTRO_CACHE_DIR ? `${process.env.ASTRO_CACHE_DIR}-lms` : here('./node_modules/.astro-lms'),
	integrations: [...(web.integrations ?? []), lmsLaunchPage],
	vite: {
		...web.vite,
		resolve: {
			alias: [
				{ find: /^.*\/lms\/LmsHead\.astro$/, replacement: here('./src/lms/LmsHeadActive.astro') },
				{ find: /^\.\.\/\.\.\/lib\/search-client$/, replacement: here('./src/lms/search-client.ts') },
			],
		},
	},
};
