/**
 * Rules that judge a learner's product choice and its five elements (额度 amount, 期限 term, 定价
 * price, 还款方式 repayment, 担保方式 guarantee) for one client, and the expert's own choice by the
 * same rules (syllabus part 3.一.1 and part 5.三.1; facts §2, §3, §10, §11).
 *
 * Units: money in 万元; terms and cycles in months (30-day months, 360-day year as in facts §2.2);
 * rates, margins, shares and PD/LGD as fractions; spreads in basis points.
 *
 * Every rule is a named function returning `RuleResult` = a score in [0, 1] plus coded findings
 * carrying the numbers behind them. A dimension's score is a distance from the rule's target value
 * (so moving a decision toward the target never lowers it), capped by the worst finding:
 * critical → 0, major → 0.4, minor → 0.8. Bad input (NaN, unknown codes) becomes a finding; no
 * rule throws.
 *
 * The thresholds (RULES) and the client figures the charts share with the rules (seasonality,
 * receivable aging) live in client-profile.ts, which a page showing a client's charts loads without
 * these rules; they are re-exported here. Thresholds marked TEACHING DEFAULT in RULES are not
 * regulations: facts.md says DSCR thresholds, collateral ratios and similar figures are bank
 * conventions ([U]); they are chosen to make exercises clear and are documented in
 * src/domain/README.md.
 */
import type { Client, SizeSegment } from './client';
import { RULES, agingProfile, seasonality, type AgingProfile, type Seasonality } from './client-profile';
import {
	GUARANTEE_METHODS,
	REPAYMENT_METHODS,
	isPermittedPurpose,
	type DecisionReason,
	type GuaranteeMethod,
	type RepaymentMethod,
} from './loan-terms';
import {
	MORTGAGEABLE_KINDS,
	PLEDGEABLE_KINDS,
	baseRate,
	findProduct,
	isWorkingCapitalPurpose,
	rateBounds,
	type Catalogue,
	type Product,
} from './products';
import {
	HURDLE_RAROC,
	INCLUSIVE_RATE_REFERENCE,
	INCLUSIVE_RATE_TOLERANCE_BP,
	LGD_BY_GUARANTEE,
	LPR_1Y,
	MAX_SPREAD_BP,
	OPERATING_COST_WAN,
	FUNDING_RATE,
	bpToRate,
	capitalRatioFor,
	rateToBp,
} from './rates';
import { finiteOr, loanRaroc, riskBasedRate, round6, type RiskBasedPrice } from './risk';
import type { Finding, FindingData, Severity, Topic } from './scoring/feedback';

export { RULES, agingProfile, seasonality, type AgingProfile, type Seasonality } from './client-profile';

/** Points cap of a dimension by the worst severity among its findings. */
export const SEVERITY_CAP: Readonly<Record<Severity, number>> = {
	critical: 0,
	major: 0.4,
	minor: 0.8,
	info: 1,
	good: 1,
};

/** A learner's (or the expert's) product choice with its five elements. */
export interface ProductDecision {
	productId: string;
	amountWan: number;
	termMonths: number;
	/** Annual interest rate, fraction. */
	annualRate: number;
	repayment: RepaymentMethod;
	guarantee: GuaranteeMethod;
	/** Free-text reasoning; kept for the debrief, never scored. */
	rationale?: string;
}

/** What one rule concluded: a score in [0, 1] and the findings behind it. */
export interface RuleResult {
	score: number;
	findings: Finding[];
}

/** Figures derived from a client that the rules share. */
export interface ClientProfile {
	segment: SizeSegment;
	pd: number;
	/** inventory + receivable − payable + prepaid − advance-receipt days (facts §2.2). */
	cashCycleDays: number;
	/** Cash cycle in months, at least 1. */
	cycleMonths: number;
	seasonality: Seasonality;
	aging: AgingProfile;
	receivableGapDays: number;
	workingCapitalPurpose: boolean;
	/** Capital need for a working-capital purpose, the requested amount for an investment, 万元. */
	needWan: number;
	/** Net profit + depreciation proxy, 万元 a year. */
	cashFlowWan: number;
	/** Interest on existing bank debt, 万元 a year. */
	existingDebtServiceWan: number;
	/** Thin credit file and no tax or settlement data to lend on. */
	thinFileNoData: boolean;
	mortgageableWan: number;
	pledgeableWan: number;
	receivablesCollateralWan: number;
	permittedPurpose: boolean;
}

const num = (x: unknown): number => finiteOr(x, 0);
const nonNeg = (x: unknown): number => Math.max(0, num(x));
const round2 = (x: number): number => Math.round(x * 100) / 100;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function finding(
	code: string,
	severity: Severity,
	dimension: string,
	topic: Topic,
	data: FindingData = {},
): Finding {
	return { code, severity, dimension, topic, data };
}

/** The lowest cap of the findings' severities (1 when none). */
export function severityCap(findings: readonly Finding[]): number {
	return findings.reduce((cap, f) => Math.min(cap, SEVERITY_CAP[f.severity]), 1);
}

function result(base: number, findings: Finding[]): RuleResult {
	return { score: round3(Math.max(0, Math.min(base, severityCap(findings)))), findings };
}

/** Derive the figures every rule needs from a client (tolerates missing or malformed fields). */
export function profileClient(client: Client): ClientProfile {
	const cashCycleDays = round2(
		num(client.inventoryDays) +
			num(client.receivableDays) -
			num(client.payableDays) +
			num(client.prepaidDays) -
			num(client.advanceReceiptDays),
	);
	const purpose = client.purpose;
	const workingCapitalPurpose = isWorkingCapitalPurpose(purpose);
	const collateral = Array.isArray(client.collateral) ? client.collateral : [];
	const sumKinds = (kinds: readonly string[]) =>
		round2(
			collateral.filter((c) => kinds.includes(c.kind)).reduce((s, c) => s + nonNeg(c.valueWan), 0),
		);
	const supply = client.supplyChain;
	return {
		segment: client.truth?.segment ?? 'out-of-scope',
		pd: Math.min(1, nonNeg(client.truth?.pd)),
		cashCycleDays,
		cycleMonths: Math.max(1, Math.round((cashCycleDays / 30) * 10) / 10),
		seasonality: seasonality(client.monthlyRevenueWan),
		aging: agingProfile(client.arAging),
		receivableGapDays: round2(num(client.receivableDays) - num(client.payableDays)),
		workingCapitalPurpose,
		needWan: round2(
			workingCapitalPurpose
				? nonNeg(client.truth?.capitalNeedWan)
				: nonNeg(client.requestedAmountWan),
		),
		cashFlowWan: round2(
			nonNeg(client.revenueWan) * num(client.netMargin) +
				nonNeg(client.assetsWan) * RULES.depreciationRate,
		),
		existingDebtServiceWan: round2(nonNeg(client.existingDebtWan) * RULES.existingDebtRate),
		thinFileNoData:
			client.creditHistory === 'thin-file' &&
			supply?.taxDataAvailable !== true &&
			nonNeg(supply?.settlementMonthsWithBank) < RULES.thinFileSettlementMonths,
		mortgageableWan: sumKinds(MORTGAGEABLE_KINDS),
		pledgeableWan: sumKinds(PLEDGEABLE_KINDS),
		receivablesCollateralWan: sumKinds(['receivables']),
		permittedPurpose: isPermittedPurpose(purpose),
	};
}

