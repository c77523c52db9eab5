import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { INDUSTRIES, type Industry, type SizeClass } from '../../../src/domain/client';
import {
	SIZE_TABLE,
	DECIDING_SIZE_CODE,
	classifyEnterpriseSize,
	decidingSizeBound,
	explainEnterpriseSize,
	indicatorValue,
	type SizeIndicator,
	type SizeInput,
} from '../../../src/domain/sme-size';

type Thresholds = Partial<Record<SizeIndicator, number>>;

/** The reason scoring builds from decidingSizeBound (it should equal explainEnterpriseSize's first). */
function decidingReason(input: SizeInput, sizeClass: SizeClass) {
	const b = decidingSizeBound(input, sizeClass);
	return {
		code: DECIDING_SIZE_CODE[sizeClass],
		industry: input.industry,
		indicator: b.indicator,
		value: indicatorValue(input, b.indicator),
		threshold: b.threshold,
	};
}
interface Row {
	upper: Thresholds;
	medium: Thresholds;
	small: Thresholds;
}

/**
 * facts.md §1.2 retyped independently of SIZE_TABLE (X = employees, Y = revenue, Z = assets),
 * so a typo in either copy fails a test.
 */
const FACTS: Record<Industry, Row> = {
	agriculture: { upper: { revenue: 20000 }, medium: { revenue: 500 }, small: { revenue: 50 } },
	industry: {
		upper: { employees: 1000, revenue: 40000 },
		medium: { employees: 300, revenue: 2000 },
		small: { employees: 20, revenue: 300 },
	},
	construction: {
		upper: { revenue: 80000, assets: 80000 },
		medium: { revenue: 6000, assets: 5000 },
		small: { revenue: 300, assets: 300 },
	},
	wholesale: {
		upper: { employees: 200, revenue: 40000 },
		medium: { employees: 20, revenue: 5000 },
		small: { employees: 5, revenue: 1000 },
	},
	retail: {
		upper: { employees: 300, revenue: 20000 },
		medium: { employees: 50, revenue: 500 },
		small: { employees: 10, revenue: 100 },
	},
	transport: {
		upper: { employees: 1000, revenue: 30000 },
		medium: { employees: 300, revenue: 3000 },
		small: { employees: 20, revenue: 200 },
	},
	warehousing: {
		upper: { employees: 200, revenue: 30000 },
		medium: { employees: 100, revenue: 1000 },
		small: { employees: 20, revenue: 100 },
	},
	postal: {
		upper: { employees: 1000, revenue: 30000 },
		medium: { employees: 300, revenue: 2000 },
		small: { employees: 20, revenue: 100 },
	},
	accommodation: {
		upper: { employees: 300, revenue: 10000 },
		medium: { employees: 100, revenue: 2000 },
		small: { employees: 10, revenue: 100 },
	},
	catering: {
		upper: { employees: 300, revenue: 10000 },
		medium: { employees: 100, revenue: 2000 },
		small: { employees: 10, revenue: 100 },
	},
	'information-transmission': {
		upper: { employees: 2000, revenue: 100000 },
		medium: { employees: 100, revenue: 1000 },
		small: { employees: 10, revenue: 100 },
	},
	'software-it': {
		upper: { employees: 300, revenue: 10000 },
		medium: { employees: 100, revenue: 1000 },
		small: { employees: 10, revenue: 50 },
	},
	'real-estate-development': {
		upper: { revenue: 200000, assets: 10000 },
		medium: { revenue: 1000, assets: 5000 },
		small: { revenue: 100, assets: 2000 },
	},
	'property-management': {
		upper: { employees: 1000, revenue: 5000 },
		medium: { employees: 300, revenue: 1000 },
		small: { employees: 100, revenue: 500 },
	},
	'leasing-business-services': {
		upper: { employees: 300, assets: 120000 },
		medium: { employees: 100, assets: 8000 },
		small: { employees: 10, assets: 100 },
	},
	other: { upper: { employees: 300 }, medium: { employees: 100 }, small: { employees: 10 } },
};

