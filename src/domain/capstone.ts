/**
 * The capstone game 组合经营 (lesson m5/05-manufacturing-and-policy, final section): a learner runs a
 * small branch's inclusive-finance book for four quarters, deciding every application of each
 * quarter's pipeline, while the expert policy runs a parallel book on the same pipelines. Built
 * around the quarter model of portfolio.ts (simulateQuarter, expertPolicy, scorePortfolio).
 *
 * Units: money in 万元; rates, PD, LGD and ratios as fractions per year (the decision form takes the
 * rate in percent, `ratePct`); terms in months; a round is one quarter (3 months).
 *
 * Game flow (all deterministic per seed):
 * - the opening book ("年初"): round 0's pipeline `generateClients(`${seed}/q0`, n)` decided by the
 *   expert policy and run one quarter. Both books start from it; its loans count in balance,
 *   borrowers, NPL and income, but not in the RAROC / expected-loss figures of the decisions (their
 *   booked totals are reset), so those measure only the decisions taken in the game. It gives the
 *   两增 tests their year-start comparison (facts §3.2: 较年初);
 * - round k = 1..4: pipeline `generateClients(`${seed}/q${k}`, n)` with n seeded in 20–40 (client
 *   ids prefixed `q${k}-` so they stay unique across rounds); the learner's decisions and the
 *   expert's (expertPolicy on the expert's own book) are booked and the books run three months;
 * - every loan draws its defaults from its own stream `${seed}/loan/${clientId}/q${k}`: each loan
 *   is simulated as a one-loan book (loans do not interact in the quarter model, so the sum of the
 *   one-loan books is the book), which makes the learner's and the expert's loan to the same
 *   applicant share their luck and lets a what-if change one decision without reshuffling every
 *   other loan's defaults.
 *
 * Teaching assumptions (not rules; the UI labels them): the bank's all-loans NPL ratio 1.5%
 * (DEFAULT_ALL_LOANS_NPL_RATIO of portfolio.ts) and all-loans growth of 2% a quarter, the
 * comparisons of the 两增两控 tests; the 稳价 proxy: new 普惠 loans' average rate ≤ the 普惠
 * reference rate 4.46% (facts §10.3) + 200 bp, the same norm product-rules.ts flags.
 */
import type { Client, RiskTier, SizeSegment } from './client';
import { checkProposal, ruleTopic } from './compliance';
import { generateClients } from './generator';
import type { GuaranteeMethod, RepaymentMethod } from './loan-terms';
import {
	DEFAULT_ALL_LOANS_NPL_RATIO,
	NPL_TOLERANCE,
	bookNetIncomeWan,
	bookRaroc,
	emptyQuarterReport,
	bookRealisedRaroc,
	expertPolicy,
	inclusiveBook,
	initBook,
	scorePortfolio,
	simulateQuarter,
	twoIncreasesFindings,
	twoIncreasesTwoControls,
	type BookDecision,
	type BookState,
	type PortfolioWeights,
	type QuarterReport,
	type QuarterSettings,
} from './portfolio';
import {
	RULES,
	checkEligibility,
	dscr,
	firstYearDebtServiceWan,
	guaranteeFeasible,
	profileClient,
} from './product-rules';
import { baseRate, findProduct, rateBounds, type Catalogue, type Product } from './products';
import { createRng } from './random';
import {
	CAPITAL_RATIO,
	FUNDING_RATE,
	HURDLE_RAROC,
	INCLUSIVE_RATE_REFERENCE,
	INCLUSIVE_RATE_TOLERANCE_BP,
	LGD_BY_GUARANTEE,
	MAX_SPREAD_BP,
	OPERATING_COST_WAN,
	bpToRate,
} from './rates';
import { CAPSTONE_ROUNDS } from './capstone-rounds';
import { loanRaroc, riskBasedRate } from './risk';
import type { Feedback, Finding, FindingData } from './scoring/feedback';
import { proposalFor } from './scoring/product-choice';

export { CAPSTONE_ROUNDS } from './capstone-rounds';
/** Applicants per quarter (seeded in this range, inclusive). */
export const PIPELINE_RANGE = { min: 20, max: 40 } as const;
/** Documented amount cap: at most the capital need × (1 + RULES.amountTolerance) = need × 1.1. */
export const AMOUNT_NEED_CAP = 1 + RULES.amountTolerance;
/** The bank's all-loans NPL ratio, the 两控 reference (teaching assumption, portfolio.ts). */
export const ALL_LOANS_NPL_RATIO = DEFAULT_ALL_LOANS_NPL_RATIO;
/** The 普惠 NPL limit: all-loans NPL + 3 points (facts §3.3). */
export const NPL_LIMIT = Math.round((ALL_LOANS_NPL_RATIO + NPL_TOLERANCE) * 10000) / 10000;
/** The bank's all-loans growth per quarter, fraction (teaching assumption). */
export const ALL_LOANS_GROWTH_PER_QUARTER = 0.02;
/** 稳价 proxy: new 普惠 loans' average rate should not exceed this (4.46% + 200 bp, teaching norm). */
export const COST_TARGET_RATE =
	Math.round((INCLUSIVE_RATE_REFERENCE + bpToRate(INCLUSIVE_RATE_TOLERANCE_BP)) * 1e6) / 1e6;