const isRepayment = (x: unknown): x is RepaymentMethod =>
	(REPAYMENT_METHODS as readonly unknown[]).includes(x);
const isGuarantee = (x: unknown): x is GuaranteeMethod =>
	(GUARANTEE_METHODS as readonly unknown[]).includes(x);
const AMORTISING: readonly RepaymentMethod[] = ['equal-installment', 'equal-principal'];

/**
 * Debt service of the first year of a loan, 万元: amortising methods pay their schedule; for the
 * others only interest counts when the purpose is working capital (the turnover of the financed
 * stock and receivables repays the principal), while an investment must repay its principal
 * evenly out of earnings.
 */
export function firstYearDebtServiceWan(
	amountWan: number,
	annualRate: number,
	termMonths: number,
	repayment: RepaymentMethod,
	workingCapital: boolean,
): number {
	const a = nonNeg(amountWan);
	const rate = nonNeg(annualRate);
	const n = Math.max(1, Math.round(nonNeg(termMonths)));
	const k = Math.min(12, n);
	const r = rate / 12;
	if (repayment === 'equal-installment') {
		const payment = r < 1e-12 ? a / n : (a * r) / (1 - (1 + r) ** -n);
		return round6(payment * k);
	}
	if (repayment === 'equal-principal') {
		return round6((k * a) / n + r * a * (k - (k * (k - 1)) / 2 / n));
	}
	const interest = (a * rate * k) / 12;
	return round6(workingCapital ? interest : interest + (a * k) / n);
}

/** DSCR = (net profit + depreciation proxy) ÷ (this loan's first-year service + existing debt interest); 99 when nothing is due. */
export function dscr(profile: ClientProfile, serviceWan: number): number {
	const due = serviceWan + profile.existingDebtServiceWan;
	if (due <= 0) return 99;
	return round2(Math.min(99, profile.cashFlowWan / due));
}

/** The largest amount whose DSCR stays at RULES.minDscr, 万元 (Infinity when the loan costs nothing). */
export function maxAmountForDscr(
	profile: ClientProfile,
	annualRate: number,
	termMonths: number,
	repayment: RepaymentMethod,
): number {
	const perWan = firstYearDebtServiceWan(
		1,
		annualRate,
		termMonths,
		repayment,
		profile.workingCapitalPurpose,
	);
	if (perWan <= 0) return Infinity;
	return Math.max(
		0,
		(profile.cashFlowWan / RULES.minDscr - profile.existingDebtServiceWan) / perWan,
	);
}

// ---------------------------------------------------------------- eligibility and fit

/** Check the product's hard entry conditions against the client → 'product.ineligible-*' findings. */
export function checkEligibility(
	client: Client,
	product: Product,
	profile = profileClient(client),
): RuleResult {
	const e = product.eligibility;
	const out: Finding[] = [];
	const add = (code: string, data: FindingData) =>
		out.push(
			finding(`product.ineligible-${code}`, 'critical', 'product-fit', 'product-fit', {
				productId: product.id,
				...data,
			}),
		);
	if (!e.segments.includes(profile.segment)) add('segment', { segment: profile.segment });
	if (e.legalForms !== null && !e.legalForms.includes(client.legalForm))
		add('legal-form', { legalForm: String(client.legalForm) });
	if (num(client.yearsInBusiness) < e.minYearsInBusiness)
		add('years', { yearsInBusiness: num(client.yearsInBusiness), minYears: e.minYearsInBusiness });
	if (e.statementsRequired && client.statements !== 'audited' && client.statements !== 'tax-filed')
		add('statements', { statements: String(client.statements) });
	const grade = client.supplyChain?.taxGrade ?? null;
	if (
		e.taxGrades !== null &&
		(client.supplyChain?.taxDataAvailable !== true ||
			grade === null ||
			!e.taxGrades.includes(grade))
	) {
		add('tax-grade', {
			taxGrade: grade ?? 'none',
			taxDataAvailable: client.supplyChain?.taxDataAvailable === true,
		});
	}
	if (e.collateralKinds !== null) {
		const kinds = e.collateralKinds;
		const has = (Array.isArray(client.collateral) ? client.collateral : []).some(
			(c) => kinds.includes(c.kind) && nonNeg(c.valueWan) > 0,
		);
		if (!has) add('collateral', { collateral: kinds[0] as string, kinds: kinds.length });
	}
	if (e.anchorBuyerRequired && client.supplyChain?.anchorBuyer !== true) add('anchor-buyer', {});
	const settlement = nonNeg(client.supplyChain?.settlementMonthsWithBank);
	if (settlement < e.minSettlementMonths)
		add('settlement', { settlementMonths: settlement, minMonths: e.minSettlementMonths });
	if (e.greenOnly && client.green !== true) add('green', {});
	if (e.ruralOnly && client.rural !== true) add('rural', {});
	if (!product.purposes.includes(client.purpose))
		add('purpose', { purpose: String(client.purpose) });
	return result(1, out);
}

/** The rate the product would charge this client with the given guarantee and amount. */
export function suggestedPrice(
	client: Client,
	product: Product | undefined,
	guarantee: GuaranteeMethod,
	amountWan: number,
	profile = profileClient(client),
): RiskBasedPrice {
	const lgd = LGD_BY_GUARANTEE[guarantee] ?? LGD_BY_GUARANTEE.credit;
	return riskBasedRate(profile.pd, lgd, {
		amountWan: amountWan > 0 ? amountWan : Math.max(1, profile.needWan),
		fundingRate: FUNDING_RATE,
		operatingCostWan: OPERATING_COST_WAN[product?.channel ?? 'branch-visit'],
		capitalRatio: capitalRatioFor(profile.segment),
		targetRaroc: HURDLE_RAROC,
		lpr: product ? baseRate(product) : LPR_1Y,
		maxSpreadBp: product?.pricing.maxSpreadBp ?? MAX_SPREAD_BP,
		...(product ? { minSpreadBp: product.pricing.minSpreadBp } : {}),
	});
}

