/**
 * Product designer (lesson m3/01-product-innovation, 「信贷产品五要素」), the evaluation: the learner
 * picks a target segment brief and designs a working-capital product — amount range, term range, spread over the
 * 1-year LPR, the repayment methods and guarantee types it offers, and its entry conditions (data
 * the client must have, years in business). The design is then run against a seeded sample of
 * clients that fit the brief, with the rules of product-rules.ts, risk.ts and rates.ts:
 *
 *   lendable  = not a serious defaulter and a capital need of at least MIN_NEED_WAN (else no
 *               product should lend; these do not count against the design)
 *   eligible  = lendable and passes the product's entry conditions (checkEligibility)  → reach
 *   well served = eligible and the amount range covers the need, the term range meets the
 *               client's term window, an offered repayment method fits the cash flow, and an
 *               offered guarantee is one the client can actually give                  → fit
 *   booked    = eligible and has an offered guarantee it can give: lent min(max(need, min), max)
 *               at LPR + spread with the lowest-LGD guarantee it can give             → risk-return
 *
 * Units: money in 万元; terms in months; spreads in basis points over the 1-year LPR; rates,
 * shares, PD and LGD as fractions per year. Regulatory anchors (facts §2.3, §3.1, §10.1, §10.3):
 * working-capital term ≤ 36 months in principle and ≤ 60 at most; 普惠型 single-client credit ≤
 * 1000万 (inclusive); 银税互动 tax grades A/B/M; government-guarantee fee caps. Every other
 * threshold below is marked TEACHING DEFAULT: chosen for clear exercises, not a rule.
 *
 * Deterministic: the sample comes from the seed; never throws on a learner's design (validate it
 * with validateDesign first; evaluateDesign clamps what it cannot use).
 *
 * The briefs, the design, its validation and the design rules are in product-design.ts (what the
 * form needs with the page); this module (generator, product rules) is fetched on demand.
 */
import type { Client, IndustryTrack, SizeSegment } from './client';
import { generateClient } from './generator';
import { GUARANTEE_METHODS, REPAYMENT_METHODS, type GuaranteeMethod, type RepaymentMethod } from './loan-terms';
import {
	RULES,
	checkEligibility,
	checkRepayment,
	guaranteeFeasible,
	profileClient,
	targetTerm,
	type ClientProfile,
	type ProductDecision,
} from './product-rules';
import { WORKING_CAPITAL_PURPOSES, isWorkingCapitalPurpose, type Product } from './products';
import { createRng } from './random';
import {
	FUNDING_RATE,
	HURDLE_RAROC,
	INCLUSIVE_RATE_REFERENCE,
	INCLUSIVE_RATE_TOLERANCE_BP,
	LGD_BY_GUARANTEE,
	LPR_1Y,
	OPERATING_COST_WAN,
	bpToRate,
	capitalRatioFor,
} from './rates';
import { LIMITS } from './compliance';
import { expectedLossWan, finiteOr, loanRaroc, riskBasedRate, round6 } from './risk';
import { makeFeedback, type Feedback, type Finding, type FindingData, type Severity, type Topic } from './scoring/feedback';
import {
	BRIEFS,
	DEFAULT_PRODUCT_DESIGN_WEIGHTS,
	DEFAULT_SAMPLE,
	DESIGN_RULES,
	SAMPLE_RANGE,
	allInCost,
	channelOf,
	rateOf,
	type BriefId,
	type DataRequirement,
	type ProductDesign,
	type ProductDesignWeights,
	type SampleProfile,
	type TargetBrief,
} from './product-design';

/**
 * Government-guarantee fee caps and the bank's risk share of a designed product that offers a
 * government guarantee (facts §10.1; compliance.ts LIMITS). Kept here, not in DESIGN_RULES, so the
 * design form does not load compliance.ts with the page.
 */
export const DESIGN_GOV_FEE = { upTo500Wan: LIMITS.govFeeCapUpTo500, above500Wan: LIMITS.govFeeCapAbove500, bankRiskShare: LIMITS.bankMinRiskShare } as const;

// ---------------------------------------------------------------- sample

/**
 * A seeded sample of `count` clients of the brief with a working-capital purpose (the product is a
 * working-capital product). Candidates are drawn one stream per index, so the same seed always
 * gives the same sample; at most 30 candidates per client are tried.
 */
