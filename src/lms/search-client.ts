/**
 * The search page's script in the LMS build (astro.lms.config.mjs resolves the page's
 * `../../lib/search-client` import here). Pagefind needs absolute URLs for its script and base,
 * but a package only knows relative ones: make them absolute from the page's own URL, then run
 * the web search unchanged, and make result links explicit `…/index.html` (LMS file servers
 * do not resolve folders).
 */
import { runSearch as runWebSearch } from '../lib/search-client.ts';

/** `…/lessons/x/` → `…/lessons/x/index.html`, keeping query and fragment. */
export function explicitIndexUrl(href: string): string {
	const u = new URL(href);
	if (u.pathname.endsWith('/')) u.pathname += 'index.html';
	return u.href;
}

export function runSearch(): void {
	const form = document.querySelector<HTMLFormElement>('[data-search]');
	const list = document.querySelector<HTMLElement>('[data-search-results]');
	if (form) {
		form.dataset['pagefindPath'] = new URL(form.dataset['pagefindPath'] ?? 'pagefind/pagefind.js', document.baseURI).href;
		form.dataset['base'] = new URL(form.dataset['base'] ?? './', document.baseURI).href;
	}
	if (list) {
		new MutationObserver(() => {
			for (const a of list.querySelectorAll<HTMLAnchorElement>('a[href]')) {
				const fixed = explicitIndexUrl(a.href);
				if (a.href !== fixed) a.href = fixed;
			}
		}).observe(list, { childList: true, subtree: true });
	}
	runWebSearch();
}
