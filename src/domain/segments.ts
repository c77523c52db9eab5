/**
 * Client segments: size segment (小企业 / 微型企业 / 个体工商户 / 不属于小微), risk-tolerance tier,
 * industry track, and the hidden "truth" of a client (its answer key for scoring).
 *
 * Units: money in 万元; margins and ratios as fractions (0.02 = 2%); years in years; PD as an
 * annual probability (fraction). Rules follow lesson m4/04-segmentation and src/domain/README.md.
 *
 * Size segment: an individual business (个体工商户) is sized by its industry's row of the MIIT 2011
 * standard (参照划型) and forms its own segment when small or micro; any medium or large borrower
 * is out of scope of small-and-micro lending.
 *
 * Risk tier (a teaching rule of this course, not a regulation): "low first, then high, the rest in
 * the middle", with the thresholds in RISK_TIER_RULE.
 */
import type {
	Client,
	ClientFacts,
	ClientTruth,
	CreditHistory,
	Industry,
	IndustryTrack,
	OwnerProfile,
	RiskTier,
	SizeClass,
	SizeSegment,
	StatementQuality,
} from './client';
import { classifyEnterpriseSize, explainEnterpriseSize, type SizeReason } from './sme-size';
import { fillWorkingCapitalInput, newLoanLimitOf, type WorkingCapitalInput } from './working-capital';

export type { ClientFacts } from './client';

/** What the size segment depends on. */
export type SegmentInput = Pick<Client, 'legalForm' | 'industry' | 'employees' | 'revenueWan' | 'assetsWan'>;

/** Map a size class to the size segment; `individual` for an individual business (个体工商户). */
export function segmentOfClass(sizeClass: SizeClass, individual: boolean): SizeSegment {
	if (sizeClass === 'medium' || sizeClass === 'large') return 'out-of-scope';
	return individual ? 'individual' : sizeClass;
}

/** The size segment: individual (个体工商户, small or micro by 参照划型), small, micro or out of scope. */
export function sizeSegmentOf(client: SegmentInput): SizeSegment {
	return segmentOfClass(classifyEnterpriseSize(client), client.legalForm === 'individual-business');
}

/** The size segment with the size class and (at most `maxReasons` of) the threshold comparisons behind it. */
export function explainSizeSegment(
	client: SegmentInput,
	maxReasons = Infinity,
): {
	segment: SizeSegment;
	sizeClass: SizeClass;
	reasons: SizeReason[];
} {
	const { sizeClass, reasons } = explainEnterpriseSize(client, maxReasons);
	return { segment: segmentOfClass(sizeClass, client.legalForm === 'individual-business'), sizeClass, reasons };
}

/** Thresholds of the course's risk-tolerance rule (lesson m4/04-segmentation). */
export const RISK_TIER_RULE = {
	low: {
		/** Low if net margin is below this, fraction (2%). */
		netMarginBelow: 0.02,
		/** Low if existing bank debt ÷ assets is at least this, fraction (70%). */
		debtRatioAtLeast: 0.7,
		/** Low if in business for fewer years than this, years. */
		yearsInBusinessBelow: 1,
	},
	high: {
		/** High needs net margin of at least this, fraction (8%). */
		netMarginAtLeast: 0.08,
		/** High needs at least this many years in business, years. */
		yearsInBusinessAtLeast: 5,
		/** High needs existing bank debt ÷ assets below this, fraction (40%). */
		debtRatioBelow: 0.4,
	},
	experienced: {
		/** "Experienced" needs the owner to have worked this many years in the trade, years. */
		ownerYearsInTradeAtLeast: 3,
	},
} as const;

/** What the risk tier depends on. */
export type RiskInput = Pick<
	Client,
	| 'creditHistory'
	| 'netMargin'
	| 'existingDebtWan'
	| 'assetsWan'
	| 'yearsInBusiness'
	| 'statements'
	| 'collateral'
	| 'requestedAmountWan'
> & { owner: Pick<Client['owner'], 'borrowedBefore' | 'yearsInTrade'> };

