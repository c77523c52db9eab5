/**
 * The golden cases and the scoring rules must agree: a learner who submits a case's expected
 * decision (priced as the rules would price it) must not be told it is wrong, and a case the
 * authors decline must not be one the expert policy lends to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCaseFile, toClient } from '../../../src/schemas/case';
import { parseProduct } from '../../../src/schemas/product';
import { scoreProductChoice } from '../../../src/domain/scoring/product-choice';
import { expertDecision, suggestedPrice } from '../../../src/domain/product-rules';
import type { Product } from '../../../src/domain/products';
import { CONTENT_DIR } from '../../support/lesson-files';

const catalogue: Product[] = readdirSync(join(CONTENT_DIR, 'products')).map((f) => {
	const r = parseProduct(f, JSON.parse(readFileSync(join(CONTENT_DIR, 'products', f), 'utf8')));
	if (!r.ok) throw new Error(r.errors.join('\n'));
	return r.product;
});
const cases = readdirSync(join(CONTENT_DIR, 'cases'))
	.sort()
	.map((f) => {
		const file = parseCaseFile(JSON.parse(readFileSync(join(CONTENT_DIR, 'cases', f), 'utf8')), f);
		return { id: f.replace(/\.json$/, ''), file, client: toClient(f.replace(/\.json$/, ''), file) };
	});

describe.each(cases.filter((c) => c.file.expected.decision === 'lend').map((c) => [c.id, c] as const))('lend case %s', (_id, c) => {
	test('its expected decision passes the scoring rules without a critical or major finding', () => {
		const e = c.file.expected;
		const product = catalogue.find((p) => p.id === e.productId)!;
		const rate = suggestedPrice(c.client, product, e.guarantee!, e.amountWan!).rate;
		const fb = scoreProductChoice(c.client, catalogue, { productId: e.productId!, amountWan: e.amountWan!, termMonths: e.termMonths!, annualRate: rate, repayment: e.repayment!, guarantee: e.guarantee! });
		const serious = fb.findings.filter((f) => f.severity === 'critical' || f.severity === 'major').map((f) => f.code);
		expect(serious).toEqual([]);
		expect(fb.score / fb.max).toBeGreaterThanOrEqual(0.8);
	});
});

describe.each(cases.filter((c) => c.file.expected.decision !== 'lend').map((c) => [c.id, c] as const))('no-lend case %s', (_id, c) => {
	test('the expert policy does not lend either', () => {
		expect(expertDecision(c.client, catalogue).action).not.toBe('lend');
	});
});
