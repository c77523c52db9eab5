/**
 * What the product-matching page loads with it: the island's modules must not statically import
 * the client generator, the segment rules or the expert's product rules; those are fetched when a
 * learner opens a scenario the page was not built with, or submits (src/stores/product-matching-scenario.ts,
 * product-matching-scoring.ts); nor its charts, fetched when the learner scrolls near them
 * (LazyClientCharts.tsx). Walks the static (non-type) imports from the island
 * (tests/support/static-imports.ts).
 */
import { expect, test } from 'vitest';
import { staticClosure } from '../../support/static-imports';

test('the product-matching island loads without the generator, segments or the product rules', () => {
	const files = staticClosure('src/components/sims/product-matching/ProductMatchingSim.tsx');
	expect(files).toContain('src/stores/product-matching.ts');
	expect(files).toContain('src/domain/product-matching.ts');
	expect(files).toContain('src/domain/working-capital.ts');
	for (const f of ['generator.ts', 'segments.ts', 'sme-size.ts', 'product-rules.ts', 'product-matching-scenario.ts', 'scoring/product-choice.ts']) {
		expect(files).not.toContain(`src/domain/${f}`);
	}
});

test('the island loads without its charts: ClientCharts, chart.js and the chart figures come when the learner nears them', () => {
	const files = staticClosure('src/components/sims/product-matching/ProductMatchingSim.tsx');
	expect(files).toContain('src/components/sims/product-matching/LazyClientCharts.tsx');
	for (const f of ['src/components/sims/product-matching/ClientCharts.tsx', 'src/components/charts/ChartCanvas.tsx', 'src/components/charts/configs/product-matching.ts', 'src/domain/product-matching-charts.ts']) {
		expect(files).not.toContain(f);
	}
	const charts = staticClosure('src/components/sims/product-matching/ClientCharts.tsx');
	expect(charts).toContain('src/components/charts/ChartCanvas.tsx');
	expect(charts).toContain('src/domain/product-matching-charts.ts');
	expect(charts).toContain('src/domain/client-profile.ts');
});

test('the scenario module (fetched on demand) does reach the generator and the expert', () => {
	const files = staticClosure('src/stores/product-matching-scenario.ts');
	expect(files).toContain('src/domain/generator.ts');
	expect(files).toContain('src/domain/product-rules.ts');
});
