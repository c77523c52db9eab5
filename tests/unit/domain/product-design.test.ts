import { describe, expect, test } from 'vitest';
import type { Client } from '../../../src/domain/client';
import { profileClient } from '../../../src/domain/product-rules';
import {
	BRIEFS,
	BRIEF_IDS,
	DEFAULT_DESIGN,
	DEFAULT_PRODUCT_DESIGN_WEIGHTS,
	DESIGN_LIMITS,
	DESIGN_RULES,
	SAMPLE_RANGE,
	allInCost,
	channelOf,
	findBrief,
	rateOf,
	validateDesign,
	type ProductDesign,
} from '../../../src/domain/product-design';
import {
	NEED_BINS_WAN,
	designedProduct,
	evaluateDesign,
	guaranteeAvailable,
	judgeClient,
	loanAmount,
	needHistogram,
	portfolioExpectedLoss,
	profileSample,
	runDesign,
	sampleClients,
	scoreDesign,
	termWindow,
} from '../../../src/domain/product-design-evaluation';
import { HURDLE_RAROC, OPERATING_COST_WAN } from '../../../src/domain/rates';
import type { Feedback } from '../../../src/domain/scoring/feedback';
import { client } from './client-fixture';

const design = (over: Partial<ProductDesign> = {}): ProductDesign => ({ ...DEFAULT_DESIGN, ...over });
const codes = (fb: Feedback) => fb.findings.map((f) => f.code);
const find = (fb: Feedback, code: string) => fb.findings.find((f) => f.code === code);

/** 甲: a seasonal (Feb dip) hardware maker with a ≈125万 working-capital gap, mortgageable property, an anchor buyer, clean record. */
const jia = client();
const jiaNeed = profileClient(jia).needWan;
/** A steady (flat revenue) version of 甲. */
const steady = client({ id: 'steady', monthlyRevenueWan: new Array(12).fill(150) });

/** A design that serves 甲 well. */
const good = design({ amountMinWan: 10, amountMaxWan: 500, termMinMonths: 6, termMaxMonths: 12, spreadBp: 150, repayments: ['seasonal', 'revolving', 'interest-monthly-bullet'], guarantees: ['mortgage', 'government-guarantee'], requirements: ['tax-data'], minYearsInBusiness: 1 });

describe('lesson numbers', () => {
	test('LPR 3.00% plus 50 bp is 3.50% and plus 150 bp is 4.50%; the guarantee case charges 3.80%', () => {
		expect(rateOf(50)).toBeCloseTo(0.035, 10);
		expect(rateOf(150)).toBeCloseTo(0.045, 10);
		expect(rateOf(80)).toBeCloseTo(0.038, 10);
		expect(rateOf(Number.NaN)).toBe(0.03);
	});

	test('300万 at 3.80% with a 1% guarantee fee costs 11.4 + 3 = 14.4万 a year, 4.8%', () => {
		const c = allInCost(300, rateOf(80), 0.01);
		expect(c.interestWan).toBeCloseTo(11.4, 6);
		expect(c.feeWan).toBeCloseTo(3, 6);
		expect(c.totalWan).toBeCloseTo(14.4, 6);
		expect(c.rate).toBeCloseTo(0.048, 6);
		expect(allInCost(0, 0.04, 0.01).rate).toBe(0);
		expect(allInCost(-5, Number.NaN, -1)).toEqual({ interestWan: 0, feeWan: 0, totalWan: 0, rate: 0 });
	});

	test('260 market stalls of 12万 with 2% defaulting and half lost: 3120万, expected loss 31.2万 = 1%', () => {
		const loans = Array.from({ length: 260 }, () => ({ amountWan: 12, pd: 0.02, lgd: 0.5 }));
		const r = portfolioExpectedLoss(loans);
		expect(r.amountWan).toBe(3120);
		expect(r.expectedLossWan).toBeCloseTo(31.2, 6);
		expect(r.rate).toBeCloseTo(0.01, 6);
		expect(portfolioExpectedLoss([])).toEqual({ amountWan: 0, expectedLossWan: 0, rate: 0 });
		expect(portfolioExpectedLoss([{ amountWan: Number.NaN, pd: 0.1, lgd: 0.5 }]).amountWan).toBe(0);
	});
});