/** Codes of the reasons behind a risk tier. */
export type RiskReasonCode =
	| 'risk.low.serious-default'
	| 'risk.low.thin-margin'
	| 'risk.low.high-debt'
	| 'risk.low.new-business'
	| 'risk.high.margin'
	| 'risk.high.years'
	| 'risk.high.debt'
	| 'risk.high.credit'
	| 'risk.high.statements'
	| 'risk.high.collateral'
	| 'risk.not-high.margin'
	| 'risk.not-high.years'
	| 'risk.not-high.debt'
	| 'risk.not-high.credit'
	| 'risk.not-high.security'
	| 'risk.experienced'
	| 'risk.inexperienced.never-borrowed'
	| 'risk.inexperienced.few-years';

/**
 * One reason: a code and the numbers behind it. Ratios come as fractions (`value`, `threshold`)
 * and as percentages rounded to 0.1 (`valuePct`, `thresholdPct`) for messages.
 */
export interface RiskReason {
	code: RiskReasonCode;
	[key: string]: string | number | boolean;
}

/** Existing bank debt ÷ total assets; 0 with no debt, Infinity with debt and no assets. */
export function debtRatioOf(client: Pick<Client, 'existingDebtWan' | 'assetsWan'>): number {
	if (client.assetsWan > 0) return client.existingDebtWan / client.assetsWan;
	return client.existingDebtWan > 0 ? Infinity : 0;
}

/** Total appraised value of the collateral offered, 万元. */
export function collateralValueOf(client: Pick<Client, 'collateral'>): number {
	let sum = 0;
	for (const c of client.collateral) sum += c.valueWan;
	return sum;
}

const pct = (x: number): number => Math.round(x * 1000) / 10;

/** A ratio reason: the fraction and its threshold, plus both as percentages. */
function ratioReason<C extends RiskReasonCode>(
	code: C,
	value: number,
	threshold: number,
): { code: C; value: number; threshold: number; valuePct: number; thresholdPct: number } {
	return { code, value, threshold, valuePct: pct(value), thresholdPct: pct(threshold) };
}

/** A debt-ratio reason: the ratio reason plus the debt and assets behind it. */
function debtReason<C extends RiskReasonCode>(
	code: C,
	debtRatio: number,
	threshold: number,
	client: RiskInput,
): { code: C; value: number; threshold: number; valuePct: number; thresholdPct: number; debtWan: number; assetsWan: number } {
	return {
		code,
		value: debtRatio,
		threshold,
		valuePct: pct(debtRatio),
		thresholdPct: pct(threshold),
		debtWan: client.existingDebtWan,
		assetsWan: client.assetsWan,
	};
}

/**
 * The risk tier with the conditions that decided it, in rule order, at most `maxReasons` of them
 * (codes and numbers only). Only the reasons it returns are built: scoring asks for the deciding
 * one of 10,000 clients at a time.
 */
