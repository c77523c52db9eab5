import { describe, expect, test } from 'vitest';
import {
	CAPITAL_RATIO,
	CHANNEL_HOURS,
	CHANNELS,
	HOURLY_COST_YUAN,
	LGD_BY_GUARANTEE,
	LPR_1Y,
	LPR_5Y,
	OPERATING_COST_WAN,
	bpToRate,
	capitalRatioFor,
	channelHours,
	rateToBp,
} from '../../../src/domain/rates';
import {
	CHANNEL_HOURS as CTS_CHANNEL_HOURS,
	HOURLY_COST_YUAN as CTS_HOURLY_COST_YUAN,
	lessonCostInput,
	operatingCost,
} from '../../../src/domain/cost-to-serve';
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

	test('derives the operating cost per channel from lesson m2/01: hours × 200 元 an hour', () => {
		expect(HOURLY_COST_YUAN).toBe(200);
		expect(CHANNEL_HOURS['branch-visit']).toEqual({ marketing: 8, investigation: 10, 'post-loan': 6 });
		expect(channelHours('branch-visit')).toBe(24);
		expect(channelHours('batch-scenario')).toBe(10);
		expect(channelHours('online-data')).toBe(6);
		// 24 h × 200 = 4,800 元; 10 h × 200 = 2,000 元; 6 h × 200 = 1,200 元 (÷ 10,000 = 万元).
		expect(OPERATING_COST_WAN).toEqual({ 'branch-visit': 0.48, 'batch-scenario': 0.2, 'online-data': 0.12 });
	});

	test('gives the same one-year cost as the cost-to-serve calculator (one source of truth)', () => {
		const input = lessonCostInput();
		for (const c of CHANNELS) {
			const yuan = operatingCost(input.hours[c], input.hourlyCostYuan, 1).totalYuan;
			expect(OPERATING_COST_WAN[c] * 10_000).toBeCloseTo(yuan, 6);
		}
		// The old names still resolve to the same objects.
		expect(CTS_CHANNEL_HOURS).toBe(CHANNEL_HOURS);
		expect(CTS_HOURLY_COST_YUAN).toBe(HOURLY_COST_YUAN);
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
