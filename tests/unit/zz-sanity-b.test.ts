import { test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { generateClients } from '../../src/domain/generator';
import { expertDecision } from '../../src/domain/product-rules';
import { scoreProductChoice } from '../../src/domain/scoring/product-choice';
import type { Product } from '../../src/domain/products';
const dir = '/work/main/content/products';
const cat = readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Product);
test('sanity', () => {
	const clients = generateClients(7, 300);
	const counts: Record<string, number> = {};
	const scores: number[] = [];
	for (const c of clients) {
		const e = expertDecision(c, cat);
		const k = e.action + ':' + (e.decision?.productId ?? e.reasons[0]);
		counts[k] = (counts[k] ?? 0) + 1;
		if (e.decision) {
			const fb = scoreProductChoice(c, cat, e.decision);
			scores.push(fb.score);
			if (fb.score < 9.5) console.log(c.id, c.track, e.decision, fb.dimensions.map((d) => `${d.id}:${d.score}`).join(' '), fb.findings.filter((f) => ['critical', 'major', 'minor'].includes(f.severity)).map((f) => f.code + JSON.stringify(f.data)).join(' | '));
		}
	}
	console.log(counts);
	console.log('min', Math.min(...scores), 'mean', scores.reduce((a, b) => a + b, 0) / scores.length);
});