/** How many costliest decisions the debrief replays. */
export const COSTLIEST_COUNT = 3;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round4 = (x: number): number => Math.round(x * 10000) / 10000;
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const open = (s: BookState['loans'][number]['status']): boolean =>
	s === 'performing' || s === 'npl';

// ---------------------------------------------------------------- pipeline

/** Number of applicants in round `round` (0 = the opening book) of a seed. */
export function pipelineSize(seed: string, round: number): number {
	return createRng(`${seed}/q${round}/size`).int(PIPELINE_RANGE.min, PIPELINE_RANGE.max);
}

/** The applicants of round `round` (0 = the opening book's): ids prefixed `q<round>-`. */
export function pipeline(seed: string, round: number): Client[] {
	return generateClients(`${seed}/q${round}`, pipelineSize(seed, round)).map((c) => ({
		...c,
		id: `q${round}-${c.id}`,
	}));
}

/** PD bands shown to the learner instead of the exact PD. */
export const PD_BANDS = ['below-1', '1-to-2.5', '2.5-to-5', '5-to-10', 'above-10'] as const;
export type PdBand = (typeof PD_BANDS)[number];

/** The PD band of an annual PD: < 1%, 1–2.5%, 2.5–5%, 5–10%, ≥ 10%. */
export function pdBand(pd: number): PdBand {
	if (!(pd >= 0.01)) return 'below-1';
	if (pd < 0.025) return '1-to-2.5';
	if (pd < 0.05) return '2.5-to-5';
	if (pd < 0.1) return '5-to-10';
	return 'above-10';
}

/** What the pipeline table shows about an applicant. */
export interface ApplicantRow {
	segment: SizeSegment;
	riskTier: RiskTier;
	pdBand: PdBand;
	/** Capital need (working capital: the 2010 formula; investment: the request), 万元. */
	needWan: number;
	/** The most the game lets the learner lend: need × AMOUNT_NEED_CAP, 万元. */
	needCapWan: number;
	permittedPurpose: boolean;
	workingCapitalPurpose: boolean;
}

/** The pipeline-table facts of an applicant. */
export function applicantRow(client: Client): ApplicantRow {
	const p = profileClient(client);
	return {
		segment: p.segment,
		riskTier: client.truth?.riskTier ?? 'low',
		pdBand: pdBand(p.pd),
		needWan: p.needWan,
		needCapWan: round2(p.needWan * AMOUNT_NEED_CAP),
		permittedPurpose: p.permittedPurpose,
		workingCapitalPurpose: p.workingCapitalPurpose,
	};
}

// ---------------------------------------------------------------- the decision form

/** The learner's decision on one applicant as typed. */
export interface DecisionDraft {
	choice: '' | 'approve' | 'decline';
	productId: string;
	amountWan: string;
	/** Annual rate in percent, e.g. "5.2". */
	ratePct: string;
	termMonths: string;
	repayment: string;
	guarantee: string;
}

