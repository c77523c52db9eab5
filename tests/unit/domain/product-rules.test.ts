import { describe, expect, test } from 'vitest';
import {
	agingProfile,
	amountTarget,
	checkAmount,
	checkEligibility,
	checkGuarantee,
	checkPrice,
	checkProductFit,
	checkProfitability,
	checkRepayment,
	checkTerm,
	checkTrackFit,
	dscr,
	expertDecision,
	expertElements,
	firstYearDebtServiceWan,
	guaranteeFeasible,
	maxAmountForDscr,
	productFit,
	profileClient,
	recommendedGuarantee,
	recommendedRepayment,
	referenceProduct,
	seasonality,
	suggestedPrice,
	targetTerm,
	type ProductDecision,
} from '../../../src/domain/product-rules';
import { findProduct, type Product } from '../../../src/domain/products';
import {
	loadCatalogue,
	manufacturingClient,
	messageProblems,
	seasonalClient,
	tradeClient,
} from './b-fixtures';

const catalogue = loadCatalogue();
const product = (id: string): Product => {
	const p = findProduct(catalogue, id);
	if (!p) throw new Error(id);
	return p;
};
// Every finding a test looks at is also checked for its messages at the end of the file.
const seen: Parameters<typeof messageProblems>[0][number][] = [];
const codes = (r: { findings: { code: string; data: Record<string, unknown> }[] }) => {
	seen.push(...r.findings);
	return r.findings.map((f) => f.code);
};
const decision = (over: Partial<ProductDecision> = {}): ProductDecision => ({
	productId: 'working-capital',
	amountWan: 200,
	termMonths: 12,
	annualRate: 0.045,
	repayment: 'interest-monthly-bullet',
	guarantee: 'mortgage',
	...over,
});

describe('seasonality', () => {
	test('measures peak/trough, CV and the longest slack run across the year end', () => {
		const s = seasonality([8, 8, 12, 18, 25, 35, 40, 38, 25, 15, 8, 8]);
		expect(s).toMatchObject({
			peakTroughRatio: 5,
			seasonal: true,
			slackMonths: 6,
			peakMonth: 7,
			troughMonth: 1,
		});
		expect(s.cv).toBeGreaterThan(0.5);
	});

	test('calls a flat series steady and degenerate series unknown', () => {
		expect(seasonality([10, 10, 10, 10]).seasonal).toBe(false);
		expect(seasonality([])).toMatchObject({ peakTroughRatio: 1, seasonal: false, peakMonth: 0 });
		expect(seasonality([0, 0, 0])).toMatchObject({ seasonal: false });
		expect(seasonality('junk' as never).seasonal).toBe(false);
		expect(seasonality([0, 10, 10]).peakTroughRatio).toBe(99);
	});
});

describe('agingProfile', () => {
	test('computes bucket shares and flags clean and heavy receivables', () => {
		expect(agingProfile({ d0to30: 80, d31to60: 15, d61to90: 5, d91plus: 0 })).toMatchObject({
			share61to90: 0.05,
			clean: true,
			heavy91: false,
		});
		expect(agingProfile({ d0to30: 50, d31to60: 20, d61to90: 10, d91plus: 20 })).toMatchObject({
			share91plus: 0.2,
			clean: false,
			heavy91: true,
		});
		expect(agingProfile(undefined)).toMatchObject({ totalWan: 0, clean: true, heavy91: false });
	});
});

describe('profileClient', () => {
	test('derives the cash cycle, need, cash flow and collateral of a client', () => {
		const p = profileClient(tradeClient());
		expect(p).toMatchObject({
			cashCycleDays: 60,
			cycleMonths: 2,
			needWan: 200,
			cashFlowWan: 190,
			existingDebtServiceWan: 4.5,
			mortgageableWan: 500,
			pledgeableWan: 0,
			workingCapitalPurpose: true,
			permittedPurpose: true,
			thinFileNoData: false,
		});
	});

	test('uses the requested amount as the need of an investment', () => {
		expect(
			profileClient(tradeClient({ purpose: 'equipment', requestedAmountWan: 120 })).needWan,
		).toBe(120);
	});

	test('spots a thin file with no data to lend on', () => {
		const c = tradeClient({
			creditHistory: 'thin-file',
			supplyChain: { taxDataAvailable: false, settlementMonthsWithBank: 2 },
		});
		expect(profileClient(c).thinFileNoData).toBe(true);
	});
});

