/**
 * Portfolio models: a Monte-Carlo year of a loan book, the 两增两控 tests, and the quarter model of
 * the capstone portfolio game (lessons m1/03-regulation-evaluation and m3/04-technology-and-cautions).
 *
 * Units: money in 万元; time in months (a quarter = 3 months); rates, PD, LGD and ratios as fractions
 * per year unless named monthly. Randomness comes only from the injected `Rng`.
 *
 * Conventions of both simulations:
 * - monthly default hazard h = 1 − (1 − PD)^(1/12), so a loan alive all year defaults with
 *   probability PD; a loan defaults during a month and pays no interest that month;
 * - amortisation by repayment method (balance at the start of month k+1 after k payments):
 *   interest-monthly-bullet / revolving / self-liquidating: full balance until maturity;
 *   equal-installment: annuity; equal-principal: amount × (1 − k/n);
 *   seasonal: equal principal every 3rd month (peak-season collections), the rest at maturity;
 * - a defaulted balance is NPL until it is resolved RECOVERY_LAG_MONTHS later: (1 − LGD) of it is
 *   recovered and LGD of it written off as a loss (the lag is an illustrative teaching default);
 * - funding cost accrues on every outstanding balance (NPL included), operating cost per loan per
 *   year on every loan still on the books;
 * - the Monte-Carlo RAROC = (interest − funding − operating − losses − LGD × NPL still on the
 *   books) ÷ economic capital (capital ratio × average balance), annualised; the capstone's score
 *   uses the RAROC of the loans as booked, on expected loss (see bookRaroc).
 */
import type { Client } from './client';
import { checkProposal } from './compliance';
import {
	GUARANTEE_METHODS,
	REPAYMENT_METHODS,
	type GuaranteeMethod,
	type RepaymentMethod,
} from './loan-terms';
import { expertDecision, guaranteeFeasible, profileClient } from './product-rules';
import { findProduct, type Catalogue } from './products';
import {
	CAPITAL_RATIO,
	FUNDING_RATE,
	HURDLE_RAROC,
	INCLUSIVE_RATE_REFERENCE,
	LGD_BY_GUARANTEE,
	OPERATING_COST_WAN,
} from './rates';
import type { Rng } from './random';
import { MAX_RATE, MAX_WAN, clamp, finiteOr, loanRaroc } from './risk';
import { makeFeedback, type Feedback, type Finding, type FindingData } from './scoring/feedback';
import { proposalFor } from './scoring/product-choice';

/** Months from default to resolution (recovery and write-off); illustrative teaching default. */
export const RECOVERY_LAG_MONTHS = 6;
/** Largest horizon simulated, months. */
export const MAX_MONTHS = 120;
/** Longest loan term the models accept, months. */
export const MAX_TERM_MONTHS = 360;
/** Largest number of Monte-Carlo paths. */
export const MAX_PATHS = 100000;
/** 两控 NPL tolerance: 普惠 NPL ratio may exceed the all-loans ratio by up to 3 points (facts §3.3). */
export const NPL_TOLERANCE = 0.03;

/** One loan of a simulated book. */
export interface PortfolioLoan {
	amountWan: number;
	annualRate: number;
	termMonths: number;
	pd: number;
	lgd: number;
	repayment: RepaymentMethod;
}

/** Inputs of a Monte-Carlo year. */
export interface PortfolioInput {
	loans: readonly PortfolioLoan[];
	/** Horizon, months (default 12). */
	months?: number;
	/** Number of simulated paths (default 1). */
	paths?: number;
	fundingRate?: number;
	/** Operating cost per loan per year, 万元 (default: branch visit). */
	operatingCostWan?: number;
	/** Economic capital per 万元 of balance (default CAPITAL_RATIO). */
	capitalRatio?: number;
	recoveryLagMonths?: number;
}

/** The monthly series a simulation reports. */
export const PORTFOLIO_METRICS = [
	'balance',
	'borrowers',
	'nplBalance',
	'nplRatio',
	'interestIncome',
	'losses',
	'recoveries',
] as const;
export type PortfolioMetric = (typeof PORTFOLIO_METRICS)[number];

/** Mean and percentiles of a quantity across paths. */
export interface Stats {
	mean: number;
	p5: number;
	p50: number;
	p95: number;
}

/** Mean and percentiles per month (index 0 = end of month 1). */
export interface SeriesStats {
	mean: number[];
	p5: number[];
	p50: number[];
	p95: number[];
}

/** Result of a Monte-Carlo run. */
export interface PortfolioResult {
	months: number;
	paths: number;
	series: Record<PortfolioMetric, SeriesStats>;
	/** Annualised RAROC at the horizon. */
	raroc: Stats;
	/** Number of defaults over the horizon. */
	defaults: Stats;
	/** Totals over the horizon, 万元. */
	interestIncomeWan: Stats;
	lossesWan: Stats;
	/** Analytic expected loss of the book for one year, Σ PD × LGD × amount, 万元. */
	expectedLossWan: number;
}

const isRepayment = (x: unknown): x is RepaymentMethod =>
	(REPAYMENT_METHODS as readonly unknown[]).includes(x);
