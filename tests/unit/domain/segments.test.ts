import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { INDUSTRIES, LEGAL_FORMS, type Industry } from '../../../src/domain/client';
import { generateClients } from '../../../src/domain/generator';
import {
	PD_MODEL,
	RISK_TIER_RULE,
	TRACK_OF_INDUSTRY,
	collateralValueOf,
	debtRatioOf,
	decideRiskTierInto,
	newFlatRiskDecision,
	explainRiskTier,
	explainSizeSegment,
	probabilityOfDefault,
	riskTierOf,
	sizeSegmentOf,
	trackOf,
	truthOf,
} from '../../../src/domain/segments';
import { workingCapitalInputOf, workingCapitalNeed } from '../../../src/domain/working-capital';
import { facts } from './client-fixture';

/**
 * decideRiskTierInto read as explainRiskTier(c, 1) states it: the tier, the debt ratio and the
 * fields of the first reason's kind (one flat object reused, as scoring does).
 */
const FLAT = newFlatRiskDecision();
function decided(c: Parameters<typeof explainRiskTier>[0]) {
	const d = decideRiskTierInto(c, FLAT) as unknown as Record<string, unknown>;
	const reason = explainRiskTier(c, 1).reasons[0] as object;
	return { riskTier: d['riskTier'], debtRatio: d['debtRatio'], reason: Object.fromEntries(Object.keys(reason).map((k) => [k, d[k]])) };
}

describe('sizeSegmentOf', () => {
	const seg = (legalForm: (typeof LEGAL_FORMS)[number], industry: Industry, employees: number, revenueWan: number) =>
		sizeSegmentOf({ legalForm, industry, employees, revenueWan, assetsWan: 0 });

	test('puts small and micro individual businesses in their own segment (参照划型)', () => {
		expect(seg('individual-business', 'retail', 12, 300)).toBe('individual');
		expect(seg('individual-business', 'catering', 6, 120)).toBe('individual');
	});

	test('puts an individual business sized medium out of scope (55 people, 800 万 supermarket)', () => {
		expect(seg('individual-business', 'retail', 55, 800)).toBe('out-of-scope');
	});

	test('maps companies to small or micro by size class, medium and large out of scope', () => {
		expect(seg('limited-company', 'industry', 45, 1800)).toBe('small');
		expect(seg('sole-proprietorship', 'wholesale', 4, 3000)).toBe('micro');
		expect(seg('partnership', 'catering', 120, 2500)).toBe('out-of-scope');
		expect(seg('farmer-cooperative', 'agriculture', 0, 30000)).toBe('out-of-scope');
	});

	test('explainSizeSegment returns the class and the reasons behind it', () => {
		const e = explainSizeSegment({ legalForm: 'individual-business', industry: 'retail', employees: 9, revenueWan: 500, assetsWan: 0 });
		expect(e).toEqual({
			segment: 'individual',
			sizeClass: 'micro',
			reasons: [{ code: 'size.micro', industry: 'retail', indicator: 'employees', value: 9, threshold: 10 }],
		});
		expect(explainSizeSegment({ legalForm: 'limited-company', industry: 'retail', employees: 60, revenueWan: 600, assetsWan: 0 }).segment).toBe(
			'out-of-scope',
		);
	});
});

describe('RISK_TIER_RULE', () => {
	test('holds the thresholds the lesson teaches', () => {
		expect(RISK_TIER_RULE).toEqual({
			low: { netMarginBelow: 0.02, debtRatioAtLeast: 0.7, yearsInBusinessBelow: 1 },
			high: { netMarginAtLeast: 0.08, yearsInBusinessAtLeast: 5, debtRatioBelow: 0.4 },
			experienced: { ownerYearsInTradeAtLeast: 3 },
		});
	});
});

