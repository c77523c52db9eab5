// @ts-check
/**
 * Vite plugin: drop Vite's preload helper from the browser build (about 0.7 KB gzip on every page).
 *
 * Vite wraps each dynamic `import()` in `__vitePreload(() => import(x), deps)`, whose helper (on
 * every page, through the progress chunk) adds `<link rel=modulepreload>` tags for the imported
 * chunk's own imports and loads its CSS. Here every stylesheet is imported by a page-level .astro
 * file, so code fetched on demand has no CSS, and its JS imports are at most one round trip away
 * on an intranet: the helper costs every page more than it saves.
 *
 * - `build.modulePreload: false` for the client environment makes Vite pass only CSS as `deps`.
 * - The helper becomes `(load) => load()`: the import itself, with the browser's own error.
 * - The build fails if any chunk still passes deps (a lazily loaded module that imports CSS would
 *   lose its styles with this helper): import that CSS from the page's Embed.astro instead.
 */
const HELPER_ID = /^\0vite\/preload-helper\.js$/;

/** @returns {import('vite').Plugin} */
export default function leanPreloadHelper() {
	return {
		name: 'lean-preload-helper',
		enforce: 'pre',
		configEnvironment(name) {
			return name === 'client' ? { build: { modulePreload: false } } : undefined;
		},
		load: {
			filter: { id: HELPER_ID },
			handler() {
				return 'export const __vitePreload = (load) => load();';
			},
		},
		generateBundle(_options, bundle) {
			if (this.environment?.name !== 'client') return;
			for (const chunk of Object.values(bundle)) {
				if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps(')) {
					this.error(
						`lean-preload-helper: ${chunk.fileName} loads a module on demand that has its own CSS, which this build's preload helper does not fetch; import that CSS from the page (the simulation's Embed.astro).`,
					);
				}
			}
		},
	};
}