export function sampleClients(brief: TargetBrief, seed: string, count: number): Client[] {
	const n = Math.min(SAMPLE_RANGE.max, Math.max(1, Math.floor(finiteOr(count, DEFAULT_SAMPLE))));
	const root = createRng(`${seed}/${brief.id}`);
	const out: Client[] = [];
	for (let k = 0; out.length < n && k < n * 30; k++) {
		const c = generateClient(root.fork(k), { ...brief.generator, id: `p${String(k + 1).padStart(4, '0')}` });
		if (!isWorkingCapitalPurpose(c.purpose)) continue;
		if (brief.trades && !brief.trades.includes(c.trade)) continue;
		if (brief.anchorBuyerOnly && !c.supplyChain.anchorBuyer) continue;
		out.push(c);
	}
	return out;
}

const SEGMENTS: SizeSegment[] = ['small', 'micro', 'individual'];
const TRACKS: IndustryTrack[] = ['trade', 'services', 'manufacturing', 'other'];
const unique = <T extends string>(xs: readonly T[], all: readonly T[]): T[] => all.filter((x) => xs.includes(x));

/** The design as a catalogue Product, so the catalogue rules can judge it. */
export function designedProduct(design: ProductDesign): Product {
	const req = Array.isArray(design.requirements) ? design.requirements : [];
	const repayments = unique(Array.isArray(design.repayments) ? design.repayments : [], REPAYMENT_METHODS);
	const guarantees = unique(Array.isArray(design.guarantees) ? design.guarantees : [], GUARANTEE_METHODS);
	const spread = finiteOr(design.spreadBp, 0);
	return {
		id: 'designed',
		name: '',
		summary: '',
		targetSegments: SEGMENTS,
		tracks: TRACKS,
		purposes: [...WORKING_CAPITAL_PURPOSES],
		eligibility: {
			segments: SEGMENTS,
			legalForms: null,
			minYearsInBusiness: Math.max(0, finiteOr(design.minYearsInBusiness, 0)),
			statementsRequired: req.includes('statements'),
			taxGrades: req.includes('tax-data') ? [...DESIGN_RULES.taxGrades] : null,
			collateralKinds: null,
			anchorBuyerRequired: req.includes('anchor-buyer'),
			minSettlementMonths: req.includes('settlement-history') ? DESIGN_RULES.settlementMonths : 0,
			greenOnly: false,
			ruralOnly: false,
		},
		amountWan: { min: finiteOr(design.amountMinWan, 0), max: finiteOr(design.amountMaxWan, 0) },
		termMonths: { min: finiteOr(design.termMinMonths, 0), max: finiteOr(design.termMaxMonths, 0) },
		pricing: { base: 'lpr-1y', minSpreadBp: spread, maxSpreadBp: spread },
		repaymentMethods: repayments,
		guaranteeMethods: guarantees,
		maxLoanToCollateral: guarantees.includes('mortgage') || guarantees.includes('pledge') ? DESIGN_RULES.loanToCollateral : null,
		channel: channelOf(design),
		registration: null,
		guaranteeFee: guarantees.includes('government-guarantee') ? { ...DESIGN_GOV_FEE } : null,
		sources: ['facts-2.3', 'facts-3.1', 'facts-10.1'],
	};
}

// ---------------------------------------------------------------- per-client verdicts

/** Why a client is no loan case at all. */
export type Exclusion = 'serious-default' | 'no-need';
/** Entry conditions a client can fail (checkEligibility codes, plus purpose/segment catch-alls). */
export type EntryFailure = DataRequirement | 'years' | 'other';

/** The term window a working-capital loan to this client should fall in, months. */
export interface TermWindow {
	/** At least one cash cycle (and the slack season when seasonal), capped at the expert's term. */
	min: number;
	/** At most max(12, 3 cash cycles, the expert's term), capped at 36 (60 for cycles over a year). */
	max: number;
}

/** The loan a booked client would get. */
export interface BookedLoan {
	amountWan: number;
	guarantee: GuaranteeMethod;
	pd: number;
	lgd: number;
	expectedLossWan: number;
	netWan: number;
	economicCapitalWan: number;
	raroc: number;
	/** The risk-based rate of this loan (hurdle RAROC), fraction. */
	targetRate: number;
}

/** How the design treats one client. */
export interface ClientVerdict {
	id: string;
	needWan: number;
	exclusion: Exclusion | null;
	eligible: boolean;
	entryFailures: EntryFailure[];
	amount: 'ok' | 'below-min' | 'above-max';
	term: 'ok' | 'too-short' | 'too-long';
	termWindow: TermWindow;
	repaymentFits: boolean;
	guaranteeFits: boolean;
	wellServed: boolean;
	loan: BookedLoan | null;
}