const isGuarantee = (x: unknown): x is GuaranteeMethod =>
	(GUARANTEE_METHODS as readonly unknown[]).includes(x);
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Monthly default hazard from an annual PD: 1 − (1 − PD)^(1/12). */
export function monthlyHazard(pd: number): number {
	const p = clamp(pd, 0, 1);
	return p >= 1 ? 1 : 1 - (1 - p) ** (1 / 12);
}

/** Scheduled balance after `k` monthly payments (no default), 万元. */
export function scheduledBalance(
	amountWan: number,
	annualRate: number,
	termMonths: number,
	repayment: RepaymentMethod,
	k: number,
): number {
	const a = clamp(amountWan, 0, MAX_WAN);
	const n = Math.round(clamp(termMonths, 1, MAX_TERM_MONTHS));
	if (k >= n) return 0;
	if (k <= 0) return a;
	const r = clamp(annualRate, 0, MAX_RATE) / 12;
	switch (repayment) {
		case 'equal-installment': {
			// Below ~1e-12 a month, (1 + r)^n rounds to 1 in doubles: treat as interest-free.
			if (r < 1e-12) return a * (1 - k / n);
			const g = (1 + r) ** k;
			const payment = (a * r) / (1 - (1 + r) ** -n);
			return Math.max(0, a * g - (payment * (g - 1)) / r);
		}
		case 'equal-principal':
			return a * (1 - k / n);
		case 'seasonal':
			return Math.max(0, a * (1 - (Math.floor(k / 3) * 3) / n));
		default:
			return a;
	}
}

function stats(values: Float64Array): Stats {
	const sorted = Float64Array.from(values).sort();
	const n = sorted.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += sorted[i] as number;
	const at = (q: number) => sorted[Math.floor(q * (n - 1))] as number;
	return {
		mean: round4(sum / n),
		p5: round4(at(0.05)),
		p50: round4(at(0.5)),
		p95: round4(at(0.95)),
	};
}

/**
 * Simulate a loan book month by month over many paths. Scheduled balances are computed once; each
 * path draws one uniform per loan for its (geometric) default month, so 1,000 paths × 300 loans ×
 * 12 months take a few milliseconds. Invalid loans (non-finite numbers) count as zero amounts.
 */
