import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Client } from '../../../../src/domain/client';
import { generateClients } from '../../../../src/domain/generator';
import { GUARANTEE_METHODS, REPAYMENT_METHODS } from '../../../../src/domain/loan-terms';
import {
	amountTarget,
	expertDecision,
	recommendedGuarantee,
	recommendedRepayment,
	suggestedPrice,
	targetTerm,
	type ProductDecision,
} from '../../../../src/domain/product-rules';
import { findProduct } from '../../../../src/domain/products';
import {
	DEFAULT_PRODUCT_WEIGHTS,
	proposalFor,
	scoreProductChoice,
	whatIf,
} from '../../../../src/domain/scoring/product-choice';
import {
	loadCatalogue,
	manufacturingClient,
	messageProblems,
	seasonalClient,
	tradeClient,
} from '../b-fixtures';

const catalogue = loadCatalogue();
const clients: Client[] = [
	...generateClients('product-choice', 60),
	tradeClient(),
	seasonalClient(),
	manufacturingClient(),
];
const dim = (fb: ReturnType<typeof scoreProductChoice>, id: string) =>
	fb.dimensions.find((d) => d.id === id)?.score ?? -1;
const codes = (fb: ReturnType<typeof scoreProductChoice>) => fb.findings.map((f) => f.code);

const arbDecision = fc.record({
	productId: fc.constantFrom(...catalogue.map((p) => p.id)),
	amountWan: fc.double({ min: 0.5, max: 2000, noNaN: true }),
	termMonths: fc.integer({ min: 1, max: 84 }),
	annualRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
	repayment: fc.constantFrom(...REPAYMENT_METHODS),
	guarantee: fc.constantFrom(...GUARANTEE_METHODS),
});
const arbClient = fc.constantFrom(...clients);
const toward = (from: number, to: number, t: number) => from + (to - from) * t;

