import { describe, expect, test } from 'vitest';
import {
	CAPITAL_RATIO,
	CHANNELS,
	LGD_BY_GUARANTEE,
	LPR_1Y,
	LPR_5Y,
	OPERATING_COST_WAN,
	bpToRate,
	capitalRatioFor,
	rateToBp,
} from '../../../src/domain/rates';
import { GUARANTEE_METHODS } from '../../../src/domain/loan-terms';

describe('rates', () => {
	test('uses the LPR published on 2025-05-20', () => {
		expect(LPR_1Y).toBe(0.03);
		expect(LPR_5Y).toBe(0.035);
	});

	test('gives every guarantee method an LGD in (0, 1), unsecured credit the highest', () => {
		for (const g of GUARANTEE_METHODS) {
			expect(LGD_BY_GUARANTEE[g]).toBeGreaterThan(0);
			expect(LGD_BY_GUARANTEE[g]).toBeLessThan(1);
			expect(LGD_BY_GUARANTEE[g]).toBeLessThanOrEqual(LGD_BY_GUARANTEE.credit);
		}
	});

	test('makes online lending the cheapest channel to serve', () => {
		for (const c of CHANNELS) expect(OPERATING_COST_WAN[c]).toBeGreaterThan(0);
		expect(OPERATING_COST_WAN['online-data']).toBeLessThan(OPERATING_COST_WAN['batch-scenario']);
		expect(OPERATING_COST_WAN['batch-scenario']).toBeLessThan(OPERATING_COST_WAN['branch-visit']);
	});

	test('weights capital 8% × 75% for small/micro retail, 85% for medium, 100% otherwise', () => {
		expect(CAPITAL_RATIO).toBeCloseTo(0.06, 10);
		expect(capitalRatioFor('micro')).toBeCloseTo(0.06, 10);
		expect(capitalRatioFor('individual')).toBeCloseTo(0.06, 10);
		expect(capitalRatioFor('medium')).toBeCloseTo(0.068, 10);
		expect(capitalRatioFor('out-of-scope')).toBeCloseTo(0.08, 10);
	});

	test('converts between basis points and rates', () => {
		expect(bpToRate(150)).toBeCloseTo(0.015, 12);
		expect(rateToBp(0.0153)).toBe(153);
		expect(rateToBp(bpToRate(-25))).toBe(-25);
	});
});