/** The client's term window (see TermWindow). */
export function termWindow(client: Client, profile: ClientProfile = profileClient(client)): TermWindow {
	const target = targetTerm(client, undefined, profile);
	let min = Math.min(profile.cycleMonths, target);
	if (profile.seasonality.seasonal) min = Math.max(min, Math.min(profile.seasonality.slackMonths + 1, target));
	const cap = profile.cycleMonths > RULES.wcBaseTermMonths ? RULES.wcTermMaxMonths : RULES.wcTermNormMonths;
	const max = Math.min(cap, Math.max(RULES.wcBaseTermMonths, RULES.wcTermCycles * profile.cycleMonths, target));
	return { min: Math.ceil(min - 1e-9), max: Math.floor(max + 1e-9) };
}

const ENTRY_CODES: Readonly<Record<string, EntryFailure>> = {
	'product.ineligible-statements': 'statements',
	'product.ineligible-tax-grade': 'tax-data',
	'product.ineligible-settlement': 'settlement-history',
	'product.ineligible-anchor-buyer': 'anchor-buyer',
	'product.ineligible-years': 'years',
};

/**
 * Whether an offered repayment method fits the client's cash flow: the rule's full score, or
 * amortising instalments for a steady working-capital business (the lesson: 月月有流水的餐馆、便利店，
 * 适合按月付息、分期还本). A one-off bullet for a seasonal business does not fit.
 */
function repaymentFits(client: Client, product: Product, method: RepaymentMethod, profile: ClientProfile): boolean {
	const r = checkRepayment(client, product, { repayment: method } as ProductDecision, profile);
	return r.score >= 1 || r.findings.some((x) => x.code === 'repayment.amortising-working-capital');
}

function collateralWan(method: GuaranteeMethod, profile: ClientProfile): number {
	return method === 'mortgage' ? profile.mortgageableWan : profile.pledgeableWan;
}

/** Whether the client can give this guarantee for `amountWan` (product-rules feasibility; mortgages and pledges also need enough collateral value). */
export function guaranteeAvailable(client: Client, method: GuaranteeMethod, amountWan: number, profile: ClientProfile = profileClient(client)): boolean {
	if (!guaranteeFeasible(client, method, amountWan, profile)) return false;
	if (method !== 'mortgage' && method !== 'pledge') return true;
	return collateralWan(method, profile) * DESIGN_RULES.loanToCollateral >= amountWan;
}

/** The amount a booked client borrows: its need clamped to the product range, 万元. */
export function loanAmount(needWan: number, product: Product): number {
	return Math.round(Math.min(product.amountWan.max, Math.max(product.amountWan.min, needWan)) * 100) / 100;
}

/** Judge the design for one client. */
export function judgeClient(client: Client, product: Product, profile: ClientProfile = profileClient(client)): ClientVerdict {
	const needWan = profile.needWan;
	const window = termWindow(client, profile);
	const exclusion: Exclusion | null = client.creditHistory === 'serious-default' ? 'serious-default' : needWan < DESIGN_RULES.minNeedWan ? 'no-need' : null;
	const entryFailures = [...new Set(checkEligibility(client, product, profile).findings.map((f) => ENTRY_CODES[f.code] ?? 'other'))];
	const eligible = exclusion === null && entryFailures.length === 0;
	const amount = needWan > product.amountWan.max ? 'above-max' : product.amountWan.min > needWan * (1 + RULES.amountTolerance) ? 'below-min' : 'ok';
	const term = product.termMonths.max < window.min ? 'too-short' : product.termMonths.min > window.max ? 'too-long' : 'ok';
	const fitsRepayment = product.repaymentMethods.some((m) => repaymentFits(client, product, m, profile));
	const lent = loanAmount(needWan, product);
	let best: GuaranteeMethod | null = null;
	for (const g of product.guaranteeMethods) {
		if (guaranteeAvailable(client, g, lent, profile) && (best === null || LGD_BY_GUARANTEE[g] < LGD_BY_GUARANTEE[best])) best = g;
	}
	const wellServed = eligible && amount === 'ok' && term === 'ok' && fitsRepayment && best !== null;
	let loan: BookedLoan | null = null;
	if (eligible && best !== null) {
		const lgd = LGD_BY_GUARANTEE[best];
		const common = { pd: profile.pd, lgd, fundingRate: FUNDING_RATE, operatingCostWan: OPERATING_COST_WAN[product.channel], capitalRatio: capitalRatioFor(profile.segment) };
		const r = loanRaroc({ amountWan: lent, annualRate: rateOf(product.pricing.minSpreadBp), ...common });
		const price = riskBasedRate(profile.pd, lgd, { amountWan: lent, operatingCostWan: common.operatingCostWan, capitalRatio: common.capitalRatio });
		loan = { amountWan: lent, guarantee: best, pd: profile.pd, lgd, expectedLossWan: r.expectedLossWan, netWan: r.netWan, economicCapitalWan: r.economicCapitalWan, raroc: r.raroc, targetRate: price.targetRate };
	}
	return { id: client.id, needWan, exclusion, eligible, entryFailures, amount, term, termWindow: window, repaymentFits: fitsRepayment, guaranteeFits: best !== null, wellServed, loan };
}