export function explainRiskTier(
	client: RiskInput,
	maxReasons = Infinity,
): { riskTier: RiskTier; debtRatio: number; reasons: RiskReason[] } {
	const { low, high, experienced } = RISK_TIER_RULE;
	const limit = maxReasons >= 1 ? maxReasons : 1;
	const debtRatio = debtRatioOf(client);
	const margin = client.netMargin;
	const years = client.yearsInBusiness;
	const credit: CreditHistory = client.creditHistory;

	// 1. Low if ANY trigger holds.
	const reasons: RiskReason[] = [];
	if (credit === 'serious-default') reasons.push({ code: 'risk.low.serious-default', creditHistory: credit });
	if (margin < low.netMarginBelow && reasons.length < limit) {
		reasons.push(ratioReason('risk.low.thin-margin', margin, low.netMarginBelow));
	}
	if (debtRatio >= low.debtRatioAtLeast && reasons.length < limit) {
		reasons.push(debtReason('risk.low.high-debt', debtRatio, low.debtRatioAtLeast, client));
	}
	if (years < low.yearsInBusinessBelow && reasons.length < limit) {
		reasons.push({ code: 'risk.low.new-business', value: years, threshold: low.yearsInBusinessBelow });
	}
	const lowTier =
		credit === 'serious-default' ||
		margin < low.netMarginBelow ||
		debtRatio >= low.debtRatioAtLeast ||
		years < low.yearsInBusinessBelow;
	if (lowTier) return { riskTier: 'low', debtRatio, reasons };

	// 2. High if ALL five conditions hold. `reasons` collects the failed ones; the met ones are
	// only listed when all five hold.
	const marginOk = margin >= high.netMarginAtLeast;
	const yearsOk = years >= high.yearsInBusinessAtLeast;
	const debtOk = debtRatio < high.debtRatioBelow;
	const creditOk = credit === 'clean';
	const statements: StatementQuality = client.statements;
	const collateralWan = collateralValueOf(client);
	const securityOk = statements !== 'none' || collateralWan >= client.requestedAmountWan;
	if (marginOk && yearsOk && debtOk && creditOk && securityOk) {
		const met: RiskReason[] = [
			ratioReason('risk.high.margin', margin, high.netMarginAtLeast),
			{ code: 'risk.high.years', value: years, threshold: high.yearsInBusinessAtLeast },
			debtReason('risk.high.debt', debtRatio, high.debtRatioBelow, client),
			{ code: 'risk.high.credit', creditHistory: credit },
			statements !== 'none'
				? { code: 'risk.high.statements', statements }
				: { code: 'risk.high.collateral', value: collateralWan, threshold: client.requestedAmountWan, statements },
		];
		return { riskTier: 'high', debtRatio, reasons: met.length > limit ? met.slice(0, limit) : met };
	}
	if (!marginOk) reasons.push(ratioReason('risk.not-high.margin', margin, high.netMarginAtLeast));
	if (!yearsOk && reasons.length < limit) {
		reasons.push({ code: 'risk.not-high.years', value: years, threshold: high.yearsInBusinessAtLeast });
	}
	if (!debtOk && reasons.length < limit) {
		reasons.push(debtReason('risk.not-high.debt', debtRatio, high.debtRatioBelow, client));
	}
	if (!creditOk && reasons.length < limit) reasons.push({ code: 'risk.not-high.credit', creditHistory: credit });
	if (!securityOk && reasons.length < limit) {
		reasons.push({
			code: 'risk.not-high.security',
			value: collateralWan,
			threshold: client.requestedAmountWan,
			statements,
		});
	}

	// 3. The middle, split by the owner's borrowing experience.
	const ownerYears = client.owner.yearsInTrade;
	const minYears = experienced.ownerYearsInTradeAtLeast;
	const borrowed = client.owner.borrowedBefore;
	const seasoned = ownerYears >= minYears;
	if (borrowed && seasoned) {
		if (reasons.length < limit) {
			reasons.push({ code: 'risk.experienced', borrowedBefore: true, value: ownerYears, threshold: minYears });
		}
		return { riskTier: 'moderate-experienced', debtRatio, reasons };
	}
	if (!borrowed && reasons.length < limit) {
		reasons.push({ code: 'risk.inexperienced.never-borrowed', borrowedBefore: false });
	}
	if (!seasoned && reasons.length < limit) {
		reasons.push({ code: 'risk.inexperienced.few-years', value: ownerYears, threshold: minYears });
	}
	return { riskTier: 'moderate-inexperienced', debtRatio, reasons };
}

/** Codes of the reasons that can come first (explainRiskTier's deciding reason), by the numbers they carry. */
type CreditReasonCode = 'risk.low.serious-default' | 'risk.not-high.credit';
type RatioReasonCode = 'risk.low.thin-margin' | 'risk.high.margin' | 'risk.not-high.margin';
type DebtReasonCode = 'risk.low.high-debt' | 'risk.not-high.debt';
type YearsReasonCode = 'risk.low.new-business' | 'risk.not-high.years';

/**
 * The first reason explainRiskTier gives, typed by its kind so scoring can copy it into finding
 * data with fixed keys. Only these kinds come first: a tier that is not high always has a failed
 * high condition to name before the owner's experience.
 */
export type DecidingRiskReason =
	| { code: CreditReasonCode; creditHistory: CreditHistory }
	| { code: RatioReasonCode; value: number; threshold: number; valuePct: number; thresholdPct: number }
	| {
			code: DebtReasonCode;
			value: number;
			threshold: number;
			valuePct: number;
			thresholdPct: number;
			debtWan: number;
			assetsWan: number;
	  }
	| { code: YearsReasonCode; value: number; threshold: number }
	| { code: 'risk.not-high.security'; value: number; threshold: number; statements: StatementQuality };