describe('scoreProductChoice', () => {
	test('gives the expert decision full marks on the trade, services and manufacturing fixtures', () => {
		for (const c of [tradeClient(), seasonalClient(), manufacturingClient()]) {
			const e = expertDecision(c, catalogue);
			if (!e.decision) throw new Error(`expert declines ${c.id}`);
			const fb = scoreProductChoice(c, catalogue, e.decision);
			expect(fb.score, c.id).toBe(fb.max);
			expect(fb.max).toBe(10);
			expect(fb.findings.find((f) => f.code === 'expert.choice')?.data).toMatchObject({
				productId: e.decision.productId,
			});
		}
	});

	test('explains a 36-month working-capital loan for a 2-month cycle', () => {
		const fb = scoreProductChoice(tradeClient(), catalogue, {
			productId: 'working-capital',
			amountWan: 200,
			termMonths: 36,
			annualRate: 0.045,
			repayment: 'interest-monthly-bullet',
			guarantee: 'mortgage',
		});
		expect(fb.findings.find((f) => f.code === 'term.exceeds-cash-cycle')?.data).toEqual({
			termMonths: 36,
			cycleMonths: 2,
		});
		expect(dim(fb, 'term')).toBeLessThanOrEqual(0.4);
		expect(fb.findings.find((f) => f.code === 'profit.raroc')?.severity).toBe('info');
		expect(fb.findings.find((f) => f.code === 'profit.expected-loss')?.data).toMatchObject({
			pd: 0.02,
			lgd: 0.25,
			eadWan: 200,
		});
	});

	test('flags a prohibited purpose on every dimension that matters', () => {
		const c = tradeClient({ purpose: 'securities-investment' });
		const fb = scoreProductChoice(c, catalogue, {
			productId: 'working-capital',
			amountWan: 100,
			termMonths: 12,
			annualRate: 0.05,
			repayment: 'interest-monthly-bullet',
			guarantee: 'credit',
		});
		expect(codes(fb)).toEqual(
			expect.arrayContaining([
				'product.prohibited-purpose',
				'compliance.purpose.no-property-or-securities',
				'expert.declines',
				'expert.prohibited-purpose',
			]),
		);
		expect(dim(fb, 'compliance')).toBe(0);
		expect(dim(fb, 'product-fit')).toBe(0);
	});

	test('flags a working-capital term beyond 60 months as a critical breach', () => {
		const fb = scoreProductChoice(tradeClient(), catalogue, {
			productId: 'mortgage-business-loan',
			amountWan: 200,
			termMonths: 72,
			annualRate: 0.04,
			repayment: 'equal-installment',
			guarantee: 'mortgage',
		});
		expect(fb.findings.find((f) => f.code === 'compliance.working-capital.term')?.severity).toBe(
			'critical',
		);
		expect(fb.findings.find((f) => f.code === 'term.exceeds-regulatory-max')).toBeDefined();
	});

	test('reports whether the loan counts as 普惠 and checks guarantee fees', () => {
		const small = scoreProductChoice(seasonalClient(), catalogue, {
			productId: 'gov-guarantee-loan',
			amountWan: 30,
			termMonths: 12,
			annualRate: 0.045,
			repayment: 'seasonal',
			guarantee: 'government-guarantee',
		});
		expect(codes(small)).toContain('compliance.counts-as-inclusive');
		const big = scoreProductChoice(
			tradeClient({ existingDebtWan: 950, truth: { segment: 'out-of-scope', sizeClass: 'large' } }),
			catalogue,
			{
				productId: 'working-capital',
				amountWan: 200,
				termMonths: 12,
				annualRate: 0.045,
				repayment: 'interest-monthly-bullet',
				guarantee: 'mortgage',
			},
		);
		expect(codes(big)).toContain('compliance.not-inclusive');
		expect(
			proposalFor(
				tradeClient({ truth: { segment: 'out-of-scope', sizeClass: 'medium' } }),
				undefined,
				{
					productId: 'x',
					amountWan: 1,
					termMonths: 1,
					annualRate: 0,
					repayment: 'revolving',
					guarantee: 'credit',
				},
			).borrower,
		).toBe('medium');
		expect(
			proposalFor(seasonalClient(), findProduct(catalogue, 'gov-guarantee-loan'), {
				productId: 'gov-guarantee-loan',
				amountWan: 600,
				termMonths: 12,
				annualRate: 0.04,
				repayment: 'seasonal',
				guarantee: 'government-guarantee',
			}),
		).toMatchObject({
			borrower: 'individual-business',
			guaranteeFeeRate: 0.015,
			bankRiskShare: 0.2,
		});
	});

	test('honours custom weights', () => {
		const d = expertDecision(tradeClient(), catalogue).decision as ProductDecision;
		const fb = scoreProductChoice(tradeClient(), catalogue, d, {
			...DEFAULT_PRODUCT_WEIGHTS,
			amount: 5,
			price: 0,
			term: Number.NaN,
		});
		expect(fb.max).toBe(11);
	});

	test('stays within [0, max], deterministically, for any decision', () => {
		fc.assert(
			fc.property(arbClient, arbDecision, (c, d) => {
				const fb = scoreProductChoice(c, catalogue, d);
				expect(fb.score).toBeGreaterThanOrEqual(0);
				expect(fb.score).toBeLessThanOrEqual(fb.max);
				for (const x of fb.dimensions) expect(x.score).toBeGreaterThanOrEqual(0);
				expect(scoreProductChoice(c, catalogue, d)).toEqual(fb);
			}),
			{ numRuns: 200 },
		);
	});

	test('never throws on junk decisions', () => {
		fc.assert(
			fc.property(arbClient, fc.anything(), (c, junk) => {
				const fb = scoreProductChoice(c, catalogue, junk as ProductDecision);
				expect(fb.score).toBeGreaterThanOrEqual(0);
			}),
			{ numRuns: 100 },
		);
		const fb = scoreProductChoice(tradeClient(), catalogue, {
			productId: 'nope',
			amountWan: Number.NaN,
			termMonths: -1,
			annualRate: 7,
			repayment: 'weekly',
			guarantee: 'hope',
		} as never);
		expect(codes(fb)).toEqual(
			expect.arrayContaining([
				'product.unknown',
				'amount.invalid',
				'term.invalid',
				'price.invalid',
				'repayment.unknown',
				'guarantee.unknown',
			]),
		);
	});
});