describe('riskTierOf and explainRiskTier (lesson m4/04 worked clients)', () => {
	test('甲 五金制品厂 meets all five high conditions', () => {
		const e = explainRiskTier(facts());
		expect(e.riskTier).toBe('high');
		expect(e.reasons.map((r) => r.code)).toEqual([
			'risk.high.margin',
			'risk.high.years',
			'risk.high.debt',
			'risk.high.credit',
			'risk.high.statements',
		]);
		expect(e.debtRatio).toBeCloseTo(0.3, 12);
	});

	test('甲 with a debt ratio of exactly 40% drops to moderate-experienced', () => {
		const e = explainRiskTier(facts({ existingDebtWan: 400 }));
		expect(e.riskTier).toBe('moderate-experienced');
		expect(e.reasons).toEqual([
			{ code: 'risk.not-high.debt', value: 0.4, threshold: 0.4, valuePct: 40, thresholdPct: 40, debtWan: 400, assetsWan: 1000 },
			{ code: 'risk.experienced', borrowedBefore: true, value: 15, threshold: 3 },
		]);
	});

	test('乙 社区超市: 5% margin and 4 years, but borrowed and repaid → moderate-experienced', () => {
		const yi = facts({
			legalForm: 'individual-business',
			industry: 'retail',
			employees: 12,
			revenueWan: 600,
			netMargin: 0.05,
			assetsWan: 200,
			existingDebtWan: 50,
			yearsInBusiness: 4,
			statements: 'tax-filed',
			owner: { yearsInTrade: 4 },
		});
		const e = explainRiskTier(yi);
		expect(e.riskTier).toBe('moderate-experienced');
		expect(e.reasons.map((r) => r.code)).toEqual(['risk.not-high.margin', 'risk.not-high.years', 'risk.experienced']);
	});

	test('丙 奶茶店: 12% margin but 2 years, never borrowed → moderate-inexperienced', () => {
		const bing = facts({
			netMargin: 0.12,
			assetsWan: 40,
			existingDebtWan: 0,
			yearsInBusiness: 2,
			statements: 'none',
			collateral: [],
			creditHistory: 'thin-file',
			owner: { borrowedBefore: false, yearsInTrade: 2 },
		});
		const e = explainRiskTier(bing);
		expect(e.riskTier).toBe('moderate-inexperienced');
		expect(e.reasons.map((r) => r.code)).toEqual([
			'risk.not-high.years',
			'risk.not-high.credit',
			'risk.not-high.security',
			'risk.inexperienced.never-borrowed',
			'risk.inexperienced.few-years',
		]);
	});

	test('丁 建材批发: 1.5% margin and a 70% debt ratio → low on both triggers', () => {
		const ding = facts({ netMargin: 0.015, assetsWan: 800, existingDebtWan: 560 });
		const e = explainRiskTier(ding);
		expect(e.riskTier).toBe('low');
		expect(e.reasons).toEqual([
			{ code: 'risk.low.thin-margin', value: 0.015, threshold: 0.02, valuePct: 1.5, thresholdPct: 2 },
			{ code: 'risk.low.high-debt', value: 0.7, threshold: 0.7, valuePct: 70, thresholdPct: 70, debtWan: 560, assetsWan: 800 },
		]);
	});

	test('a serious default or a business under one year is low', () => {
		expect(explainRiskTier(facts({ creditHistory: 'serious-default' })).reasons).toEqual([
			{ code: 'risk.low.serious-default', creditHistory: 'serious-default' },
		]);
		expect(explainRiskTier(facts({ yearsInBusiness: 0.9 })).reasons).toEqual([
			{ code: 'risk.low.new-business', value: 0.9, threshold: 1 },
		]);
		expect(riskTierOf(facts({ yearsInBusiness: 1 }))).not.toBe('low');
		expect(riskTierOf(facts({ netMargin: 0.02 }))).not.toBe('low');
	});

	test('the tricky 个体餐馆: no statements and collateral 80 < 100 requested → not high; 80 requested → high', () => {
		const base = facts({
			legalForm: 'individual-business',
			industry: 'catering',
			netMargin: 0.1,
			yearsInBusiness: 7,
			assetsWan: 200,
			existingDebtWan: 70,
			statements: 'none',
			collateral: [{ kind: 'residential-property', valueWan: 80 }],
			requestedAmountWan: 100,
		});
		const e = explainRiskTier(base);
		expect(e.riskTier).toBe('moderate-experienced');
		expect(e.reasons[0]).toEqual({ code: 'risk.not-high.security', value: 80, threshold: 100, statements: 'none' });
		const at = explainRiskTier({ ...base, requestedAmountWan: 80 });
		expect(at.riskTier).toBe('high');
		expect(at.reasons[4]).toEqual({ code: 'risk.high.collateral', value: 80, threshold: 80, statements: 'none' });
	});

	test('minor late payments keep a client out of high but not in low', () => {
		const e = explainRiskTier(facts({ creditHistory: 'minor-late' }));
		expect(e.riskTier).toBe('moderate-experienced');
		expect(e.reasons[0]).toEqual({ code: 'risk.not-high.credit', creditHistory: 'minor-late' });
	});

	test('riskTierOf agrees with explainRiskTier on arbitrary clients', () => {
		fc.assert(
			fc.property(
				fc.record({
					netMargin: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
					existingDebtWan: fc.double({ min: 0, max: 2000, noNaN: true }),
					assetsWan: fc.double({ min: 0, max: 2000, noNaN: true }),
					yearsInBusiness: fc.double({ min: 0, max: 30, noNaN: true }),
					creditHistory: fc.constantFrom('clean', 'minor-late', 'serious-default', 'thin-file' as const),
					statements: fc.constantFrom('audited', 'tax-filed', 'none' as const),
					requestedAmountWan: fc.double({ min: 1, max: 1000, noNaN: true }),
					collateral: fc.array(fc.record({ kind: fc.constant('equipment' as const), valueWan: fc.double({ min: 0, max: 500, noNaN: true }) }), {
						maxLength: 3,
					}),
					borrowedBefore: fc.boolean(),
					yearsInTrade: fc.nat(30),
				}),
				(r) => {
					const c = facts({ ...r, owner: { borrowedBefore: r.borrowedBefore, yearsInTrade: r.yearsInTrade } });
					expect(riskTierOf(c)).toBe(explainRiskTier(c).riskTier);
					const first = explainRiskTier(c, 1);
					expect(decided(c)).toEqual({ riskTier: first.riskTier, debtRatio: first.debtRatio, reason: first.reasons[0] });
				},
			),
		);
	});
});

