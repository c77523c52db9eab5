/**
 * What the product-designer page loads with it: the island's modules must not statically import
 * the evaluation module (src/domain/product-design-evaluation.ts) nor what it brings: the client
 * generator, the segment rules, the expert's product rules. The page opens on profiles made at
 * build; the module is fetched for another sample or on submit (src/stores/product-designer.ts).
 * Walks the static (non-type) imports from the island (tests/support/static-imports.ts).
 */
import { expect, test } from 'vitest';
import { staticClosure } from '../../support/static-imports';

test('the product-designer island loads without the evaluation module, the generator, segments or the product rules', () => {
	const files = staticClosure('src/components/sims/product-designer/ProductDesigner.tsx');
	expect(files).toContain('src/stores/product-designer.ts');
	expect(files).toContain('src/domain/product-design.ts');
	for (const f of ['product-design-evaluation.ts', 'generator.ts', 'segments.ts', 'product-rules.ts', 'random.ts']) {
		expect(files).not.toContain(`src/domain/${f}`);
	}
});

test('the evaluation module (fetched on demand) does reach the generator and the product rules', () => {
	const files = staticClosure('src/domain/product-design-evaluation.ts');
	expect(files).toContain('src/domain/generator.ts');
	expect(files).toContain('src/domain/product-rules.ts');
	expect(files).toContain('src/domain/segments.ts');
});