describe('debt service and DSCR', () => {
	test('charges only interest on a working-capital bullet loan, principal on an investment', () => {
		expect(firstYearDebtServiceWan(100, 0.06, 12, 'interest-monthly-bullet', true)).toBeCloseTo(
			6,
			6,
		);
		expect(firstYearDebtServiceWan(100, 0.06, 36, 'interest-monthly-bullet', false)).toBeCloseTo(
			6 + 100 / 3,
			6,
		);
		expect(firstYearDebtServiceWan(120, 0, 12, 'equal-installment', true)).toBeCloseTo(120, 6);
		expect(firstYearDebtServiceWan(100, 0.06, 12, 'equal-installment', true)).toBeCloseTo(
			103.28,
			2,
		);
		expect(firstYearDebtServiceWan(120, 0.06, 24, 'equal-principal', true)).toBeCloseTo(
			60 + 0.005 * (120 * 12 - 5 * 66),
			6,
		);
	});

	test('divides cash flow by debt service and finds the amount that keeps DSCR at 1.2', () => {
		const p = profileClient(tradeClient());
		expect(dscr(p, 0 - p.existingDebtServiceWan)).toBe(99);
		const cap = maxAmountForDscr(p, 0.05, 12, 'equal-installment');
		const service = firstYearDebtServiceWan(cap, 0.05, 12, 'equal-installment', true);
		expect(dscr(p, service)).toBeCloseTo(1.2, 2);
		expect(maxAmountForDscr(p, 0, 12, 'revolving')).toBe(Infinity);
	});
});

describe('checkEligibility', () => {
	test('accepts a client meeting every entry condition', () => {
		expect(checkEligibility(tradeClient(), product('tax-data-loan'))).toEqual({
			score: 1,
			findings: [],
		});
	});

	test('names each unmet condition', () => {
		const c = tradeClient({
			yearsInBusiness: 0.5,
			statements: 'none',
			legalForm: 'individual-business',
			purpose: 'equipment',
			supplyChain: { taxGrade: 'C', settlementMonthsWithBank: 0 },
			truth: { segment: 'out-of-scope' },
		});
		const all = [
			...codes(checkEligibility(c, product('working-capital'))),
			...codes(checkEligibility(c, product('tax-data-loan'))),
			...codes(checkEligibility(c, product('credit-loan'))),
			...codes(checkEligibility(c, product('receivables-finance'))),
			...codes(checkEligibility(c, product('green-loan'))),
			...codes(checkEligibility(c, product('agri-loan'))),
		];
		for (const code of [
			'segment',
			'legal-form',
			'years',
			'statements',
			'tax-grade',
			'collateral',
			'anchor-buyer',
			'settlement',
			'green',
			'rural',
			'purpose',
		]) {
			expect(all).toContain(`product.ineligible-${code}`);
		}
		expect(checkEligibility(c, product('tax-data-loan')).score).toBe(0);
	});
});