describe('debtRatioOf and collateralValueOf', () => {
	test('handle zero assets and empty collateral', () => {
		expect(debtRatioOf({ existingDebtWan: 0, assetsWan: 0 })).toBe(0);
		expect(debtRatioOf({ existingDebtWan: 5, assetsWan: 0 })).toBe(Number.POSITIVE_INFINITY);
		expect(debtRatioOf({ existingDebtWan: 30, assetsWan: 100 })).toBeCloseTo(0.3, 12);
		expect(collateralValueOf({ collateral: [] })).toBe(0);
		expect(collateralValueOf({ collateral: [{ kind: 'vehicle', valueWan: 10 }, { kind: 'deposit', valueWan: 5 }] })).toBe(15);
	});
});

describe('trackOf', () => {
	test('maps every industry to its documented track', () => {
		expect(Object.keys(TRACK_OF_INDUSTRY).sort()).toEqual([...INDUSTRIES].sort());
		const byTrack = (t: string) => INDUSTRIES.filter((i) => trackOf(i) === t).sort();
		expect(byTrack('trade')).toEqual(['retail', 'wholesale']);
		expect(byTrack('services')).toEqual(
			['accommodation', 'catering', 'leasing-business-services', 'other', 'postal', 'property-management', 'transport', 'warehousing'].sort(),
		);
		expect(byTrack('manufacturing')).toEqual(['agriculture', 'construction', 'industry']);
		expect(byTrack('other')).toEqual(['information-transmission', 'real-estate-development', 'software-it']);
	});
});