export function simulatePortfolio(input: PortfolioInput, rng: Rng): PortfolioResult {
	const loans: readonly PortfolioLoan[] = Array.isArray(input?.loans) ? input.loans : [];
	const M = Math.round(clamp(finiteOr(input?.months, 12), 1, MAX_MONTHS));
	const P = Math.round(clamp(finiteOr(input?.paths, 1), 1, MAX_PATHS));
	const fundingRate = clamp(finiteOr(input?.fundingRate, FUNDING_RATE), 0, MAX_RATE);
	const opCost = clamp(
		finiteOr(input?.operatingCostWan, OPERATING_COST_WAN['branch-visit']),
		0,
		MAX_WAN,
	);
	const capitalRatio = clamp(finiteOr(input?.capitalRatio, CAPITAL_RATIO), 0, MAX_RATE);
	const lag = Math.round(
		clamp(finiteOr(input?.recoveryLagMonths, RECOVERY_LAG_MONTHS), 0, MAX_MONTHS),
	);
	const N = loans.length;

	// Scheduled balances: sched[i * (M + 1) + k] = balance after k payments.
	const sched = new Float64Array(N * (M + 1));
	const rate = new Float64Array(N);
	const lgd = new Float64Array(N);
	const logSurvive = new Float64Array(N); // ln(1 − h); 0 = never defaults, −Infinity = defaults at once
	const baseBal = new Float64Array(M + 1);
	const baseInterest = new Float64Array(M + 1);
	const baseBorrowers = new Float64Array(M + 1);
	let expectedLoss = 0;
	for (let i = 0; i < N; i++) {
		const l = loans[i] as PortfolioLoan;
		const amount = clamp(l?.amountWan, 0, MAX_WAN);
		const method = isRepayment(l?.repayment) ? l.repayment : 'interest-monthly-bullet';
		rate[i] = clamp(l?.annualRate, 0, MAX_RATE);
		lgd[i] = clamp(l?.lgd, 0, 1);
		const pd = clamp(l?.pd, 0, 1);
		logSurvive[i] = Math.log(1 - monthlyHazard(pd));
		expectedLoss += pd * (lgd[i] as number) * amount;
		for (let k = 0; k <= M; k++)
			sched[i * (M + 1) + k] = scheduledBalance(
				amount,
				rate[i] as number,
				l?.termMonths,
				method,
				k,
			);
		for (let m = 1; m <= M; m++) {
			const start = sched[i * (M + 1) + m - 1] as number;
			const end = sched[i * (M + 1) + m] as number;
			baseBal[m] = (baseBal[m] as number) + end;
			baseInterest[m] = (baseInterest[m] as number) + (start * (rate[i] as number)) / 12;
			if (end > 0) baseBorrowers[m] = (baseBorrowers[m] as number) + 1;
		}
	}

	const out: Record<PortfolioMetric, Float64Array> = {
		balance: new Float64Array(P * M),
		borrowers: new Float64Array(P * M),
		nplBalance: new Float64Array(P * M),
		nplRatio: new Float64Array(P * M),
		interestIncome: new Float64Array(P * M),
		losses: new Float64Array(P * M),
		recoveries: new Float64Array(P * M),
	};
	const rarocs = new Float64Array(P);
	const defaultsPerPath = new Float64Array(P);
	const incomePerPath = new Float64Array(P);
	const lossPerPath = new Float64Array(P);
	// Per-path deltas against the no-default base, reused across paths.
	const dBal = new Float64Array(M + 1);
	const dInt = new Float64Array(M + 1);
	const dBor = new Float64Array(M + 1);
	const npl = new Float64Array(M + 1);
	const loss = new Float64Array(M + 1);
	const rec = new Float64Array(M + 1);

	for (let p = 0; p < P; p++) {
		dBal.fill(0);
		dInt.fill(0);
		dBor.fill(0);
		npl.fill(0);
		loss.fill(0);
		rec.fill(0);
		let defaults = 0;
		let nplProvision = 0;
		for (let i = 0; i < N; i++) {
			const u = rng.next();
			const ls = logSurvive[i] as number;
			if (ls === 0) continue;
			// Geometric default month: P(d = k) = (1 − h)^(k − 1) h.
			const d = ls === -Infinity ? 1 : Math.floor(Math.log(1 - u) / ls) + 1;
			if (d > M) continue;
			const base = i * (M + 1);
			const ead = sched[base + d - 1] as number;
			if (ead <= 0) continue;
			defaults++;
			const resolve = d + lag;
			const li = lgd[i] as number;
			for (let m = d; m <= M; m++) {
				const end = sched[base + m] as number;
				dBal[m] = (dBal[m] as number) - end;
				dInt[m] =
					(dInt[m] as number) - ((sched[base + m - 1] as number) * (rate[i] as number)) / 12;
				if (end > 0) dBor[m] = (dBor[m] as number) - 1;
				if (m < resolve) {
					npl[m] = (npl[m] as number) + ead;
					dBor[m] = (dBor[m] as number) + 1;
				}
			}
			if (resolve <= M) {
				loss[resolve] = (loss[resolve] as number) + li * ead;
				rec[resolve] = (rec[resolve] as number) + (1 - li) * ead;
			} else {
				nplProvision += li * ead;
			}
		}
		let income = 0;
		let funding = 0;
		let opex = 0;
		let losses = 0;
		let capital = 0;
		const row = p * M;
		for (let m = 1; m <= M; m++) {
			const nplM = npl[m] as number;
			const balance = (baseBal[m] as number) + (dBal[m] as number) + nplM;
			const borrowers = (baseBorrowers[m] as number) + (dBor[m] as number);
			const interest = (baseInterest[m] as number) + (dInt[m] as number);
			out.balance[row + m - 1] = balance;
			out.borrowers[row + m - 1] = borrowers;
			out.nplBalance[row + m - 1] = nplM;
			out.nplRatio[row + m - 1] = balance > 0 ? nplM / balance : 0;
			out.interestIncome[row + m - 1] = interest;
			out.losses[row + m - 1] = loss[m] as number;
			out.recoveries[row + m - 1] = rec[m] as number;
			income += interest;
			funding += (balance * fundingRate) / 12;
			opex += (borrowers * opCost) / 12;
			losses += loss[m] as number;
			capital += (balance * capitalRatio) / 12;
		}
		const net = income - funding - opex - losses - nplProvision;
		rarocs[p] = capital > 0 ? net / capital : 0;
		defaultsPerPath[p] = defaults;
		incomePerPath[p] = income;
		lossPerPath[p] = losses + nplProvision;
	}

	const column = new Float64Array(P);
	const series = {} as Record<PortfolioMetric, SeriesStats>;
	for (const metric of PORTFOLIO_METRICS) {
		const s: SeriesStats = { mean: [], p5: [], p50: [], p95: [] };
		const data = out[metric];
		for (let m = 0; m < M; m++) {
			for (let p = 0; p < P; p++) column[p] = data[p * M + m] as number;
			const st = stats(column);
			s.mean.push(st.mean);
			s.p5.push(st.p5);
			s.p50.push(st.p50);
			s.p95.push(st.p95);
		}
		series[metric] = s;
	}
	return {
		months: M,
		paths: P,
		series,
		raroc: stats(rarocs),
		defaults: stats(defaultsPerPath),
		interestIncomeWan: stats(incomePerPath),
		lossesWan: stats(lossPerPath),
		expectedLossWan: round4(expectedLoss),
	};
}

// ---------------------------------------------------------------- 两增两控