describe('briefs and samples', () => {
	test('findBrief knows the five briefs and nothing else', () => {
		expect(BRIEF_IDS).toHaveLength(5);
		for (const id of BRIEF_IDS) expect(findBrief(id)).toBe(BRIEFS[id]);
		expect(findBrief('nope')).toBeUndefined();
	});

	test('the same seed gives the same sample; every client has a working-capital purpose and fits its brief', () => {
		const a = sampleClients(BRIEFS['county-agri-wholesale'], 'unit', 60);
		const b = sampleClients(BRIEFS['county-agri-wholesale'], 'unit', 60);
		expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
		expect(a).toHaveLength(60);
		for (const c of a) {
			expect(['working-capital', 'inventory-stocking', 'order-fulfilment', 'agricultural-production']).toContain(c.purpose);
			expect(BRIEFS['county-agri-wholesale'].trades).toContain(c.trade);
		}
		for (const c of sampleClients(BRIEFS['anchor-suppliers'], 'unit', 40)) expect(c.supplyChain.anchorBuyer).toBe(true);
		for (const c of sampleClients(BRIEFS['community-catering'], 'unit', 40)) {
			expect(c.industry).toBe('catering');
			expect(c.legalForm).toBe('individual-business');
		}
		expect(sampleClients(BRIEFS['tech-light-asset'], 'other', 60).map((c) => c.id)).not.toEqual(sampleClients(BRIEFS['tech-light-asset'], 'unit', 60).map((c) => c.id));
	});

	test('the sample size is clamped', () => {
		expect(sampleClients(BRIEFS['suburban-farmers'], 'unit', 0)).toHaveLength(1);
		expect(sampleClients(BRIEFS['suburban-farmers'], 'unit', 9999)).toHaveLength(SAMPLE_RANGE.max);
		expect(sampleClients(BRIEFS['suburban-farmers'], 'unit', Number.NaN)).toHaveLength(200);
	});

	test('a brief nobody can match yields an empty sample instead of looping', () => {
		expect(sampleClients({ id: 'community-catering', generator: { industries: ['catering'] }, trades: ['no such trade'] }, 'unit', 5)).toEqual([]);
	});

	test('the profile describes the lendable clients', () => {
		const sample = sampleClients(BRIEFS['community-catering'], 'unit', 120);
		const p = profileSample(sample);
		expect(p.size).toBe(120);
		const lendable = sample.filter((c) => c.creditHistory !== 'serious-default' && profileClient(c).needWan >= DESIGN_RULES.minNeedWan);
		expect(p.lendable).toBe(lendable.length);
		expect(p.anchorBuyer).toBe(0);
		expect(p.medianNeedWan).toBeGreaterThanOrEqual(DESIGN_RULES.minNeedWan);
		expect(p.p90NeedWan).toBeGreaterThanOrEqual(p.medianNeedWan);
		for (const k of ['statements', 'taxData', 'settlement', 'seasonal', 'mortgageable', 'noSecurity', 'thinFile'] as const) {
			expect(p[k]).toBeGreaterThanOrEqual(0);
			expect(p[k]).toBeLessThanOrEqual(1);
		}
		expect(profileSample([])).toMatchObject({ size: 0, lendable: 0, medianNeedWan: 0, p90NeedWan: 0, statements: 0, maxCycleMonths: 0 });
	});
});

describe('validateDesign', () => {
	test('accepts the default design', () => {
		expect(validateDesign(DEFAULT_DESIGN)).toEqual([]);
	});

	test('names each bad field with its problem and the allowed range', () => {
		const errs = validateDesign(design({ amountMinWan: Number.NaN, amountMaxWan: 9999, termMinMonths: 6.5, termMaxMonths: 0, spreadBp: 12.5, minYearsInBusiness: -1, repayments: [], guarantees: ['nope' as never] }));
		expect(errs).toEqual([
			{ field: 'amountMinWan', code: 'not-number' },
			{ field: 'amountMaxWan', code: 'out-of-range', min: DESIGN_LIMITS.amountWan.min, max: DESIGN_LIMITS.amountWan.max },
			{ field: 'termMinMonths', code: 'not-whole' },
			{ field: 'termMaxMonths', code: 'out-of-range', min: 1, max: 120 },
			{ field: 'spreadBp', code: 'not-whole' },
			{ field: 'minYearsInBusiness', code: 'out-of-range', min: 0, max: 10 },
			{ field: 'repayments', code: 'none-chosen' },
			{ field: 'guarantees', code: 'none-chosen' },
		]);
	});

	test('refuses a lower limit above the upper one and lists that are not lists', () => {
		const errs = validateDesign(design({ amountMinWan: 200, amountMaxWan: 100, termMinMonths: 24, termMaxMonths: 12, repayments: null as never, guarantees: undefined as never }));
		expect(errs.map((e) => `${e.field}:${e.code}`)).toEqual(['amountMaxWan:min-above-max', 'termMaxMonths:min-above-max', 'repayments:none-chosen', 'guarantees:none-chosen']);
	});
});