// ---------------------------------------------------------------- aggregates

/** Expected loss of a set of loans: EL = Σ PD × LGD × amount, and its rate on the total amount (facts §11). */
export function portfolioExpectedLoss(loans: readonly { amountWan: number; pd: number; lgd: number }[]): { amountWan: number; expectedLossWan: number; rate: number } {
	let amountWan = 0;
	let el = 0;
	for (const l of loans) {
		amountWan += Math.max(0, finiteOr(l.amountWan, 0));
		el += expectedLossWan({ pd: l.pd, lgd: l.lgd, eadWan: l.amountWan });
	}
	return { amountWan: round6(amountWan), expectedLossWan: round6(el), rate: amountWan > 0 ? round6(el / amountWan) : 0 };
}

/** Share of a count, 0 when the base is 0, rounded to 0.1%. */
const share = (n: number, base: number): number => (base > 0 ? Math.round((n / base) * 1000) / 1000 : 0);

const median = (xs: number[]): number => {
	if (xs.length === 0) return 0;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor((s.length - 1) / 2)] as number;
};

/** One element's misfits: how many eligible clients it fails and the numbers behind it. */
export interface ElementGap {
	count: number;
	share: number;
}

/** Everything the scorer and the charts need about a design on a sample. */
export interface DesignEvaluation {
	design: ProductDesign;
	product: Product;
	annualRate: number;
	verdicts: ClientVerdict[];
	sampleSize: number;
	excluded: Record<Exclusion, number>;
	lendable: number;
	eligible: number;
	/** eligible ÷ lendable. */
	reachShare: number;
	/** Lendable clients each requirement shuts out on its own. */
	shutOutBy: Record<EntryFailure, number>;
	wellServed: number;
	/** wellServed ÷ eligible. */
	fitShare: number;
	/** Share of eligible clients each element serves. */
	elementShares: { amount: number; term: number; repayment: number; guarantee: number };
	amountAboveMax: ElementGap & { medianNeedWan: number; maxNeedWan: number };
	amountBelowMin: ElementGap & { medianNeedWan: number };
	termTooShort: ElementGap & { neededMonths: number };
	termTooLong: ElementGap & { maxMonths: number };
	repaymentMisfit: ElementGap & { seasonal: number; suggestion: RepaymentMethod | null; gain: number };
	guaranteeMisfit: ElementGap & { suggestion: GuaranteeMethod | null; gain: number };
	booked: number;
	bookedAmountWan: number;
	expectedLossWan: number;
	expectedLossRate: number;
	/** Σ net income ÷ Σ economic capital of the booked loans. */
	raroc: number;
	/** Booked loans whose risk-based rate is above the designed rate. */
	underpriced: ElementGap & { medianTargetRate: number };
	medianLoanWan: number;
}

/** Which extra option (not in the design) would fit the most currently unfitting clients, and how many. */
function bestExtra<T extends string>(all: readonly T[], offered: readonly T[], fits: (m: T) => number): { suggestion: T | null; gain: number } {
	let suggestion: T | null = null;
	let gain = 0;
	for (const m of all) {
		if (offered.includes(m)) continue;
		const g = fits(m);
		if (g > gain) {
			gain = g;
			suggestion = m;
		}
	}
	return { suggestion, gain };
}