/** Inputs of the 两增两控 tests; growth and ratios as fractions. */
export interface TwoIncreasesInput {
	/** Growth of 普惠型小微 loans over the period. */
	inclusiveGrowth: number;
	/** Growth of all loans over the period. */
	allLoansGrowth: number;
	/** Borrowers with 普惠型小微 loans now and at the comparison date. */
	borrowersNow: number;
	borrowersBefore: number;
	inclusiveNplRatio: number;
	allLoansNplRatio: number;
	/** Average rate of new 普惠 loans (optional: the cost test runs only when given). */
	inclusiveRate?: number;
	/** Rate the cost test compares against; default: `previousRate`, else INCLUSIVE_RATE_REFERENCE. */
	targetRate?: number;
	previousRate?: number;
	/** NPL tolerance over the all-loans ratio (default 0.03, facts §3.3). */
	nplTolerance?: number;
}

/** Codes of the 两增两控 tests. */
export const TWO_INCREASES_TESTS = [
	'two-increases.loan-growth',
	'two-increases.borrowers',
	'two-controls.npl',
	'two-controls.cost',
] as const;
export type TwoIncreasesTest = (typeof TWO_INCREASES_TESTS)[number];

/**
 * 两增: 普惠 loan growth ≥ all-loans growth; borrowers ≥ the comparison date (facts §3.2).
 * 两控: 普惠 NPL ratio ≤ all-loans NPL ratio + 3 points (facts §3.3); cost: the average 普惠 rate
 * ≤ the target rate (a teaching proxy for 综合成本, documented in README).
 */
export function twoIncreasesTwoControls(input: TwoIncreasesInput): {
	passed: boolean;
	results: { test: TwoIncreasesTest; passed: boolean; data: FindingData }[];
} {
	const v = (x: unknown) => finiteOr(x, 0);
	const tol = Math.max(0, finiteOr(input?.nplTolerance, NPL_TOLERANCE));
	const results: { test: TwoIncreasesTest; passed: boolean; data: FindingData }[] = [
		{
			test: 'two-increases.loan-growth',
			passed: v(input?.inclusiveGrowth) >= v(input?.allLoansGrowth),
			data: {
				inclusiveGrowth: v(input?.inclusiveGrowth),
				allLoansGrowth: v(input?.allLoansGrowth),
			},
		},
		{
			test: 'two-increases.borrowers',
			passed: v(input?.borrowersNow) >= v(input?.borrowersBefore),
			data: { borrowersNow: v(input?.borrowersNow), borrowersBefore: v(input?.borrowersBefore) },
		},
		{
			test: 'two-controls.npl',
			passed: v(input?.inclusiveNplRatio) <= v(input?.allLoansNplRatio) + tol + 1e-12,
			data: {
				inclusiveNplRatio: v(input?.inclusiveNplRatio),
				allLoansNplRatio: v(input?.allLoansNplRatio),
				tolerance: tol,
				limit: round4(v(input?.allLoansNplRatio) + tol),
			},
		},
	];
	if (typeof input?.inclusiveRate === 'number' && Number.isFinite(input.inclusiveRate)) {
		const target = finiteOr(
			input.targetRate,
			finiteOr(input.previousRate, INCLUSIVE_RATE_REFERENCE),
		);
		results.push({
			test: 'two-controls.cost',
			passed: input.inclusiveRate <= target + 1e-12,
			data: { inclusiveRate: input.inclusiveRate, targetRate: target },
		});
	}
	return { passed: results.every((r) => r.passed), results };
}

/** The 两增两控 results as findings (`<test>.met` / `<test>.missed`). */
export function twoIncreasesFindings(
	result: ReturnType<typeof twoIncreasesTwoControls>,
): Finding[] {
	return result.results.map((r) => ({
		code: `${r.test}.${r.passed ? 'met' : 'missed'}`,
		severity: r.passed ? 'good' : 'major',
		dimension: r.test.startsWith('two-increases')
			? 'portfolio-growth'
			: r.test === 'two-controls.npl'
				? 'portfolio-quality'
				: 'portfolio-profit',
		topic: r.test === 'two-controls.npl' ? 'npl-tolerance' : 'two-increases-two-controls',
		data: r.data,
	}));
}

// ---------------------------------------------------------------- capstone quarter model

/** One loan on the capstone book. */
export interface BookLoan {
	clientId: string;
	productId: string | null;
	amountWan: number;
	balanceWan: number;
	annualRate: number;
	termMonths: number;
	monthsElapsed: number;
	repayment: RepaymentMethod;
	guarantee: GuaranteeMethod;
	pd: number;
	lgd: number;
	operatingCostWan: number;
	status: 'performing' | 'npl' | 'written-off' | 'repaid';
	monthsInDefault: number;
	/** Counts as 普惠型 (small/micro/individual, single-client credit ≤ 1000万). */
	inclusive: boolean;
	quarterBooked: number;
}

/** What happened in one quarter. */
export interface QuarterReport {
	quarter: number;
	approved: number;
	declined: number;
	/** Decisions that could not be booked (unknown client, bad numbers). */
	invalid: number;
	newAmountWan: number;
	interestWan: number;
	fundingCostWan: number;
	operatingCostWan: number;
	lossWan: number;
	recoveriesWan: number;
	defaults: number;
	balanceWan: number;
	borrowers: number;
	nplWan: number;
	nplRatio: number;
	/** Compliance rules broken by this quarter's approvals. */
	complianceBreaches: number;
	/** First broken rule of the quarter, or 'none'. */
	firstBreach: string;
}

