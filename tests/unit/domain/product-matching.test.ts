import { describe, expect, test } from 'vitest';
import { PRODUCT_IDS } from '../../../src/domain/loan-terms';
import {
	EMPTY_DRAFT,
	MATCHING_TRACKS,
	RATIONALE_MAX_CHARS,
	calculateWorkingCapital,
	checkElement,
	checkNumber,
	draftOf,
	isMatchingTrack,
	orderCatalogue,
	parseNumberInput,
	pctToRate,
	productLimits,
	rateToPct,
	suggestedAmountWan,
	validateDraft,
	wcFormOf,
	wcInputOf,
	type DecisionDraft,
} from '../../../src/domain/product-matching';
import { AGING_BUCKETS, PEAK_SHARE_OF_MEAN, agingView, marginView, revenueProfile } from '../../../src/domain/product-matching-charts';
import { SCENARIO_POOL, scenarioFor } from '../../../src/domain/product-matching-scenario';
import { RULES, expertDecision, type ProductDecision } from '../../../src/domain/product-rules';
import { findProduct, type Product } from '../../../src/domain/products';
import { workingCapitalInputOf } from '../../../src/domain/working-capital';
import { loadCatalogue, tradeClient } from './b-fixtures';

const catalogue = orderCatalogue(loadCatalogue());
const product = (id: string): Product => {
	const p = findProduct(catalogue, id);
	if (!p) throw new Error(id);
	return p;
};

describe('isMatchingTrack', () => {
	test('accepts the three practised tracks only', () => {
		for (const t of MATCHING_TRACKS) expect(isMatchingTrack(t)).toBe(true);
		expect(isMatchingTrack('other')).toBe(false);
		expect(isMatchingTrack(undefined)).toBe(false);
	});
});

describe('scenarioFor', () => {
	test('shows an in-scope client of the track that the expert lends to, the same for the same seed', () => {
		for (const track of MATCHING_TRACKS) {
			const s = scenarioFor('unit-seed', track, catalogue);
			expect(s.client.track).toBe(track);
			expect(s.client.truth.segment).not.toBe('out-of-scope');
			expect(s.expert.action).toBe('lend');
			expect(s.index).toBeGreaterThanOrEqual(0);
			expect(s.index).toBeLessThan(SCENARIO_POOL);
			expect(scenarioFor('unit-seed', track, catalogue).client).toEqual(s.client);
		}
	});

	test('differs between seeds and tracks', () => {
		const a = scenarioFor('seed-a', 'trade', catalogue).client;
		expect(scenarioFor('seed-b', 'trade', catalogue).client.name === a.name && scenarioFor('seed-a', 'services', catalogue).client.name === a.name).toBe(false);
	});

	test('falls back to the first client when nobody is lendable', () => {
		const s = scenarioFor('unit-seed', 'services', []);
		expect(s.index).toBe(0);
		expect(s.expert.action).not.toBe('lend');
		expect(s.expert).toEqual(expertDecision(s.client, []));
	});
});

describe('orderCatalogue', () => {
	test('puts products in PRODUCT_IDS order and a bank’s own products after, by id', () => {
		const extra = (id: string): Product => ({ ...product('credit-loan'), id });
		const shuffled = [extra('zz-bank'), ...[...catalogue].reverse(), extra('aa-bank'), extra('aa-bank')];
		const ids = orderCatalogue(shuffled).map((p) => p.id);
		expect(ids.slice(0, PRODUCT_IDS.length)).toEqual([...PRODUCT_IDS]);
		expect(ids.slice(PRODUCT_IDS.length)).toEqual(['aa-bank', 'aa-bank', 'zz-bank']);
	});
});