describe('product fit and the track rules', () => {
	test('prefers the tax-data loan for a trade client with grade A tax data', () => {
		expect(expertDecision(tradeClient(), catalogue).decision?.productId).toBe('tax-data-loan');
		expect(productFit(tradeClient(), product('tax-data-loan')).reasons).toContain(
			'expert.tax-data',
		);
	});

	test('prefers seasonal repayment for a seasonal individual business', () => {
		const e = expertDecision(seasonalClient(), catalogue);
		expect(e.decision).toMatchObject({
			productId: 'individual-business-loan',
			repayment: 'seasonal',
		});
		expect(e.reasons).toEqual(
			expect.arrayContaining(['expert.legal-form-fit', 'expert.seasonal-repayment']),
		);
	});

	test('prefers receivables finance for a manufacturer with an anchor buyer and clean receivables', () => {
		const e = expertDecision(manufacturingClient(), catalogue);
		expect(e.decision).toMatchObject({
			productId: 'receivables-finance',
			repayment: 'self-liquidating',
			guarantee: 'pledge',
		});
		expect(codes(checkTrackFit(manufacturingClient(), product('receivables-finance')))).toContain(
			'track.manufacturing-anchor-clean-ar',
		);
	});

	test('sends green and rural clients to green credit and agricultural loans', () => {
		expect(
			expertDecision(
				tradeClient({ green: true, purpose: 'green-upgrade', statements: 'audited' }),
				catalogue,
			).decision?.productId,
		).toBe('green-loan');
		expect(
			expertDecision(seasonalClient({ rural: true, purpose: 'agricultural-production' }), catalogue)
				.decision?.productId,
		).toBe('agri-loan');
	});

	test('declines when overdue receivables eat a thin margin', () => {
		const eroded = manufacturingClient({
			arAging: { d0to30: 100, d31to60: 100, d61to90: 100, d91plus: 300 },
			netMargin: 0.015,
		});
		expect(expertDecision(eroded, catalogue)).toMatchObject({
			action: 'decline',
			reason: 'insufficient-repayment',
			reasons: ['expert.receivables-eroding-repayment'],
		});
		// The same receivables on a healthy margin are a red flag, not a refusal.
		expect(expertDecision({ ...eroded, netMargin: 0.06 }, catalogue).reasons).not.toContain('expert.receivables-eroding-repayment');
	});

	test('raises a red flag on heavy 91+ receivables and on a receivables gap', () => {
		const c = manufacturingClient({
			arAging: { d0to30: 300, d31to60: 200, d61to90: 100, d91plus: 200 },
			receivableDays: 90,
		});
		const r = checkTrackFit(c, product('receivables-finance'));
		expect(codes(r)).toEqual(
			expect.arrayContaining([
				'track.manufacturing-aging',
				'track.manufacturing-ar-91-heavy',
				'track.manufacturing-receivable-gap',
				'product.receivables-poor-quality',
			]),
		);
		expect(productFit(c, product('receivables-finance')).reasons).toContain(
			'expert.poor-receivables',
		);
		expect(checkProductFit(c, catalogue, 'receivables-finance').score).toBeLessThanOrEqual(0.4);
	});

	test('cautions on thin margins with a long cycle in trade', () => {
		const c = tradeClient({ grossMargin: 0.08, inventoryDays: 120 });
		expect(codes(checkTrackFit(c, undefined))).toEqual([
			'track.trade-capital-need',
			'track.trade-thin-margin-long-cycle',
		]);
	});

	test('describes steady services and says nothing special for other tracks', () => {
		expect(
			codes(checkTrackFit(seasonalClient({ monthlyRevenueWan: Array(12).fill(20) }), undefined)),
		).toEqual(['track.services-steady']);
		expect(codes(checkTrackFit(tradeClient({ track: 'other' }), undefined))).toEqual([]);
	});

	test('scores a weaker eligible product by its fit relative to the reference product', () => {
		const r = checkProductFit(tradeClient(), catalogue, 'working-capital');
		expect(codes(r)).toContain('product.fit-weaker');
		expect(r.score).toBeGreaterThan(0);
		expect(r.score).toBeLessThan(1);
		expect(checkProductFit(tradeClient(), catalogue, 'nope')).toMatchObject({ score: 0 });
		expect(referenceProduct(tradeClient(), catalogue)?.product.id).toBe('tax-data-loan');
		expect(
			referenceProduct(tradeClient({ truth: { capitalNeedWan: 0 } }), catalogue)?.product.id,
		).toBe('tax-data-loan');
		expect(
			referenceProduct(tradeClient({ truth: { segment: 'out-of-scope' } }), catalogue),
		).toBeNull();
	});

	test('gives a government-guarantee product a bonus when the client has no security', () => {
		const c = seasonalClient();
		expect(productFit(c, product('gov-guarantee-loan')).reasons).toContain('expert.collateral-gap');
		expect(productFit(c, product('credit-loan')).reasons).toContain('expert.seasonal-repayment');
		expect(productFit(c, product('ip-pledge-loan')).reasons).toContain('expert.rigid-repayment');
	});
});