/** The capstone book after some quarters. */
export interface BookState {
	quarter: number;
	loans: BookLoan[];
	balanceWan: number;
	borrowers: number;
	nplWan: number;
	nplRatio: number;
	totalLentWan: number;
	cumulativeInterestWan: number;
	cumulativeFundingCostWan: number;
	cumulativeOperatingCostWan: number;
	cumulativeLossWan: number;
	cumulativeRecoveriesWan: number;
	/** Σ PD × LGD × amount of every loan booked (the book's ex-ante credit cost), 万元. */
	bookedExpectedLossWan: number;
	/** Σ one-year net risk-adjusted income of every loan at booking (loanRaroc netWan), 万元. */
	bookedNetWan: number;
	/** Σ economic capital of every loan at booking, 万元. */
	bookedCapitalWan: number;
	/** Σ monthly balance × capital ratio ÷ 12: economic capital in 万元-years, the RAROC denominator. */
	capitalWanYears: number;
	complianceBreaches: number;
	reports: QuarterReport[];
}

/** One approve/decline decision of the capstone. */
export interface BookDecision {
	clientId: string;
	approve: boolean;
	amountWan: number;
	annualRate: number;
	termMonths: number;
	repayment: RepaymentMethod;
	guarantee: GuaranteeMethod;
	/** Product used; sets the operating cost by its channel when a catalogue is given. */
	productId?: string;
}

/** Settings of the quarter model; omitted ones take the defaults of rates.ts. */
export interface QuarterSettings {
	catalogue?: Catalogue;
	fundingRate?: number;
	capitalRatio?: number;
	recoveryLagMonths?: number;
	/** Operating cost per loan per year when no product channel applies, 万元. */
	operatingCostWan?: number;
}

/** A quarter report with every figure at zero, to be filled in. */
export function emptyQuarterReport(quarter: number): QuarterReport {
	return {
		quarter,
		approved: 0,
		declined: 0,
		invalid: 0,
		newAmountWan: 0,
		interestWan: 0,
		fundingCostWan: 0,
		operatingCostWan: 0,
		lossWan: 0,
		recoveriesWan: 0,
		defaults: 0,
		balanceWan: 0,
		borrowers: 0,
		nplWan: 0,
		nplRatio: 0,
		complianceBreaches: 0,
		firstBreach: 'none',
	};
}

/** An empty book before the first quarter. */
export function initBook(): BookState {
	return {
		quarter: 0,
		loans: [],
		balanceWan: 0,
		borrowers: 0,
		nplWan: 0,
		nplRatio: 0,
		totalLentWan: 0,
		cumulativeInterestWan: 0,
		cumulativeFundingCostWan: 0,
		cumulativeOperatingCostWan: 0,
		cumulativeLossWan: 0,
		cumulativeRecoveriesWan: 0,
		bookedExpectedLossWan: 0,
		bookedNetWan: 0,
		bookedCapitalWan: 0,
		capitalWanYears: 0,
		complianceBreaches: 0,
		reports: [],
	};
}

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Book this quarter's approvals and run the whole book three months. Never mutates `state`; the
 * RNG draws one number per performing loan per month, in book order, so a seed replays exactly.
 */