/** Run a design against a sample. */
export function evaluateDesign(clients: readonly Client[], design: ProductDesign): DesignEvaluation {
	const product = designedProduct(design);
	const profiles = clients.map((c) => profileClient(c));
	const verdicts = clients.map((c, i) => judgeClient(c, product, profiles[i]));
	const excluded: Record<Exclusion, number> = { 'serious-default': 0, 'no-need': 0 };
	const shutOutBy: Record<EntryFailure, number> = { statements: 0, 'tax-data': 0, 'settlement-history': 0, 'anchor-buyer': 0, years: 0, other: 0 };
	for (const v of verdicts) {
		if (v.exclusion) excluded[v.exclusion]++;
		else for (const f of v.entryFailures) shutOutBy[f]++;
	}
	const lendable = verdicts.length - excluded['serious-default'] - excluded['no-need'];
	const el = verdicts.filter((v) => v.eligible);
	const elIdx = clients.map((_, i) => i).filter((i) => (verdicts[i] as ClientVerdict).eligible);
	const eligible = el.length;
	const count = (f: (v: ClientVerdict) => boolean) => el.filter(f).length;
	const above = el.filter((v) => v.amount === 'above-max');
	const below = el.filter((v) => v.amount === 'below-min');
	const short = el.filter((v) => v.term === 'too-short');
	const long = el.filter((v) => v.term === 'too-long');
	// Repayment misfits and the method that would serve most of them.
	const repMis = elIdx.filter((i) => !(verdicts[i] as ClientVerdict).repaymentFits);
	const repExtra = bestExtra(REPAYMENT_METHODS, product.repaymentMethods, (m) => {
		const p2 = { ...product, repaymentMethods: [...product.repaymentMethods, m] };
		return repMis.filter((i) => repaymentFits(clients[i] as Client, p2, m, profiles[i] as ClientProfile)).length;
	});
	const gMis = elIdx.filter((i) => !(verdicts[i] as ClientVerdict).guaranteeFits);
	const gExtra = bestExtra(GUARANTEE_METHODS, product.guaranteeMethods, (m) =>
		gMis.filter((i) => guaranteeAvailable(clients[i] as Client, m, loanAmount((verdicts[i] as ClientVerdict).needWan, product), profiles[i])).length,
	);
	const loans = el.map((v) => v.loan).filter((l): l is BookedLoan => l !== null);
	const pel = portfolioExpectedLoss(loans);
	const net = loans.reduce((s, l) => s + l.netWan, 0);
	const capital = loans.reduce((s, l) => s + l.economicCapitalWan, 0);
	const annualRate = rateOf(product.pricing.minSpreadBp);
	const under = loans.filter((l) => l.targetRate > annualRate + 1e-9);
	const wellServed = count((v) => v.wellServed);
	return {
		design,
		product,
		annualRate,
		verdicts,
		sampleSize: verdicts.length,
		excluded,
		lendable,
		eligible,
		reachShare: share(eligible, lendable),
		shutOutBy,
		wellServed,
		fitShare: share(wellServed, eligible),
		elementShares: {
			amount: share(count((v) => v.amount === 'ok'), eligible),
			term: share(count((v) => v.term === 'ok'), eligible),
			repayment: share(count((v) => v.repaymentFits), eligible),
			guarantee: share(count((v) => v.guaranteeFits), eligible),
		},
		amountAboveMax: { count: above.length, share: share(above.length, eligible), medianNeedWan: median(above.map((v) => v.needWan)), maxNeedWan: Math.max(0, ...above.map((v) => v.needWan)) },
		amountBelowMin: { count: below.length, share: share(below.length, eligible), medianNeedWan: median(below.map((v) => v.needWan)) },
		termTooShort: { count: short.length, share: share(short.length, eligible), neededMonths: Math.max(0, ...short.map((v) => v.termWindow.min)) },
		termTooLong: { count: long.length, share: share(long.length, eligible), maxMonths: Math.max(0, ...long.map((v) => v.termWindow.max)) },
		repaymentMisfit: {
			count: repMis.length,
			share: share(repMis.length, eligible),
			seasonal: repMis.filter((i) => (profiles[i] as ClientProfile).seasonality.seasonal).length,
			suggestion: repExtra.suggestion,
			gain: share(repExtra.gain, eligible),
		},
		guaranteeMisfit: { count: gMis.length, share: share(gMis.length, eligible), suggestion: gExtra.suggestion, gain: share(gExtra.gain, eligible) },
		booked: loans.length,
		bookedAmountWan: pel.amountWan,
		expectedLossWan: pel.expectedLossWan,
		expectedLossRate: pel.rate,
		raroc: capital > 0 ? round6(net / capital) : 0,
		underpriced: { count: under.length, share: share(under.length, loans.length), medianTargetRate: median(under.map((l) => l.targetRate)) },
		medianLoanWan: median(loans.map((l) => l.amountWan)),
	};
}

// ---------------------------------------------------------------- sample profile and chart data

const quantile = (xs: number[], p: number): number => {
	if (xs.length === 0) return 0;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(p * (s.length - 1))] as number;
};

/** Describe the lendable part of a sample. */
export function profileSample(clients: readonly Client[]): SampleProfile {
	const rows = clients.map((c) => ({ c, p: profileClient(c) })).filter(({ c, p }) => c.creditHistory !== 'serious-default' && p.needWan >= DESIGN_RULES.minNeedWan);
	const n = rows.length;
	const s = (f: (r: { c: Client; p: ClientProfile }) => boolean) => share(rows.filter(f).length, n);
	const needs = rows.map((r) => r.p.needWan);
	const cycles = rows.map((r) => r.p.cycleMonths);
	return {
		size: clients.length,
		lendable: n,
		medianNeedWan: Math.round(median(needs) * 10) / 10,
		p90NeedWan: Math.round(quantile(needs, 0.9) * 10) / 10,
		statements: s(({ c }) => c.statements !== 'none'),
		taxData: s(({ c }) => c.supplyChain.taxDataAvailable && (DESIGN_RULES.taxGrades as readonly string[]).includes(String(c.supplyChain.taxGrade))),
		settlement: s(({ c }) => c.supplyChain.settlementMonthsWithBank >= DESIGN_RULES.settlementMonths),
		anchorBuyer: s(({ c }) => c.supplyChain.anchorBuyer),
		seasonal: s(({ p }) => p.seasonality.seasonal),
		mortgageable: s(({ p }) => p.mortgageableWan > 0),
		noSecurity: s(({ c, p }) => p.mortgageableWan + p.pledgeableWan <= 0 && c.guarantor === 'none'),
		thinFile: s(({ c }) => c.creditHistory === 'thin-file'),
		medianCycleMonths: median(cycles),
		maxCycleMonths: Math.max(0, ...cycles),
		medianPd: median(rows.map((r) => r.p.pd)),
	};
}