/**
 * explainRiskTier(client, 1) flat: the tier, the debt ratio and the deciding reason's fields, in an
 * object the caller keeps and decideRiskTierInto overwrites (the same rule, checked in the same
 * order; tests check both agree). Scoring decides 10,000 clients at a time and copies the numbers
 * straight into its findings, so a decision and a reason object per client would only be garbage.
 * Only the fields that `code`'s kind of reason carries (see DecidingRiskReason) are set; the others
 * keep earlier values.
 */
export interface FlatRiskDecision {
	riskTier: RiskTier;
	debtRatio: number;
	code: DecidingRiskReason['code'];
	creditHistory: CreditHistory;
	value: number;
	threshold: number;
	valuePct: number;
	thresholdPct: number;
	debtWan: number;
	assetsWan: number;
	statements: StatementQuality;
}

/** A FlatRiskDecision to fill with decideRiskTierInto. */
export function newFlatRiskDecision(): FlatRiskDecision {
	return {
		riskTier: 'low',
		debtRatio: 0,
		code: 'risk.low.serious-default',
		creditHistory: 'serious-default',
		value: 0,
		threshold: 0,
		valuePct: 0,
		thresholdPct: 0,
		debtWan: 0,
		assetsWan: 0,
		statements: 'none',
	};
}

/** The risk-tier rule into `out` (returned): the same rule as explainRiskTier, in the same order, without objects. */
export function decideRiskTierInto(client: RiskInput, out: FlatRiskDecision): FlatRiskDecision {
	const { low, high, experienced } = RISK_TIER_RULE;
	const debtRatio = debtRatioOf(client);
	const margin = client.netMargin;
	const years = client.yearsInBusiness;
	const credit: CreditHistory = client.creditHistory;
	out.debtRatio = debtRatio;

	// 1. Low on the first trigger that holds.
	out.riskTier = 'low';
	if (credit === 'serious-default') return creditInto(out, 'risk.low.serious-default', credit);
	if (margin < low.netMarginBelow) return ratioInto(out, 'risk.low.thin-margin', margin, low.netMarginBelow);
	if (debtRatio >= low.debtRatioAtLeast) {
		return debtInto(out, 'risk.low.high-debt', debtRatio, low.debtRatioAtLeast, client);
	}
	if (years < low.yearsInBusinessBelow) return yearsInto(out, 'risk.low.new-business', years, low.yearsInBusinessBelow);

	// 2. High if all five hold (the margin leads the met conditions), else the first that fails.
	if (!(margin >= high.netMarginAtLeast)) ratioInto(out, 'risk.not-high.margin', margin, high.netMarginAtLeast);
	else if (!(years >= high.yearsInBusinessAtLeast)) {
		yearsInto(out, 'risk.not-high.years', years, high.yearsInBusinessAtLeast);
	} else if (!(debtRatio < high.debtRatioBelow)) {
		debtInto(out, 'risk.not-high.debt', debtRatio, high.debtRatioBelow, client);
	} else if (credit !== 'clean') creditInto(out, 'risk.not-high.credit', credit);
	else {
		const statements: StatementQuality = client.statements;
		const collateralWan = collateralValueOf(client);
		if (statements !== 'none' || collateralWan >= client.requestedAmountWan) {
			out.riskTier = 'high';
			return ratioInto(out, 'risk.high.margin', margin, high.netMarginAtLeast);
		}
		out.code = 'risk.not-high.security';
		out.value = collateralWan;
		out.threshold = client.requestedAmountWan;
		out.statements = statements;
	}

	// 3. The middle, split by the owner's borrowing experience.
	const seasoned = client.owner.borrowedBefore && client.owner.yearsInTrade >= experienced.ownerYearsInTradeAtLeast;
	out.riskTier = seasoned ? 'moderate-experienced' : 'moderate-inexperienced';
	return out;
}

function creditInto(out: FlatRiskDecision, code: CreditReasonCode, credit: CreditHistory): FlatRiskDecision {
	out.code = code;
	out.creditHistory = credit;
	return out;
}

function ratioInto(
	out: FlatRiskDecision,
	code: RatioReasonCode | DebtReasonCode,
	value: number,
	threshold: number,
): FlatRiskDecision {
	out.code = code;
	out.value = value;
	out.threshold = threshold;
	out.valuePct = pct(value);
	out.thresholdPct = pct(threshold);
	return out;
}