describe('checkAmount', () => {
	test('accepts the need with a DSCR above 1.2', () => {
		const r = checkAmount(tradeClient(), product('working-capital'), decision());
		expect(r.score).toBe(1);
		expect(codes(r)).toEqual(['amount.dscr-ok', 'amount.within-need', 'amount.target']);
	});

	test('flags an amount above the need and beyond the collateral', () => {
		const r = checkAmount(tradeClient(), product('working-capital'), decision({ amountWan: 400 }));
		expect(codes(r)).toEqual(
			expect.arrayContaining(['amount.exceeds-need', 'amount.exceeds-collateral']),
		);
		expect(r.findings.find((f) => f.code === 'amount.exceeds-collateral')?.data).toMatchObject({
			capWan: 350,
			maxRatio: 0.7,
		});
	});

	test('flags no capital need, an amount outside the product range and a tiny amount', () => {
		const none = checkAmount(
			tradeClient({ truth: { capitalNeedWan: 0 } }),
			product('working-capital'),
			decision(),
		);
		expect(none.score).toBe(0);
		expect(codes(none)).toContain('amount.no-capital-need');
		expect(
			codes(checkAmount(tradeClient(), product('tax-data-loan'), decision({ amountWan: 2 }))),
		).toEqual(expect.arrayContaining(['amount.below-need']));
		expect(
			codes(
				checkAmount(
					tradeClient({ truth: { capitalNeedWan: 2000 } }),
					product('working-capital'),
					decision({ amountWan: 1200, guarantee: 'credit' }),
				),
			),
		).toContain('amount.outside-product-range');
	});

	test('flags a DSCR below 1.2 and a government guarantee above 1000万', () => {
		const weak = tradeClient({ netMargin: 0.005, assetsWan: 100 });
		expect(
			codes(
				checkAmount(weak, product('working-capital'), decision({ repayment: 'equal-installment' })),
			),
		).toContain('amount.dscr-below-threshold');
		const big = tradeClient({
			truth: { capitalNeedWan: 1500 },
			requestedAmountWan: 1500,
			revenueWan: 30000,
		});
		expect(
			codes(
				checkAmount(
					big,
					undefined,
					decision({ amountWan: 1200, guarantee: 'government-guarantee' }),
				),
			),
		).toContain('amount.exceeds-guarantee-cap');
	});

	test('rejects a non-positive or non-numeric amount', () => {
		expect(checkAmount(tradeClient(), undefined, decision({ amountWan: 0 }))).toMatchObject({
			score: 0,
		});
	});

	test('aims at the smallest cap and reports which one binds', () => {
		const p = product('working-capital');
		expect(amountTarget(tradeClient(), p, decision()).binding).toBe('need');
		expect(amountTarget(tradeClient({ requestedAmountWan: 150 }), p, decision()).binding).toBe(
			'requested',
		);
		expect(
			amountTarget(
				tradeClient({ collateral: [{ kind: 'commercial-property', valueWan: 100 }] }),
				p,
				decision(),
			).binding,
		).toBe('collateral');
		expect(
			amountTarget(
				tradeClient({ truth: { capitalNeedWan: 5 }, requestedAmountWan: 5 }),
				p,
				decision(),
			),
		).toMatchObject({ binding: 'product-min', limitedBy: 'need', targetWan: 10 });
		expect(
			amountTarget(
				manufacturingClient(),
				product('receivables-finance'),
				decision({ guarantee: 'pledge' }),
			).collateralCapWan,
		).toBe(640);
	});
});