describe('probabilityOfDefault', () => {
	const sample = generateClients('pd-calibration', 4000);
	const median = (xs: number[]) => {
		const s = xs.slice().sort((a, b) => a - b);
		return s[Math.floor(s.length / 2)] as number;
	};

	test('gives typical micro clients a PD of 1–6%', () => {
		const micro = sample.filter((c) => c.truth.sizeClass === 'micro' && c.creditHistory !== 'serious-default').map((c) => c.truth.pd);
		const m = median(micro);
		expect(m).toBeGreaterThanOrEqual(0.01);
		expect(m).toBeLessThanOrEqual(0.06);
		const inBand = micro.filter((p) => p >= 0.005 && p <= 0.08).length / micro.length;
		expect(inBand).toBeGreaterThan(0.75);
	});

	test('gives clients with a serious default a PD of 15–30%', () => {
		const bad = sample.filter((c) => c.creditHistory === 'serious-default').map((c) => c.truth.pd);
		expect(bad.length).toBeGreaterThan(50);
		const m = median(bad);
		expect(m).toBeGreaterThanOrEqual(0.15);
		expect(m).toBeLessThanOrEqual(0.3);
	});

	test('rises with each risk factor and stays within its clamp', () => {
		const base = probabilityOfDefault(facts());
		expect(probabilityOfDefault(facts({ creditHistory: 'minor-late' }))).toBeGreaterThan(base);
		expect(probabilityOfDefault(facts({ netMargin: 0.01 }))).toBeGreaterThan(base);
		expect(probabilityOfDefault(facts({ existingDebtWan: 800 }))).toBeGreaterThan(base);
		expect(probabilityOfDefault(facts({ yearsInBusiness: 0.5 }))).toBeGreaterThan(probabilityOfDefault(facts({ yearsInBusiness: 2 })));
		expect(probabilityOfDefault(facts({ yearsInBusiness: 2 }))).toBeGreaterThan(base);
		expect(probabilityOfDefault(facts({ yearsInBusiness: 12 }))).toBeLessThan(base);
		expect(probabilityOfDefault(facts({ statements: 'none' }))).toBeGreaterThan(base);
		expect(probabilityOfDefault(facts({ owner: { habits: 'risky', reputation: 'poor' } }))).toBeGreaterThan(base);
		expect(probabilityOfDefault(facts({ collateral: [] }))).toBeGreaterThan(base);
		expect(probabilityOfDefault(facts({ requestedAmountWan: 0, collateral: [] }))).toBe(probabilityOfDefault(facts({ collateral: [] })));
		const worst = probabilityOfDefault(
			facts({
				creditHistory: 'serious-default',
				netMargin: -0.5,
				existingDebtWan: 5000,
				yearsInBusiness: 0.2,
				statements: 'none',
				collateral: [],
				owner: { habits: 'risky', reputation: 'poor' },
			}),
		);
		expect(worst).toBeLessThanOrEqual(PD_MODEL.maxPd);
		expect(worst).toBeGreaterThan(0.5);
		const best = probabilityOfDefault(facts({ netMargin: 0.4, existingDebtWan: 0, yearsInBusiness: 20, collateral: [{ kind: 'deposit', valueWan: 9999 }] }));
		expect(best).toBeGreaterThanOrEqual(PD_MODEL.minPd);
		expect(probabilityOfDefault(facts({ netMargin: Number.NaN }))).toBeGreaterThan(0);
	});

	test('gives the floor PD to a client with a code outside the model, never NaN', () => {
		const junk = ['unknown', 'toString', '__proto__'] as unknown as never[];
		for (const code of junk) {
			expect(probabilityOfDefault(facts({ creditHistory: code }))).toBe(PD_MODEL.minPd);
			expect(probabilityOfDefault(facts({ statements: code }))).toBe(PD_MODEL.minPd);
			expect(probabilityOfDefault(facts({ owner: { habits: code } }))).toBe(PD_MODEL.minPd);
			expect(probabilityOfDefault(facts({ owner: { reputation: code } }))).toBe(PD_MODEL.minPd);
		}
	});
});

