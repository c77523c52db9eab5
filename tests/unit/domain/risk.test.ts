import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	clamp,
	expectedLossWan,
	finiteOr,
	loanRaroc,
	riskBasedRate,
	round6,
} from '../../../src/domain/risk';
import { OPERATING_COST_WAN } from '../../../src/domain/rates';

// Lesson m3/04's worked example (the B-grade hardware shop). Its operating cost is the branch-visit
// channel cost of lesson m2/01: 24 h × 200 元 = 4,800 元 = 0.48 万元 a year.
const LESSON = {
	amountWan: 100,
	annualRate: 0.045,
	pd: 0.02,
	lgd: 0.45,
	fundingRate: 0.02,
	operatingCostWan: 0.48,
	capitalRatio: 0.08,
};

describe('expectedLossWan', () => {
	test('multiplies PD, LGD and EAD', () => {
		expect(expectedLossWan({ pd: 0.02, lgd: 0.45, eadWan: 100 })).toBe(0.9);
	});

	test('clamps PD and LGD to [0, 1] and treats bad numbers as 0', () => {
		expect(expectedLossWan({ pd: 2, lgd: 1.5, eadWan: 10 })).toBe(10);
		expect(expectedLossWan({ pd: Number.NaN, lgd: 0.5, eadWan: 10 })).toBe(0);
		expect(expectedLossWan({ pd: 0.1, lgd: 0.5, eadWan: -10 })).toBe(0);
	});
});

describe('loanRaroc', () => {
	test('reproduces the lesson example: RAROC 14%', () => {
		expect(LESSON.operatingCostWan).toBe(OPERATING_COST_WAN['branch-visit']);
		const r = loanRaroc(LESSON);
		// 100 × 4.5% = 4.5; 100 × 2% = 2; EL 2% × 45% × 100 = 0.9; capital 100 × 8% = 8;
		// net 4.5 − 2 − 0.48 − 0.9 = 1.12; RAROC 1.12 ÷ 8 = 14%.
		expect(r).toMatchObject({
			interestWan: 4.5,
			fundingCostWan: 2,
			operatingCostWan: 0.48,
			expectedLossWan: 0.9,
			economicCapitalWan: 8,
			netWan: 1.12,
			valid: true,
		});
		expect(r.raroc).toBeCloseTo(0.14, 10);
	});

	test('reproduces the lesson table: C grade, collateral, repricing', () => {
		// C grade (PD 4%): EL 1.8; net 4.5 − 2 − 0.48 − 1.8 = 0.22; RAROC 0.22 ÷ 8 = 2.75%.
		const c = loanRaroc({ ...LESSON, pd: 0.04 });
		expect(c.netWan).toBeCloseTo(0.22, 10);
		expect(c.raroc).toBeCloseTo(0.0275, 10);
		// C grade with collateral (LGD 25%): EL 1.0; net 1.02; RAROC 12.75%.
		const secured = loanRaroc({ ...LESSON, pd: 0.04, lgd: 0.25 });
		expect(secured.expectedLossWan).toBeCloseTo(1, 10);
		expect(secured.raroc).toBeCloseTo(0.1275, 10);
		// C grade repriced to reach the 10% hurdle: interest 0.8 + 2 + 0.48 + 1.8 = 5.08 → 5.08%.
		expect(loanRaroc({ ...LESSON, pd: 0.04, annualRate: 0.0508 }).raroc).toBeCloseTo(0.1, 10);
		// Quiz m3-04 q2: repriced to 5.4%, net 5.4 − 2 − 0.48 − 1.8 = 1.12 → back to 14%.
		expect(loanRaroc({ ...LESSON, pd: 0.04, annualRate: 0.054 }).raroc).toBeCloseTo(0.14, 10);
	});

	test('reports RAROC 0 and valid false when there is no capital', () => {
		expect(loanRaroc({ ...LESSON, amountWan: 0 })).toMatchObject({ raroc: 0, valid: false });
		expect(loanRaroc({ ...LESSON, capitalRatio: Number.NaN })).toMatchObject({
			raroc: 0,
			valid: false,
		});
	});

	test('never returns NaN, whatever the input', () => {
		fc.assert(
			fc.property(
				fc.record({
					amountWan: fc.double(),
					annualRate: fc.double(),
					pd: fc.double(),
					lgd: fc.double(),
					fundingRate: fc.double(),
					operatingCostWan: fc.double(),
					capitalRatio: fc.double(),
				}),
				(input) => {
					const r = loanRaroc(input);
					for (const v of Object.values(r))
						if (typeof v === 'number') expect(Number.isNaN(v)).toBe(false);
				},
			),
		);
	});

	test('rises with the rate', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 0.2, noNaN: true }),
				fc.double({ min: 0, max: 0.2, noNaN: true }),
				(a, b) => {
					const [lo, hi] = a < b ? [a, b] : [b, a];
					expect(loanRaroc({ ...LESSON, annualRate: hi }).raroc).toBeGreaterThanOrEqual(
						loanRaroc({ ...LESSON, annualRate: lo }).raroc,
					);
				},
			),
		);
	});
});

