import { test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRng } from '../../src/domain/random';
import { generateClients } from '../../src/domain/generator';
import { simulatePortfolio, simulateQuarter, initBook, expertPolicy, scorePortfolio } from '../../src/domain/portfolio';
import type { Product } from '../../src/domain/products';
const dir = '/work/main/content/products';
const cat = readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Product);
test('timing', () => {
	const rng = createRng(1);
	const methods = ['interest-monthly-bullet', 'equal-installment', 'equal-principal', 'seasonal', 'revolving', 'self-liquidating'] as const;
	const loans = Array.from({ length: 300 }, (_, i) => ({ amountWan: 10 + (i % 50), annualRate: 0.05, termMonths: 6 + (i % 30), pd: 0.01 + (i % 10) / 100, lgd: 0.45, repayment: methods[i % 6]! }));
	for (let k = 0; k < 3; k++) {
		const t0 = performance.now();
		const r = simulatePortfolio({ loans, paths: 1000 }, createRng(k));
		console.log('ms', performance.now() - t0, r.raroc, r.defaults, r.series.nplRatio.mean.slice(-1));
	}
	const clients = generateClients(3, 120);
	let s = initBook(); let e = initBook();
	for (let q = 0; q < 4; q++) {
		const apps = clients.slice(q * 30, q * 30 + 30);
		const dec = expertPolicy(apps, cat, e);
		const r = simulateQuarter(e, dec, apps, createRng('q' + q), { catalogue: cat });
		e = r.state;
		console.log(r.report);
		const all = apps.map((c) => ({ clientId: c.id, approve: true, amountWan: c.requestedAmountWan, annualRate: 0.05, termMonths: 12, repayment: 'interest-monthly-bullet' as const, guarantee: 'credit' as const }));
		s = simulateQuarter(s, all, apps, createRng('q' + q)).state;
	}
	console.log(JSON.stringify(scorePortfolio(s, e), null, 1));
});
