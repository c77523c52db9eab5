/**
 * The files a module pulls in through static imports (`import … from './x'`, `export … from './x'`),
 * leaving out `import type` / `export type`: what a page downloads with an island, as opposed to
 * what it fetches later through `import()`. Paths relative to the repository root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

const STATIC = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function resolve(from: string, spec: string): string | null {
	const base = join(dirname(from), spec);
	for (const f of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(f) && /\.tsx?$/.test(f)) return f;
	return null;
}

/** The static import closure of `entry` (a path relative to the repository root). */
export function staticClosure(entry: string): Set<string> {
	const seen = new Set<string>();
	const stack = [join(ROOT, entry)];
	while (stack.length) {
		const f = stack.pop() as string;
		if (seen.has(f)) continue;
		seen.add(f);
		for (const m of readFileSync(f, 'utf8').matchAll(STATIC)) {
			const r = resolve(f, m[1] as string);
			if (r) stack.push(r);
		}
	}
	return new Set([...seen].map((f) => relative(ROOT, f)));
}
