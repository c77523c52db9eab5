import { test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { generateClients } from '../../src/domain/generator';
import { expertDecision, productFit, profileClient, targetTerm, recommendedRepayment, recommendedGuarantee, suggestedPrice, amountTarget } from '../../src/domain/product-rules';
import type { Product } from '../../src/domain/products';
const dir = '/work/main/content/products';
const cat = readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Product);
test('sanity', () => {
	const clients = generateClients(7, 300);
	let n = 0;
	for (const c of clients) {
		const e = expertDecision(c, cat);
		if (e.reasons[0] !== 'expert.insufficient-repayment' || n++ > 8) continue;
		const p = profileClient(c);
		console.log(c.id, c.track, c.truth.segment, c.purpose, 'need', p.needWan, 'req', c.requestedAmountWan, 'cf', p.cashFlowWan, 'exist', p.existingDebtServiceWan, 'pd', p.pd, 'rev', c.revenueWan, c.netMargin);
		for (const prod of cat) {
			const f = productFit(c, prod, p);
			if (!f.eligible) continue;
			const term = targetTerm(c, prod, p); const rep = recommendedRepayment(c, prod, p);
			const first = Math.max(prod.amountWan.min, Math.min(prod.amountWan.max, p.needWan));
			const g = recommendedGuarantee(c, prod, first, p);
			const pr = suggestedPrice(c, prod, g, first, p);
			const t = amountTarget(c, prod, { termMonths: term, annualRate: pr.rate, repayment: rep, guarantee: g }, p);
			console.log('   ', prod.id, f.fit, term, rep, g, pr.rate, pr.unpriceable, t);
		}
	}
});