const INDICATORS: SizeIndicator[] = ['employees', 'revenue', 'assets'];
const EPS: Record<SizeIndicator, number> = { employees: 1, revenue: 0.01, assets: 0.01 };
const RANK: Record<SizeClass, number> = { micro: 0, small: 1, medium: 2, large: 3 };

/** A firm with the given indicator values; unused indicators get `filler`. */
function firm(industry: Industry, values: Thresholds, filler: number): SizeInput {
	return {
		industry,
		employees: values.employees ?? filler,
		revenueWan: values.revenue ?? filler,
		assetsWan: values.assets ?? filler,
	};
}

const below = (t: Thresholds, k: SizeIndicator): Thresholds => ({ ...t, [k]: (t[k] as number) - EPS[k] });

describe('SIZE_TABLE', () => {
	test('matches facts.md §1.2 for all 16 industries', () => {
		expect(Object.keys(SIZE_TABLE).sort()).toEqual([...INDUSTRIES].sort());
		for (const industry of INDUSTRIES) {
			const row = SIZE_TABLE[industry];
			const asMap = (bs: readonly { indicator: SizeIndicator; threshold: number }[]) =>
				Object.fromEntries(bs.map((b) => [b.indicator, b.threshold]));
			expect(asMap(row.smeBelow), industry).toEqual(FACTS[industry].upper);
			expect(asMap(row.medium), industry).toEqual(FACTS[industry].medium);
			expect(asMap(row.small), industry).toEqual(FACTS[industry].small);
		}
	});
});

describe('SIZE_TABLE shape', () => {
	test('lists the same indicators in the same order in every column of a row', () => {
		for (const industry of INDUSTRIES) {
			const row = SIZE_TABLE[industry];
			const order = (bs: readonly { indicator: SizeIndicator }[]) => bs.map((b) => b.indicator);
			expect(order(row.medium), industry).toEqual(order(row.small));
			expect(order(row.smeBelow), industry).toEqual(order(row.small));
		}
	});
});

describe.each(INDUSTRIES.map((i) => [i] as const))('classifyEnterpriseSize for %s', (industry) => {
	const row = FACTS[industry];
	const used = INDICATORS.filter((k) => row.small[k] !== undefined);

	// Indicators the row does not use must not matter: try them at 0 and at a huge value.
	describe.each([0, 1e9])('with unused indicators at %d', (filler) => {
		const cls = (t: Thresholds) => classifyEnterpriseSize(firm(industry, t, filler));

		test('is small exactly at every small floor ("及以上" includes the threshold)', () => {
			expect(cls(row.small)).toBe('small');
		});

		test.each(used)('is micro just below the small floor of %s ("以下" is strict)', (k) => {
			expect(cls(below(row.small, k))).toBe('micro');
		});

		test('is medium exactly at every medium floor', () => {
			expect(cls(row.medium)).toBe('medium');
		});

		test.each(used)('falls to small just below the medium floor of %s', (k) => {
			expect(cls(below(row.medium, k))).toBe('small');
		});

		test('is large when every SME upper-bound condition fails (at the bounds)', () => {
			expect(cls(row.upper)).toBe('large');
		});

		test.each(used)('stays medium just below the SME upper bound of %s (the bound is an "or")', (k) => {
			expect(cls(below(row.upper, k))).toBe('medium');
		});
	});
});

