#!/usr/bin/env node
/**
 * `npm run bench`: bundles scripts/bench-main.ts (and the domain it imports) with rolldown — the
 * bundler Vite already ships, so nothing extra is installed — into a temp file and runs it.
 */
import { rolldown } from 'rolldown';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'sme-bench-'));
const file = join(dir, 'bench.mjs');
try {
	const bundle = await rolldown({ input: join(import.meta.dirname, 'bench-main.ts'), platform: 'node', logLevel: 'silent' });
	await bundle.write({ file, format: 'esm' });
	const { runBenchmarks } = await import(pathToFileURL(file).href);
	// The load average says whether other work shared the cores: the pool figure leans on the
	// garbage collector's helper threads, so a busy machine slows it even when the single-threaded
	// reference below barely moves.
	const os = await import('node:os');
	console.log(`node ${process.version}, ${os.cpus().length} cores, load average (1 min) ${os.loadavg()[0].toFixed(1)}`);
	runBenchmarks();
} finally {
	rmSync(dir, { recursive: true, force: true });
}