describe('revenueProfile', () => {
	test('calls out the peak and slack months against the mean', () => {
		const p = revenueProfile({ monthlyRevenueWan: [10, 10, 10, 10, 10, 10, 20, 20, 10, 10, 5, 5] });
		expect(p.totalWan).toBe(130);
		expect(p.meanWan).toBeCloseTo(10.83, 2);
		expect(p.peakLineWan).toBeCloseTo(p.meanWan * PEAK_SHARE_OF_MEAN, 1);
		expect(p.slackLineWan).toBeCloseTo(p.meanWan * RULES.slackShareOfMean, 1);
		expect(p.peakMonths).toEqual([7, 8]);
		expect(p.slackMonths).toEqual([11, 12]);
		expect(p.season).toMatchObject({ peakMonth: 7, troughMonth: 11, peakTroughRatio: 4, seasonal: true });
	});

	test('reads a missing or short series as zeros without inventing seasons', () => {
		const p = revenueProfile({ monthlyRevenueWan: undefined as unknown as number[] });
		expect(p.monthsWan).toEqual(Array(12).fill(0));
		expect(p).toMatchObject({ totalWan: 0, meanWan: 0, peakMonths: [], slackMonths: [] });
		expect(revenueProfile({ monthlyRevenueWan: [5, Number.NaN, -3] }).monthsWan.slice(0, 4)).toEqual([5, 0, 0, 0]);
	});
});

describe('agingView', () => {
	test('lines receivables up with payables by bucket', () => {
		const v = agingView({ arAging: { d0to30: 50, d31to60: 20, d61to90: 10, d91plus: 20 }, apAging: { d0to30: 30, d31to60: 0, d61to90: 0, d91plus: 0 } });
		expect(v.rows.map((r) => r.bucket)).toEqual([...AGING_BUCKETS]);
		expect(v.rows.map((r) => [r.arWan, r.apWan])).toEqual([
			[50, 30],
			[20, 0],
			[10, 0],
			[20, 0],
		]);
		expect(v.ar).toMatchObject({ totalWan: 100, share91plus: 0.2, heavy91: true });
		expect(v.ap).toMatchObject({ totalWan: 30, clean: true });
	});

	test('treats missing buckets as empty', () => {
		const v = agingView({ arAging: undefined as never, apAging: { d0to30: -1 } as never });
		expect(v.rows.every((r) => r.arWan === 0 && r.apWan === 0)).toBe(true);
		expect(v.ar.totalWan).toBe(0);
	});
});

describe('marginView', () => {
	test('compares margins with the rate and flags a thin gross margin', () => {
		const v = marginView({ grossMargin: 0.12, netMargin: 0.05 }, 0.0435);
		expect(v).toMatchObject({ grossMargin: 0.12, netMargin: 0.05, annualRate: 0.0435, thinMarginLine: RULES.lowGrossMargin, thinGross: true });
		expect(v.netMinusRate).toBeCloseTo(0.0065, 6);
		expect(marginView({ grossMargin: 0.3, netMargin: 0.01 }, 0.05)).toMatchObject({ thinGross: false, netMinusRate: -0.04 });
	});

	test('reads non-numbers as 0', () => {
		expect(marginView({ grossMargin: Number.NaN, netMargin: undefined as never }, Number.POSITIVE_INFINITY)).toMatchObject({ grossMargin: 0, netMargin: 0, annualRate: 0, netMinusRate: 0 });
	});
});

describe('parseNumberInput', () => {
	test('reads what learners type, including full-width digits and grouping commas', () => {
		expect(parseNumberInput('63.5')).toBe(63.5);
		expect(parseNumberInput(' 1,200 ')).toBe(1200);
		expect(parseNumberInput('５０．５')).toBe(50.5);
		expect(parseNumberInput('－5')).toBe(-5);
		expect(parseNumberInput('.5')).toBe(0.5);
		expect(parseNumberInput('+7')).toBe(7);
	});

	test('gives null for blank and NaN for anything else', () => {
		expect(parseNumberInput('')).toBeNull();
		expect(parseNumberInput('   ')).toBeNull();
		expect(parseNumberInput(undefined)).toBeNull();
		expect(parseNumberInput(null)).toBeNull();
		for (const bad of ['abc', '1e3', '12万', '1.2.3', '-', 'Infinity', '0x10']) expect(parseNumberInput(bad), bad).toBeNaN();
	});
});