/** How well an eligible product suits the client: fit points (> 0) and the reasons, codes 'expert.*'. */
export function productFit(
	client: Client,
	product: Product,
	profile = profileClient(client),
): { eligible: boolean; fit: number; reasons: string[] } {
	const eligible = checkEligibility(client, product, profile).findings.length === 0;
	const reasons: string[] = [];
	let fit = 1;
	const bonus = (points: number, reason: string) => {
		fit += points;
		reasons.push(reason);
	};
	if (product.tracks.includes(client.track)) bonus(1, 'expert.track-fit');
	if (product.targetSegments.includes(profile.segment)) bonus(1, 'expert.segment-fit');
	const forms = product.eligibility.legalForms;
	if (forms !== null && forms.length <= 2 && forms.includes(client.legalForm))
		bonus(1, 'expert.legal-form-fit');
	if (product.eligibility.greenOnly && client.green) bonus(2, 'expert.green');
	if (product.eligibility.ruralOnly && client.rural) bonus(2, 'expert.rural');
	if (product.eligibility.anchorBuyerRequired) {
		if (profile.aging.heavy91) bonus(-1.5, 'expert.poor-receivables');
		else if (profile.aging.clean) bonus(2, 'expert.anchor-clean-ar');
	}
	const flexible =
		product.repaymentMethods.includes('seasonal') || product.repaymentMethods.includes('revolving');
	if (profile.seasonality.seasonal)
		bonus(flexible ? 1.5 : -0.5, flexible ? 'expert.seasonal-repayment' : 'expert.rigid-repayment');
	if (product.eligibility.taxGrades !== null) bonus(1, 'expert.tax-data');
	if (!profile.workingCapitalPurpose && product.termMonths.max >= RULES.investmentTermMonths)
		bonus(0.5, 'expert.long-term');
	const noSecurity =
		profile.mortgageableWan + profile.pledgeableWan <= 0 && client.guarantor === 'none';
	if (
		noSecurity &&
		product.guaranteeMethods.length === 1 &&
		product.guaranteeMethods[0] === 'government-guarantee'
	) {
		bonus(1, 'expert.collateral-gap');
	}
	if (product.eligibility.collateralKinds !== null) bonus(0.5, 'expert.uses-collateral');
	const guarantee = recommendedGuarantee(
		client,
		product,
		Math.max(product.amountWan.min, Math.min(product.amountWan.max, profile.needWan)),
		profile,
	);
	const price = suggestedPrice(
		client,
		product,
		guarantee,
		Math.max(product.amountWan.min, Math.min(product.amountWan.max, profile.needWan)),
		profile,
	);
	fit -= price.rate * 10;
	return { eligible, fit: Math.max(0.1, round3(fit)), reasons };
}

/** Track-specific observations (syllabus 5.三.1.2): trade margin/cycle, services seasonality, manufacturing aging. */
export function checkTrackFit(
	client: Client,
	product: Product | undefined,
	profile = profileClient(client),
): RuleResult {
	const out: Finding[] = [];
	const gm = num(client.grossMargin);
	if (client.track === 'trade') {
		out.push(
			finding('track.trade-capital-need', 'info', 'product-fit', 'working-capital', {
				capitalNeedWan: profile.needWan,
				cashCycleDays: profile.cashCycleDays,
				grossMargin: gm,
			}),
		);
		if (gm < RULES.lowGrossMargin && profile.cashCycleDays > RULES.longCycleDays) {
			out.push(
				finding('track.trade-thin-margin-long-cycle', 'minor', 'product-fit', 'gross-margin', {
					grossMargin: gm,
					cashCycleDays: profile.cashCycleDays,
					marginFloor: RULES.lowGrossMargin,
					longCycleDays: RULES.longCycleDays,
				}),
			);
		}
	} else if (client.track === 'services') {
		const s = profile.seasonality;
		out.push(
			finding(
				s.seasonal ? 'track.services-seasonal' : 'track.services-steady',
				'info',
				'product-fit',
				'seasonality',
				{
					peakTroughRatio: s.peakTroughRatio,
					cv: s.cv,
					slackMonths: s.slackMonths,
					peakMonth: s.peakMonth,
					troughMonth: s.troughMonth,
				},
			),
		);
	} else if (client.track === 'manufacturing') {
		const a = profile.aging;
		out.push(
			finding('track.manufacturing-aging', 'info', 'product-fit', 'aging', {
				share61to90: a.share61to90,
				share91plus: a.share91plus,
				receivableDays: num(client.receivableDays),
				payableDays: num(client.payableDays),
			}),
		);
		if (a.heavy91)
			out.push(
				finding('track.manufacturing-ar-91-heavy', 'major', 'product-fit', 'aging', {
					share91plus: a.share91plus,
					threshold: RULES.heavyAr91Share,
				}),
			);
		else if (client.supplyChain?.anchorBuyer === true && a.clean)
			out.push(
				finding(
					'track.manufacturing-anchor-clean-ar',
					'good',
					'product-fit',
					'supply-chain-finance',
					{ share61to90: a.share61to90, share91plus: a.share91plus },
				),
			);
		if (profile.receivableGapDays > RULES.receivableGapDays) {
			out.push(
				finding('track.manufacturing-receivable-gap', 'minor', 'product-fit', 'aging', {
					receivableDays: num(client.receivableDays),
					payableDays: num(client.payableDays),
					gapDays: profile.receivableGapDays,
				}),
			);
		}
	}
	if (product?.eligibility.anchorBuyerRequired === true && profile.aging.heavy91) {
		out.push(
			finding('product.receivables-poor-quality', 'major', 'product-fit', 'supply-chain-finance', {
				productId: product.id,
				share91plus: profile.aging.share91plus,
			}),
		);
	}
	// Track observations describe the client; only their red flags cap the product-fit score (via the caller).
	return { score: 1, findings: out };
}