describe('designedProduct and channelOf', () => {
	test('turns the design into a catalogue product with its entry conditions', () => {
		const p = designedProduct(design({ requirements: ['statements', 'tax-data', 'settlement-history', 'anchor-buyer'], guarantees: ['government-guarantee', 'mortgage'], repayments: ['seasonal', 'seasonal'], minYearsInBusiness: 2, spreadBp: 120 }));
		expect(p.eligibility).toMatchObject({ statementsRequired: true, taxGrades: ['A', 'B', 'M'], anchorBuyerRequired: true, minSettlementMonths: DESIGN_RULES.settlementMonths, minYearsInBusiness: 2 });
		expect(p.guaranteeMethods).toEqual(['mortgage', 'government-guarantee']);
		expect(p.repaymentMethods).toEqual(['seasonal']);
		expect(p.guaranteeFee).toEqual({ upTo500Wan: 0.01, above500Wan: 0.015, bankRiskShare: 0.2 });
		expect(p.maxLoanToCollateral).toBe(DESIGN_RULES.loanToCollateral);
		expect(p.pricing).toEqual({ base: 'lpr-1y', minSpreadBp: 120, maxSpreadBp: 120 });
		expect(p.channel).toBe('batch-scenario');
	});

	test('tolerates missing lists and numbers', () => {
		const p = designedProduct({ ...DEFAULT_DESIGN, requirements: null as never, repayments: null as never, guarantees: null as never, amountMinWan: Number.NaN, spreadBp: Number.NaN, minYearsInBusiness: Number.NaN });
		expect(p.eligibility.statementsRequired).toBe(false);
		expect(p.repaymentMethods).toEqual([]);
		expect(p.guaranteeFee).toBeNull();
		expect(p.maxLoanToCollateral).toBeNull();
		expect(p.amountWan.min).toBe(0);
		expect(p.eligibility.minYearsInBusiness).toBe(0);
	});

	test('infers how the product is run from the data it requires', () => {
		expect(channelOf({ requirements: ['anchor-buyer', 'tax-data'] })).toBe('batch-scenario');
		expect(channelOf({ requirements: ['tax-data'] })).toBe('online-data');
		expect(channelOf({ requirements: ['settlement-history'] })).toBe('online-data');
		expect(channelOf({ requirements: ['statements'] })).toBe('branch-visit');
		expect(channelOf({ requirements: undefined as never })).toBe('branch-visit');
	});
});

