/**
 * Cost to serve one small-business loan, by channel, and its profit and break-even size — the
 * model of lesson m2/01「单笔贷款成本怎么算」and「盈亏平衡贷款规模」.
 *
 *   operating cost   C  = Σ hours(stage) × hourly staff cost          (marketing, investigation and
 *                                                                      approval, post-loan management)
 *   risk cost rate   e  = PD × LGD                                    (annual expected loss rate)
 *   profit per loan     = L × (r − f − e) × T − C
 *   break-even size  L* = C ÷ ((r − f − e) × T)                       (none when r − f − e ≤ 0)
 *
 * Units: money in 元 (CNY) unless a name ends in `Wan` (万元 = 10,000 元); rates, PD, LGD as
 * fractions per year (0.045 = 4.5%); the term T in years (`termMonths ÷ 12`); hours per loan.
 * Post-loan hours are per year of the loan and a loan shorter than a year counts as one year
 * (the lesson's half-year example keeps C = 4,800 元); marketing and investigation hours are spent
 * once per loan.
 *
 * The defaults are the lesson's TEACHING ASSUMPTIONS, not industry standards: 200 元 an hour
 * (300,000 元 a year ÷ 1,500 effective hours), a 2.3% funding (FTP) rate, PD 1.5%, LGD 40%, and
 * 8 + 10 + 6 = 24 hours for a branch visit. The stage split of the batch/scenario (10 h) and online
 * data-driven (6 h) channels is this simulation's assumption; their totals are the lesson's
 * "standardised" (10 h) and "data-driven" (6 h) rows. A bank replaces all of them with its own.
 * The hours and hourly cost live in rates.ts, where OPERATING_COST_WAN (the cost every pricing,
 * product-design and portfolio model uses) is derived from them: 4,800 / 2,000 / 1,200 元 for a
 * one-year loan by branch visit / batch-scenario / online data.
 *
 * The three-question task: the lesson's own task is here; seeded variants (`costTask`) are in
 * ./cost-task.ts (fetched only when the learner opens another seed) and the scoring in
 * ./scoring/cost-to-serve.ts (fetched only when the learner submits).
 *
 * Nothing here throws: bad input is reported by `validateCostInput`, and the arithmetic clamps
 * non-finite numbers so a caller that skips validation still gets finite figures.
 */
import { CHANNEL_HOURS, CHANNELS, HOURLY_COST_YUAN, STAGES, type Channel, type Stage, type StageHours } from './rates';

// The stages, hours per channel and hourly staff cost are defined in rates.ts (one source of truth
// with OPERATING_COST_WAN, which is derived from them) and re-exported here under their old names.
export { ANNUAL_STAFF_COST_YUAN, CHANNEL_HOURS, EFFECTIVE_HOURS_PER_YEAR, HOURLY_COST_YUAN, STAGES } from './rates';
export type { Stage, StageHours } from './rates';

/** Everything the calculator needs. */
export interface CostInput {
	/** Loan amount, 万元. */
	loanWan: number;
	/** Loan rate r, fraction per year. */
	rate: number;
	termMonths: number;
	/** Funding (FTP) rate f, fraction per year. */
	fundingRate: number;
	/** Annual probability of default, fraction. */
	pd: number;
	/** Loss given default, fraction. */
	lgd: number;
	/** Staff cost per hour, 元. */
	hourlyCostYuan: number;
	hours: Record<Channel, StageHours>;
}

/** Teaching assumption: the lesson's funding (FTP) rate, fraction per year. */
export const LESSON_FUNDING_RATE = 0.023;
/** Teaching assumption: the lesson's PD of a small-business loan, fraction per year. */
export const LESSON_PD = 0.015;
/** Teaching assumption: the lesson's LGD, fraction. */
export const LESSON_LGD = 0.4;

/** The lesson's worked example: a 30 万元 one-year loan at 4.5% (teaching assumptions). */
export function lessonCostInput(): CostInput {
	return {
		loanWan: 30,
		rate: 0.045,
		termMonths: 12,
		fundingRate: LESSON_FUNDING_RATE,
		pd: LESSON_PD,
		lgd: LESSON_LGD,
		hourlyCostYuan: HOURLY_COST_YUAN,
		hours: copyHours(CHANNEL_HOURS),
	};
}

