import { test } from 'vitest';
import { amountTarget, expertElements, recommendedGuarantee, recommendedRepayment, suggestedPrice, targetTerm, profileClient } from '../../src/domain/product-rules';
import { loadCatalogue, tradeClient, seasonalClient } from './domain/b-fixtures';
test('x', () => {
	const cat = loadCatalogue();
	let n = 0;
	for (const p of cat) {
		for (let m = 0; m < 4000 && n < 10; m++) {
			const nm = 0.000005 * m;
			for (const base of [tradeClient, seasonalClient]) {
				const c = base({ netMargin: nm, assetsWan: 0, existingDebtWan: 0, revenueWan: 100, truth: { capitalNeedWan: 200 }, requestedAmountWan: 200 });
				const r = expertElements(c, p);
				if (r.ok || r.failure !== 'insufficient-repayment') continue;
				const prof = profileClient(c);
				const first = Math.max(p.amountWan.min, Math.min(p.amountWan.max, prof.needWan));
				const g = recommendedGuarantee(c, p, first, prof);
				const t = amountTarget(c, p, { termMonths: targetTerm(c, p, prof), annualRate: suggestedPrice(c, p, g, first, prof).rate, repayment: recommendedRepayment(c, p, prof), guarantee: g }, prof);
				if (t.binding !== 'product-min') { console.log(p.id, base.name, nm); n++; }
			}
		}
	}
});