describe('judging one client', () => {
	test('the term window runs from the cash cycle (or slack season) to 12 months, three cycles or the expert term', () => {
		expect(termWindow(jia)).toEqual({ min: 4, max: 12 });
		// A cash cycle of 400 days (≈13.3 months) allows up to 36 months by the 3-cycle rule, capped at 60 for long cycles.
		const slow = client({ id: 'slow', inventoryDays: 300, receivableDays: 150, payableDays: 45, prepaidDays: 0, advanceReceiptDays: 5 });
		const w = termWindow(slow);
		expect(w.min).toBe(14);
		expect(w.max).toBe(39);
		// A seasonal client with a long slack season needs the slack season covered.
		const slack = client({ id: 'slack', inventoryDays: 10, receivableDays: 10, payableDays: 10, prepaidDays: 0, advanceReceiptDays: 0, monthlyRevenueWan: [300, 300, 30, 30, 30, 30, 30, 30, 300, 300, 300, 300] });
		expect(termWindow(slack).min).toBe(7);
	});

	test('a client the design serves well gets a loan at the lowest-LGD guarantee it can give', () => {
		const v = judgeClient(jia, designedProduct(good));
		expect(v).toMatchObject({ exclusion: null, eligible: true, entryFailures: [], amount: 'ok', term: 'ok', repaymentFits: true, guaranteeFits: true, wellServed: true });
		expect(v.loan?.guarantee).toBe('mortgage');
		expect(v.loan?.amountWan).toBeCloseTo(jiaNeed, 2);
		expect(v.loan?.raroc).toBeGreaterThan(HURDLE_RAROC);
	});

	test('serious defaulters and clients without a real gap are no loan case', () => {
		expect(judgeClient(client({ creditHistory: 'serious-default' }), designedProduct(good)).exclusion).toBe('serious-default');
		const none = judgeClient(client({ ownFundsWan: 2000 }), designedProduct(good));
		expect(none.exclusion).toBe('no-need');
		expect(none.eligible).toBe(false);
		expect(none.loan).toBeNull();
	});

	test('entry conditions map to the data the client lacks', () => {
		const bare = client({ statements: 'none', yearsInBusiness: 0.5, supplyChain: { anchorBuyer: false, topCustomerShare: 0.1, settlementMonthsWithBank: 0, taxDataAvailable: false, taxGrade: null } });
		const v = judgeClient(bare, designedProduct(design({ requirements: ['statements', 'tax-data', 'settlement-history', 'anchor-buyer'], minYearsInBusiness: 1 })));
		expect(v.entryFailures.sort()).toEqual(['anchor-buyer', 'settlement-history', 'statements', 'tax-data', 'years']);
		expect(v.eligible).toBe(false);
		// Anything else the catalogue rules check (here the purpose) is 'other'.
		expect(judgeClient(client({ purpose: 'equipment' }), designedProduct(good)).entryFailures).toEqual(['other']);
	});

	test('amount and term misfits', () => {
		expect(judgeClient(jia, designedProduct(design({ ...good, amountMaxWan: 100 }))).amount).toBe('above-max');
		expect(judgeClient(jia, designedProduct(design({ ...good, amountMinWan: 400, amountMaxWan: 800 }))).amount).toBe('below-min');
		expect(judgeClient(jia, designedProduct(design({ ...good, termMinMonths: 1, termMaxMonths: 3 }))).term).toBe('too-short');
		expect(judgeClient(jia, designedProduct(design({ ...good, termMinMonths: 24, termMaxMonths: 36 }))).term).toBe('too-long');
	});

	test('repayment fits the cash flow: no bullet for a seasonal client, instalments are fine for a steady one', () => {
		const bullet = designedProduct(design({ ...good, repayments: ['interest-monthly-bullet'] }));
		expect(judgeClient(jia, bullet).repaymentFits).toBe(false);
		expect(judgeClient(steady, bullet).repaymentFits).toBe(true);
		const instalments = designedProduct(design({ ...good, repayments: ['equal-installment'] }));
		expect(judgeClient(steady, instalments).repaymentFits).toBe(true);
		expect(judgeClient(jia, instalments).repaymentFits).toBe(false);
	});

	test('a mortgage needs enough property behind it; no guarantee means no loan', () => {
		const p = profileClient(jia);
		expect(guaranteeAvailable(jia, 'mortgage', 400, p)).toBe(true);
		expect(guaranteeAvailable(jia, 'mortgage', 500)).toBe(false);
		expect(guaranteeAvailable(jia, 'pledge', 10)).toBe(false);
		expect(guaranteeAvailable(jia, 'credit', 100)).toBe(true);
		const v = judgeClient(jia, designedProduct(design({ ...good, guarantees: ['personal-guarantee'] })));
		expect(v.guaranteeFits).toBe(false);
		expect(v.loan).toBeNull();
		expect(v.wellServed).toBe(false);
	});

	test('loanAmount clamps the need to the product range', () => {
		const p = designedProduct(design({ amountMinWan: 5, amountMaxWan: 50 }));
		expect(loanAmount(2, p)).toBe(5);
		expect(loanAmount(80, p)).toBe(50);
		expect(loanAmount(12.345, p)).toBe(12.35);
	});
});