/** Score the product choice: ineligible → 0; else fit ÷ best eligible fit in the catalogue. */
export function checkProductFit(
	client: Client,
	catalogue: Catalogue,
	productId: string,
	profile = profileClient(client),
): RuleResult {
	const product = findProduct(catalogue, productId);
	if (!product) {
		return result(0, [
			finding('product.unknown', 'critical', 'product-fit', 'product-fit', {
				productId: String(productId),
			}),
		]);
	}
	const out: Finding[] = [];
	if (!profile.permittedPurpose)
		out.push(
			finding('product.prohibited-purpose', 'critical', 'product-fit', 'loan-purpose', {
				purpose: String(client.purpose),
			}),
		);
	const elig = checkEligibility(client, product, profile);
	out.push(...elig.findings);
	const track = checkTrackFit(client, product, profile);
	out.push(...track.findings.filter((f) => f.code === 'product.receivables-poor-quality'));
	const best = referenceProduct(client, catalogue, profile);
	const mine = productFit(client, product, profile);
	if (out.length === 0) {
		if (best === null || best.product.id === product.id || mine.fit >= best.fit) {
			out.push(
				finding('product.fit-best', 'good', 'product-fit', 'product-fit', {
					productId: product.id,
					fit: mine.fit,
				}),
			);
		} else {
			out.push(
				finding('product.fit-weaker', 'minor', 'product-fit', 'product-fit', {
					productId: product.id,
					expertProductId: best.product.id,
					fit: mine.fit,
					bestFit: best.fit,
				}),
			);
		}
	}
	out.push(...track.findings.filter((f) => f.code !== 'product.receivables-poor-quality'));
	const base = best === null ? 1 : Math.min(1, mine.fit / best.fit);
	// Track observations inform; only the eligibility / purpose / receivables findings cap the score.
	const capping = out.filter(
		(f) => f.code.startsWith('product.') && f.code !== 'product.fit-weaker',
	);
	return { score: round3(Math.max(0, Math.min(base, severityCap(capping)))), findings: out };
}

/**
 * The product a choice is measured against: the expert's product when the expert lends, else the
 * best-fitting eligible product (ties: catalogue order), else null.
 */
export function referenceProduct(
	client: Client,
	catalogue: Catalogue,
	profile = profileClient(client),
): { product: Product; fit: number } | null {
	const expert = expertDecision(client, catalogue);
	const chosen = expert.decision ? findProduct(catalogue, expert.decision.productId) : undefined;
	if (chosen) return { product: chosen, fit: productFit(client, chosen, profile).fit };
	let best: { product: Product; fit: number } | null = null;
	for (const product of catalogue) {
		const f = productFit(client, product, profile);
		if (f.eligible && (best === null || f.fit > best.fit)) best = { product, fit: f.fit };
	}
	return best;
}

// ---------------------------------------------------------------- amount

/** The amount the rules aim at for these elements, and which cap binds. */
export interface AmountTarget {
	targetWan: number;
	binding:
		| 'no-need'
		| 'need'
		| 'requested'
		| 'product-max'
		| 'collateral'
		| 'guarantee-cap'
		| 'dscr'
		| 'product-min';
	/** The smallest cap before the product minimum was applied. */
	limitedBy:
		'no-need' | 'need' | 'requested' | 'product-max' | 'collateral' | 'guarantee-cap' | 'dscr';
	needWan: number;
	collateralCapWan: number;
	dscrCapWan: number;
}

/** Target amount: the capital need, capped by the request, product max, collateral × ratio, guarantee cap and DSCR; at least the product min. */
export function amountTarget(
	client: Client,
	product: Product | undefined,
	elements: Pick<ProductDecision, 'termMonths' | 'annualRate' | 'repayment' | 'guarantee'>,
	profile = profileClient(client),
): AmountTarget {
	const needWan = profile.needWan;
	const repayment = isRepayment(elements.repayment)
		? elements.repayment
		: 'interest-monthly-bullet';
	const dscrCapWan = maxAmountForDscr(
		profile,
		num(elements.annualRate),
		num(elements.termMonths),
		repayment,
	);
	const ratio = product?.maxLoanToCollateral ?? null;
	let collateralCapWan = Infinity;
	if (ratio !== null && elements.guarantee === 'mortgage')
		collateralCapWan = profile.mortgageableWan * ratio;
	if (ratio !== null && elements.guarantee === 'pledge')
		collateralCapWan = profile.pledgeableWan * ratio;
	const caps: [AmountTarget['limitedBy'], number][] = [
		['need', needWan],
		[
			'requested',
			nonNeg(client.requestedAmountWan) > 0 ? nonNeg(client.requestedAmountWan) : Infinity,
		],
		['product-max', product?.amountWan.max ?? Infinity],
		['collateral', collateralCapWan],
		[
			'guarantee-cap',
			elements.guarantee === 'government-guarantee' ? RULES.govGuaranteeCapWan : Infinity,
		],
		['dscr', dscrCapWan],
	];
	if (needWan <= 0)
		return {
			targetWan: 0,
			binding: 'no-need',
			limitedBy: 'no-need',
			needWan,
			collateralCapWan: round2(collateralCapWan),
			dscrCapWan: round2(dscrCapWan),
		};
	let binding: AmountTarget['limitedBy'] = 'need';
	let target = Infinity;
	for (const [name, cap] of caps) {
		if (cap < target) {
			target = cap;
			binding = name;
		}
	}
	const min = product?.amountWan.min ?? 0;
	const limitedBy = binding;
	return {
		targetWan: round2(Math.max(min, target)),
		binding: target < min ? 'product-min' : binding,
		limitedBy,
		needWan,
		collateralCapWan: round2(collateralCapWan),
		dscrCapWan: round2(dscrCapWan),
	};
}