describe('better decisions never score lower on the dimension they improve', () => {
	const t = fc.double({ min: 0, max: 1, noNaN: true });
	const opts = { numRuns: 300 };

	test('amount: moving toward the target amount', () => {
		fc.assert(
			fc.property(arbClient, arbDecision, t, (c, d, k) => {
				const target = amountTarget(c, findProduct(catalogue, d.productId), d).targetWan;
				const better = { ...d, amountWan: toward(d.amountWan, target, k) };
				if (!(better.amountWan > 0)) return;
				expect(dim(scoreProductChoice(c, catalogue, better), 'amount')).toBeGreaterThanOrEqual(
					dim(scoreProductChoice(c, catalogue, d), 'amount'),
				);
			}),
			opts,
		);
	});

	test('term: moving toward the target term', () => {
		fc.assert(
			fc.property(arbClient, arbDecision, t, (c, d, k) => {
				const target = targetTerm(c, findProduct(catalogue, d.productId));
				const better = { ...d, termMonths: Math.round(toward(d.termMonths, target, k)) };
				expect(dim(scoreProductChoice(c, catalogue, better), 'term')).toBeGreaterThanOrEqual(
					dim(scoreProductChoice(c, catalogue, d), 'term'),
				);
			}),
			opts,
		);
	});

	test('price: moving toward the risk-based rate', () => {
		fc.assert(
			fc.property(arbClient, arbDecision, t, (c, d, k) => {
				const target = suggestedPrice(
					c,
					findProduct(catalogue, d.productId),
					d.guarantee,
					d.amountWan,
				).rate;
				const better = { ...d, annualRate: toward(d.annualRate, target, k) };
				expect(dim(scoreProductChoice(c, catalogue, better), 'price')).toBeGreaterThanOrEqual(
					dim(scoreProductChoice(c, catalogue, d), 'price'),
				);
			}),
			opts,
		);
	});

	test('repayment: switching to the recommended method', () => {
		fc.assert(
			fc.property(arbClient, arbDecision, (c, d) => {
				const product = findProduct(catalogue, d.productId);
				if (!product) return;
				const better = { ...d, repayment: recommendedRepayment(c, product) };
				expect(dim(scoreProductChoice(c, catalogue, better), 'repayment')).toBeGreaterThanOrEqual(
					dim(scoreProductChoice(c, catalogue, d), 'repayment'),
				);
			}),
			opts,
		);
	});

	test('guarantee: switching to the recommended guarantee', () => {
		fc.assert(
			fc.property(arbClient, arbDecision, (c, d) => {
				const product = findProduct(catalogue, d.productId);
				if (!product) return;
				const better = { ...d, guarantee: recommendedGuarantee(c, product, d.amountWan) };
				expect(dim(scoreProductChoice(c, catalogue, better), 'guarantee')).toBeGreaterThanOrEqual(
					dim(scoreProductChoice(c, catalogue, d), 'guarantee'),
				);
			}),
			opts,
		);
	});

	test("product: switching to the expert's product", () => {
		fc.assert(
			fc.property(arbClient, arbDecision, (c, d) => {
				const e = expertDecision(c, catalogue);
				if (!e.decision) return;
				const better = { ...d, productId: e.decision.productId };
				expect(dim(scoreProductChoice(c, catalogue, better), 'product-fit')).toBeGreaterThanOrEqual(
					dim(scoreProductChoice(c, catalogue, d), 'product-fit'),
				);
			}),
			opts,
		);
	});

	test("all five elements: taking the expert's whole decision", () => {
		fc.assert(
			fc.property(arbClient, arbDecision, (c, d) => {
				const e = expertDecision(c, catalogue);
				if (!e.decision) return;
				expect(scoreProductChoice(c, catalogue, e.decision).score).toBeGreaterThanOrEqual(
					scoreProductChoice(c, catalogue, d).score,
				);
			}),
			opts,
		);
	});
});

describe('messages', () => {
	test('exist in both languages for every finding and dimension, with placeholders the data fills', () => {
		const findings: Parameters<typeof messageProblems>[0][number][] = [];
		const dims = new Set<string>();
		fc.assert(
			fc.property(arbClient, arbDecision, (c, d) => {
				const fb = scoreProductChoice(c, catalogue, d);
				findings.push(...fb.findings);
				for (const x of fb.dimensions) dims.add(x.id);
			}),
			{ numRuns: 400 },
		);
		for (const c of clients) {
			const e = expertDecision(c, catalogue);
			findings.push(
				...scoreProductChoice(
					c,
					catalogue,
					e.decision ??
						({
							productId: 'x',
							amountWan: 0,
							termMonths: 0,
							annualRate: -1,
							repayment: 'x',
							guarantee: 'x',
						} as never),
				).findings,
			);
		}
		expect(messageProblems(findings, [...dims])).toEqual([]);
	});
});

describe('whatIf', () => {
	test('scores the decision before and after the change', () => {
		const d: ProductDecision = {
			productId: 'working-capital',
			amountWan: 200,
			termMonths: 36,
			annualRate: 0.045,
			repayment: 'interest-monthly-bullet',
			guarantee: 'mortgage',
		};
		const { before, after } = whatIf(tradeClient(), catalogue, d, { termMonths: 12 });
		expect(dim(after, 'term')).toBeGreaterThan(dim(before, 'term'));
		expect(before).toEqual(scoreProductChoice(tradeClient(), catalogue, d));
	});
});