describe('checkTerm', () => {
	test('matches a 12-month working-capital loan to a 2-month cycle', () => {
		expect(codes(checkTerm(tradeClient(), product('working-capital'), decision()))).toEqual([
			'term.matches-cycle',
		]);
		expect(targetTerm(tradeClient(), product('working-capital'))).toBe(12);
	});

	test('flags 36 months for a 2-month cycle, beyond-norm and beyond-maximum terms', () => {
		expect(
			checkTerm(tradeClient(), product('working-capital'), decision({ termMonths: 36 }))
				.findings[0],
		).toMatchObject({ code: 'term.exceeds-cash-cycle', data: { termMonths: 36, cycleMonths: 2 } });
		expect(codes(checkTerm(tradeClient(), undefined, decision({ termMonths: 48 })))).toEqual(
			expect.arrayContaining(['term.exceeds-wc-norm', 'term.exceeds-cash-cycle']),
		);
		const long = tradeClient({ inventoryDays: 300, receivableDays: 200 });
		expect(
			checkTerm(long, undefined, decision({ termMonths: 48 })).findings.find(
				(f) => f.code === 'term.exceeds-wc-norm',
			)?.severity,
		).toBe('minor');
		const over = checkTerm(tradeClient(), undefined, decision({ termMonths: 72 }));
		expect(over.score).toBe(0);
		expect(codes(over)).toContain('term.exceeds-regulatory-max');
	});

	test('flags a term shorter than the cycle, one ending in the slack season, and short investment money', () => {
		expect(
			codes(checkTerm(manufacturingClient(), undefined, decision({ termMonths: 1 }))),
		).toContain('term.shorter-than-cycle');
		expect(codes(checkTerm(seasonalClient(), undefined, decision({ termMonths: 3 })))).toContain(
			'term.misses-slack-season',
		);
		expect(
			codes(
				checkTerm(tradeClient({ purpose: 'equipment' }), undefined, decision({ termMonths: 12 })),
			),
		).toContain('term.too-short-for-investment');
		expect(targetTerm(tradeClient({ purpose: 'equipment' }), undefined)).toBe(36);
	});

	test('flags a term outside the product range and rejects a non-positive term', () => {
		expect(
			codes(checkTerm(tradeClient(), product('tax-data-loan'), decision({ termMonths: 24 }))),
		).toContain('term.outside-product-range');
		expect(
			checkTerm(tradeClient(), undefined, decision({ termMonths: Number.NaN })).findings[0]?.code,
		).toBe('term.invalid');
	});
});

describe('checkRepayment', () => {
	test('wants seasonal or revolving repayment for a seasonal business', () => {
		const p = product('individual-business-loan');
		expect(codes(checkRepayment(seasonalClient(), p, decision({ repayment: 'seasonal' })))).toEqual(
			['repayment.matches-seasonality'],
		);
		expect(
			codes(checkRepayment(seasonalClient(), p, decision({ repayment: 'equal-installment' }))),
		).toEqual(['repayment.fixed-installments-seasonal']);
		expect(
			codes(
				checkRepayment(seasonalClient(), p, decision({ repayment: 'interest-monthly-bullet' })),
			),
		).toEqual(['repayment.bullet-seasonal']);
		expect(recommendedRepayment(seasonalClient(), p)).toBe('seasonal');
	});

	test('wants amortisation for investments and light repayment for working capital', () => {
		const inv = tradeClient({ purpose: 'equipment' });
		expect(
			codes(checkRepayment(inv, undefined, decision({ repayment: 'equal-principal' }))),
		).toEqual(['repayment.amortising-investment']);
		expect(
			codes(checkRepayment(inv, undefined, decision({ repayment: 'interest-monthly-bullet' }))),
		).toEqual(['repayment.bullet-for-investment']);
		expect(codes(checkRepayment(inv, undefined, decision({ repayment: 'seasonal' })))).toEqual([
			'repayment.seasonal-investment',
		]);
		expect(
			checkRepayment(
				seasonalClient({ purpose: 'equipment' }),
				undefined,
				decision({ repayment: 'seasonal' }),
			).score,
		).toBe(1);
		expect(
			codes(checkRepayment(tradeClient(), undefined, decision({ repayment: 'equal-installment' }))),
		).toEqual(['repayment.amortising-working-capital']);
		expect(
			codes(checkRepayment(tradeClient(), undefined, decision({ repayment: 'revolving' }))),
		).toEqual(['repayment.matches-cash-flow']);
	});

	test('needs a source for self-liquidating repayment and a method the product offers', () => {
		expect(
			codes(checkRepayment(tradeClient(), undefined, decision({ repayment: 'self-liquidating' }))),
		).toEqual(['repayment.self-liquidating-without-source']);
		expect(
			checkRepayment(manufacturingClient(), undefined, decision({ repayment: 'self-liquidating' }))
				.score,
		).toBe(0.8);
		expect(
			checkRepayment(
				manufacturingClient(),
				product('receivables-finance'),
				decision({ repayment: 'self-liquidating' }),
			).score,
		).toBe(1);
		const r = checkRepayment(
			tradeClient(),
			product('revolving-loan'),
			decision({ repayment: 'equal-principal' }),
		);
		expect(r.score).toBe(0);
		expect(codes(r)).toContain('repayment.not-offered');
		expect(
			checkRepayment(tradeClient(), undefined, decision({ repayment: 'weekly' as never }))
				.findings[0]?.code,
		).toBe('repayment.unknown');
	});
});