/** Amount vs capital need, product range, collateral and repayment capacity (DSCR). */
export function checkAmount(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile = profileClient(client),
): RuleResult {
	const amount = decision.amountWan;
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
		return result(0, [
			finding('amount.invalid', 'critical', 'amount', 'amount', { amountWan: String(amount) }),
		]);
	}
	const t = amountTarget(client, product, decision, profile);
	const out: Finding[] = [];
	const need = profile.needWan;
	if (need <= 0) {
		out.push(
			finding('amount.no-capital-need', 'critical', 'amount', 'working-capital', {
				amountWan: amount,
				capitalNeedWan: need,
			}),
		);
	} else if (amount > need * (1 + RULES.amountTolerance)) {
		out.push(
			finding(
				'amount.exceeds-need',
				'major',
				'amount',
				profile.workingCapitalPurpose ? 'working-capital' : 'amount',
				{ amountWan: amount, needWan: need, tolerance: RULES.amountTolerance },
			),
		);
	}
	if (product && (amount < product.amountWan.min || amount > product.amountWan.max)) {
		out.push(
			finding('amount.outside-product-range', 'major', 'amount', 'amount', {
				amountWan: amount,
				minWan: product.amountWan.min,
				maxWan: product.amountWan.max,
			}),
		);
	}
	if (amount > t.collateralCapWan + 1e-9) {
		out.push(
			finding('amount.exceeds-collateral', 'major', 'amount', 'guarantee', {
				amountWan: amount,
				capWan: t.collateralCapWan,
				maxRatio: product?.maxLoanToCollateral ?? 0,
			}),
		);
	}
	if (decision.guarantee === 'government-guarantee' && amount > RULES.govGuaranteeCapWan) {
		out.push(
			finding('amount.exceeds-guarantee-cap', 'major', 'amount', 'government-guarantee', {
				amountWan: amount,
				capWan: RULES.govGuaranteeCapWan,
			}),
		);
	}
	const repayment = isRepayment(decision.repayment)
		? decision.repayment
		: 'interest-monthly-bullet';
	const service = firstYearDebtServiceWan(
		amount,
		num(decision.annualRate),
		num(decision.termMonths),
		repayment,
		profile.workingCapitalPurpose,
	);
	const ratio = dscr(profile, service);
	const dscrData = {
		dscr: ratio,
		minDscr: RULES.minDscr,
		debtServiceWan: round2(service + profile.existingDebtServiceWan),
		cashFlowWan: profile.cashFlowWan,
	};
	if (ratio < RULES.minDscr)
		out.push(
			finding('amount.dscr-below-threshold', 'major', 'amount', 'repayment-capacity', dscrData),
		);
	else out.push(finding('amount.dscr-ok', 'info', 'amount', 'repayment-capacity', dscrData));
	if (t.targetWan > 0 && amount < 0.5 * t.targetWan) {
		out.push(
			finding('amount.below-need', 'minor', 'amount', 'amount', {
				amountWan: amount,
				targetWan: t.targetWan,
				needWan: need,
			}),
		);
	}
	if (severityCap(out) === 1)
		out.push(
			finding('amount.within-need', 'good', 'amount', 'amount', {
				amountWan: amount,
				needWan: need,
			}),
		);
	out.push(
		finding('amount.target', 'info', 'amount', 'amount', {
			targetWan: t.targetWan,
			needWan: need,
			binding: t.binding,
		}),
	);
	const scale = Math.max(t.targetWan, 1);
	const over = amount > t.targetWan ? (amount - t.targetWan) / scale : 0;
	const under = amount < t.targetWan ? (t.targetWan - amount) / scale : 0;
	const base = 1 - 2 * Math.max(0, over - RULES.amountTolerance) - Math.max(0, under - 0.2);
	return result(base, out);
}

// ---------------------------------------------------------------- term

/** Expert term for the client and product: ~12 months (≥ the cash cycle and slack season) for working capital, 36 for investment. */
export function targetTerm(
	client: Client,
	product: Product | undefined,
	profile = profileClient(client),
): number {
	let term: number;
	if (profile.workingCapitalPurpose) {
		const selfLiquidating =
			product?.eligibility.anchorBuyerRequired === true &&
			product.repaymentMethods.includes('self-liquidating');
		term = selfLiquidating
			? Math.ceil(profile.cycleMonths) + 1
			: Math.max(RULES.wcBaseTermMonths, Math.ceil(profile.cycleMonths));
		if (profile.seasonality.seasonal) term = Math.max(term, profile.seasonality.slackMonths + 1);
		term = Math.min(term, RULES.wcTermNormMonths);
	} else {
		term = RULES.investmentTermMonths;
	}
	if (product) term = Math.min(product.termMonths.max, Math.max(product.termMonths.min, term));
	return term;
}

/** Term vs cash cycle, seasonality, the 2024 working-capital limits and the product range. */
export function checkTerm(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile = profileClient(client),
): RuleResult {
	const term = decision.termMonths;
	if (typeof term !== 'number' || !Number.isFinite(term) || term <= 0) {
		return result(0, [
			finding('term.invalid', 'critical', 'term', 'term', { termMonths: String(term) }),
		]);
	}
	const target = targetTerm(client, product, profile);
	const out: Finding[] = [];
	const cycleMonths = profile.cycleMonths;
	if (profile.workingCapitalPurpose) {
		if (term > RULES.wcTermMaxMonths) {
			out.push(
				finding('term.exceeds-regulatory-max', 'critical', 'term', 'term', {
					termMonths: term,
					maxMonths: RULES.wcTermMaxMonths,
				}),
			);
		} else if (term > RULES.wcTermNormMonths) {
			const longCycle = cycleMonths > RULES.wcBaseTermMonths;
			out.push(
				finding('term.exceeds-wc-norm', longCycle ? 'minor' : 'major', 'term', 'term', {
					termMonths: term,
					normMonths: RULES.wcTermNormMonths,
					cycleMonths,
				}),
			);
		}
		if (term > Math.max(RULES.wcBaseTermMonths, RULES.wcTermCycles * cycleMonths, target)) {
			out.push(
				finding('term.exceeds-cash-cycle', 'major', 'term', 'term', {
					termMonths: term,
					cycleMonths,
				}),
			);
		}
		if (term < Math.min(cycleMonths, target)) {
			out.push(
				finding('term.shorter-than-cycle', 'major', 'term', 'term', {
					termMonths: term,
					cycleMonths,
				}),
			);
		}
		const slack = profile.seasonality.slackMonths;
		if (profile.seasonality.seasonal && term < Math.min(slack + 1, target)) {
			out.push(
				finding('term.misses-slack-season', 'minor', 'term', 'seasonality', {
					termMonths: term,
					slackMonths: slack,
				}),
			);
		}
	} else if (term < Math.min(RULES.investmentMinTermMonths, target)) {
		out.push(
			finding('term.too-short-for-investment', 'major', 'term', 'term', {
				termMonths: term,
				minMonths: RULES.investmentMinTermMonths,
			}),
		);
	}
	if (product && (term < product.termMonths.min || term > product.termMonths.max)) {
		out.push(
			finding('term.outside-product-range', 'major', 'term', 'term', {
				termMonths: term,
				minMonths: product.termMonths.min,
				maxMonths: product.termMonths.max,
			}),
		);
	}
	if (severityCap(out) === 1)
		out.push(
			finding('term.matches-cycle', 'good', 'term', 'term', {
				termMonths: term,
				cycleMonths,
				targetMonths: target,
			}),
		);
	else
		out.push(finding('term.target', 'info', 'term', 'term', { targetMonths: target, cycleMonths }));
	const base = 1 - Math.abs(term - target) / Math.max(target, 12);
	return result(base, out);
}

// ---------------------------------------------------------------- repayment