describe('classifyEnterpriseSize worked boundaries (lesson m4/04 and facts §1.3)', () => {
	const c = (industry: Industry, employees: number, revenueWan: number, assetsWan = 0) =>
		classifyEnterpriseSize({ industry, employees, revenueWan, assetsWan });

	test('wholesale with 4 people and 3000 万 is micro however high the revenue', () => {
		expect(c('wholesale', 4, 3000)).toBe('micro');
	});
	test('wholesale with exactly 5 people and 1000 万 is not micro by headcount', () => {
		expect(c('wholesale', 5, 1000)).toBe('small');
	});
	test('retail with 10 people and 100 万 is small', () => {
		expect(c('retail', 10, 100)).toBe('small');
		expect(c('retail', 9, 500)).toBe('micro');
	});
	test('industry with 350 people and 1500 万 falls to small for lack of revenue', () => {
		expect(c('industry', 350, 1500)).toBe('small');
	});
	test('industry with 25 people and 250 万 is micro by revenue', () => {
		expect(c('industry', 25, 250)).toBe('micro');
	});
	test('software with 12 people and exactly 50 万 is small; 49.99 万 is micro', () => {
		expect(c('software-it', 12, 50)).toBe('small');
		expect(c('software-it', 12, 49.99)).toBe('micro');
	});
	test('catering with 120 people and 2500 万 is medium', () => {
		expect(c('catering', 120, 2500)).toBe('medium');
	});
	test('leasing & business services looks at assets, not revenue', () => {
		expect(c('leasing-business-services', 15, 100000, 90)).toBe('micro');
		expect(c('leasing-business-services', 15, 1, 100)).toBe('small');
	});
	test('agriculture upper bound is 20000 万, not 2000 万', () => {
		expect(c('agriculture', 0, 19999.99)).toBe('medium');
		expect(c('agriculture', 0, 20000)).toBe('large');
		expect(c('agriculture', 5000, 2000)).toBe('medium');
	});
	test('real estate: assets below 10000 keep a firm SME even with huge revenue (the asset quirk)', () => {
		expect(c('real-estate-development', 0, 300000, 9999)).toBe('medium');
		expect(c('real-estate-development', 0, 300000, 10000)).toBe('large');
		expect(c('real-estate-development', 0, 150000, 50000)).toBe('medium');
		expect(c('real-estate-development', 0, 300000, 4999)).toBe('small');
		expect(c('real-estate-development', 0, 500, 3000)).toBe('small');
		expect(c('real-estate-development', 0, 500, 1999)).toBe('micro');
	});
	test('"other" uses headcount only', () => {
		expect(c('other', 9, 1e9, 1e9)).toBe('micro');
		expect(c('other', 10, 0, 0)).toBe('small');
		expect(c('other', 300, 0, 0)).toBe('large');
	});
	test('counts NaN as 0 so junk never comes out large', () => {
		expect(classifyEnterpriseSize({ industry: 'retail', employees: Number.NaN, revenueWan: Number.NaN, assetsWan: 0 })).toBe(
			'micro',
		);
		expect(indicatorValue({ industry: 'retail', employees: 1, revenueWan: 2, assetsWan: Number.NaN }, 'assets')).toBe(0);
	});
});

describe('classifyEnterpriseSize properties', () => {
	const size = fc.double({ min: 0, max: 300000, noNaN: true });
	test('never gets smaller when any indicator grows', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...INDUSTRIES),
				size,
				size,
				size,
				fc.constantFrom<SizeIndicator>(...INDICATORS),
				fc.double({ min: 0, max: 300000, noNaN: true }),
				(industry, e, r, a, k, add) => {
					const base = { industry, employees: Math.round(e), revenueWan: r, assetsWan: a };
					const grown = {
						...base,
						employees: k === 'employees' ? base.employees + Math.round(add) : base.employees,
						revenueWan: k === 'revenue' ? r + add : r,
						assetsWan: k === 'assets' ? a + add : a,
					};
					expect(RANK[classifyEnterpriseSize(grown)]).toBeGreaterThanOrEqual(RANK[classifyEnterpriseSize(base)]);
				},
			),
		);
	});

	test('micro holds exactly when some used indicator is below its small floor', () => {
		fc.assert(
			fc.property(fc.constantFrom(...INDUSTRIES), size, size, size, (industry, e, r, a) => {
				const input = { industry, employees: Math.round(e), revenueWan: r, assetsWan: a };
				const small = FACTS[industry].small;
				const anyBelow = INDICATORS.some((k) => small[k] !== undefined && indicatorValue(input, k) < (small[k] as number));
				expect(classifyEnterpriseSize(input) === 'micro').toBe(anyBelow);
			}),
		);
	});
});