/** Capital-need bins of the chart, 万元: [from, to). */
export const NEED_BINS_WAN = [1, 5, 10, 20, 50, 100, 200, 500, 1000, Infinity] as const;

/** One bin of the need histogram: lendable clients whose need the amount range covers or misses. */
export interface NeedBin {
	fromWan: number;
	toWan: number;
	covered: number;
	missed: number;
}

/** Histogram of the lendable clients' capital need against the designed amount range. */
export function needHistogram(evaluation: DesignEvaluation): NeedBin[] {
	const bins: NeedBin[] = [];
	for (let i = 0; i < NEED_BINS_WAN.length - 1; i++) bins.push({ fromWan: NEED_BINS_WAN[i] as number, toWan: NEED_BINS_WAN[i + 1] as number, covered: 0, missed: 0 });
	for (const v of evaluation.verdicts) {
		if (v.exclusion) continue;
		const bin = bins.find((b) => v.needWan < b.toWan) as NeedBin;
		if (v.amount === 'ok') bin.covered++;
		else bin.missed++;
	}
	return bins;
}

// ---------------------------------------------------------------- scoring

const CAP: Readonly<Record<Severity, number>> = { critical: 0, major: 0.4, minor: 0.8, info: 1, good: 1 };
const capOf = (fs: readonly Finding[]): number => fs.reduce((c, f) => Math.min(c, CAP[f.severity]), 1);

function f(code: string, severity: Severity, dimension: string, topic: Topic, data: FindingData = {}): Finding {
	return { code: `design.${code}`, severity, dimension, topic, data };
}

/** Severity of an element that fails some eligible clients: major from `majorShare`, else minor. */
const misfitSeverity = (s: number): Severity => (s >= DESIGN_RULES.majorShare ? 'major' : 'minor');

function reachFindings(e: DesignEvaluation): Finding[] {
	const out: Finding[] = [];
	const d = { reachShare: e.reachShare, eligible: e.eligible, lendable: e.lendable, sampleSize: e.sampleSize, target: DESIGN_RULES.reachFullShare };
	out.push(f('excluded', 'info', 'design-reach', 'five-elements', { seriousDefault: e.excluded['serious-default'], noNeed: e.excluded['no-need'], sampleSize: e.sampleSize, minNeedWan: DESIGN_RULES.minNeedWan }));
	const shut = (Object.entries(e.shutOutBy) as [EntryFailure, number][]).filter(([k, n]) => k !== 'other' && share(n, e.lendable) >= DESIGN_RULES.reportExclusionShare).sort((a, b) => b[1] - a[1]);
	for (const [req, n] of shut) out.push(f('shut-out-by', 'info', 'design-reach', 'product-fit', { dataReq: req, count: n, share: share(n, e.lendable), lendable: e.lendable }));
	if (e.eligible === 0) out.push(f('no-eligible', 'critical', 'design-reach', 'product-fit', d));
	else if (e.reachShare >= DESIGN_RULES.reachFullShare) out.push(f('reach-ok', 'good', 'design-reach', 'product-fit', d));
	else {
		const top = shut[0];
		out.push(f('reach-low', e.reachShare < DESIGN_RULES.reachFullShare / 2 ? 'major' : 'minor', 'design-reach', 'product-fit', { ...d, dataReq: top ? top[0] : 'other', share: top ? share(top[1], e.lendable) : 0 }));
	}
	return out;
}