describe('checkGuarantee', () => {
	test('prefers the lowest-loss guarantee the client can give', () => {
		const p = product('working-capital');
		expect(codes(checkGuarantee(tradeClient(), p, decision({ guarantee: 'mortgage' })))).toEqual([
			'guarantee.matches-assets',
		]);
		expect(codes(checkGuarantee(tradeClient(), p, decision({ guarantee: 'credit' })))).toEqual([
			'guarantee.weaker-than-available',
		]);
		expect(recommendedGuarantee(tradeClient(), p, 200)).toBe('mortgage');
	});

	test('rejects a mortgage without property and a pledge without assets', () => {
		const c = seasonalClient();
		expect(
			checkGuarantee(c, undefined, decision({ guarantee: 'mortgage' })).findings[0]?.code,
		).toBe('guarantee.mortgage-without-property');
		expect(checkGuarantee(c, undefined, decision({ guarantee: 'pledge' })).score).toBe(0);
		expect(guaranteeFeasible(c, 'mortgage', 10)).toBe(false);
	});

	test('doubts receivables over 90 days, missing guarantors, thin files and defaulters', () => {
		const heavy = manufacturingClient({
			arAging: { d0to30: 100, d31to60: 0, d61to90: 0, d91plus: 100 },
		});
		expect(codes(checkGuarantee(heavy, undefined, decision({ guarantee: 'pledge' })))).toContain(
			'guarantee.receivables-poor-quality',
		);
		expect(
			codes(
				checkGuarantee(tradeClient(), undefined, decision({ guarantee: 'personal-guarantee' })),
			),
		).toContain('guarantee.no-guarantor');
		expect(
			codes(checkGuarantee(tradeClient(), undefined, decision({ guarantee: 'company-guarantee' }))),
		).toContain('guarantee.no-guarantor');
		expect(
			checkGuarantee(
				tradeClient({ guarantor: 'individual' }),
				undefined,
				decision({ guarantee: 'personal-guarantee' }),
			).score,
		).toBeGreaterThan(0.4);
		const thin = tradeClient({
			creditHistory: 'thin-file',
			collateral: [],
			supplyChain: { taxDataAvailable: false, settlementMonthsWithBank: 0 },
		});
		expect(codes(checkGuarantee(thin, undefined, decision({ guarantee: 'credit' })))).toContain(
			'guarantee.credit-thin-file',
		);
		expect(
			checkGuarantee(
				tradeClient({ creditHistory: 'serious-default' }),
				undefined,
				decision({ guarantee: 'credit' }),
			).score,
		).toBe(0);
	});

	test('offers government guarantees to small clients without security, up to 1000万', () => {
		expect(
			codes(
				checkGuarantee(
					seasonalClient(),
					undefined,
					decision({ amountWan: 30, guarantee: 'government-guarantee' }),
				),
			),
		).toContain('guarantee.government-fits');
		expect(
			codes(
				checkGuarantee(
					tradeClient(),
					undefined,
					decision({ amountWan: 1200, guarantee: 'government-guarantee' }),
				),
			),
		).toContain('guarantee.government-ineligible');
		expect(
			codes(
				checkGuarantee(
					tradeClient({ truth: { segment: 'out-of-scope' } }),
					undefined,
					decision({ guarantee: 'government-guarantee' }),
				),
			),
		).toContain('guarantee.government-ineligible');
	});

	test('rejects guarantees the product does not take and unknown codes', () => {
		const r = checkGuarantee(
			tradeClient(),
			product('tax-data-loan'),
			decision({ guarantee: 'mortgage' }),
		);
		expect(r.score).toBe(0);
		expect(codes(r)).toContain('guarantee.not-offered');
		expect(
			checkGuarantee(tradeClient(), undefined, decision({ guarantee: 'hope' as never })).findings[0]
				?.code,
		).toBe('guarantee.unknown');
	});
});