/** Fields of the decision form, in screen order. */
export const DRAFT_FIELDS = [
	'choice',
	'productId',
	'amountWan',
	'ratePct',
	'termMonths',
	'repayment',
	'guarantee',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** A draft with nothing decided. */
export const EMPTY_DRAFT: DecisionDraft = {
	choice: '',
	productId: '',
	amountWan: '',
	ratePct: '',
	termMonths: '',
	repayment: '',
	guarantee: '',
};

/** Why a field is refused (i18n `sim.capstone.error.<code>` with the data). */
export type DraftErrorCode =
	| 'required'
	| 'not-a-number'
	| 'not-positive'
	| 'not-integer'
	| 'unknown-product'
	| 'no-need'
	| 'need-below-product-min'
	| 'below-product-min'
	| 'above-product-max'
	| 'above-need-cap'
	| 'below-rate-floor'
	| 'above-rate-ceiling'
	| 'below-term-min'
	| 'above-term-max'
	| 'not-offered';

/** A refused field and the numbers behind the refusal. */
export interface DraftError {
	code: DraftErrorCode;
	data: Record<string, number | string>;
}

/** What the form accepts for a product and applicant. */
export interface DraftLimits {
	amountWan: { min: number; max: number };
	needCapWan: number;
	/** Product floor and ceiling of the rate, percent (0.01 precision). */
	ratePct: { min: number; max: number };
	termMonths: { min: number; max: number };
	repayment: readonly RepaymentMethod[];
	guarantee: readonly GuaranteeMethod[];
}

/** The form's limits: the product's ranges, the amount also capped by need × 1.1. */
export function draftLimits(client: Client, product: Product): DraftLimits {
	const needCapWan = applicantRow(client).needCapWan;
	const b = rateBounds(product);
	const ceiling = Math.min(b.max, baseRate(product) + bpToRate(MAX_SPREAD_BP));
	return {
		amountWan: {
			min: product.amountWan.min,
			max: Math.min(product.amountWan.max, needCapWan),
		},
		needCapWan,
		ratePct: { min: round2(b.min * 100), max: round2(ceiling * 100) },
		termMonths: { min: product.termMonths.min, max: product.termMonths.max },
		repayment: product.repaymentMethods,
		guarantee: product.guaranteeMethods,
	};
}

/** Read a number as typed ("5.2", " 1,200 ", "5.2%"); null when empty, NaN when not a number. */
export function parseNumber(raw: unknown): number | null {
	if (typeof raw !== 'string') return null;
	const s = raw
		.trim()
		.replace(/[,，\s]/g, '')
		.replace(/[%％]$/, '');
	if (s === '') return null;
	return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * The form prefilled from a product (not from the expert): amount = the request capped by need × 1.1
 * and the product range; term = the request within the product range; rate = the middle of the
 * product's rate range; the product's first repayment and guarantee methods.
 */
export function defaultDraft(client: Client, product: Product): DecisionDraft {
	const l = draftLimits(client, product);
	const request = Math.max(
		0,
		Number.isFinite(client.requestedAmountWan) ? client.requestedAmountWan : 0,
	);
	const amount = Math.max(
		l.amountWan.min,
		Math.floor(Math.min(request, l.amountWan.max) * 10) / 10,
	);
	const term = Math.min(
		l.termMonths.max,
		Math.max(l.termMonths.min, Math.round(Number(client.requestedTermMonths) || 12)),
	);
	return {
		choice: 'approve',
		productId: product.id,
		amountWan: String(amount),
		ratePct: String(round2((l.ratePct.min + l.ratePct.max) / 2)),
		termMonths: String(term),
		repayment: l.repayment[0] ?? '',
		guarantee: l.guarantee[0] ?? '',
	};
}

/** The result of checking a draft: the decision when valid, else the refused fields. */
export interface DraftCheck {
	decision: BookDecision | null;
	errors: Partial<Record<DraftField, DraftError>>;
}

const EPS = 1e-9;

/**
 * Check a draft: a choice is required; an approval needs a catalogue product, an amount within the
 * product range and ≤ need × 1.1, a rate within the product's floor and ceiling, a whole-month term
 * within the product range, and a repayment and guarantee method the product offers. Never throws.
 */
export function checkDraft(client: Client, draft: DecisionDraft, catalogue: Catalogue): DraftCheck {
	const d = { ...EMPTY_DRAFT, ...(draft ?? {}) };
	const errors: Partial<Record<DraftField, DraftError>> = {};
	const err = (f: DraftField, code: DraftErrorCode, data: DraftError['data'] = {}) => {
		errors[f] = { code, data };
	};
	if (d.choice === 'decline') return { decision: declineOf(client.id), errors };
	if (d.choice !== 'approve') {
		err('choice', 'required');
		return { decision: null, errors };
	}
	const product =
		typeof d.productId === 'string' && d.productId
			? findProduct(catalogue, d.productId)
			: undefined;
	if (!product) {
		err('productId', d.productId ? 'unknown-product' : 'required');
		return { decision: null, errors };
	}
	const l = draftLimits(client, product);
	const amount = parseNumber(d.amountWan);
	if (amount === null) err('amountWan', 'required');
	else if (Number.isNaN(amount)) err('amountWan', 'not-a-number');
	else if (amount <= 0) err('amountWan', 'not-positive');
	else if (l.needCapWan <= 0) err('amountWan', 'no-need');
	else if (l.needCapWan < l.amountWan.min - EPS)
		err('amountWan', 'need-below-product-min', {
			needCapWan: l.needCapWan,
			minWan: l.amountWan.min,
		});
	else if (amount < l.amountWan.min - EPS)
		err('amountWan', 'below-product-min', { minWan: l.amountWan.min });
	else if (amount > product.amountWan.max + EPS)
		err('amountWan', 'above-product-max', { maxWan: product.amountWan.max });
	else if (amount > l.needCapWan + EPS)
		err('amountWan', 'above-need-cap', {
			needCapWan: l.needCapWan,
			needWan: round2(l.needCapWan / AMOUNT_NEED_CAP),
		});
	const rate = parseNumber(d.ratePct);
	if (rate === null) err('ratePct', 'required');
	else if (Number.isNaN(rate)) err('ratePct', 'not-a-number');
	else if (rate < l.ratePct.min - EPS)
		err('ratePct', 'below-rate-floor', { minPct: l.ratePct.min });
	else if (rate > l.ratePct.max + EPS)
		err('ratePct', 'above-rate-ceiling', { maxPct: l.ratePct.max });
	const term = parseNumber(d.termMonths);
	if (term === null) err('termMonths', 'required');
	else if (Number.isNaN(term)) err('termMonths', 'not-a-number');
	else if (!Number.isInteger(term)) err('termMonths', 'not-integer');
	else if (term < l.termMonths.min)
		err('termMonths', 'below-term-min', { minMonths: l.termMonths.min });
	else if (term > l.termMonths.max)
		err('termMonths', 'above-term-max', { maxMonths: l.termMonths.max });
	if (!d.repayment) err('repayment', 'required');
	else if (!(l.repayment as readonly string[]).includes(d.repayment))
		err('repayment', 'not-offered');
	if (!d.guarantee) err('guarantee', 'required');
	else if (!(l.guarantee as readonly string[]).includes(d.guarantee))
		err('guarantee', 'not-offered');
	if (Object.keys(errors).length > 0) return { decision: null, errors };
	return {
		decision: {
			clientId: client.id,
			approve: true,
			productId: product.id,
			amountWan: amount as number,
			annualRate: r6((rate as number) / 100),
			termMonths: term as number,
			repayment: d.repayment as RepaymentMethod,
			guarantee: d.guarantee as GuaranteeMethod,
		},
		errors,
	};
}

/** A decline of `clientId`. */
export function declineOf(clientId: string): BookDecision {
	return {
		clientId,
		approve: false,
		amountWan: 0,
		annualRate: 0,
		termMonths: 0,
		repayment: 'interest-monthly-bullet',
		guarantee: 'credit',
	};
}

// ---------------------------------------------------------------- books of one-loan books

/** A player's book: one single-loan book per loan (in booking order) and their sum. */
export interface PlayerBook {
	subs: BookState[];
	state: BookState;
}

const SUMMED = [
	'balanceWan',
	'nplWan',
	'totalLentWan',
	'cumulativeInterestWan',
	'cumulativeFundingCostWan',
	'cumulativeOperatingCostWan',
	'cumulativeLossWan',
	'cumulativeRecoveriesWan',
	'bookedExpectedLossWan',
	'bookedNetWan',
	'bookedCapitalWan',
	'capitalWanYears',
] as const;

function sumBooks(
	subs: readonly BookState[],
	quarter: number,
	reports: QuarterReport[],
): BookState {
	const s: BookState = { ...initBook(), quarter, reports };
	for (const b of subs) {
		for (const k of SUMMED) s[k] += b[k];
		s.borrowers += b.borrowers;
		s.complianceBreaches += b.complianceBreaches;
		s.loans.push(...b.loans);
	}
	for (const k of SUMMED) s[k] = r6(s[k]);
	s.nplRatio = s.balanceWan > 0 ? round4(s.nplWan / s.balanceWan) : 0;
	return s;
}

const ADDED = [
	'approved',
	'invalid',
	'newAmountWan',
	'interestWan',
	'fundingCostWan',
	'operatingCostWan',
	'lossWan',
	'recoveriesWan',
	'defaults',
	'complianceBreaches',
] as const;

function addReport(into: QuarterReport, r: QuarterReport): void {
	for (const k of ADDED) into[k] = r6(into[k] + r[k]);
	if (into.firstBreach === 'none') into.firstBreach = r.firstBreach;
}

/** The default stream of one loan in one quarter. */
export function loanStream(seed: string, clientId: string, round: number) {
	return createRng(`${seed}/loan/${clientId}/q${round}`);
}

/**
 * Book a quarter's decisions and run the book three months, loan by loan (see the file header).
 * Decisions for unknown applicants, or a second decision for the same applicant, count as invalid.
 */
export function playQuarter(
	book: PlayerBook,
	round: number,
	decisions: readonly BookDecision[],
	applicants: readonly Client[],
	seed: string,
	settings: QuarterSettings = {},
): { book: PlayerBook; report: QuarterReport } {
	const report = emptyQuarterReport(round);
	const subs: BookState[] = [];
	for (const sub of book.subs) {
		const loan = sub.loans[0];
		if (!loan || !open(loan.status)) {
			subs.push(sub);
			continue;
		}
		const r = simulateQuarter(sub, [], [], loanStream(seed, loan.clientId, round), settings);
		addReport(report, r.report);
		subs.push({ ...r.state, reports: [] });
	}
	const byId = new Map(applicants.map((c) => [c.id, c]));
	const seen = new Set<string>();
	for (const d of Array.isArray(decisions) ? decisions : []) {
		if (d?.approve !== true) {
			report.declined++;
			continue;
		}
		const client = byId.get(d.clientId);
		if (!client || seen.has(d.clientId)) {
			report.invalid++;
			continue;
		}
		seen.add(d.clientId);
		const start = { ...initBook(), quarter: round - 1 };
		const r = simulateQuarter(start, [d], [client], loanStream(seed, d.clientId, round), settings);
		addReport(report, r.report);
		if (r.state.loans.length > 0) subs.push({ ...r.state, reports: [] });
	}
	const state = sumBooks(subs, round, [...book.state.reports, report]);
	report.balanceWan = state.balanceWan;
	report.borrowers = state.borrowers;
	report.nplWan = state.nplWan;
	report.nplRatio = state.nplRatio;
	return { book: { subs, state }, report };
}

/**
 * The opening book: round 0's pipeline decided by the expert and run one quarter; the booked and
 * cumulative totals are reset so the game's RAROC and losses count only the game's decisions.
 */
export function openingBook(seed: string, catalogue: Catalogue): PlayerBook {
	const applicants = pipeline(seed, 0);
	const decisions = expertPolicy(applicants, catalogue, initBook());
	const start: PlayerBook = { subs: [], state: { ...initBook(), quarter: -1 } };
	const played = playQuarter(start, 0, decisions, applicants, seed, {
		catalogue,
	});
	const subs = played.book.subs.map((s) => {
		const out = { ...s };
		for (const k of SUMMED) if (k !== 'balanceWan' && k !== 'nplWan') out[k] = 0;
		out.complianceBreaches = 0;
		return out;
	});
	return { subs, state: sumBooks(subs, 0, []) };
}

/** RAROC of the loans booked in `round` (Σ net ÷ Σ capital at booking), or null when none. */
export function newLoanRaroc(book: PlayerBook, round: number): number | null {
	let net = 0;
	let capital = 0;
	for (const sub of book.subs) {
		if (sub.loans[0]?.quarterBooked !== round) continue;
		net += sub.bookedNetWan;
		capital += sub.bookedCapitalWan;
	}
	return capital > 0 ? round4(net / capital) : null;
}

/** Net income of a quarter report: interest − funding − operating cost − write-offs, 万元. */
export function quarterNetWan(r: QuarterReport): number {
	return r6(r.interestWan - r.fundingCostWan - r.operatingCostWan - r.lossWan);
}

// ---------------------------------------------------------------- 两增两控 per quarter

/** Inclusive (普惠) balance, borrowers and NPL of a book. */
export function inclusiveFigures(state: BookState): {
	balanceWan: number;
	borrowers: number;
	nplWan: number;
	nplRatio: number;
} {
	const b = inclusiveBook(state);
	let npl = 0;
	for (const l of state.loans) if (l.inclusive && l.status === 'npl') npl += l.balanceWan;
	return {
		...b,
		nplWan: r6(npl),
		nplRatio: b.balanceWan > 0 ? round4(npl / b.balanceWan) : 0,
	};
}

/** Amount-weighted average rate of the 普惠 loans booked in `round`, or null when none. */
export function newInclusiveRate(state: BookState, round: number): number | null {
	let amount = 0;
	let weighted = 0;
	for (const l of state.loans) {
		if (l.quarterBooked !== round || !l.inclusive) continue;
		amount += l.amountWan;
		weighted += l.amountWan * l.annualRate;
	}
	return amount > 0 ? round4(weighted / amount) : null;
}

/**
 * The 两增两控 tests at the end of `round` (facts §3.2, §3.3): 普惠 balance growth since the
 * opening book ≥ the assumed all-loans growth; 普惠 borrowers ≥ the opening book's; 普惠 NPL ratio
 * ≤ all-loans NPL + 3 points; new 普惠 loans' average rate ≤ COST_TARGET_RATE (skipped when the
 * quarter booked none). A year that starts with no 普惠 loans counts any balance as 100% growth.
 */
export function quarterTests(state: BookState, opening: BookState, round: number) {
	const now = inclusiveFigures(state);
	const before = inclusiveBook(opening);
	const growth =
		before.balanceWan > 0
			? round4(now.balanceWan / before.balanceWan - 1)
			: now.balanceWan > 0
				? 1
				: 0;
	const rate = newInclusiveRate(state, round);
	return twoIncreasesTwoControls({
		inclusiveGrowth: growth,
		allLoansGrowth: round4((1 + ALL_LOANS_GROWTH_PER_QUARTER) ** Math.max(0, round) - 1),
		borrowersNow: now.borrowers,
		borrowersBefore: before.borrowers,
		inclusiveNplRatio: now.nplRatio,
		allLoansNplRatio: ALL_LOANS_NPL_RATIO,
		...(rate === null ? {} : { inclusiveRate: rate }),
		targetRate: COST_TARGET_RATE,
	});
}

// ---------------------------------------------------------------- the game

/** One played round: its applicants, both players' decisions, reports and books after it. */
export interface RoundResult {
	round: number;
	applicants: Client[];
	learnerDecisions: BookDecision[];
	expertDecisions: BookDecision[];
	learner: {
		report: QuarterReport;
		book: PlayerBook;
		tests: ReturnType<typeof quarterTests>;
	};
	expert: {
		report: QuarterReport;
		book: PlayerBook;
		tests: ReturnType<typeof quarterTests>;
	};
	/** Findings on the learner's decisions and book this quarter. */
	findings: Finding[];
}

/** A game so far. */
export interface CapstoneGame {
	seed: string;
	opening: PlayerBook;
	rounds: RoundResult[];
	learner: PlayerBook;
	expert: PlayerBook;
}

/** Decisions for a round's applicants: one per applicant in pipeline order, missing ones declined. */
export function completeDecisions(
	applicants: readonly Client[],
	decisions: readonly BookDecision[],
): BookDecision[] {
	const byId = new Map<string, BookDecision>();
	for (const d of Array.isArray(decisions) ? decisions : [])
		if (d && typeof d.clientId === 'string' && !byId.has(d.clientId)) byId.set(d.clientId, d);
	return applicants.map((c) => byId.get(c.id) ?? declineOf(c.id));
}

/**
 * Play the rounds the learner has decided (`learnerDecisions[k - 1]` for round k; at most
 * CAPSTONE_ROUNDS), the expert's book alongside. Deterministic per seed and decisions.
 */
export function playCapstone(
	seed: string,
	catalogue: Catalogue,
	learnerDecisions: readonly (readonly BookDecision[])[],
): CapstoneGame {
	const settings: QuarterSettings = { catalogue };
	const opening = openingBook(seed, catalogue);
	let learner = opening;
	let expert = opening;
	const rounds: RoundResult[] = [];
	const n = Math.min(
		CAPSTONE_ROUNDS,
		Array.isArray(learnerDecisions) ? learnerDecisions.length : 0,
	);
	for (let round = 1; round <= n; round++) {
		const applicants = pipeline(seed, round);
		const mine = completeDecisions(applicants, learnerDecisions[round - 1] ?? []);
		const theirs = expertPolicy(applicants, catalogue, expert.state);
		const l = playQuarter(learner, round, mine, applicants, seed, settings);
		const e = playQuarter(expert, round, theirs, applicants, seed, settings);
		learner = l.book;
		expert = e.book;
		const lt = quarterTests(learner.state, opening.state, round);
		rounds.push({
			round,
			applicants,
			learnerDecisions: mine,
			expertDecisions: theirs,
			learner: { report: l.report, book: learner, tests: lt },
			expert: {
				report: e.report,
				book: expert,
				tests: quarterTests(expert.state, opening.state, round),
			},
			findings: roundFindings(applicants, mine, theirs, catalogue, lt),
		});
	}
	return { seed, opening, rounds, learner, expert };
}

/** A full game in which the learner follows the expert policy (the benchmark and a reference). */
export function runExpertGame(seed: string, catalogue: Catalogue): CapstoneGame {
	const decisions: BookDecision[][] = [];
	for (let round = 1; round <= CAPSTONE_ROUNDS; round++)
		decisions.push(expertPolicy(pipeline(seed, round), catalogue, initBook()));
	return playCapstone(seed, catalogue, decisions);
}

// ---------------------------------------------------------------- findings on decisions

/** Economics of one approval as booked: PD, booked LGD, RAROC and its break-even / target rates. */
export function approvalEconomics(client: Client, decision: BookDecision, catalogue: Catalogue) {
	const profile = profileClient(client);
	const product = decision.productId ? findProduct(catalogue, decision.productId) : undefined;
	const feasible = guaranteeFeasible(client, decision.guarantee, decision.amountWan, profile);
	const lgd = LGD_BY_GUARANTEE[feasible ? decision.guarantee : 'credit'];
	const operatingCostWan = OPERATING_COST_WAN[product?.channel ?? 'branch-visit'];
	const r = loanRaroc({
		amountWan: decision.amountWan,
		annualRate: decision.annualRate,
		pd: profile.pd,
		lgd,
		fundingRate: FUNDING_RATE,
		operatingCostWan,
		capitalRatio: CAPITAL_RATIO,
	});
	const price = riskBasedRate(profile.pd, lgd, {
		amountWan: decision.amountWan,
		fundingRate: FUNDING_RATE,
		operatingCostWan,
		capitalRatio: CAPITAL_RATIO,
		targetRaroc: HURDLE_RAROC,
	});
	return {
		profile,
		product,
		feasible,
		lgd,
		raroc: r.raroc,
		netWan: r.netWan,
		capitalWan: r.economicCapitalWan,
		breakEvenRate: price.breakEvenRate,
		targetRate: price.targetRate,
	};
}

const SEVERITY_ORDER = ['critical', 'major', 'minor', 'info', 'good'] as const;

/**
 * Findings on a round's decisions (subject = client id) and book, from rules:
 * an approval of a prohibited purpose (critical), of any other broken compliance rule (critical),
 * of an out-of-scope firm or a serious defaulter, of an ineligible product, with a guarantee the
 * client cannot give, with DSCR below RULES.minDscr, priced below break-even (major), or below the
 * hurdle RAROC (minor); a decline of an applicant the expert lends to (minor); counts of sound
 * approvals and declines (good); and the 两增两控 tests of the book.
 */
export function roundFindings(
	applicants: readonly Client[],
	learner: readonly BookDecision[],
	expert: readonly BookDecision[],
	catalogue: Catalogue,
	tests: ReturnType<typeof quarterTests>,
): Finding[] {
	const out: Finding[] = [];
	const add = (
		code: string,
		severity: Finding['severity'],
		topic: Finding['topic'],
		subject: string,
		data: FindingData,
	) =>
		out.push({
			code: `capstone.${code}`,
			severity,
			dimension: 'capstone-decisions',
			topic,
			subject,
			data,
		});
	const expertById = new Map(expert.map((d) => [d.clientId, d]));
	let soundApprovals = 0;
	let soundDeclines = 0;
	for (const c of applicants) {
		const d = learner.find((x) => x.clientId === c.id) ?? declineOf(c.id);
		const e = expertById.get(c.id);
		if (d.approve !== true) {
			if (e?.approve === true) {
				add('declined-expert-loan', 'minor', 'two-increases-two-controls', c.id, {
					productId: e.productId ?? '',
					expertAmountWan: e.amountWan,
					expertRate: e.annualRate,
				});
			} else soundDeclines++;
			continue;
		}
		const before = out.length;
		const x = approvalEconomics(c, d, catalogue);
		if (!x.profile.permittedPurpose)
			add('approved-prohibited-purpose', 'critical', 'loan-purpose', c.id, {
				purpose: String(c.purpose),
			});
		for (const check of checkProposal(
			proposalFor(c, x.product, { ...d, productId: d.productId ?? '' }, x.profile),
		)) {
			if (check.passed || check.rule.startsWith('purpose.')) continue;
			add('compliance-breach', 'critical', ruleTopic(check.rule), c.id, {
				rule: check.rule,
				termMonths: d.termMonths,
			});
		}
		if (x.profile.segment === 'out-of-scope')
			add('approved-out-of-scope', 'major', 'inclusive-definition', c.id, {
				segment: 'out-of-scope',
			});
		if (c.creditHistory === 'serious-default')
			add('approved-serious-default', 'major', 'risk-tier', c.id, {
				pd: x.profile.pd,
			});
		if (x.product) {
			const inel = checkEligibility(c, x.product, x.profile).findings[0];
			if (inel)
				add('ineligible-product', 'major', 'product-fit', c.id, {
					productId: x.product.id,
					reason: inel.code.replace('product.ineligible-', ''),
				});
		}
		if (!x.feasible)
			add('guarantee-infeasible', 'major', 'guarantee', c.id, {
				guarantee: d.guarantee,
				lgd: x.lgd,
			});
		const ratio = dscr(
			x.profile,
			firstYearDebtServiceWan(
				d.amountWan,
				d.annualRate,
				d.termMonths,
				d.repayment,
				x.profile.workingCapitalPurpose,
			),
		);
		if (ratio < RULES.minDscr)
			add('dscr-below', 'major', 'repayment-capacity', c.id, {
				dscr: ratio,
				minDscr: RULES.minDscr,
				amountWan: d.amountWan,
			});
		if (d.annualRate < x.breakEvenRate - EPS)
			add('below-break-even', 'major', 'pricing', c.id, {
				annualRate: d.annualRate,
				breakEvenRate: x.breakEvenRate,
				pd: x.profile.pd,
				lgd: x.lgd,
			});
		else if (x.raroc < HURDLE_RAROC - EPS)
			add('below-hurdle', 'minor', 'raroc', c.id, {
				raroc: x.raroc,
				hurdle: HURDLE_RAROC,
				annualRate: d.annualRate,
				targetRate: x.targetRate,
			});
		if (out.length === before) soundApprovals++;
	}
	if (soundApprovals > 0)
		out.push({
			code: 'capstone.sound-approvals',
			severity: 'good',
			dimension: 'capstone-decisions',
			topic: 'raroc',
			data: { count: soundApprovals },
		});
	if (soundDeclines > 0)
		out.push({
			code: 'capstone.sound-declines',
			severity: 'good',
			dimension: 'capstone-decisions',
			topic: 'product-fit',
			data: { count: soundDeclines },
		});
	out.push(...twoIncreasesFindings(tests));
	return out
		.map((f, i) => ({ f, i }))
		.sort(
			(a, b) =>
				SEVERITY_ORDER.indexOf(a.f.severity) - SEVERITY_ORDER.indexOf(b.f.severity) || a.i - b.i,
		)
		.map((x) => x.f);
}

// ---------------------------------------------------------------- the debrief

/** Settings of the final score. */
export interface CapstoneScoreSettings {
	weights?: PortfolioWeights;
}

/** The final score: scorePortfolio of the learner's book vs the expert's, with the game's NPL reference. */
export function scoreCapstone(game: CapstoneGame, settings: CapstoneScoreSettings = {}): Feedback {
	return scorePortfolio(game.learner.state, game.expert.state, {
		...(settings.weights ? { weights: settings.weights } : {}),
		allLoansNplRatio: ALL_LOANS_NPL_RATIO,
		nplTolerance: NPL_TOLERANCE,
		hurdleRaroc: HURDLE_RAROC,
	});
}

/** End-of-game figures of a book for the side-by-side debrief. */
export interface BookSummary {
	balanceWan: number;
	borrowers: number;
	inclusiveBalanceWan: number;
	inclusiveBorrowers: number;
	nplRatio: number;
	inclusiveNplRatio: number;
	totalLentWan: number;
	interestWan: number;
	lossWan: number;
	netIncomeWan: number;
	raroc: number;
	realisedRaroc: number;
	complianceBreaches: number;
}

/** The debrief figures of a book. */
export function summariseBook(state: BookState): BookSummary {
	const inc = inclusiveFigures(state);
	return {
		balanceWan: state.balanceWan,
		borrowers: state.borrowers,
		inclusiveBalanceWan: inc.balanceWan,
		inclusiveBorrowers: inc.borrowers,
		nplRatio: state.nplRatio,
		inclusiveNplRatio: inc.nplRatio,
		totalLentWan: state.totalLentWan,
		interestWan: state.cumulativeInterestWan,
		lossWan: state.cumulativeLossWan,
		netIncomeWan: bookNetIncomeWan(state),
		raroc: bookRaroc(state),
		realisedRaroc: bookRealisedRaroc(state),
		complianceBreaches: state.complianceBreaches,
	};
}

/**
 * What one decision cost against the expert's decision on the same applicant.
 *
 * - RAROC income of a decision = its one-year net risk-adjusted income at booking, interest −
 *   funding − operating cost − EL (= RAROC × economic capital; loanRaroc, as bookRaroc counts it),
 *   0 for a decline; `foregoneWan` = max(0, income(expert) − income(learner)): what declining a
 *   loan the expert made, underpricing it or securing it worse gave up (and, for a loan the expert
 *   declined, the loss-making income the learner took on);
 * - realised loss of a decision = the loan's write-offs in the game + LGD × its balance still NPL
 *   at the end (what bookNetIncomeWan charges), 0 for a decline; `excessLossWan` = max(0,
 *   loss(learner) − loss(expert));
 * - `costWan` = the larger of the two (not their sum: the income already prices the expected part
 *   of the loss); decisions that broke a compliance rule rank first, then by costWan (ties: round,
 *   pipeline order). Decisions costing less than 0.005 万元 without a breach are left out.
 */
export interface DecisionCost {
	round: number;
	clientId: string;
	learner: BookDecision;
	expert: BookDecision;
	learnerIncomeWan: number;
	expertIncomeWan: number;
	foregoneWan: number;
	learnerLossWan: number;
	expertLossWan: number;
	excessLossWan: number;
	costWan: number;
	breaches: number;
}

function loanOutcome(
	book: PlayerBook,
	clientId: string,
): { incomeWan: number; lossWan: number; breaches: number } {
	const sub = book.subs.find((s) => s.loans[0]?.clientId === clientId);
	if (!sub) return { incomeWan: 0, lossWan: 0, breaches: 0 };
	const loan = sub.loans[0] as BookState['loans'][number];
	return {
		incomeWan: sub.bookedNetWan,
		lossWan: r6(sub.cumulativeLossWan + (loan.status === 'npl' ? loan.lgd * loan.balanceWan : 0)),
		breaches: sub.complianceBreaches,
	};
}

/** Every learner decision that cost something against the expert, costliest first. */
export function decisionCosts(game: CapstoneGame): DecisionCost[] {
	const out: (DecisionCost & { order: number })[] = [];
	let order = 0;
	for (const r of game.rounds) {
		const expertById = new Map(r.expertDecisions.map((d) => [d.clientId, d]));
		for (const d of r.learnerDecisions) {
			order++;
			const e = expertById.get(d.clientId) ?? declineOf(d.clientId);
			const mine = loanOutcome(game.learner, d.clientId);
			const theirs = loanOutcome(game.expert, d.clientId);
			const foregoneWan = r6(Math.max(0, theirs.incomeWan - mine.incomeWan));
			const excessLossWan = r6(Math.max(0, mine.lossWan - theirs.lossWan));
			const costWan = Math.max(foregoneWan, excessLossWan);
			if (mine.breaches === 0 && costWan < 0.005) continue;
			out.push({
				round: r.round,
				clientId: d.clientId,
				learner: d,
				expert: e,
				learnerIncomeWan: mine.incomeWan,
				expertIncomeWan: theirs.incomeWan,
				foregoneWan,
				learnerLossWan: mine.lossWan,
				expertLossWan: theirs.lossWan,
				excessLossWan,
				costWan,
				breaches: mine.breaches,
				order,
			});
		}
	}
	return out
		.sort((a, b) => b.breaches - a.breaches || b.costWan - a.costWan || a.order - b.order)
		.map(({ order: _o, ...c }) => c);
}

/** A what-if: the game replayed with the expert's decision for one applicant. */
export interface WhatIf {
	cost: DecisionCost;
	/** Learner's final book as played and as replayed. */
	actual: BookSummary;
	replayed: BookSummary;
	actualScore: number;
	replayedScore: number;
	max: number;
}

/**
 * Replay the affected quarters (the decision's round to the last played) with the expert's
 * decision for that one applicant; every other decision and every other loan's luck stay as played.
 */
export function whatIfReplay(
	game: CapstoneGame,
	cost: DecisionCost,
	catalogue: Catalogue,
	settings: CapstoneScoreSettings = {},
): WhatIf {
	const settingsQ: QuarterSettings = { catalogue };
	const start = cost.round - 1;
	let book = start === 0 ? game.opening : (game.rounds[start - 1] as RoundResult).learner.book;
	for (const r of game.rounds.slice(start)) {
		const decisions =
			r.round === cost.round
				? r.learnerDecisions.map((d) => (d.clientId === cost.clientId ? cost.expert : d))
				: r.learnerDecisions;
		book = playQuarter(book, r.round, decisions, r.applicants, game.seed, settingsQ).book;
	}
	const actualScore = scoreCapstone(game, settings);
	const replayedScore = scoreCapstone({ ...game, learner: book }, settings);
	return {
		cost,
		actual: summariseBook(game.learner.state),
		replayed: summariseBook(book.state),
		actualScore: actualScore.score,
		replayedScore: replayedScore.score,
		max: actualScore.max,
	};
}

/** The three costliest decisions, each with its what-if replay. */
export function costliestDecisions(
	game: CapstoneGame,
	catalogue: Catalogue,
	settings: CapstoneScoreSettings = {},
	count = COSTLIEST_COUNT,
): WhatIf[] {
	return decisionCosts(game)
		.slice(0, Math.max(0, count))
		.map((c) => whatIfReplay(game, c, catalogue, settings));
}