function fitFindings(e: DesignEvaluation): Finding[] {
	const out: Finding[] = [];
	if (e.eligible === 0) return out;
	const d = e.design;
	const a = e.amountAboveMax;
	const b = e.amountBelowMin;
	const amountData = { amountMinWan: d.amountMinWan, amountMaxWan: d.amountMaxWan, eligible: e.eligible };
	if (a.count > 0) out.push(f('amount-above-max', misfitSeverity(a.share), 'design-fit', 'amount', { ...amountData, count: a.count, share: a.share, medianNeedWan: a.medianNeedWan, maxNeedWan: a.maxNeedWan }));
	if (b.count > 0) out.push(f('amount-below-min', misfitSeverity(b.share), 'design-fit', 'working-capital', { ...amountData, count: b.count, share: b.share, medianNeedWan: b.medianNeedWan }));
	if (a.count + b.count === 0) out.push(f('amount-fits', 'good', 'design-fit', 'amount', { ...amountData, share: e.elementShares.amount }));
	const ts = e.termTooShort;
	const tl = e.termTooLong;
	const termData = { termMinMonths: d.termMinMonths, termMaxMonths: d.termMaxMonths, eligible: e.eligible };
	if (ts.count > 0) out.push(f('term-too-short', misfitSeverity(ts.share), 'design-fit', 'term', { ...termData, count: ts.count, share: ts.share, neededMonths: ts.neededMonths }));
	if (tl.count > 0) out.push(f('term-too-long', misfitSeverity(tl.share), 'design-fit', 'term', { ...termData, count: tl.count, share: tl.share, maxMonths: tl.maxMonths }));
	if (ts.count + tl.count === 0) out.push(f('term-fits', 'good', 'design-fit', 'term', { ...termData, share: e.elementShares.term }));
	const r = e.repaymentMisfit;
	if (r.count > 0) {
		const data: FindingData = { count: r.count, share: r.share, seasonal: r.seasonal, eligible: e.eligible };
		if (r.suggestion) Object.assign(data, { repayment: r.suggestion, gain: r.gain });
		out.push(f(r.suggestion ? 'repayment-misfit' : 'repayment-misfit-no-fix', misfitSeverity(r.share), 'design-fit', r.seasonal > 0 ? 'seasonality' : 'repayment', data));
	} else out.push(f('repayment-fits', 'good', 'design-fit', 'repayment', { share: e.elementShares.repayment }));
	const g = e.guaranteeMisfit;
	if (g.count > 0) {
		const data: FindingData = { count: g.count, share: g.share, eligible: e.eligible };
		if (g.suggestion) Object.assign(data, { guarantee: g.suggestion, gain: g.gain });
		out.push(f(g.suggestion ? 'guarantee-misfit' : 'guarantee-misfit-no-fix', misfitSeverity(g.share), 'design-fit', 'guarantee', data));
	} else out.push(f('guarantee-fits', 'good', 'design-fit', 'guarantee', { share: e.elementShares.guarantee }));
	const fd = { fitShare: e.fitShare, wellServed: e.wellServed, eligible: e.eligible, target: DESIGN_RULES.fitFullShare };
	out.push(e.fitShare >= DESIGN_RULES.fitFullShare ? f('fit-ok', 'good', 'design-fit', 'five-elements', fd) : f('fit-low', 'info', 'design-fit', 'five-elements', fd));
	return out;
}

function riskFindings(e: DesignEvaluation): Finding[] {
	const out: Finding[] = [];
	const channel = e.product.channel;
	out.push(f('price', 'info', 'design-risk-return', 'pricing', { annualRate: e.annualRate, spreadBp: e.design.spreadBp, lpr: LPR_1Y }));
	if (e.booked === 0) {
		out.push(f('no-loans', 'critical', 'design-risk-return', 'five-elements', { eligible: e.eligible }));
		return out;
	}
	const opCost = OPERATING_COST_WAN[channel];
	out.push(f('channel', 'info', 'design-risk-return', 'cost-to-serve', { channel, operatingCostWan: opCost, medianLoanWan: e.medianLoanWan, costShare: round6(opCost / Math.max(e.medianLoanWan, 0.01)), annualRate: e.annualRate }));
	out.push(f('expected-loss', 'info', 'design-risk-return', 'expected-loss', { booked: e.booked, bookedAmountWan: Math.round(e.bookedAmountWan * 10) / 10, expectedLossWan: Math.round(e.expectedLossWan * 100) / 100, expectedLossRate: e.expectedLossRate }));
	const rd = { raroc: e.raroc, hurdle: HURDLE_RAROC, annualRate: e.annualRate };
	if (e.raroc >= HURDLE_RAROC) out.push(f('raroc-ok', 'good', 'design-risk-return', 'raroc', rd));
	else out.push(f(e.raroc <= 0 ? 'loss-making' : 'raroc-below-hurdle', e.raroc <= 0 ? 'major' : 'minor', 'design-risk-return', 'raroc', rd));
	const u = e.underpriced;
	if (u.count > 0) out.push(f('underpriced', u.share >= 0.5 ? 'minor' : 'info', 'design-risk-return', 'pricing', { count: u.count, share: u.share, booked: e.booked, medianTargetRate: u.medianTargetRate, annualRate: e.annualRate }));
	if (e.product.guaranteeFee) {
		const amount = e.medianLoanWan;
		const c = allInCost(amount, e.annualRate, amount <= 500 ? e.product.guaranteeFee.upTo500Wan : e.product.guaranteeFee.above500Wan);
		out.push(f('all-in-cost', 'info', 'design-risk-return', 'government-guarantee', { amountWan: amount, interestWan: Math.round(c.interestWan * 100) / 100, feeWan: Math.round(c.feeWan * 100) / 100, totalWan: Math.round(c.totalWan * 100) / 100, allInRate: c.rate }));
	}
	return out;
}

