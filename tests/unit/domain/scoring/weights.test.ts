import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_WEIGHTS, mergeWeights } from '../../../../src/domain/scoring/weights';
import { ScoringWeightsSchema } from '../../../../src/schemas/scoring-weights';

describe('mergeWeights', () => {
	test('keeps the defaults when nothing is overridden', () => {
		expect(mergeWeights(DEFAULT_WEIGHTS, {})).toEqual(DEFAULT_WEIGHTS);
		expect(mergeWeights(DEFAULT_WEIGHTS, undefined)).toEqual(DEFAULT_WEIGHTS);
		expect(DEFAULT_WEIGHTS.segmentation).toEqual({ size: 1, riskTier: 1 });
	});

	test('overrides only the given fields', () => {
		const w = mergeWeights(DEFAULT_WEIGHTS, {
			productChoice: { amount: 3 },
			quiz: { pointsPerQuestion: 2 },
		});
		expect(w.productChoice).toEqual({ ...DEFAULT_WEIGHTS.productChoice, amount: 3 });
		expect(w.quiz.pointsPerQuestion).toBe(2);
		expect(w.portfolio).toEqual(DEFAULT_WEIGHTS.portfolio);
	});

	test('ignores negative, non-finite and unknown values', () => {
		const w = mergeWeights(DEFAULT_WEIGHTS, {
			productChoice: { amount: -1, term: Number.NaN },
			compliance: 'x',
		} as never);
		expect(w).toEqual(DEFAULT_WEIGHTS);
		expect(mergeWeights(DEFAULT_WEIGHTS, { portfolio: { bogus: 5 } } as never).portfolio).toEqual(
			DEFAULT_WEIGHTS.portfolio,
		);
	});

	test('always yields non-negative finite weights', () => {
		fc.assert(
			fc.property(fc.anything(), (over) => {
				const w = mergeWeights(DEFAULT_WEIGHTS, over as never);
				for (const group of Object.values(w))
					for (const v of Object.values(group) as number[])
						expect(Number.isFinite(v) && v >= 0).toBe(true);
			}),
		);
	});
});

describe('ScoringWeightsSchema', () => {
	test('accepts partial overrides', () => {
		expect(ScoringWeightsSchema.parse({})).toEqual({});
		expect(ScoringWeightsSchema.parse({ productChoice: { amount: 3 } })).toEqual({
			productChoice: { amount: 3 },
		});
	});

	test('explains what is wrong, naming the field', () => {
		const issues = (x: unknown) => {
			const r = ScoringWeightsSchema.safeParse(x);
			return r.success ? [] : r.error.issues.map((i) => i.message);
		};
		expect(issues({ productChoice: { amount: -1 } })).toEqual([
			'scoring.productChoice.amount: expected a number ≥ 0 (0 switches the dimension off)',
		]);
		expect(issues({ productChoice: { amount: 'x' } })).toEqual([
			'scoring.productChoice.amount: expected a number of points (e.g. 1)',
		]);
		expect(issues({ productChoice: { amout: 1 } })[0]).toMatch(
			/scoring.productChoice: unknown key\(s\) amout; allowed: productFit/,
		);
		expect(issues({ productChoice: 3 })).toEqual(['scoring.productChoice: expected an object']);
		expect(issues({ bogus: {} })[0]).toMatch(/scoring: unknown key\(s\) bogus/);
		expect(issues(5)).toEqual(['scoring: expected an object']);
	});

	test('accepts what mergeWeights reads: its output type feeds the merge', () => {
		const parsed = ScoringWeightsSchema.parse({
			portfolio: { growth: 2 },
			segmentation: { size: 0 },
		});
		expect(mergeWeights(DEFAULT_WEIGHTS, parsed).portfolio.growth).toBe(2);
		expect(mergeWeights(DEFAULT_WEIGHTS, parsed).segmentation.size).toBe(0);
	});
});