/** A deep copy of a channel × stage hours table. */
export function copyHours(h: Readonly<Record<Channel, Readonly<StageHours>>>): Record<Channel, StageHours> {
	return Object.fromEntries(CHANNELS.map((c) => [c, { ...h[c] }])) as Record<Channel, StageHours>;
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Scalar fields of the input a learner types. */
export type CostField = 'loanWan' | 'rate' | 'termMonths' | 'fundingRate' | 'pd' | 'lgd' | 'hourlyCostYuan';

/** Accepted range of each scalar field (inclusive), in the field's own unit. */
export const COST_LIMITS: Readonly<Record<CostField, { min: number; max: number; integer?: boolean }>> = {
	loanWan: { min: 0.1, max: 100_000 },
	rate: { min: 0, max: 0.36 },
	termMonths: { min: 1, max: 120, integer: true },
	fundingRate: { min: 0, max: 0.2 },
	pd: { min: 0, max: 1 },
	lgd: { min: 0, max: 1 },
	hourlyCostYuan: { min: 1, max: 10_000 },
};
/** Accepted hours per stage of one loan. */
export const HOURS_LIMIT = { min: 0, max: 1_000 } as const;

/** Why an input value is refused. */
export type CostErrorCode = 'not-number' | 'below-min' | 'above-max' | 'not-integer';

/** One refused value: a scalar field or one cell of the hours table. */
export interface CostError {
	field: CostField | `hours.${Channel}.${Stage}`;
	code: CostErrorCode;
	min: number;
	max: number;
}

/** Check one number against a range. */
export function checkRange(value: number, limits: { min: number; max: number; integer?: boolean }): CostErrorCode | null {
	if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-number';
	if (value < limits.min) return 'below-min';
	if (value > limits.max) return 'above-max';
	if (limits.integer && !Number.isInteger(value)) return 'not-integer';
	return null;
}

/** Every refused value of a calculator input; empty when it can be computed. */
export function validateCostInput(input: CostInput): CostError[] {
	const errors: CostError[] = [];
	for (const field of Object.keys(COST_LIMITS) as CostField[]) {
		const code = checkRange(input[field], COST_LIMITS[field]);
		if (code) errors.push({ field, code, ...pickRange(COST_LIMITS[field]) });
	}
	for (const c of CHANNELS) {
		for (const s of STAGES) {
			const code = checkRange(input.hours?.[c]?.[s] as number, HOURS_LIMIT);
			if (code) errors.push({ field: `hours.${c}.${s}`, code, ...pickRange(HOURS_LIMIT) });
		}
	}
	return errors;
}

function pickRange(l: { min: number; max: number }): { min: number; max: number } {
	return { min: l.min, max: l.max };
}

// ---------------------------------------------------------------------------------------------
// The model

const finite = (x: number): number => (Number.isFinite(x) ? x : 0);
/** Round money to 0.01 元 (and any figure to 1e-8) so printed numbers are stable. */
const r2 = (x: number): number => Math.round(finite(x) * 100) / 100;
export const r8 = (x: number): number => Math.round(finite(x) * 1e8) / 1e8;

/** Staff cost per hour from a yearly cost and yearly effective hours, 元 (0 when hours ≤ 0). */
export function hourlyCost(annualCostYuan: number, hoursPerYear: number): number {
	return hoursPerYear > 0 ? r2(annualCostYuan / hoursPerYear) : 0;
}

/** Risk cost rate e = PD × LGD, fraction per year. */
export function riskCostRate(pd: number, lgd: number): number {
	return r8(finite(pd) * finite(lgd));
}

/** Net spread after funding and risk, r − f − e, fraction per year. */
export function netSpread(rate: number, fundingRate: number, pd: number, lgd: number): number {
	return r8(finite(rate) - finite(fundingRate) - riskCostRate(pd, lgd));
}

/** Operating cost of one loan. */
export interface OperatingCost {
	/** Hours by stage for the whole loan (post-loan scaled by the term). */
	hours: StageHours;
	totalHours: number;
	/** Cost by stage, 元. */
	costYuan: StageHours;
	/** C, 元. */
	totalYuan: number;
}

/** Operating cost C of one loan: hours × hourly cost, post-loan hours per year (at least one year). */
export function operatingCost(hours: StageHours, hourlyCostYuan: number, termYears: number): OperatingCost {
	const years = Math.max(1, finite(termYears));
	const h: StageHours = {
		marketing: finite(hours.marketing),
		investigation: finite(hours.investigation),
		'post-loan': r8(finite(hours['post-loan']) * years),
	};
	const rate = finite(hourlyCostYuan);
	const costYuan: StageHours = {
		marketing: r2(h.marketing * rate),
		investigation: r2(h.investigation * rate),
		'post-loan': r2(h['post-loan'] * rate),
	};
	return {
		hours: h,
		totalHours: r8(h.marketing + h.investigation + h['post-loan']),
		costYuan,
		totalYuan: r2(costYuan.marketing + costYuan.investigation + costYuan['post-loan']),
	};
}

/** The money of one loan over its term. */
export interface LoanEconomics {
	loanYuan: number;
	termYears: number;
	/** L × r × T, 元. */
	interestYuan: number;
	/** L × f × T, 元. */
	fundingCostYuan: number;
	/** L × e × T, 元. */
	expectedLossYuan: number;
	/** r − f − e. */
	netSpread: number;
	/** L × (r − f − e) × T, 元: what the loan earns before its operating cost. */
	contributionYuan: number;
	operatingCostYuan: number;
	/** Contribution − C, 元. */
	profitYuan: number;
	/** C ÷ L, fraction. */
	costRatio: number;
	/** Profit ÷ L, fraction. */
	profitRatio: number;
}

/** Inputs of one loan's profit. */
export interface LoanProfitInput {
	loanYuan: number;
	rate: number;
	fundingRate: number;
	pd: number;
	lgd: number;
	termYears: number;
	operatingCostYuan: number;
}

/** Profit of one loan: L × (r − f − e) × T − C, with its parts. */
export function loanEconomics(x: LoanProfitInput): LoanEconomics {
	const L = finite(x.loanYuan);
	const T = finite(x.termYears);
	const spread = netSpread(x.rate, x.fundingRate, x.pd, x.lgd);
	const contributionYuan = r2(L * spread * T);
	const C = r2(x.operatingCostYuan);
	const profitYuan = r2(contributionYuan - C);
	return {
		loanYuan: r2(L),
		termYears: T,
		interestYuan: r2(L * finite(x.rate) * T),
		fundingCostYuan: r2(L * finite(x.fundingRate) * T),
		expectedLossYuan: r2(L * riskCostRate(x.pd, x.lgd) * T),
		netSpread: spread,
		contributionYuan,
		operatingCostYuan: C,
		profitYuan,
		costRatio: L > 0 ? r8(C / L) : 0,
		profitRatio: L > 0 ? r8(profitYuan / L) : 0,
	};
}

/** Break-even loan size L* = C ÷ ((r − f − e) × T), 元; null when no size breaks even. */
export function breakEvenLoanYuan(operatingCostYuan: number, spread: number, termYears: number): number | null {
	const denom = finite(spread) * finite(termYears);
	if (!(denom > 0)) return null;
	return r2(finite(operatingCostYuan) / denom);
}

/** One channel's figures for the calculator. */
export interface ChannelResult {
	channel: Channel;
	cost: OperatingCost;
	economics: LoanEconomics;
	/** L*, 万元; null when r − f − e ≤ 0 (the loan never pays). */
	breakEvenWan: number | null;
	/** Check of the closed form: profit of a loan of exactly L*, 元 (0 up to rounding). */
	breakEvenCheckYuan: number | null;
	/** Profit per staff hour, 元. */
	profitPerHourYuan: number;
}

export const WAN = 10_000; // 元 per 万元

/** The calculator's figures for one channel. */
export function channelResult(input: CostInput, channel: Channel): ChannelResult {
	const T = finite(input.termMonths) / 12;
	const cost = operatingCost(input.hours[channel], input.hourlyCostYuan, T);
	const base = { rate: input.rate, fundingRate: input.fundingRate, pd: input.pd, lgd: input.lgd, termYears: T, operatingCostYuan: cost.totalYuan };
	const economics = loanEconomics({ ...base, loanYuan: finite(input.loanWan) * WAN });
	const beYuan = breakEvenLoanYuan(cost.totalYuan, economics.netSpread, T);
	return {
		channel,
		cost,
		economics,
		breakEvenWan: beYuan === null ? null : r8(beYuan / WAN),
		breakEvenCheckYuan: beYuan === null ? null : loanEconomics({ ...base, loanYuan: beYuan }).profitYuan,
		profitPerHourYuan: cost.totalHours > 0 ? r2(economics.profitYuan / cost.totalHours) : 0,
	};
}

/** The calculator's figures for every channel, in CHANNELS order. */
export function compareChannels(input: CostInput): ChannelResult[] {
	return CHANNELS.map((c) => channelResult(input, c));
}

/** Profit per loan of one channel at each loan size, 元 (for the chart). */
export function profitCurve(input: CostInput, channel: Channel, sizesWan: readonly number[]): { loanWan: number; profitYuan: number }[] {
	return sizesWan.map((loanWan) => ({ loanWan, profitYuan: channelResult({ ...input, loanWan }, channel).economics.profitYuan }));
}

/** Loan sizes for the chart: 0 to a round top that shows every break-even point and the current size, 万元. */
export function chartSizes(input: CostInput, steps = 20): number[] {
	const points = compareChannels(input)
		.map((r) => r.breakEvenWan)
		.filter((x): x is number => x !== null);
	const want = Math.max(finite(input.loanWan), ...points.map((p) => p * 1.5), 10);
	const top = niceCeil(want);
	const n = Math.max(2, Math.floor(steps));
	return Array.from({ length: n + 1 }, (_, i) => r8((top * i) / n));
}

/** The smallest 1, 2 or 5 × 10^k that is ≥ x (x > 0). */
export function niceCeil(x: number): number {
	const p = 10 ** Math.floor(Math.log10(x));
	// p ≤ x < 10p, so one of 1p, 2p, 5p, 10p is the answer.
	return [1, 2, 5].map((m) => m * p).find((v) => v >= x - 1e-9) ?? 10 * p;
}

/** How many loans a team can make in a year: team hours ÷ hours per loan (rounded down). */
export function loansPerYear(teamHours: number, hoursPerLoan: number): number {
	return hoursPerLoan > 0 ? Math.floor(finite(teamHours) / hoursPerLoan) : 0;
}

// ---------------------------------------------------------------------------------------------
// The scored task: three questions answered with the calculator

/** Parameters of the task (the rest are the lesson's assumptions). */
export interface CostTask {
	/** Q1: the loan whose profitability by channel the learner judges, 万元. */
	loanWan: number;
	rate: number;
	termMonths: number;
	/** Q3: the branch-visit stage whose hours are cut. */
	cutStage: Stage;
	/** Q3: share of that stage's hours removed (0.5 = halved). */
	cutShare: number;
}

/** Seed of the task that uses the lesson's own numbers (20 万元 at 4.5%, halve investigation). */
export const LESSON_TASK_SEED = 'm2-lesson';
/** The lesson's task. */
export const LESSON_TASK: Readonly<CostTask> = { loanWan: 20, rate: 0.045, termMonths: 12, cutStage: 'investigation', cutShare: 0.5 };

/** The lesson's assumptions with the task's loan, rate and term. */
export function taskInput(task: CostTask): CostInput {
	return { ...lessonCostInput(), loanWan: task.loanWan, rate: task.rate, termMonths: task.termMonths };
}

/** The expected answers and the numbers behind them. */
export interface CostTaskSolution {
	/** Q1: each channel's result at the task's loan size. */
	q1: ChannelResult[];
	/** Q2: branch-visit result (its break-even size is the answer). */
	q2: ChannelResult;
	/** Q3: branch-visit result after the cut. */
	q3: ChannelResult;
	q3HoursBefore: number;
	q3HoursAfter: number;
	/** Q3 answer: how far L* falls, 万元 (null when no break-even exists). */
	q3DropWan: number | null;
}

/** Solve the task with the lesson's assumptions. */
export function solveCostTask(task: CostTask): CostTaskSolution {
	const input = taskInput(task);
	const q1 = compareChannels(input);
	const q2 = channelResult(input, 'branch-visit');
	const before = input.hours['branch-visit'][task.cutStage];
	const after = r8(before * (1 - task.cutShare));
	const cut = { ...input, hours: { ...input.hours, 'branch-visit': { ...input.hours['branch-visit'], [task.cutStage]: after } } };
	const q3 = channelResult(cut, 'branch-visit');
	const q3DropWan = q2.breakEvenWan === null || q3.breakEvenWan === null ? null : r8(q2.breakEvenWan - q3.breakEvenWan);
	return { q1, q2, q3, q3HoursBefore: before, q3HoursAfter: after, q3DropWan };
}

/** A learner's answers: profit/loss per channel, L* and the drop, 万元. */
export interface CostTaskAnswers {
	profitable?: Partial<Record<Channel, 'profit' | 'loss'>>;
	breakEvenWan?: number | null;
	dropWan?: number | null;
}

/** Points per part of the task. */
export interface CostTaskWeights {
	/** Per channel judged right in Q1. */
	profitable: number;
	breakEven: number;
	processCut: number;
}

export const DEFAULT_COST_TASK_WEIGHTS: CostTaskWeights = { profitable: 1, breakEven: 2, processCut: 2 };