export function simulateQuarter(
	state: BookState,
	decisions: readonly BookDecision[],
	applicants: readonly Client[],
	rng: Rng,
	settings: QuarterSettings = {},
): { state: BookState; report: QuarterReport } {
	const fundingRate = Math.max(0, finiteOr(settings.fundingRate, FUNDING_RATE));
	const capitalRatio = Math.max(0, finiteOr(settings.capitalRatio, CAPITAL_RATIO));
	const lag = Math.round(
		clamp(finiteOr(settings.recoveryLagMonths, RECOVERY_LAG_MONTHS), 0, MAX_MONTHS),
	);
	const defaultOp = Math.max(
		0,
		finiteOr(settings.operatingCostWan, OPERATING_COST_WAN['branch-visit']),
	);
	const quarter = state.quarter + 1;
	const loans = state.loans.map((l) => ({ ...l }));
	const report = emptyQuarterReport(quarter);
	const clients: readonly Client[] = Array.isArray(applicants) ? applicants : [];
	const list: readonly BookDecision[] = Array.isArray(decisions) ? decisions : [];
	const byId = new Map(clients.map((c) => [c.id, c]));
	let newExpectedLoss = 0;
	let newNet = 0;
	let newCapital = 0;
	for (const d of list) {
		if (d?.approve !== true) {
			report.declined++;
			continue;
		}
		const client = byId.get(d.clientId);
		const ok =
			client !== undefined &&
			Number.isFinite(d.amountWan) &&
			d.amountWan > 0 &&
			Number.isFinite(d.annualRate) &&
			d.annualRate >= 0 &&
			d.annualRate <= 1 &&
			Number.isFinite(d.termMonths) &&
			d.termMonths >= 1 &&
			d.termMonths <= 360 &&
			isRepayment(d.repayment) &&
			isGuarantee(d.guarantee);
		if (!ok) {
			report.invalid++;
			continue;
		}
		const product =
			d.productId && settings.catalogue ? findProduct(settings.catalogue, d.productId) : undefined;
		const profile = profileClient(client);
		const decision = {
			productId: d.productId ?? '',
			amountWan: d.amountWan,
			termMonths: d.termMonths,
			annualRate: d.annualRate,
			repayment: d.repayment,
			guarantee: d.guarantee,
		};
		for (const c of checkProposal(proposalFor(client, product, decision, profile))) {
			if (c.passed) continue;
			report.complianceBreaches++;
			if (report.firstBreach === 'none') report.firstBreach = c.rule;
		}
		// A guarantee the client cannot provide protects nothing: it is booked as unsecured.
		const feasible = guaranteeFeasible(client, d.guarantee, d.amountWan, profile);
		const credit = Math.max(0, finiteOr(client.existingDebtWan, 0)) + d.amountWan;
		loans.push({
			clientId: d.clientId,
			productId: product ? product.id : null,
			amountWan: d.amountWan,
			balanceWan: d.amountWan,
			annualRate: d.annualRate,
			termMonths: Math.round(d.termMonths),
			monthsElapsed: 0,
			repayment: d.repayment,
			guarantee: d.guarantee,
			pd: profile.pd,
			lgd: LGD_BY_GUARANTEE[feasible ? d.guarantee : 'credit'],
			operatingCostWan: product ? OPERATING_COST_WAN[product.channel] : defaultOp,
			status: 'performing',
			monthsInDefault: 0,
			inclusive: profile.segment !== 'out-of-scope' && credit <= 1000,
			quarterBooked: quarter,
		});
		report.approved++;
		report.newAmountWan = r6(report.newAmountWan + d.amountWan);
		const booked = loans[loans.length - 1] as BookLoan;
		newExpectedLoss += profile.pd * booked.lgd * d.amountWan;
		const r = loanRaroc({
			amountWan: d.amountWan,
			annualRate: d.annualRate,
			pd: profile.pd,
			lgd: booked.lgd,
			fundingRate,
			operatingCostWan: booked.operatingCostWan,
			capitalRatio,
		});
		newNet += r.netWan;
		newCapital += r.economicCapitalWan;
	}

	let capitalWanYears = 0;
	for (let month = 0; month < 3; month++) {
		let outstanding = 0;
		for (const l of loans) {
			if (l.status === 'performing' || l.status === 'npl') {
				outstanding += l.balanceWan;
				report.operatingCostWan += l.operatingCostWan / 12;
			}
		}
		report.fundingCostWan += (outstanding * fundingRate) / 12;
		capitalWanYears += (outstanding * capitalRatio) / 12;
		for (const l of loans) {
			if (l.status === 'npl') {
				l.monthsInDefault++;
				if (l.monthsInDefault >= lag) {
					report.lossWan += l.lgd * l.balanceWan;
					report.recoveriesWan += (1 - l.lgd) * l.balanceWan;
					l.balanceWan = 0;
					l.status = 'written-off';
				}
			} else if (l.status === 'performing') {
				if (rng.next() < monthlyHazard(l.pd)) {
					l.status = 'npl';
					l.monthsInDefault = 0;
					report.defaults++;
					if (lag === 0) {
						report.lossWan += l.lgd * l.balanceWan;
						report.recoveriesWan += (1 - l.lgd) * l.balanceWan;
						l.balanceWan = 0;
						l.status = 'written-off';
					}
					continue;
				}
				report.interestWan += (l.balanceWan * l.annualRate) / 12;
				l.monthsElapsed++;
				l.balanceWan = r6(
					scheduledBalance(l.amountWan, l.annualRate, l.termMonths, l.repayment, l.monthsElapsed),
				);
				if (l.balanceWan <= 0) {
					l.balanceWan = 0;
					l.status = 'repaid';
				}
			}
		}
	}
	let balance = 0;
	let npl = 0;
	let borrowers = 0;
	for (const l of loans) {
		if (l.status === 'performing' || l.status === 'npl') {
			balance += l.balanceWan;
			borrowers++;
			if (l.status === 'npl') npl += l.balanceWan;
		}
	}
	report.interestWan = r6(report.interestWan);
	report.fundingCostWan = r6(report.fundingCostWan);
	report.operatingCostWan = r6(report.operatingCostWan);
	report.lossWan = r6(report.lossWan);
	report.recoveriesWan = r6(report.recoveriesWan);
	report.balanceWan = r6(balance);
	report.borrowers = borrowers;
	report.nplWan = r6(npl);
	report.nplRatio = balance > 0 ? round4(npl / balance) : 0;
	const next: BookState = {
		quarter,
		loans,
		balanceWan: report.balanceWan,
		borrowers,
		nplWan: report.nplWan,
		nplRatio: report.nplRatio,
		totalLentWan: r6(state.totalLentWan + report.newAmountWan),
		cumulativeInterestWan: r6(state.cumulativeInterestWan + report.interestWan),
		cumulativeFundingCostWan: r6(state.cumulativeFundingCostWan + report.fundingCostWan),
		cumulativeOperatingCostWan: r6(state.cumulativeOperatingCostWan + report.operatingCostWan),
		cumulativeLossWan: r6(state.cumulativeLossWan + report.lossWan),
		cumulativeRecoveriesWan: r6(state.cumulativeRecoveriesWan + report.recoveriesWan),
		bookedExpectedLossWan: r6(state.bookedExpectedLossWan + newExpectedLoss),
		bookedNetWan: r6(state.bookedNetWan + newNet),
		bookedCapitalWan: r6(state.bookedCapitalWan + newCapital),
		capitalWanYears: r6(state.capitalWanYears + capitalWanYears),
		complianceBreaches: state.complianceBreaches + report.complianceBreaches,
		reports: [...state.reports, report],
	};
	return { state: next, report };
}

