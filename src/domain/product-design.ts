/**
 * Product designer (lesson m3/01-product-innovation, 「信贷产品五要素」), the part the design form
 * needs with the page: the target-segment briefs, the design and its bounds, validation, the rate
 * of a spread, the design rules and the scoring weights. Running a design against a seeded sample
 * (sampling, profiles, evaluation, scoring, the need histogram) is in product-design-evaluation.ts,
 * which the simulation fetches when the learner first needs it (docs/simulations.md, "Page
 * weight"); this module must not import the generator or the product rules.
 *
 * Units: money in 万元; terms in months; spreads in basis points over the 1-year LPR; rates,
 * shares and PD as fractions per year. Regulatory anchors (facts §2.3, §3.1, §10.1, §10.3) and the
 * TEACHING DEFAULTs are described in product-design-evaluation.ts and below.
 */
import type { GeneratorOptions } from './generator';
import { RULES } from './client-profile';
import { GUARANTEE_METHODS, REPAYMENT_METHODS, type GuaranteeMethod, type RepaymentMethod } from './loan-terms';
import { CHANNELS, LPR_1Y, MAX_SPREAD_BP, bpToRate, type Channel } from './rates';
import { finiteOr, round6 } from './risk';

// ---------------------------------------------------------------- briefs

/** Target-segment briefs, in the order the learner sees them. */
export const BRIEF_IDS = ['community-catering', 'county-agri-wholesale', 'anchor-suppliers', 'tech-light-asset', 'suburban-farmers'] as const;
export type BriefId = (typeof BRIEF_IDS)[number];

/** How to draw a brief's sample: generator options plus filters on the drawn clients. */
export interface TargetBrief {
	id: BriefId;
	generator: GeneratorOptions;
	/** Keep only these trades (mock trade names of generator.ts); absent = any of the industries. */
	trades?: readonly string[];
	/** Keep only clients that sell to an anchor buyer (核心企业). */
	anchorBuyerOnly?: boolean;
}

/** The briefs as data: which clients each one's sample holds. */
export const BRIEFS: Readonly<Record<BriefId, TargetBrief>> = {
	'community-catering': { id: 'community-catering', generator: { industries: ['catering'], mix: { individual: 1 } } },
	'county-agri-wholesale': {
		id: 'county-agri-wholesale',
		generator: { industries: ['wholesale'], mix: { micro: 0.6, small: 0.4 } },
		trades: ['农资化肥批发', '粮油副食批发', '水果蔬菜批发'],
	},
	'anchor-suppliers': { id: 'anchor-suppliers', generator: { industries: ['industry'], mix: { micro: 0.5, small: 0.5 } }, anchorBuyerOnly: true },
	'tech-light-asset': { id: 'tech-light-asset', generator: { industries: ['software-it', 'information-transmission'], mix: { micro: 0.6, small: 0.4 } } },
	'suburban-farmers': { id: 'suburban-farmers', generator: { industries: ['agriculture'], mix: { individual: 1 } } },
};

/** Sample size bounds and default, clients. */
export const SAMPLE_RANGE = { min: 50, max: 400 } as const;
export const DEFAULT_SAMPLE = 200; // clients

/** A brief id or undefined. */
export function findBrief(id: string): TargetBrief | undefined {
	return (BRIEF_IDS as readonly string[]).includes(id) ? BRIEFS[id as BriefId] : undefined;
}

// ---------------------------------------------------------------- design

/** Data a product may require of an applicant (准入数据). */
export const DATA_REQUIREMENTS = ['statements', 'tax-data', 'settlement-history', 'anchor-buyer'] as const;
export type DataRequirement = (typeof DATA_REQUIREMENTS)[number];

/** A learner's product design. */
export interface ProductDesign {
	amountMinWan: number;
	amountMaxWan: number;
	termMinMonths: number;
	termMaxMonths: number;
	/** Spread over the 1-year LPR, bp (may be negative). */
	spreadBp: number;
	repayments: RepaymentMethod[];
	guarantees: GuaranteeMethod[];
	requirements: DataRequirement[];
	minYearsInBusiness: number;
}

/** Bounds the form accepts (wide on purpose: a design may break a rule and be told why). */
export const DESIGN_LIMITS = {
	amountWan: { min: 0.1, max: 5000 },
	termMonths: { min: 1, max: 120 },
	spreadBp: { min: -100, max: MAX_SPREAD_BP },
	minYears: { min: 0, max: 10 },
} as const;

/** A starting design the learner edits: a plain one-year working-capital loan. */
export const DEFAULT_DESIGN: ProductDesign = {
	amountMinWan: 10,
	amountMaxWan: 100,
	termMinMonths: 12,
	termMaxMonths: 12,
	spreadBp: 100,
	repayments: ['interest-monthly-bullet'],
	guarantees: ['mortgage'],
	requirements: ['statements'],
	minYearsInBusiness: 1,
};

/** Form fields a validation error can point at. */
export type DesignField = 'amountMinWan' | 'amountMaxWan' | 'termMinMonths' | 'termMaxMonths' | 'spreadBp' | 'repayments' | 'guarantees' | 'minYearsInBusiness';
export type DesignErrorCode = 'not-number' | 'out-of-range' | 'min-above-max' | 'not-whole' | 'none-chosen';