function debtInto(
	out: FlatRiskDecision,
	code: DebtReasonCode,
	debtRatio: number,
	threshold: number,
	client: RiskInput,
): FlatRiskDecision {
	ratioInto(out, code, debtRatio, threshold);
	out.debtWan = client.existingDebtWan;
	out.assetsWan = client.assetsWan;
	return out;
}

function yearsInto(out: FlatRiskDecision, code: YearsReasonCode, years: number, threshold: number): FlatRiskDecision {
	out.code = code;
	out.value = years;
	out.threshold = threshold;
	return out;
}

/**
 * The risk-tolerance tier by the course rule (low → high → moderate experienced/inexperienced).
 * Same rule as explainRiskTier without building reasons (the generator calls it 10,000 times);
 * tests check both agree.
 */
export function riskTierOf(client: RiskInput): RiskTier {
	const { low, high, experienced } = RISK_TIER_RULE;
	const debtRatio = debtRatioOf(client);
	const margin = client.netMargin;
	const years = client.yearsInBusiness;
	if (
		client.creditHistory === 'serious-default' ||
		margin < low.netMarginBelow ||
		debtRatio >= low.debtRatioAtLeast ||
		years < low.yearsInBusinessBelow
	) {
		return 'low';
	}
	if (
		margin >= high.netMarginAtLeast &&
		years >= high.yearsInBusinessAtLeast &&
		debtRatio < high.debtRatioBelow &&
		client.creditHistory === 'clean' &&
		(client.statements !== 'none' || collateralValueOf(client) >= client.requestedAmountWan)
	) {
		return 'high';
	}
	return client.owner.borrowedBefore && client.owner.yearsInTrade >= experienced.ownerYearsInTradeAtLeast
		? 'moderate-experienced'
		: 'moderate-inexperienced';
}

/**
 * Industry → product-matching track (syllabus 5.三.1.2): 批发零售 → trade; 民生服务 (catering,
 * accommodation, 居民服务 and other unlisted services, property management, leasing & business
 * services, transport, postal, warehousing) → services; 生产加工 incl. 涉农生产加工 (industry,
 * construction, agriculture) → manufacturing; software/IT, information transmission and real-estate
 * development → other.
 */
export const TRACK_OF_INDUSTRY: Readonly<Record<Industry, IndustryTrack>> = {
	wholesale: 'trade',
	retail: 'trade',
	catering: 'services',
	accommodation: 'services',
	other: 'services',
	'property-management': 'services',
	'leasing-business-services': 'services',
	transport: 'services',
	postal: 'services',
	warehousing: 'services',
	industry: 'manufacturing',
	construction: 'manufacturing',
	agriculture: 'manufacturing',
	'software-it': 'other',
	'information-transmission': 'other',
	'real-estate-development': 'other',
};

/** The product-matching track of an industry (see TRACK_OF_INDUSTRY). */
export function trackOf(industry: Industry): IndustryTrack {
	return TRACK_OF_INDUSTRY[industry];
}

/**
 * Scratch input for truthOf: refilled on every call (everything here is synchronous and
 * newLoanLimitOf keeps nothing), so the generator does not build one per client.
 */
const WC_SCRATCH = {} as WorkingCapitalInput;

/**
 * Logistic default model: PD = 1 / (1 + e^−z), z = intercept + Σ factor terms, clamped to
 * [minPd, maxPd]. Calibrated on generated clients so a typical micro client has PD 1–6% and one
 * with a serious default 15–30% (tests/unit/domain/segments.test.ts checks both).
 */