/** Realised net income so far: interest − funding − operating − losses − LGD × NPL still on the books, 万元. */
export function bookNetIncomeWan(state: BookState): number {
	const provision = state.loans.reduce(
		(s, l) => s + (l.status === 'npl' ? l.lgd * l.balanceWan : 0),
		0,
	);
	return r6(
		state.cumulativeInterestWan -
			state.cumulativeFundingCostWan -
			state.cumulativeOperatingCostWan -
			state.cumulativeLossWan -
			provision,
	);
}

/**
 * RAROC of the lending decisions (facts §11): Σ one-year net income at booking (interest − funding
 * − operating − EL) ÷ Σ economic capital at booking, i.e. the capital-weighted RAROC of every loan
 * approved; 0 before any loan. It scores the decisions, not the few defaults a short game draws.
 */
export function bookRaroc(state: BookState): number {
	return state.bookedCapitalWan > 0 ? round4(state.bookedNetWan / state.bookedCapitalWan) : 0;
}

/** Annualised RAROC on realised losses (for the debrief: what luck did). */
export function bookRealisedRaroc(state: BookState): number {
	return state.capitalWanYears > 0 ? round4(bookNetIncomeWan(state) / state.capitalWanYears) : 0;
}

/** Balance and borrowers of the 普惠型 loans still on the book. */
export function inclusiveBook(state: BookState): { balanceWan: number; borrowers: number } {
	let balanceWan = 0;
	let borrowers = 0;
	for (const l of state.loans) {
		if (l.inclusive && (l.status === 'performing' || l.status === 'npl')) {
			balanceWan += l.balanceWan;
			borrowers++;
		}
	}
	return { balanceWan: r6(balanceWan), borrowers };
}

/**
 * The expert's decisions for a quarter's applicants: lend (on the expert's product and five
 * elements) when the expert decision is to lend at a RAROC ≥ the hurdle — which implies an
 * eligible product, a permitted purpose and an amount within the need — and the client is not
 * already on the book; decline otherwise.
 */
export function expertPolicy(
	applicants: readonly Client[],
	catalogue: Catalogue,
	state: BookState,
): BookDecision[] {
	const booked = new Set(
		state.loans
			.filter((l) => l.status === 'performing' || l.status === 'npl')
			.map((l) => l.clientId),
	);
	return applicants.map((c) => {
		const e = booked.has(c.id) ? null : expertDecision(c, catalogue);
		const d = e?.decision;
		if (!d || e.raroc < HURDLE_RAROC - 1e-6) {
			return {
				clientId: c.id,
				approve: false,
				amountWan: 0,
				annualRate: 0,
				termMonths: 0,
				repayment: 'interest-monthly-bullet',
				guarantee: 'credit',
			};
		}
		return {
			clientId: c.id,
			approve: true,
			amountWan: d.amountWan,
			annualRate: d.annualRate,
			termMonths: d.termMonths,
			repayment: d.repayment,
			guarantee: d.guarantee,
			productId: d.productId,
		};
	});
}

/** Points per dimension of the capstone score. */
export interface PortfolioWeights {
	growth: number;
	quality: number;
	profit: number;
	compliance: number;
}

/** Default capstone weights: one point each. */
export const DEFAULT_PORTFOLIO_WEIGHTS: PortfolioWeights = {
	growth: 1,
	quality: 1,
	profit: 1,
	compliance: 1,
};

/** Settings of the capstone score. */
export interface PortfolioScoreSettings {
	weights?: PortfolioWeights;
	/** All-loans NPL ratio of the bank, the 两控 reference (default 0.015, illustrative). */
	allLoansNplRatio?: number;
	/** NPL tolerance over it (default NPL_TOLERANCE = 0.03, facts §3.3). */
	nplTolerance?: number;
	/** Target RAROC (default HURDLE_RAROC). */
	hurdleRaroc?: number;
}

/** Illustrative all-loans NPL ratio used as the 两控 reference when none is given. */
export const DEFAULT_ALL_LOANS_NPL_RATIO = 0.015;

/**
 * Score a final capstone book against the expert's book on the same applicants and seed:
 * growth (两增) = ½ 普惠 balance ratio + ½ 普惠 borrowers ratio, each capped at 1; quality (两控) =
 * the lower of the NPL-tolerance share (1 within all-loans NPL + 3 points, falling linearly beyond)
 * and the credit-cost share (1 while the book's ex-ante EL rate ≤ 1.1 × the expert's + 0.2 point);
 * profit = RAROC of the booked loans (bookRaroc) ÷ hurdle, capped at 1; compliance = 1 − ¼ per
 * broken rule.
 */
