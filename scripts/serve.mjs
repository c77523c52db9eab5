#!/usr/bin/env node
/**
 * Serves the built site (dist/) the way an intranet web server would, under BASE_PATH if set.
 * Used by `npm start` and the browser tests. Dependency-free: node:http only.
 *   node scripts/serve.mjs [--port 4321] [--host 127.0.0.1]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(opt('port', process.env.PORT ?? '4321'));
const host = opt('host', '127.0.0.1');
const root = join(import.meta.dirname, '..', opt('dir', 'dist'));
const base = ('/' + (process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.zip': 'application/zip',
	'.webmanifest': 'application/manifest+json',
};

async function resolveFile(pathname) {
	const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const full = join(root, rel);
	if (!full.startsWith(root)) return null;
	try {
		const s = await stat(full);
		if (s.isDirectory()) {
			const index = join(full, 'index.html');
			await stat(index);
			return index;
		}
		return full;
	} catch {
		return null;
	}
}

const server = createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (!url.pathname.startsWith(base)) {
		res.writeHead(302, { Location: base });
		return res.end();
	}
	const inner = '/' + url.pathname.slice(base.length);
	if (inner.endsWith('/') === false && !extname(inner)) {
		res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
		return res.end();
	}
	const file = await resolveFile(inner);
	if (!file) {
		const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
		res.writeHead(404, { 'Content-Type': TYPES['.html'] });
		return res.end(notFound);
	}
	const body = await readFile(file);
	res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
	res.end(body);
});

server.listen(port, host, () => {
	console.log(`Course running at http://${host}:${port}${base}  (Ctrl+C to stop)`);
});