describe('checkPrice', () => {
	test('accepts a rate near the risk-based price', () => {
		const p = product('working-capital');
		const rate = suggestedPrice(tradeClient(), p, 'mortgage', 200).rate;
		expect(codes(checkPrice(tradeClient(), p, decision({ annualRate: rate })))).toEqual([
			'price.risk-based',
		]);
	});

	test('flags a rate below break-even, above the ceiling, outside the product and above the 普惠 norm', () => {
		const p = product('working-capital');
		expect(codes(checkPrice(tradeClient(), p, decision({ annualRate: 0.01 })))).toEqual(
			expect.arrayContaining([
				'price.below-break-even',
				'price.outside-product-range',
				'price.far-from-risk-based',
			]),
		);
		expect(codes(checkPrice(tradeClient(), p, decision({ annualRate: 0.15 })))).toEqual(
			expect.arrayContaining(['price.above-ceiling', 'price.above-inclusive-norm']),
		);
		expect(checkPrice(tradeClient(), p, decision({ annualRate: 0.15 })).score).toBe(0);
		expect(
			codes(
				checkPrice(
					tradeClient({ truth: { segment: 'out-of-scope' } }),
					undefined,
					decision({ annualRate: 0.08 }),
				),
			),
		).not.toContain('price.above-inclusive-norm');
	});

	test('says when the risk cannot be priced within the ceiling', () => {
		const risky = tradeClient({ truth: { pd: 0.4 } });
		expect(
			codes(
				checkPrice(
					risky,
					product('tax-data-loan'),
					decision({ annualRate: 0.07, guarantee: 'credit' }),
				),
			),
		).toContain('price.unpriceable');
	});

	test('rejects a rate outside 0–100%', () => {
		expect(
			checkPrice(tradeClient(), undefined, decision({ annualRate: -0.01 })).findings[0]?.code,
		).toBe('price.invalid');
		expect(
			checkPrice(tradeClient(), undefined, decision({ guarantee: 'hope' as never })).score,
		).toBeGreaterThan(0);
	});
});

describe('checkProfitability', () => {
	test('reports EL and RAROC and grades it against the 10% hurdle', () => {
		const ok = checkProfitability(
			tradeClient(),
			product('working-capital'),
			decision({ annualRate: 0.06 }),
		);
		expect(ok.score).toBe(1);
		expect(ok.findings[0]).toMatchObject({
			code: 'profit.expected-loss',
			data: { expectedLossWan: 1, pd: 0.02, lgd: 0.25, eadWan: 200 },
		});
		expect(
			codes(
				checkProfitability(
					tradeClient(),
					product('working-capital'),
					decision({ annualRate: 0.03 }),
				),
			),
		).toContain('profit.below-hurdle');
		expect(
			codes(
				checkProfitability(
					tradeClient(),
					undefined,
					decision({ annualRate: 0.01, guarantee: 'hope' as never }),
				),
			),
		).toContain('profit.loss-making');
		expect(checkProfitability(tradeClient(), undefined, decision({ amountWan: 0 })).score).toBe(0);
	});
});

const reasons = (e: { reasons: string[] }) => {
	seen.push(...e.reasons.map((code) => ({ code, data: { productId: 'working-capital' } })));
	return e.reasons;
};