function complianceFindings(e: DesignEvaluation): Finding[] {
	const out: Finding[] = [];
	const d = e.design;
	const term = finiteOr(d.termMaxMonths, 0);
	if (term > LIMITS.workingCapitalMaxTermMonths) out.push(f('term-above-wc-max', 'critical', 'compliance', 'term', { termMaxMonths: term, maxMonths: LIMITS.workingCapitalMaxTermMonths }));
	else if (term > LIMITS.workingCapitalTermMonths) out.push(f('term-above-wc-norm', 'major', 'compliance', 'term', { termMaxMonths: term, normMonths: LIMITS.workingCapitalTermMonths, maxMonths: LIMITS.workingCapitalMaxTermMonths }));
	const amount = finiteOr(d.amountMaxWan, 0);
	if (amount > LIMITS.inclusiveMaxCreditWan) out.push(f('not-inclusive', 'major', 'compliance', 'inclusive-definition', { amountMaxWan: amount, capWan: LIMITS.inclusiveMaxCreditWan }));
	if (e.product.guaranteeMethods.includes('government-guarantee') && amount > RULES.govGuaranteeCapWan) {
		out.push(f('gov-guarantee-cap', 'minor', 'compliance', 'government-guarantee', { amountMaxWan: amount, capWan: RULES.govGuaranteeCapWan }));
	}
	const norm = round6(INCLUSIVE_RATE_REFERENCE + bpToRate(INCLUSIVE_RATE_TOLERANCE_BP));
	if (e.annualRate > norm + 1e-9) out.push(f('price-above-inclusive-norm', 'major', 'compliance', 'pricing', { annualRate: e.annualRate, referenceRate: INCLUSIVE_RATE_REFERENCE, normRate: norm, toleranceBp: INCLUSIVE_RATE_TOLERANCE_BP }));
	if (out.length === 0) out.push(f('compliance-ok', 'good', 'compliance', 'inclusive-definition', { termMaxMonths: term, amountMaxWan: amount, annualRate: e.annualRate }));
	return out;
}

const weightOf = (w: unknown): number => (typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 0);

/** Score a design's evaluation → Feedback kind 'product-design' (dimensions reach, fit, risk-return, compliance). */
export function scoreDesign(e: DesignEvaluation, weights: ProductDesignWeights = DEFAULT_PRODUCT_DESIGN_WEIGHTS): Feedback {
	const reach = reachFindings(e);
	const fit = fitFindings(e);
	const risk = riskFindings(e);
	const compliance = complianceFindings(e);
	const reachScore = e.reachShare / DESIGN_RULES.reachFullShare;
	const fitScore = e.eligible > 0 ? Math.min(1, e.fitShare / DESIGN_RULES.fitFullShare) : 0;
	const riskScore = e.booked > 0 ? Math.max(0, Math.min(1, e.raroc / HURDLE_RAROC)) : 0;
	const w = {
		reach: weightOf(weights.reach),
		fit: weightOf(weights.fit),
		riskReturn: weightOf(weights.riskReturn),
		compliance: weightOf(weights.compliance),
	};
	return makeFeedback(
		'product-design',
		[
			{ id: 'design-reach', score: Math.min(1, reachScore) * w.reach, max: w.reach },
			{ id: 'design-fit', score: fitScore * w.fit, max: w.fit },
			{ id: 'design-risk-return', score: riskScore * w.riskReturn, max: w.riskReturn },
			{ id: 'compliance', score: capOf(compliance) * w.compliance, max: w.compliance },
		],
		[...reach, ...fit, ...risk, ...compliance],
	);
}

/** Sample, evaluate and score in one call. */
export function runDesign(briefId: BriefId, seed: string, count: number, design: ProductDesign, weights?: ProductDesignWeights): { clients: Client[]; evaluation: DesignEvaluation; feedback: Feedback } {
	const clients = sampleClients(BRIEFS[briefId], seed, count);
	const evaluation = evaluateDesign(clients, design);
	return { clients, evaluation, feedback: scoreDesign(evaluation, weights) };
}
