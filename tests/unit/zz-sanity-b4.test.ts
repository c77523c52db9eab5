import { test } from 'vitest';
import { loadCatalogue, tradeClient, seasonalClient, manufacturingClient } from './domain/b-fixtures';
import { expertDecision } from '../../src/domain/product-rules';
import { scoreProductChoice } from '../../src/domain/scoring/product-choice';
test('x', () => {
	const cat = loadCatalogue();
	for (const c of [tradeClient(), seasonalClient(), manufacturingClient(), tradeClient({ green: true, purpose: 'green-upgrade', statements: 'audited' }), seasonalClient({ rural: true, purpose: 'agricultural-production', industry: 'agriculture' })]) {
		const e = expertDecision(c, cat);
		console.log(c.id, JSON.stringify(e));
		if (e.decision) console.log(scoreProductChoice(c, cat, e.decision).dimensions.map((d) => d.id + ':' + d.score).join(' '));
	}
});