export const PD_MODEL = {
	intercept: -3.55,
	creditHistory: { clean: 0, 'thin-file': 0.35, 'minor-late': 0.8, 'serious-default': 2.6 },
	/** Added per unit of net margin above `marginPivot` (negative: profit lowers PD), per fraction. */
	marginSlope: -8,
	marginPivot: 0.06,
	/** Net margin is clamped to this range first, fraction. */
	marginRange: [-0.3, 0.4],
	/** Added per unit of debt ratio above `debtPivot`; the ratio is capped at `debtCap` first. */
	debtSlope: 2.2,
	debtPivot: 0.3,
	debtCap: 1.5,
	/** By years in business: below 1, below 3, at least 10 (else 0). */
	yearsUnder1: 0.7,
	yearsUnder3: 0.3,
	years10Plus: -0.3,
	statements: { audited: -0.3, 'tax-filed': -0.1, none: 0.15 },
	habits: { prudent: -0.25, average: 0, risky: 0.6 },
	reputation: { good: -0.2, average: 0, poor: 0.5 },
	/** Added per unit of collateral value ÷ requested amount, coverage capped at `coverageCap`. */
	coverageSlope: -0.5,
	coverageCap: 1.5,
	minPd: 0.002,
	maxPd: 0.8,
} as const;

/** `x` limited to [lo, hi]; NaN counts as 0. */
function clamp(x: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, Number.isNaN(x) ? 0 : x));
}

/** Annual probability of default by PD_MODEL, rounded to 0.0001. */
export function probabilityOfDefault(client: ClientFacts): number {
	const m = PD_MODEL;
	const margin = clamp(client.netMargin, m.marginRange[0], m.marginRange[1]);
	const debt = clamp(debtRatioOf(client), 0, m.debtCap);
	const years = client.yearsInBusiness;
	const coverage =
		client.requestedAmountWan > 0 ? clamp(collateralValueOf(client) / client.requestedAmountWan, 0, m.coverageCap) : 0;
	const z =
		m.intercept +
		creditTerm(client.creditHistory) +
		m.marginSlope * (margin - m.marginPivot) +
		m.debtSlope * (debt - m.debtPivot) +
		(years < 1 ? m.yearsUnder1 : years < 3 ? m.yearsUnder3 : years >= 10 ? m.years10Plus : 0) +
		statementsTerm(client.statements) +
		habitsTerm(client.owner.habits) +
		reputationTerm(client.owner.reputation) +
		m.coverageSlope * coverage;
	const pd = clamp(1 / (1 + Math.exp(-z)), m.minPd, m.maxPd);
	return Math.round(pd * 10000) / 10000;
}

/*
 * The PD_MODEL terms of a client's codes, found by comparison rather than `table[code]`: a lookup
 * by a changing text key is several times slower, and truthOf runs for 10,000 clients at a time.
 * A code outside the table gives NaN, as the missing entry did in the sum (PD then clamps to minPd).
 */

function creditTerm(c: CreditHistory): number {
	const t = PD_MODEL.creditHistory;
	if (c === 'clean') return t.clean;
	if (c === 'thin-file') return t['thin-file'];
	if (c === 'minor-late') return t['minor-late'];
	return c === 'serious-default' ? t['serious-default'] : Number.NaN;
}

function statementsTerm(s: StatementQuality): number {
	const t = PD_MODEL.statements;
	if (s === 'audited') return t.audited;
	if (s === 'tax-filed') return t['tax-filed'];
	return s === 'none' ? t.none : Number.NaN;
}

function habitsTerm(h: OwnerProfile['habits']): number {
	const t = PD_MODEL.habits;
	if (h === 'prudent') return t.prudent;
	if (h === 'average') return t.average;
	return h === 'risky' ? t.risky : Number.NaN;
}

function reputationTerm(r: OwnerProfile['reputation']): number {
	const t = PD_MODEL.reputation;
	if (r === 'good') return t.good;
	if (r === 'average') return t.average;
	return r === 'poor' ? t.poor : Number.NaN;
}

/**
 * A client's answer key: size class, segment, risk tier, capital need (the 2010 formula's new loan
 * limit floored at 0, rounded to 0.01 万元; 0 when not computable) and PD.
 */
export function truthOf(client: ClientFacts): ClientTruth {
	const sizeClass = classifyEnterpriseSize(client);
	const limit = newLoanLimitOf(fillWorkingCapitalInput(client, WC_SCRATCH)); // NaN: not computable
	const capitalNeedWan = Number.isNaN(limit) ? 0 : Math.round(Math.max(0, limit) * 100) / 100;
	return {
		sizeClass,
		segment: segmentOfClass(sizeClass, client.legalForm === 'individual-business'),
		riskTier: riskTierOf(client),
		capitalNeedWan,
		pd: probabilityOfDefault(client),
	};
}