/** How well a repayment method fits the client and purpose, with the finding that says why. */
function repaymentGrade(
	client: Client,
	product: Product | undefined,
	method: RepaymentMethod,
	profile: ClientProfile,
): { score: number; finding: Finding } {
	const seasonal = profile.seasonality.seasonal;
	const d = {
		repayment: method,
		peakTroughRatio: profile.seasonality.peakTroughRatio,
		slackMonths: profile.seasonality.slackMonths,
	};
	const f = (code: string, sev: Severity, score: number, topic: Topic = 'repayment') => ({
		score,
		finding: finding(code, sev, 'repayment', topic, d),
	});
	if (
		method === 'self-liquidating' &&
		client.supplyChain?.anchorBuyer !== true &&
		profile.receivablesCollateralWan <= 0
	) {
		return f('repayment.self-liquidating-without-source', 'major', 0.4, 'supply-chain-finance');
	}
	if (!profile.workingCapitalPurpose) {
		if (AMORTISING.includes(method)) return f('repayment.amortising-investment', 'good', 1);
		if (method === 'seasonal')
			return f(
				'repayment.seasonal-investment',
				seasonal ? 'good' : 'minor',
				seasonal ? 1 : 0.8,
				'seasonality',
			);
		return f('repayment.bullet-for-investment', 'major', 0.4);
	}
	if (seasonal) {
		if (method === 'seasonal' || method === 'revolving')
			return f('repayment.matches-seasonality', 'good', 1, 'seasonality');
		if (AMORTISING.includes(method))
			return f('repayment.fixed-installments-seasonal', 'major', 0.4, 'seasonality');
		return f('repayment.bullet-seasonal', 'minor', 0.8, 'seasonality');
	}
	if (AMORTISING.includes(method)) return f('repayment.amortising-working-capital', 'minor', 0.8);
	if (method === 'self-liquidating' && product?.eligibility.anchorBuyerRequired !== true) {
		return f('repayment.self-liquidating-without-source', 'minor', 0.8, 'supply-chain-finance');
	}
	return f('repayment.matches-cash-flow', 'good', 1);
}

/** Repayment method vs seasonality and cash flow, and whether the product offers it. */
export function checkRepayment(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile = profileClient(client),
): RuleResult {
	const method = decision.repayment;
	if (!isRepayment(method))
		return result(0, [
			finding('repayment.unknown', 'critical', 'repayment', 'repayment', {
				repayment: String(method),
			}),
		]);
	const g = repaymentGrade(client, product, method, profile);
	const out = [g.finding];
	if (product && !product.repaymentMethods.includes(method)) {
		out.push(
			finding('repayment.not-offered', 'critical', 'repayment', 'repayment', {
				repayment: method,
				productId: product.id,
			}),
		);
	}
	return result(g.score, out);
}

/** The product's repayment method that fits the client best (ties: product order). */
export function recommendedRepayment(
	client: Client,
	product: Product,
	profile = profileClient(client),
): RepaymentMethod {
	let best: RepaymentMethod = product.repaymentMethods[0] ?? 'interest-monthly-bullet';
	let bestScore = -1;
	for (const m of product.repaymentMethods) {
		const s = repaymentGrade(client, product, m, profile).score;
		if (s > bestScore) {
			best = m;
			bestScore = s;
		}
	}
	return best;
}

// ---------------------------------------------------------------- guarantee

function guaranteeFindings(
	client: Client,
	method: GuaranteeMethod,
	amountWan: number,
	profile: ClientProfile,
): Finding[] {
	const out: Finding[] = [];
	const add = (code: string, sev: Severity, topic: Topic, data: FindingData = {}) =>
		out.push(finding(code, sev, 'guarantee', topic, { guarantee: method, ...data }));
	if (method === 'mortgage' && profile.mortgageableWan <= 0)
		add('guarantee.mortgage-without-property', 'critical', 'guarantee');
	if (method === 'pledge') {
		if (profile.pledgeableWan <= 0) add('guarantee.pledge-without-asset', 'critical', 'guarantee');
		else if (profile.aging.heavy91 && profile.pledgeableWan <= profile.receivablesCollateralWan) {
			add('guarantee.receivables-poor-quality', 'major', 'supply-chain-finance', {
				share91plus: profile.aging.share91plus,
			});
		}
	}
	if (method === 'personal-guarantee' && client.guarantor !== 'individual')
		add('guarantee.no-guarantor', 'major', 'guarantee', { guarantor: String(client.guarantor) });
	if (method === 'company-guarantee' && client.guarantor !== 'company')
		add('guarantee.no-guarantor', 'major', 'guarantee', { guarantor: String(client.guarantor) });
	if (method === 'government-guarantee') {
		if (profile.segment === 'out-of-scope' || amountWan > RULES.govGuaranteeCapWan) {
			add('guarantee.government-ineligible', 'major', 'government-guarantee', {
				segment: profile.segment,
				amountWan,
				capWan: RULES.govGuaranteeCapWan,
			});
		} else if (profile.mortgageableWan + profile.pledgeableWan <= 0) {
			add('guarantee.government-fits', 'good', 'government-guarantee', {
				segment: profile.segment,
			});
		}
	}
	if (method === 'credit') {
		if (client.creditHistory === 'serious-default')
			add('guarantee.credit-serious-default', 'critical', 'guarantee', {
				creditHistory: 'serious-default',
			});
		else if (profile.thinFileNoData)
			add('guarantee.credit-thin-file', 'major', 'guarantee', {
				settlementMonths: nonNeg(client.supplyChain?.settlementMonthsWithBank),
			});
	}
	return out;
}

/** Whether the client can actually provide the guarantee (no critical or major finding against it). */
export function guaranteeFeasible(
	client: Client,
	method: GuaranteeMethod,
	amountWan: number,
	profile = profileClient(client),
): boolean {
	return severityCap(guaranteeFindings(client, method, amountWan, profile)) === 1;
}

function guaranteeScore(
	client: Client,
	method: GuaranteeMethod,
	amountWan: number,
	profile: ClientProfile,
	bestLgd: number,
): { score: number; findings: Finding[] } {
	const fs = guaranteeFindings(client, method, amountWan, profile);
	const lgd = LGD_BY_GUARANTEE[method];
	const cap = severityCap(fs);
	const base = cap === 1 ? (lgd <= bestLgd ? 1 : 0.8) : cap;
	return { score: base, findings: fs };
}

/** The lowest LGD among the product's guarantee methods the client can actually provide (1 when none). */
function bestFeasibleLgd(
	client: Client,
	methods: readonly GuaranteeMethod[],
	amountWan: number,
	profile: ClientProfile,
): number {
	let best = 1;
	for (const m of methods) {
		if (severityCap(guaranteeFindings(client, m, amountWan, profile)) === 1)
			best = Math.min(best, LGD_BY_GUARANTEE[m]);
	}
	return best;
}