export function scorePortfolio(
	finalState: BookState,
	expertFinalState: BookState,
	settings: PortfolioScoreSettings = {},
): Feedback {
	const w = { ...DEFAULT_PORTFOLIO_WEIGHTS, ...(settings.weights ?? {}) };
	const weight = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : 1);
	const findings: Finding[] = [];
	const ratio = (mine: number, theirs: number) => (theirs > 0 ? Math.min(1, mine / theirs) : 1);
	const mineInc = inclusiveBook(finalState);
	const expertInc = inclusiveBook(expertFinalState);
	const growth =
		0.5 * ratio(mineInc.balanceWan, expertInc.balanceWan) +
		0.5 * ratio(mineInc.borrowers, expertInc.borrowers);
	findings.push({
		code: growth >= 1 ? 'portfolio.growth-on-target' : 'portfolio.growth-below-expert',
		severity: growth >= 1 ? 'good' : growth >= 0.7 ? 'minor' : 'major',
		dimension: 'portfolio-growth',
		topic: 'two-increases-two-controls',
		data: {
			balanceWan: mineInc.balanceWan,
			expertBalanceWan: expertInc.balanceWan,
			borrowers: mineInc.borrowers,
			expertBorrowers: expertInc.borrowers,
		},
	});

	const allNpl = Math.max(0, finiteOr(settings.allLoansNplRatio, DEFAULT_ALL_LOANS_NPL_RATIO));
	const limit = allNpl + Math.max(0, finiteOr(settings.nplTolerance, NPL_TOLERANCE));
	const withinNpl = finalState.nplRatio <= limit + 1e-12;
	const nplShare = withinNpl
		? 1
		: Math.max(0, 1 - (finalState.nplRatio - limit) / Math.max(limit, 0.01));
	findings.push({
		code: withinNpl ? 'portfolio.npl-within-tolerance' : 'portfolio.npl-above-tolerance',
		severity: withinNpl ? 'good' : 'major',
		dimension: 'portfolio-quality',
		topic: 'npl-tolerance',
		data: { nplRatio: finalState.nplRatio, allLoansNplRatio: allNpl, limit: round4(limit) },
	});
	const elRate = (s: BookState) =>
		s.totalLentWan > 0 ? round4(s.bookedExpectedLossWan / s.totalLentWan) : 0;
	const mine = elRate(finalState);
	const reference = round4(elRate(expertFinalState) * 1.1 + 0.002);
	const lossShare =
		mine <= reference ? 1 : Math.max(0, 1 - (mine - reference) / Math.max(reference, 0.01));
	findings.push({
		code: lossShare >= 1 ? 'portfolio.credit-cost-ok' : 'portfolio.credit-cost-high',
		severity: lossShare >= 1 ? 'good' : lossShare >= 0.5 ? 'minor' : 'major',
		dimension: 'portfolio-quality',
		topic: 'expected-loss',
		data: {
			expectedLossRate: mine,
			expertExpectedLossRate: elRate(expertFinalState),
			realisedLossWan: finalState.cumulativeLossWan,
		},
	});

	const hurdle = Math.max(1e-6, finiteOr(settings.hurdleRaroc, HURDLE_RAROC));
	const raroc = bookRaroc(finalState);
	const profit = Math.max(0, Math.min(1, raroc / hurdle));
	findings.push({
		code: raroc >= hurdle ? 'portfolio.raroc-above-hurdle' : 'portfolio.raroc-below-hurdle',
		severity: raroc >= hurdle ? 'good' : raroc > 0 ? 'minor' : 'major',
		dimension: 'portfolio-profit',
		topic: 'raroc',
		data: {
			raroc,
			expertRaroc: bookRaroc(expertFinalState),
			hurdle,
			realisedRaroc: bookRealisedRaroc(finalState),
			netIncomeWan: bookNetIncomeWan(finalState),
		},
	});

	const breaches = Math.max(0, finalState.complianceBreaches);
	findings.push({
		code: breaches === 0 ? 'portfolio.compliance-clean' : 'portfolio.compliance-breaches',
		severity: breaches === 0 ? 'good' : 'critical',
		dimension: 'portfolio-compliance',
		topic: 'loan-purpose',
		data: { breaches },
	});
	const compliance = Math.max(0, 1 - 0.25 * breaches);

	return makeFeedback(
		'portfolio',
		[
			{ id: 'portfolio-growth', score: growth * weight(w.growth), max: weight(w.growth) },
			{
				id: 'portfolio-quality',
				score: Math.min(nplShare, lossShare) * weight(w.quality),
				max: weight(w.quality),
			},
			{ id: 'portfolio-profit', score: profit * weight(w.profit), max: weight(w.profit) },
			{
				id: 'portfolio-compliance',
				score: compliance * weight(w.compliance),
				max: weight(w.compliance),
			},
		],
		findings,
	);
}