/** One problem with a design, for an inline message. */
export interface DesignError {
	field: DesignField;
	code: DesignErrorCode;
	min?: number;
	max?: number;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Every problem that stops a design from being evaluated; empty when it can run. */
export function validateDesign(d: ProductDesign): DesignError[] {
	const out: DesignError[] = [];
	const range = (field: DesignField, v: unknown, lim: { min: number; max: number }, whole: boolean) => {
		if (!isNum(v)) out.push({ field, code: 'not-number' });
		else if (v < lim.min || v > lim.max) out.push({ field, code: 'out-of-range', min: lim.min, max: lim.max });
		else if (whole && !Number.isInteger(v)) out.push({ field, code: 'not-whole' });
		else return true;
		return false;
	};
	const aMin = range('amountMinWan', d.amountMinWan, DESIGN_LIMITS.amountWan, false);
	const aMax = range('amountMaxWan', d.amountMaxWan, DESIGN_LIMITS.amountWan, false);
	if (aMin && aMax && d.amountMinWan > d.amountMaxWan) out.push({ field: 'amountMaxWan', code: 'min-above-max' });
	const tMin = range('termMinMonths', d.termMinMonths, DESIGN_LIMITS.termMonths, true);
	const tMax = range('termMaxMonths', d.termMaxMonths, DESIGN_LIMITS.termMonths, true);
	if (tMin && tMax && d.termMinMonths > d.termMaxMonths) out.push({ field: 'termMaxMonths', code: 'min-above-max' });
	range('spreadBp', d.spreadBp, DESIGN_LIMITS.spreadBp, true);
	range('minYearsInBusiness', d.minYearsInBusiness, DESIGN_LIMITS.minYears, false);
	if (!Array.isArray(d.repayments) || !d.repayments.some((m) => (REPAYMENT_METHODS as readonly string[]).includes(m))) out.push({ field: 'repayments', code: 'none-chosen' });
	if (!Array.isArray(d.guarantees) || !d.guarantees.some((m) => (GUARANTEE_METHODS as readonly string[]).includes(m))) out.push({ field: 'guarantees', code: 'none-chosen' });
	return out;
}

/** The annual rate of a spread over the 1-year LPR: 50 bp → 3.50%, 150 bp → 4.50% (LPR 3.00%). */
export function rateOf(spreadBp: number): number {
	return round6(LPR_1Y + bpToRate(finiteOr(spreadBp, 0)));
}

/** A client's yearly cost of a loan with a guarantee fee, as in the lesson's 300万 example. */
export function allInCost(amountWan: number, annualRate: number, guaranteeFeeRate: number): { interestWan: number; feeWan: number; totalWan: number; rate: number } {
	const a = Math.max(0, finiteOr(amountWan, 0));
	const interestWan = round6(a * Math.max(0, finiteOr(annualRate, 0)));
	const feeWan = round6(a * Math.max(0, finiteOr(guaranteeFeeRate, 0)));
	const totalWan = round6(interestWan + feeWan);
	return { interestWan, feeWan, totalWan, rate: a > 0 ? round6(totalWan / a) : 0 };
}

/**
 * How the product would be originated, inferred from its entry data (TEACHING ASSUMPTION): an
 * anchor-buyer product is run as a supply-chain batch programme, a product that requires tax or
 * settlement data can be approved online on that data, anything else needs a loan officer's visit.
 * The channel sets the operating cost per loan (rates.ts OPERATING_COST_WAN).
 */
export function channelOf(design: Pick<ProductDesign, 'requirements'>): Channel {
	const req = Array.isArray(design.requirements) ? design.requirements : [];
	if (req.includes('anchor-buyer')) return CHANNELS[1];
	if (req.includes('tax-data') || req.includes('settlement-history')) return CHANNELS[2];
	return CHANNELS[0];
}

/** Teaching defaults of the design rules. */
export const DESIGN_RULES = {
	/** A capital need below this is no loan case for any product, 万元 (TEACHING DEFAULT). */
	minNeedWan: 1,
	/** Months of settlement history the 'settlement-history' requirement asks for (RULES.thinFileSettlementMonths). */
	settlementMonths: RULES.thinFileSettlementMonths,
	/** Tax grades the 'tax-data' requirement accepts: 银税互动 A, B and M (facts §10.1). */
	taxGrades: ['A', 'B', 'M'] as const,
	/** Loan ÷ appraised collateral value for mortgages and pledges (TEACHING DEFAULT; facts §10.2 marks ratios [U]). */
	loanToCollateral: 0.7,
	/** Reaching this share of the lendable sample earns full reach points (TEACHING DEFAULT). */
	reachFullShare: 0.6,
	/** Serving this share of the eligible clients well earns full fit points (TEACHING DEFAULT). */
	fitFullShare: 0.75,
	/** An element failing at least this share of eligible clients is a major finding, fewer a minor one (TEACHING DEFAULT). */
	majorShare: 0.3,
	/** A requirement shutting out at least this share of the lendable clients is reported (TEACHING DEFAULT). */
	reportExclusionShare: 0.05,
} as const;

// ---------------------------------------------------------------- sample profile

/** What the learner can see of a brief's sample before designing (客群画像). */
export interface SampleProfile {
	size: number;
	lendable: number;
	medianNeedWan: number;
	p90NeedWan: number;
	/** Shares of the lendable clients. */
	statements: number;
	taxData: number;
	settlement: number;
	anchorBuyer: number;
	seasonal: number;
	mortgageable: number;
	noSecurity: number;
	thinFile: number;
	medianCycleMonths: number;
	maxCycleMonths: number;
	medianPd: number;
}

// ---------------------------------------------------------------- scoring weights

/** Points per dimension of a product design. */
export interface ProductDesignWeights {
	reach: number;
	fit: number;
	riskReturn: number;
	compliance: number;
}

/** Default weights: 10 points, reach and fit count most. */
export const DEFAULT_PRODUCT_DESIGN_WEIGHTS: ProductDesignWeights = { reach: 3, fit: 3, riskReturn: 2, compliance: 2 };