describe('checkNumber', () => {
	const range = { min: 3, max: 36 };
	test('accepts a value in range', () => {
		expect(checkNumber('12', range, true)).toEqual({ ok: true, value: 12 });
		expect(checkNumber('36', range)).toEqual({ ok: true, value: 36 });
	});
	test('names what is wrong', () => {
		expect(checkNumber('', range)).toEqual({ ok: false, error: { code: 'required' } });
		expect(checkNumber('abc', range)).toEqual({ ok: false, error: { code: 'not-number' } });
		expect(checkNumber('12.5', range, true)).toEqual({ ok: false, error: { code: 'not-integer' } });
		expect(checkNumber('2', range)).toEqual({ ok: false, error: { code: 'below-min', min: 3, max: 36 } });
		expect(checkNumber('-5', range)).toEqual({ ok: false, error: { code: 'below-min', min: 3, max: 36 } });
		expect(checkNumber('48', range)).toEqual({ ok: false, error: { code: 'above-max', min: 3, max: 36 } });
	});
	test('without a range asks only for a positive number', () => {
		expect(checkNumber('0', null)).toEqual({ ok: false, error: { code: 'below-min', min: 0 } });
		expect(checkNumber('1e9', null)).toEqual({ ok: false, error: { code: 'not-number' } });
		expect(checkNumber('999999', null)).toEqual({ ok: true, value: 999999 });
	});
});

describe('rate conversions', () => {
	test('round-trip percent and fraction without float noise', () => {
		expect(pctToRate(4.35)).toBe(0.0435);
		expect(rateToPct(0.0435)).toBe(4.35);
		expect(rateToPct(pctToRate(3.07))).toBe(3.07);
	});
});

describe('productLimits', () => {
	test('states the ranges and lists a product allows, the rate in percent over its LPR', () => {
		const wc = product('working-capital');
		const l = productLimits(wc);
		expect(l.amountWan).toEqual(wc.amountWan);
		expect(l.termMonths).toEqual(wc.termMonths);
		expect(l.basePct).toBe(3);
		expect(l.base).toBe('lpr-1y');
		expect(l.ratePct).toEqual({ min: 3 + wc.pricing.minSpreadBp / 100, max: 3 + wc.pricing.maxSpreadBp / 100 });
		expect(l.spreadBp).toEqual({ min: wc.pricing.minSpreadBp, max: wc.pricing.maxSpreadBp });
		expect(l.repayment).toEqual(wc.repaymentMethods);
		expect(l.guarantee).toEqual(wc.guaranteeMethods);
	});
});

describe('checkElement', () => {
	const wc = product('working-capital');
	test('turns typed values into decision changes', () => {
		expect(checkElement('amountWan', '63.5', wc)).toEqual({ ok: true, change: { amountWan: 63.5 } });
		expect(checkElement('termMonths', '12', wc)).toEqual({ ok: true, change: { termMonths: 12 } });
		expect(checkElement('ratePct', '4.35', wc)).toEqual({ ok: true, change: { annualRate: 0.0435 } });
		expect(checkElement('repayment', 'seasonal', wc)).toEqual({ ok: true, change: { repayment: 'seasonal' } });
		expect(checkElement('guarantee', 'mortgage', wc)).toEqual({ ok: true, change: { guarantee: 'mortgage' } });
	});
	test('refuses values outside the product', () => {
		expect(checkElement('termMonths', '48', wc)).toEqual({ ok: false, error: { code: 'above-max', min: 3, max: 36 } });
		expect(checkElement('ratePct', '1', wc)).toMatchObject({ ok: false, error: { code: 'below-min' } });
		expect(checkElement('repayment', 'revolving', wc)).toEqual({ ok: false, error: { code: 'not-offered' } });
		expect(checkElement('guarantee', '', wc)).toEqual({ ok: false, error: { code: 'required' } });
		expect(checkElement('guarantee', 'government-guarantee', wc)).toEqual({ ok: false, error: { code: 'not-offered' } });
	});
	test('without a product accepts any known method and any positive number', () => {
		expect(checkElement('repayment', 'revolving', null)).toEqual({ ok: true, change: { repayment: 'revolving' } });
		expect(checkElement('guarantee', 'nonsense', null)).toEqual({ ok: false, error: { code: 'not-offered' } });
		expect(checkElement('termMonths', '120', null)).toEqual({ ok: true, change: { termMonths: 120 } });
	});
});