/** Guarantee vs what the client has, the product's list and the loss it leaves the bank. */
export function checkGuarantee(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile = profileClient(client),
): RuleResult {
	const method = decision.guarantee;
	if (!isGuarantee(method))
		return result(0, [
			finding('guarantee.unknown', 'critical', 'guarantee', 'guarantee', {
				guarantee: String(method),
			}),
		]);
	const amount = nonNeg(decision.amountWan);
	const methods = product?.guaranteeMethods ?? GUARANTEE_METHODS;
	const bestLgd = bestFeasibleLgd(client, methods, amount, profile);
	const g = guaranteeScore(client, method, amount, profile, bestLgd);
	const out = [...g.findings];
	if (product && !product.guaranteeMethods.includes(method)) {
		out.push(
			finding('guarantee.not-offered', 'critical', 'guarantee', 'guarantee', {
				guarantee: method,
				productId: product.id,
			}),
		);
	} else if (severityCap(out) === 1) {
		const lgd = LGD_BY_GUARANTEE[method];
		if (lgd <= bestLgd)
			out.push(
				finding('guarantee.matches-assets', 'good', 'guarantee', 'guarantee', {
					guarantee: method,
					lgd,
				}),
			);
		else
			out.push(
				finding('guarantee.weaker-than-available', 'minor', 'guarantee', 'guarantee', {
					guarantee: method,
					lgd,
					bestLgd,
				}),
			);
	}
	return result(g.score, out);
}

/** The product's guarantee method the client can provide with the lowest LGD (ties: product order). */
export function recommendedGuarantee(
	client: Client,
	product: Product,
	amountWan: number,
	profile = profileClient(client),
): GuaranteeMethod {
	const bestLgd = bestFeasibleLgd(client, product.guaranteeMethods, amountWan, profile);
	let best: GuaranteeMethod = product.guaranteeMethods[0] ?? 'credit';
	let bestScore = -1;
	for (const m of product.guaranteeMethods) {
		const s = guaranteeScore(client, m, amountWan, profile, bestLgd).score;
		if (s > bestScore) {
			best = m;
			bestScore = s;
		}
	}
	return best;
}

// ---------------------------------------------------------------- price

/** Rate vs the risk-based price: below break-even (funding + cost + EL), above the ceiling, outside the product, 普惠 稳价. */
export function checkPrice(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile = profileClient(client),
): RuleResult {
	const rate = decision.annualRate;
	if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
		return result(0, [
			finding('price.invalid', 'critical', 'price', 'pricing', { annualRate: String(rate) }),
		]);
	}
	const guarantee = isGuarantee(decision.guarantee) ? decision.guarantee : 'credit';
	const p = suggestedPrice(client, product, guarantee, num(decision.amountWan), profile);
	const out: Finding[] = [];
	const lpr = product ? baseRate(product) : LPR_1Y;
	const generalCeiling = round6(lpr + bpToRate(MAX_SPREAD_BP));
	if (p.unpriceable) {
		out.push(
			finding('price.unpriceable', 'major', 'price', 'pricing', {
				targetRate: p.targetRate,
				ceilingRate: p.ceilingRate,
			}),
		);
	}
	if (rate < p.breakEvenRate - 1e-9) {
		out.push(
			finding('price.below-break-even', 'major', 'price', 'pricing', {
				annualRate: rate,
				breakEvenRate: p.breakEvenRate,
				floorRate: p.floorRate,
				expectedLossRate: round6(p.breakEvenRate - p.floorRate),
			}),
		);
	}
	if (rate > generalCeiling + 1e-9) {
		out.push(
			finding('price.above-ceiling', 'major', 'price', 'pricing', {
				annualRate: rate,
				ceilingRate: generalCeiling,
			}),
		);
	}
	if (product) {
		const b = rateBounds(product);
		if (rate < b.min - 1e-9 || rate > b.max + 1e-9) {
			out.push(
				finding('price.outside-product-range', 'major', 'price', 'pricing', {
					annualRate: rate,
					minRate: round6(b.min),
					maxRate: round6(b.max),
				}),
			);
		}
	}
	const inclusive = profile.segment !== 'out-of-scope';
	const norm = INCLUSIVE_RATE_REFERENCE + bpToRate(INCLUSIVE_RATE_TOLERANCE_BP);
	if (inclusive && rate > norm + 1e-9) {
		out.push(
			finding('price.above-inclusive-norm', 'minor', 'price', 'pricing', {
				annualRate: rate,
				referenceRate: INCLUSIVE_RATE_REFERENCE,
				toleranceBp: INCLUSIVE_RATE_TOLERANCE_BP,
			}),
		);
	}
	const gapBp = Math.abs(rateToBp(rate - p.rate));
	const data = { annualRate: rate, suggestedRate: p.rate, gapBp, breakEvenRate: p.breakEvenRate };
	if (gapBp <= RULES.priceToleranceBp)
		out.push(finding('price.risk-based', 'good', 'price', 'pricing', data));
	else out.push(finding('price.far-from-risk-based', 'minor', 'price', 'pricing', data));
	const base = 1 - Math.max(0, gapBp - RULES.priceToleranceBp) / RULES.priceScaleBp;
	// The distance finding informs; the bound findings cap.
	const capping = out.filter((f) => f.code !== 'price.far-from-risk-based');
	return { score: round3(Math.max(0, Math.min(base, severityCap(capping)))), findings: out };
}

// ---------------------------------------------------------------- profitability

/** One-year RAROC of the decision vs the hurdle, with its expected loss (facts §11). */
export function checkProfitability(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile = profileClient(client),
): RuleResult {
	const guarantee = isGuarantee(decision.guarantee) ? decision.guarantee : 'credit';
	const lgd = LGD_BY_GUARANTEE[guarantee];
	const amount = nonNeg(decision.amountWan);
	const r = loanRaroc({
		amountWan: amount,
		annualRate: nonNeg(decision.annualRate),
		pd: profile.pd,
		lgd,
		fundingRate: FUNDING_RATE,
		operatingCostWan: OPERATING_COST_WAN[product?.channel ?? 'branch-visit'],
		capitalRatio: capitalRatioFor(profile.segment),
	});
	const out: Finding[] = [
		finding('profit.expected-loss', 'info', 'profitability', 'expected-loss', {
			expectedLossWan: r.expectedLossWan,
			pd: profile.pd,
			lgd,
			eadWan: amount,
		}),
		finding('profit.raroc', 'info', 'profitability', 'raroc', {
			raroc: r.raroc,
			hurdle: HURDLE_RAROC,
			interestWan: r.interestWan,
			fundingCostWan: r.fundingCostWan,
			operatingCostWan: r.operatingCostWan,
			expectedLossWan: r.expectedLossWan,
			economicCapitalWan: r.economicCapitalWan,
		}),
	];
	if (r.raroc < HURDLE_RAROC) {
		out.push(
			finding(
				r.raroc <= 0 ? 'profit.loss-making' : 'profit.below-hurdle',
				r.raroc <= 0 ? 'major' : 'minor',
				'profitability',
				'raroc',
				{ raroc: r.raroc, hurdle: HURDLE_RAROC },
			),
		);
	}
	const score = r.valid ? Math.max(0, Math.min(1, r.raroc / HURDLE_RAROC)) : 0;
	return { score: round3(score), findings: out };
}