describe('riskBasedRate', () => {
	test('adds funding, cost per 万元, EL and the capital charge', () => {
		const p = riskBasedRate(0.02, 0.45, {
			amountWan: 100,
			fundingRate: 0.02,
			operatingCostWan: 0.48,
			capitalRatio: 0.08,
			targetRaroc: 0.1,
		});
		// floor 2% + 0.48 ÷ 100 = 2.48%; break-even + 2% × 45% = 3.38%; target + 10% × 8% = 4.18%.
		expect(p.floorRate).toBeCloseTo(0.0248, 10);
		expect(p.breakEvenRate).toBeCloseTo(0.0338, 10);
		expect(p.targetRate).toBeCloseTo(0.0418, 10);
		expect(p.rate).toBeCloseTo(0.0418, 10);
		expect(p.unpriceable).toBe(false);
		// Priced at the target rate, the loan earns exactly the target RAROC.
		expect(loanRaroc({ ...LESSON, annualRate: p.rate }).raroc).toBeCloseTo(0.1, 6);
	});

	test('uses documented defaults when options are omitted', () => {
		const p = riskBasedRate(0.01, 0.6);
		// Default operating cost: the branch-visit channel, 24 h × 200 元 = 0.48 万元 on 100 万元.
		expect(p.floorRate).toBeCloseTo(0.02 + 0.48 / 100, 10);
		expect(p.ceilingRate).toBeCloseTo(0.13, 10);
	});

	test('caps at the product maximum spread and flags risk it cannot price', () => {
		const p = riskBasedRate(0.3, 0.6, { maxSpreadBp: 300 });
		expect(p.ceilingRate).toBeCloseTo(0.06, 10);
		expect(p.rate).toBeCloseTo(0.06, 10);
		expect(p.unpriceable).toBe(true);
	});

	test('never goes below the product minimum spread', () => {
		const p = riskBasedRate(0, 0, {
			amountWan: 1000,
			operatingCostWan: 0,
			fundingRate: 0.01,
			targetRaroc: 0,
			minSpreadBp: 50,
		});
		expect(p.rate).toBeCloseTo(0.035, 10);
	});

	test('stays between floor and ceiling for any input', () => {
		fc.assert(
			fc.property(
				fc.double(),
				fc.double(),
				fc.double(),
				fc.double({ min: -300, max: 1000, noNaN: true }),
				(pd, lgd, amountWan, maxSpreadBp) => {
					const p = riskBasedRate(pd, lgd, { amountWan, maxSpreadBp });
					expect(Number.isFinite(p.rate)).toBe(true);
					expect(p.rate).toBeLessThanOrEqual(p.ceilingRate + 1e-12);
				},
			),
		);
	});
});

describe('helpers', () => {
	test('finiteOr, clamp and round6 guard numbers', () => {
		expect(finiteOr('x', 3)).toBe(3);
		expect(finiteOr(Infinity, 3)).toBe(3);
		expect(clamp(Number.NaN, 0, 1)).toBe(0);
		expect(clamp(5, 0, 1)).toBe(1);
		expect(round6(0.1 + 0.2)).toBe(0.3);
	});
});