describe('expertDecision', () => {
	test('refers out-of-scope clients and declines prohibited purposes and serious defaults', () => {
		expect(
			expertDecision(tradeClient({ truth: { segment: 'out-of-scope' } }), catalogue),
		).toMatchObject({ action: 'refer', reason: 'out-of-scope', decision: null });
		expect(expertDecision(tradeClient({ purpose: 'consumer' }), catalogue)).toMatchObject({
			action: 'decline',
			reason: 'prohibited-purpose',
		});
		expect(
			expertDecision(tradeClient({ creditHistory: 'serious-default' }), catalogue),
		).toMatchObject({ action: 'decline', reason: 'serious-default' });
	});

	test('declines when there is no need, no eligible product or nothing the client can carry', () => {
		expect(
			reasons(expertDecision(tradeClient({ truth: { capitalNeedWan: 0 } }), catalogue)),
		).toEqual(['expert.no-capital-need']);
		expect(
			expertDecision(
				tradeClient({
					purpose: 'expansion',
					track: 'other',
					statements: 'none',
					collateral: [],
					supplyChain: { settlementMonthsWithBank: 0 },
					yearsInBusiness: 0,
				}),
				catalogue,
			).reasons,
		).toEqual(['expert.no-eligible-product']);
		const loss = tradeClient({ netMargin: -0.2, assetsWan: 10 });
		expect(expertDecision(loss, catalogue)).toMatchObject({
			action: 'decline',
			reason: 'insufficient-repayment',
			reasons: ['expert.insufficient-repayment'],
		});
		expect(expertDecision(tradeClient({ truth: { pd: 0.6 } }), catalogue)).toMatchObject({
			reason: 'insufficient-repayment',
			reasons: ['expert.risk-unpriceable'],
		});
		expect(
			expertDecision(
				seasonalClient({ truth: { capitalNeedWan: 0.3 }, requestedAmountWan: 0.3 }),
				catalogue,
			),
		).toMatchObject({ reason: null, reasons: ['expert.need-below-product-min'] });
	});

	test('reports why a single product cannot carry the loan', () => {
		const p = product('mortgage-business-loan');
		expect(
			expertElements(
				tradeClient({ collateral: [{ kind: 'commercial-property', valueWan: 5 }] }),
				p,
			),
		).toEqual({ ok: false, failure: 'collateral-short' });
		expect(expertElements(tradeClient({ collateral: [] }), p)).toEqual({
			ok: false,
			failure: 'no-security',
		});
		// Priced at the smaller amount, the rate rises and the DSCR cap falls below the product minimum.
		const tight = tradeClient({
			netMargin: 0.0063,
			assetsWan: 0,
			existingDebtWan: 0,
			revenueWan: 100,
		});
		expect(expertElements(tight, product('agri-loan'))).toEqual({
			ok: false,
			failure: 'insufficient-repayment',
		});
		expect(
			expertDecision(
				tradeClient({
					creditHistory: 'thin-file',
					collateral: [],
					truth: { segment: 'out-of-scope' },
				}),
				[p],
			).action,
		).toBe('refer');
		const thin = tradeClient({
			creditHistory: 'thin-file',
			supplyChain: { taxDataAvailable: false, settlementMonthsWithBank: 0 },
			collateral: [],
		});
		expect(expertDecision(thin, [product('credit-loan')]).reasons).toEqual([
			'expert.no-eligible-product',
		]);
		expect(expertDecision(thin, [product('credit-loan'), product('revolving-loan')])).toMatchObject(
			{ action: 'decline', reason: null, reasons: ['expert.no-security'] },
		);
	});

	test('is deterministic', () => {
		expect(expertDecision(manufacturingClient(), catalogue)).toEqual(
			expertDecision(manufacturingClient(), catalogue),
		);
	});
});

describe('messages', () => {
	test('exist for every finding and expert reason seen above, with placeholders the data fills', () => {
		for (const c of [
			tradeClient(),
			seasonalClient(),
			manufacturingClient(),
			tradeClient({ green: true, purpose: 'green-upgrade', statements: 'audited' }),
			seasonalClient({ rural: true, purpose: 'agricultural-production' }),
		]) {
			reasons(expertDecision(c, catalogue));
			for (const p of catalogue) reasons(productFit(c, p));
		}
		const fitReasons = [
			'track-fit',
			'segment-fit',
			'legal-form-fit',
			'green',
			'rural',
			'poor-receivables',
			'anchor-clean-ar',
			'seasonal-repayment',
			'rigid-repayment',
			'tax-data',
			'long-term',
			'collateral-gap',
			'uses-collateral',
		];
		const failures = [
			'out-of-scope',
			'prohibited-purpose',
			'serious-default',
			'no-capital-need',
			'no-eligible-product',
			'need-below-product-min',
			'insufficient-repayment',
			'collateral-short',
			'risk-unpriceable',
			'no-security',
		];
		for (const r of [...fitReasons, ...failures]) {
			seen.push({ code: `expert.${r}`, data: { productId: 'none' } });
		}
		expect(seen.length).toBeGreaterThan(100);
		expect(messageProblems(seen)).toEqual([]);
	});
});