describe('truthOf', () => {
	test('combines class, segment, tier, capital need and PD', () => {
		const f = facts();
		const wc = workingCapitalNeed(workingCapitalInputOf(f));
		expect(wc.ok).toBe(true);
		const t = truthOf(f);
		expect(t.sizeClass).toBe('small');
		expect(t.segment).toBe('small');
		expect(t.riskTier).toBe('high');
		expect(t.capitalNeedWan).toBe(Math.round((wc.ok ? wc.newLoanLimitWan : 0) * 100) / 100);
		expect(t.pd).toBe(probabilityOfDefault(f));
	});

	test('floors the capital need at 0 and gives 0 when the formula cannot run', () => {
		expect(truthOf(facts({ ownFundsWan: 1e6 })).capitalNeedWan).toBe(0);
		expect(truthOf(facts({ payableDays: 1000 })).capitalNeedWan).toBe(0);
	});

	test('maps the formula fields one to one (销售利润率 = net margin)', () => {
		const f = facts();
		expect(workingCapitalInputOf(f)).toEqual({
			lastYearRevenueWan: 1800,
			lastYearProfitMargin: 0.09,
			expectedGrowth: 0.1,
			inventoryDays: 60,
			receivableDays: 75,
			payableDays: 45,
			prepaidDays: 10,
			advanceReceiptDays: 5,
			ownFundsWan: 150,
			existingWorkingCapitalLoansWan: 200,
			otherFundingWan: 0,
		});
	});
});

describe('explanations limited to the first reasons', () => {
	test('a limit keeps the tier and the leading reasons, in order, for every generated client', () => {
		for (const c of generateClients('limits', 800)) {
			const risk = explainRiskTier(c);
			for (const limit of [1, 2, 3]) {
				const short = explainRiskTier(c, limit);
				expect(short.riskTier).toBe(risk.riskTier);
				expect(short.debtRatio).toBe(risk.debtRatio);
				expect(short.reasons).toEqual(risk.reasons.slice(0, limit));
			}
			const size = explainSizeSegment(c);
			const firstSize = explainSizeSegment(c, 1);
			expect(firstSize.segment).toBe(size.segment);
			expect(firstSize.reasons).toEqual(size.reasons.slice(0, 1));
		}
	});

	test('decideRiskTierInto gives the tier, debt ratio and first reason of explainRiskTier, junk included', () => {
		const junk = [
			facts({ creditHistory: undefined as never }),
			facts({ creditHistory: 7 as never }),
			facts({ statements: undefined as never }),
			facts({ statements: 'none', collateral: [] }),
			facts({ netMargin: Number.NaN }),
			facts({ yearsInBusiness: Number.NaN }),
			facts({ assetsWan: 0, existingDebtWan: 5 }),
			facts({ owner: { yearsInTrade: undefined as never } }),
		];
		for (const c of [...generateClients('limits', 800), ...junk]) {
			const first = explainRiskTier(c, 1);
			expect(decided(c)).toEqual({ riskTier: first.riskTier, debtRatio: first.debtRatio, reason: first.reasons[0] });
		}
	});

	test('a limit below one (or NaN) still gives the deciding reason', () => {
		const c = generateClients('limits', 1)[0]!;
		expect(explainRiskTier(c, 0).reasons).toHaveLength(1);
		expect(explainRiskTier(c, Number.NaN).reasons).toHaveLength(1);
		expect(explainSizeSegment(c, -3).reasons).toHaveLength(1);
	});
});