describe('evaluateDesign and scoreDesign', () => {
	test('a design that suits the sample scores full marks, with praise for each element', () => {
		const fb = scoreDesign(evaluateDesign([jia, steady], good));
		expect(fb.score).toBe(fb.max);
		expect(fb.max).toBe(10);
		expect(codes(fb)).toEqual(expect.arrayContaining(['design.reach-ok', 'design.amount-fits', 'design.term-fits', 'design.repayment-fits', 'design.guarantee-fits', 'design.fit-ok', 'design.raroc-ok', 'design.compliance-ok', 'design.price', 'design.channel', 'design.expected-loss', 'design.all-in-cost']));
		expect(fb.dimensions.map((d) => d.id)).toEqual(['design-reach', 'design-fit', 'design-risk-return', 'compliance']);
	});

	test('the lesson seasonal example: a 12-month cap is fine, a 3-month cap leaves the slack season uncovered', () => {
		const e = evaluateDesign([jia, steady], design({ ...good, termMinMonths: 1, termMaxMonths: 3 }));
		expect(e.termTooShort).toEqual({ count: 2, share: 1, neededMonths: 4 });
		const f = find(scoreDesign(e), 'design.term-too-short');
		expect(f?.severity).toBe('major');
		expect(f?.data).toMatchObject({ termMaxMonths: 3, share: 1, neededMonths: 4 });
	});

	test('explains amount gaps with the clients own needs', () => {
		const small = client({ id: 'small', ownFundsWan: 250 });
		const smallNeed = profileClient(small).needWan;
		const e = evaluateDesign([jia, small], design({ ...good, amountMinWan: 50, amountMaxWan: 100 }));
		expect(e.amountAboveMax).toMatchObject({ count: 1, share: 0.5, medianNeedWan: jiaNeed, maxNeedWan: jiaNeed });
		expect(e.amountBelowMin).toMatchObject({ count: 1, share: 0.5, medianNeedWan: smallNeed });
		const fb = scoreDesign(e);
		expect(find(fb, 'design.amount-above-max')?.data).toMatchObject({ amountMaxWan: 100, count: 1, medianNeedWan: jiaNeed });
		expect(find(fb, 'design.amount-below-min')?.severity).toBe('major');
		const minor = scoreDesign(evaluateDesign([jia, ...Array.from({ length: 9 }, (_, i) => client({ id: `s${i}`, ownFundsWan: 250 }))], design({ ...good, amountMaxWan: 100 })));
		expect(find(minor, 'design.amount-above-max')?.severity).toBe('minor');
	});

	test('a term floor above the cycles is too long; the repayment misfit names the method that would help', () => {
		const e = evaluateDesign([jia, steady], design({ ...good, termMinMonths: 24, termMaxMonths: 36, repayments: ['equal-installment'] }));
		expect(e.termTooLong).toEqual({ count: 2, share: 1, maxMonths: 12 });
		expect(e.repaymentMisfit).toMatchObject({ count: 1, share: 0.5, seasonal: 1, suggestion: 'seasonal', gain: 0.5 });
		const fb = scoreDesign(e);
		expect(find(fb, 'design.term-too-long')?.data).toMatchObject({ termMinMonths: 24, maxMonths: 12 });
		expect(find(fb, 'design.repayment-misfit')?.data).toMatchObject({ repayment: 'seasonal', gain: 0.5, seasonal: 1 });
		// A steady client's bullet misfit is only possible with no fitting method offered at all.
		const all = evaluateDesign([steady], design({ ...good, repayments: ['self-liquidating'] }));
		expect(all.repaymentMisfit.suggestion).toBe('interest-monthly-bullet');
	});

	test('the guarantee misfit names the guarantee that would help, or says none would', () => {
		const e = evaluateDesign([jia, steady], design({ ...good, guarantees: ['personal-guarantee'] }));
		expect(e.guaranteeMisfit).toMatchObject({ count: 2, share: 1, suggestion: 'credit' });
		const fb = scoreDesign(e);
		expect(find(fb, 'design.guarantee-misfit')?.data).toMatchObject({ guarantee: 'credit', gain: 1 });
		expect(codes(fb)).toContain('design.no-loans');
		const big = client({ id: 'big', creditHistory: 'thin-file', collateral: [], guarantor: 'none', supplyChain: { ...jia.supplyChain, taxDataAvailable: false, settlementMonthsWithBank: 0 }, ownFundsWan: 0, existingWorkingCapitalLoansWan: 0, revenueWan: 9000, employees: 250 });
		const none = evaluateDesign([big], design({ ...good, requirements: [], amountMinWan: 1100, amountMaxWan: 5000, guarantees: ['credit'] }));
		expect(none.guaranteeMisfit.suggestion).toBeNull();
		expect(codes(scoreDesign(none))).toContain('design.guarantee-misfit-no-fix');
	});

	test('repayment misfit without a fix is reported as such', () => {
		// Every method offered, so no extra method can help the (impossible) misfit: simulate by a client the rules cannot serve.
		const e = evaluateDesign([jia], design({ ...good, repayments: [...['interest-monthly-bullet', 'equal-installment', 'equal-principal', 'seasonal', 'revolving', 'self-liquidating'] as never[]] }));
		expect(e.repaymentMisfit.count).toBe(0);
		const forced = { ...e, repaymentMisfit: { count: 1, share: 1, seasonal: 0, suggestion: null, gain: 0 } };
		const f = find(scoreDesign(forced), 'design.repayment-misfit-no-fix');
		expect(f?.topic).toBe('repayment');
	});

	test('reach: no one eligible is critical; low reach names the requirement that shuts out most', () => {
		const none = scoreDesign(evaluateDesign([jia, steady], design({ ...good, requirements: ['tax-data'], minYearsInBusiness: 10 })));
		expect(codes(none)).toContain('design.no-eligible');
		expect(none.dimensions[0]?.score).toBe(0);
		expect(none.dimensions[1]?.score).toBe(0);
		const thin = client({ id: 'thin', supplyChain: { ...jia.supplyChain, taxDataAvailable: false } });
		const noTax = (id: string) => client({ id, supplyChain: { ...jia.supplyChain, taxDataAvailable: false } });
		const lowSample = [jia, thin, noTax('t2'), noTax('t3')];
		const low = scoreDesign(evaluateDesign(lowSample, good));
		const f = find(low, 'design.reach-low');
		expect(f?.severity).toBe('major');
		expect(f?.data).toMatchObject({ dataReq: 'tax-data', eligible: 1, lendable: 4, share: 0.75 });
		expect(find(low, 'design.shut-out-by')?.data).toMatchObject({ dataReq: 'tax-data', count: 3 });
		const half = scoreDesign(evaluateDesign([jia, steady, noTax('t4'), noTax('t5')], good));
		expect(find(half, 'design.reach-low')?.severity).toBe('minor');
		// Several requirements: reported with the one shutting out most first.
		const noBooks = (id: string) => client({ id, statements: 'none', supplyChain: { ...jia.supplyChain, taxDataAvailable: false } });
		const two = scoreDesign(evaluateDesign([jia, noTax('t6'), noBooks('b1'), noBooks('b2')], design({ ...good, requirements: ['statements', 'tax-data'] })));
		expect(two.findings.filter((x) => x.code === 'design.shut-out-by').map((x) => [x.data['dataReq'], x.data['count']])).toEqual([
			['tax-data', 3],
			['statements', 2],
		]);
		// Shut out by something other than a data requirement (here: the purpose).
		const other = scoreDesign(evaluateDesign([jia, client({ id: 'eq', purpose: 'equipment' }), client({ id: 'eq2', purpose: 'expansion' })], good));
		expect(find(other, 'design.reach-low')?.data).toMatchObject({ dataReq: 'other', share: 0 });
	});

	test('exclusions are reported and do not count against reach', () => {
		const e = evaluateDesign([jia, client({ id: 'bad', creditHistory: 'serious-default' }), client({ id: 'rich', ownFundsWan: 5000 })], good);
		expect(e.excluded).toEqual({ 'serious-default': 1, 'no-need': 1 });
		expect(e.lendable).toBe(1);
		expect(e.reachShare).toBe(1);
		expect(find(scoreDesign(e), 'design.excluded')?.data).toMatchObject({ seriousDefault: 1, noNeed: 1, sampleSize: 3 });
	});

	test('risk-return: loss-making, below the hurdle, underpriced', () => {
		const cheap = evaluateDesign([jia, steady], design({ ...good, spreadBp: -100 }));
		expect(cheap.raroc).toBeLessThan(0);
		const fb = scoreDesign(cheap);
		expect(find(fb, 'design.loss-making')?.severity).toBe('major');
		expect(find(fb, 'design.underpriced')).toMatchObject({ severity: 'minor', data: { count: 2, share: 1 } });
		expect(fb.dimensions[2]?.score).toBe(0);
		const thin = scoreDesign(evaluateDesign([jia, steady], design({ ...good, spreadBp: -50 })));
		const below = find(thin, 'design.raroc-below-hurdle');
		expect(below?.severity).toBe('minor');
		const share = (below?.data['raroc'] as number) / HURDLE_RAROC;
		expect(thin.dimensions[2]?.score).toBeCloseTo(Math.round(share * 2 * 10) / 10, 1);
	});

	test('a price just below a few clients risk-based rates is only an info', () => {
		const e = evaluateDesign([jia, steady], good);
		expect(e.underpriced.count).toBe(0);
		expect(find(scoreDesign(e), 'design.underpriced')).toBeUndefined();
		const manual = { ...e, underpriced: { count: 1, share: 0.2, medianTargetRate: 0.05 } };
		expect(find(scoreDesign(manual), 'design.underpriced')?.severity).toBe('info');
	});

	test('the channel sets the operating cost; the all-in cost uses the higher fee above 500万', () => {
		const online = scoreDesign(evaluateDesign([jia], good));
		expect(find(online, 'design.channel')?.data).toMatchObject({ channel: 'online-data', operatingCostWan: OPERATING_COST_WAN['online-data'] });
		const big = client({ id: 'big', revenueWan: 4000, ownFundsWan: 50, existingWorkingCapitalLoansWan: 0, collateral: [{ kind: 'industrial-property', valueWan: 2000 }] });
		const e = evaluateDesign([big], design({ ...good, amountMaxWan: 1000 }));
		expect(e.medianLoanWan).toBeGreaterThan(500);
		const ai = find(scoreDesign(e), 'design.all-in-cost');
		const expected = allInCost(e.medianLoanWan, e.annualRate, 0.015);
		expect(ai?.data['allInRate']).toBeCloseTo(expected.rate, 6);
	});

	test('compliance: working-capital term limits, the 普惠 cap, the government guarantee focus and 稳价', () => {
		const over60 = scoreDesign(evaluateDesign([jia], design({ ...good, termMaxMonths: 72 })));
		expect(find(over60, 'design.term-above-wc-max')?.severity).toBe('critical');
		expect(over60.dimensions[3]?.score).toBe(0);
		const over36 = scoreDesign(evaluateDesign([jia], design({ ...good, termMaxMonths: 48 })));
		expect(find(over36, 'design.term-above-wc-norm')?.data).toMatchObject({ termMaxMonths: 48, normMonths: 36, maxMonths: 60 });
		const big = scoreDesign(evaluateDesign([jia], design({ ...good, amountMaxWan: 1500 })));
		expect(codes(big)).toEqual(expect.arrayContaining(['design.not-inclusive', 'design.gov-guarantee-cap']));
		const dear = scoreDesign(evaluateDesign([jia], design({ ...good, spreadBp: 400 })));
		expect(find(dear, 'design.price-above-inclusive-norm')?.data).toMatchObject({ annualRate: 0.07, referenceRate: 0.0446, normRate: 0.0646 });
		expect(dear.dimensions[3]?.score).toBeCloseTo(0.8, 6);
	});

	test('weights scale the dimensions; bad weights count 0', () => {
		const e = evaluateDesign([jia, steady], good);
		const fb = scoreDesign(e, { reach: 1, fit: 1, riskReturn: Number.NaN, compliance: -2 });
		expect(fb.max).toBe(2);
		expect(scoreDesign(e).max).toBe(Object.values(DEFAULT_PRODUCT_DESIGN_WEIGHTS).reduce((a, b) => a + b, 0));
	});

	test('runDesign samples, evaluates and scores in one call (fast enough for a click)', () => {
		const t0 = performance.now();
		const r = runDesign('community-catering', 'sme-2026', 200, DEFAULT_DESIGN);
		const ms = performance.now() - t0;
		expect(r.clients).toHaveLength(200);
		expect(r.evaluation.sampleSize).toBe(200);
		expect(r.feedback.kind).toBe('product-design');
		expect(ms).toBeLessThan(1000);
	});
});

describe('needHistogram', () => {
	test('bins every lendable client by need, split by whether the range covers it', () => {
		const sample: Client[] = sampleClients(BRIEFS['tech-light-asset'], 'unit', 80);
		const e = evaluateDesign(sample, design({ amountMinWan: 5, amountMaxWan: 50 }));
		const bins = needHistogram(e);
		expect(bins).toHaveLength(NEED_BINS_WAN.length - 1);
		expect(bins.at(-1)?.toWan).toBe(Infinity);
		expect(bins.reduce((s, b) => s + b.covered + b.missed, 0)).toBe(e.lendable);
		const inRange = e.verdicts.filter((v) => !v.exclusion && v.amount === 'ok').length;
		expect(bins.reduce((s, b) => s + b.covered, 0)).toBe(inRange);
		for (const b of bins.filter((x) => x.toWan <= 5 || x.fromWan >= 50)) expect(b.covered).toBe(0);
	});
});
