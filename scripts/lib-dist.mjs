/** Helpers shared by the dist/ checkers: list built pages and resolve site URLs to files. */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, posix } from 'node:path';

/** The built site: dist/, or DIST_DIR (e.g. dist-subpath for the sub-path hosting check). */
export const DIST = join(import.meta.dirname, '..', process.env.DIST_DIR ?? 'dist');
export const BASE = ('/' + (process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');

/** Every file under dir, recursively. */
export function walk(dir = DIST) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out.push(...walk(full));
		else out.push(full);
	}
	return out;
}

/** Built HTML pages, excluding Pagefind's own assets. */
export function htmlPages() {
	return walk().filter((f) => f.endsWith('.html') && !f.includes(`${join(DIST, 'pagefind')}`));
}

/** The site URL (with base) of a built page file. */
export function pageUrl(file) {
	const rel = relative(DIST, file).split('\\').join('/');
	return BASE + rel.replace(/index\.html$/, '').replace(/\.html$/, '/');
}

/** Map a URL path (absolute, or relative to `fromUrl`) to a file in dist, or null when missing. */
export function resolveUrl(ref, fromUrl) {
	const path = ref.startsWith('/') ? ref : posix.join(fromUrl.endsWith('/') ? fromUrl : posix.dirname(fromUrl) + '/', ref);
	if (!path.startsWith(BASE)) return { file: null, path };
	let rel = decodeURIComponent(path.slice(BASE.length));
	let file = join(DIST, rel);
	if (rel === '' || rel.endsWith('/')) file = join(file, 'index.html');
	return { file: existsSync(file) && statSync(file).isFile() ? file : null, path };
}

export { dirname };
