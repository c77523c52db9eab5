/**
 * What the product-designer page loads with it: the island's modules must not statically import
 * the evaluation module (src/domain/product-design-evaluation.ts) nor what it brings: the client
 * generator, the segment rules, the expert's product rules. The page opens on profiles made at
 * build; the module is fetched for another sample or on submit (src/stores/product-designer.ts).
 * Walks the static (non-type) imports from the island, as product-matching-load.test.ts does.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(__dirname, '../../..');
const ENTRY = join(ROOT, 'src/components/sims/product-designer/ProductDesigner.tsx');
/** `import … from '…'` / `export … from '…'`, leaving out `import type` and `export type`. */
const STATIC = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function resolve(from: string, spec: string): string | null {
	const base = join(dirname(from), spec);
	for (const f of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(f) && /\.tsx?$/.test(f)) return f;
	return null;
}

function staticClosure(entry: string): Set<string> {
	const seen = new Set<string>();
	const stack = [entry];
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

test('the product-designer island loads without the evaluation module, the generator, segments or the product rules', () => {
	const files = staticClosure(ENTRY);
	expect(files).toContain('src/stores/product-designer.ts');
	expect(files).toContain('src/domain/product-design.ts');
	for (const f of ['product-design-evaluation.ts', 'generator.ts', 'segments.ts', 'product-rules.ts', 'random.ts']) {
		expect(files).not.toContain(`src/domain/${f}`);
	}
});

test('the evaluation module (fetched on demand) does reach the generator and the product rules', () => {
	const files = staticClosure(join(ROOT, 'src/domain/product-design-evaluation.ts'));
	expect(files).toContain('src/domain/generator.ts');
	expect(files).toContain('src/domain/product-rules.ts');
	expect(files).toContain('src/domain/segments.ts');
});