describe('validateDraft', () => {
	const good: DecisionDraft = { productId: 'working-capital', amountWan: '60', termMonths: '12', ratePct: '4.2', repayment: 'interest-monthly-bullet', guarantee: 'mortgage', rationale: '' };
	test('gives the decision when every field is valid', () => {
		expect(validateDraft(good, catalogue)).toEqual({
			decision: { productId: 'working-capital', amountWan: 60, termMonths: 12, annualRate: 0.042, repayment: 'interest-monthly-bullet', guarantee: 'mortgage' },
			errors: {},
		});
		expect(validateDraft({ ...good, rationale: '  按缺口定额度  ' }, catalogue).decision?.rationale).toBe('按缺口定额度');
	});
	test('lists an error per invalid field', () => {
		expect(validateDraft({ ...EMPTY_DRAFT }, catalogue)).toEqual({
			decision: null,
			errors: {
				productId: { code: 'required' },
				amountWan: { code: 'required' },
				termMonths: { code: 'required' },
				ratePct: { code: 'required' },
				repayment: { code: 'required' },
				guarantee: { code: 'required' },
			},
		});
		const r = validateDraft({ ...good, productId: 'no-such', termMonths: 'abc', rationale: '理'.repeat(RATIONALE_MAX_CHARS + 1) }, catalogue);
		expect(r.decision).toBeNull();
		expect(r.errors).toEqual({ productId: { code: 'not-offered' }, termMonths: { code: 'not-number' }, rationale: { code: 'too-long', max: RATIONALE_MAX_CHARS } });
		expect(validateDraft({ ...good, rationale: '理'.repeat(RATIONALE_MAX_CHARS) }, catalogue).errors).toEqual({});
	});
	test('round-trips a decision through the form', () => {
		const d: ProductDecision = { productId: 'tax-data-loan', amountWan: 80.5, termMonths: 12, annualRate: 0.0437, repayment: 'revolving', guarantee: 'credit' };
		expect(validateDraft(draftOf(d), catalogue).decision).toEqual(d);
		expect(draftOf({ ...d, rationale: '税贷' }).rationale).toBe('税贷');
	});
});

describe('working-capital calculator', () => {
	const input = workingCapitalInputOf(tradeClient());
	test('prefills from the client (margins in percent) and computes the same need as the formula', () => {
		const form = wcFormOf(input);
		expect(form.lastYearRevenueWan).toBe('3000');
		expect(form.lastYearProfitMargin).toBe('5');
		expect(form.expectedGrowth).toBe('10');
		expect(wcInputOf(form)).toEqual(input);
		const r = calculateWorkingCapital(form);
		expect(r).toMatchObject({ ok: true, turnoverDays: 60, turnoverTimes: 6 });
		expect(r.ok && r.newLoanLimitWan).toBeCloseTo(3000 * 0.95 * 1.1 / 6 - 250, 6);
		expect(suggestedAmountWan(r)).toBe(272.5);
	});
	test('reports unreadable and negative fields with the formula’s codes', () => {
		const r = calculateWorkingCapital({ ...wcFormOf(input), receivableDays: 'abc', ownFundsWan: '-5', expectedGrowth: '' });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors).toEqual([
			{ field: 'receivableDays', code: 'not-finite' },
			{ field: 'ownFundsWan', code: 'negative' },
			{ field: 'expectedGrowth', code: 'not-finite' },
		]);
		expect(suggestedAmountWan(r)).toBeNull();
		expect(wcFormOf({ ...input, ownFundsWan: Number.NaN }).ownFundsWan).toBe('0');
	});
	test('suggests no amount when there is no positive gap', () => {
		expect(suggestedAmountWan(calculateWorkingCapital({ ...wcFormOf(input), ownFundsWan: '5000' }))).toBeNull();
		expect(suggestedAmountWan({ ok: true, turnoverDays: 60, turnoverTimes: 6, workingCapitalWan: 1, newLoanLimitWan: 0.04 })).toBeNull();
		expect(suggestedAmountWan({ ok: true, turnoverDays: 60, turnoverTimes: 6, workingCapitalWan: 100, newLoanLimitWan: 63.56 })).toBe(63.5);
	});
});