// ---------------------------------------------------------------- expert

/** What the expert would do with an application and why. */
export interface ExpertDecision {
	action: 'lend' | 'decline' | 'refer';
	/** Why it declines or refers (codes of loan-terms.ts), null when lending. */
	reason: DecisionReason | null;
	/** Reason codes, `expert.*`: the fit reasons of the chosen product or the grounds for declining. */
	reasons: string[];
	/** The product and five elements, null unless lending. */
	decision: ProductDecision | null;
	/** One-year RAROC of the decision (0 when not lending). */
	raroc: number;
}

/** Why a product cannot carry the expert's loan. */
export type ExpertFailure =
	| 'need-below-product-min'
	| 'insufficient-repayment'
	| 'collateral-short'
	| 'risk-unpriceable'
	| 'no-security';

/** The expert's five elements on a given product, or why the product cannot carry a loan. */
export function expertElements(
	client: Client,
	product: Product,
	profile = profileClient(client),
): { ok: true; decision: ProductDecision; raroc: number } | { ok: false; failure: ExpertFailure } {
	const termMonths = targetTerm(client, product, profile);
	const repayment = recommendedRepayment(client, product, profile);
	const first = Math.max(product.amountWan.min, Math.min(product.amountWan.max, profile.needWan));
	const guarantee = recommendedGuarantee(client, product, first, profile);
	if (severityCap(guaranteeFindings(client, guarantee, first, profile)) < 1)
		return { ok: false, failure: 'no-security' };
	const rate0 = suggestedPrice(client, product, guarantee, first, profile).rate;
	const t = amountTarget(
		client,
		product,
		{ termMonths, annualRate: rate0, repayment, guarantee },
		profile,
	);
	const failure = (): ExpertFailure =>
		t.limitedBy === 'dscr'
			? 'insufficient-repayment'
			: t.limitedBy === 'collateral'
				? 'collateral-short'
				: 'need-below-product-min';
	if (t.binding === 'product-min') return { ok: false, failure: failure() };
	// Round down to 0.1 万元, never below the product minimum (the target is at least that).
	const amountWan = Math.max(product.amountWan.min, Math.floor(t.targetWan * 10) / 10);
	// Price at the amount, then re-check the amount's DSCR cap at that price; two rounds settle it.
	let amount = amountWan;
	let annualRate = 0;
	for (let round = 0; round < 2; round++) {
		const price = suggestedPrice(client, product, guarantee, amount, profile);
		if (price.unpriceable) return { ok: false, failure: 'risk-unpriceable' };
		annualRate = Math.ceil(price.rate * 10000 - 1e-6) / 10000;
		const capped = amountTarget(
			client,
			product,
			{ termMonths, annualRate, repayment, guarantee },
			profile,
		);
		amount = Math.min(amount, Math.floor(capped.targetWan * 10) / 10);
	}
	annualRate =
		Math.ceil(suggestedPrice(client, product, guarantee, amount, profile).rate * 10000 - 1e-6) /
		10000;
	const final = amountTarget(
		client,
		product,
		{ termMonths, annualRate, repayment, guarantee },
		profile,
	);
	if (amount < product.amountWan.min || amount > final.targetWan + 1e-9)
		return { ok: false, failure: 'insufficient-repayment' };
	const decision: ProductDecision = {
		productId: product.id,
		amountWan: amount,
		termMonths,
		annualRate,
		repayment,
		guarantee,
	};
	// Priced at (or above) the target rate, the loan earns at least the hurdle RAROC by construction.
	const raroc = num(
		checkProfitability(client, product, decision, profile).findings.find(
			(f) => f.code === 'profit.raroc',
		)?.data['raroc'],
	);
	return { ok: true, decision, raroc };
}

/**
 * The expert's decision: refer or decline by the hard rules, else the best-fitting eligible
 * product that can carry the loan; when none can, decline with the top candidate's failure.
 */
export function expertDecision(client: Client, catalogue: Catalogue): ExpertDecision {
	const profile = profileClient(client);
	const stop = (
		action: 'decline' | 'refer',
		reason: DecisionReason | null,
		code: string,
	): ExpertDecision => ({ action, reason, reasons: [code], decision: null, raroc: 0 });
	if (profile.segment === 'out-of-scope')
		return stop('refer', 'out-of-scope', 'expert.out-of-scope');
	if (!profile.permittedPurpose)
		return stop('decline', 'prohibited-purpose', 'expert.prohibited-purpose');
	if (client.creditHistory === 'serious-default')
		return stop('decline', 'serious-default', 'expert.serious-default');
	if (profile.aging.share91plus >= RULES.severeAr91Share && num(client.netMargin) < RULES.lowNetMargin)
		return stop('decline', 'insufficient-repayment', 'expert.receivables-eroding-repayment');
	if (profile.needWan <= 0) return stop('decline', null, 'expert.no-capital-need');
	const ranked = catalogue
		.map((product, i) => ({ product, i, ...productFit(client, product, profile) }))
		.filter((x) => x.eligible)
		.sort((a, b) => b.fit - a.fit || a.i - b.i);
	if (ranked.length === 0) return stop('decline', null, 'expert.no-eligible-product');
	let first: ExpertFailure | null = null;
	for (const cand of ranked) {
		const r = expertElements(client, cand.product, profile);
		if (r.ok)
			return {
				action: 'lend',
				reason: null,
				reasons: cand.reasons,
				decision: r.decision,
				raroc: r.raroc,
			};
		first ??= r.failure;
	}
	const failure = first as ExpertFailure;
	const repaymentProblem = failure === 'insufficient-repayment' || failure === 'risk-unpriceable';
	return stop('decline', repaymentProblem ? 'insufficient-repayment' : null, `expert.${failure}`);
}