describe('explainEnterpriseSize', () => {
	test('names each indicator below the small floor for a micro firm', () => {
		expect(explainEnterpriseSize({ industry: 'wholesale', employees: 4, revenueWan: 800, assetsWan: 0 })).toEqual({
			sizeClass: 'micro',
			reasons: [
				{ code: 'size.micro', industry: 'wholesale', indicator: 'employees', value: 4, threshold: 5 },
				{ code: 'size.micro', industry: 'wholesale', indicator: 'revenue', value: 800, threshold: 1000 },
			],
		});
	});

	test('gives the missed medium floor and the met small floors for a small firm', () => {
		expect(explainEnterpriseSize({ industry: 'industry', employees: 350, revenueWan: 1500, assetsWan: 0 })).toEqual({
			sizeClass: 'small',
			reasons: [
				{ code: 'size.below-medium', industry: 'industry', indicator: 'revenue', value: 1500, threshold: 2000 },
				{ code: 'size.small', industry: 'industry', indicator: 'employees', value: 350, threshold: 20 },
				{ code: 'size.small', industry: 'industry', indicator: 'revenue', value: 1500, threshold: 300 },
			],
		});
	});

	test('gives the met medium floors for a medium firm', () => {
		const { sizeClass, reasons } = explainEnterpriseSize({
			industry: 'catering',
			employees: 120,
			revenueWan: 2500,
			assetsWan: 0,
		});
		expect(sizeClass).toBe('medium');
		expect(reasons.map((r) => [r.code, r.indicator, r.threshold])).toEqual([
			['size.medium', 'employees', 100],
			['size.medium', 'revenue', 2000],
		]);
	});

	test('gives every failed SME upper-bound condition for a large firm', () => {
		const { sizeClass, reasons } = explainEnterpriseSize({
			industry: 'agriculture',
			employees: 10,
			revenueWan: 25000,
			assetsWan: 0,
		});
		expect(sizeClass).toBe('large');
		expect(reasons).toEqual([
			{ code: 'size.above-sme-bound', industry: 'agriculture', indicator: 'revenue', value: 25000, threshold: 20000 },
		]);
	});

	test('decidingSizeBound and DECIDING_SIZE_CODE give the first reason at each boundary and for NaN input', () => {
		for (const industry of INDUSTRIES) {
			for (const v of [0, Number.NaN, 49.99, 50, 100, 300, 1000, 2000, 5000, 8000, 20000, 120000, 300000]) {
				for (const input of [
					{ industry, employees: v, revenueWan: v, assetsWan: v },
					{ industry, employees: 5, revenueWan: v, assetsWan: v },
					{ industry, employees: v, revenueWan: 40, assetsWan: v },
					{ industry, employees: 2000, revenueWan: v, assetsWan: 200000 },
				]) {
					const e = explainEnterpriseSize(input, 1);
					expect(decidingReason(input, e.sizeClass)).toEqual(e.reasons[0]);
				}
			}
		}
	});

	test('agrees with classifyEnterpriseSize and always gives at least one reason', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...INDUSTRIES),
				fc.nat(3000),
				fc.double({ min: 0, max: 300000, noNaN: true }),
				fc.double({ min: 0, max: 300000, noNaN: true }),
				(industry, employees, revenueWan, assetsWan) => {
					const input = { industry, employees, revenueWan, assetsWan };
					const e = explainEnterpriseSize(input);
					expect(e.sizeClass).toBe(classifyEnterpriseSize(input));
					expect(e.reasons.length).toBeGreaterThan(0);
					expect(decidingReason(input, e.sizeClass)).toEqual(explainEnterpriseSize(input, 1).reasons[0]);
				},
			),
		);
	});
});
