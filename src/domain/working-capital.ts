/**
 * Working-capital need by the appendix of the 2010 《流动资金贷款管理暂行办法》
 * (《流动资金贷款需求量的测算参考》), as given in facts.md §2.2.
 *
 * Units: money in 万元; periods in days of a 360-day year; margin and growth as fractions
 * (0.1 = 10%). Signs: inventory, receivable and prepaid days add to the cycle; payable and
 * advance-receipt days (funds of others) subtract from it.
 *
 *   turnoverDays      = inventory + receivable − payable + prepaid − advanceReceipt
 *   turnoverTimes     = 360 ÷ turnoverDays
 *   workingCapitalWan = revenue × (1 − margin) × (1 + growth) ÷ turnoverTimes
 *   newLoanLimitWan   = workingCapital − ownFunds − existingWorkingCapitalLoans − otherFunding
 *
 * `newLoanLimitWan` is not clamped: zero or less means the formula finds no need for new
 * working-capital credit. Input it cannot compute yields `{ ok: false, errors }`; it never throws.
 */
import type { ClientFacts } from './client';

/** Days in the formula's year. */
export const DAYS_PER_YEAR = 360; // days

/** The figures the formula needs. */
export interface WorkingCapitalInput {
	/** 上年度销售收入, 万元. */
	lastYearRevenueWan: number;
	/** 上年度销售利润率, fraction; may be negative (a loss), must be < 1. */
	lastYearProfitMargin: number;
	/** 预计销售收入年增长率, fraction; must be > −1. */
	expectedGrowth: number;
	inventoryDays: number;
	receivableDays: number;
	payableDays: number;
	prepaidDays: number;
	advanceReceiptDays: number;
	/** 借款人自有资金, 万元. */
	ownFundsWan: number;
	/** 现有流动资金贷款, 万元. */
	existingWorkingCapitalLoansWan: number;
	/** 其他渠道提供的营运资金, 万元. */
	otherFundingWan: number;
}

/** Field names of the input plus the derived figures an error can point at. */
export type WorkingCapitalField = keyof WorkingCapitalInput | 'turnoverDays' | 'workingCapitalWan';

/** Why the formula cannot be computed. */
export type WorkingCapitalErrorCode =
	| 'not-finite'
	| 'negative'
	| 'non-positive-turnover'
	| 'margin-too-high'
	| 'growth-too-low'
	| 'overflow';

/** One problem with the input. */
export interface WorkingCapitalError {
	field: WorkingCapitalField;
	code: WorkingCapitalErrorCode;
}

/** The formula's result. */
export interface WorkingCapitalOk {
	ok: true;
	/** 营运资金周转天数, days. */
	turnoverDays: number;
	/** 营运资金周转次数, times a year. */
	turnoverTimes: number;
	/** 营运资金量, 万元. */
	workingCapitalWan: number;
	/** 新增流动资金贷款额度, 万元; may be ≤ 0. */
	newLoanLimitWan: number;
}

/** Input the formula cannot compute, with every problem found. */
export interface WorkingCapitalFailure {
	ok: false;
	errors: WorkingCapitalError[];
}

/** The result of `workingCapitalNeed`: figures, or every reason it cannot compute them. */
export type WorkingCapitalResult = WorkingCapitalOk | WorkingCapitalFailure;

/** Fields that must be finite and ≥ 0 (amounts and days). */
const NON_NEGATIVE_FIELDS = [
	'lastYearRevenueWan',
	'inventoryDays',
	'receivableDays',
	'payableDays',
	'prepaidDays',
	'advanceReceiptDays',
	'ownFundsWan',
	'existingWorkingCapitalLoansWan',
	'otherFundingWan',
] as const satisfies readonly (keyof WorkingCapitalInput)[];

/** List every problem that stops the formula; empty when it can run. */
export function validateWorkingCapitalInput(input: WorkingCapitalInput): WorkingCapitalError[] {
	const errors: WorkingCapitalError[] = [];
	for (const field of NON_NEGATIVE_FIELDS) {
		const v = input[field];
		if (!Number.isFinite(v)) errors.push({ field, code: 'not-finite' });
		else if (v < 0) errors.push({ field, code: 'negative' });
	}
	const m = input.lastYearProfitMargin;
	if (!Number.isFinite(m)) errors.push({ field: 'lastYearProfitMargin', code: 'not-finite' });
	else if (m >= 1) errors.push({ field: 'lastYearProfitMargin', code: 'margin-too-high' });
	const g = input.expectedGrowth;
	if (!Number.isFinite(g)) errors.push({ field: 'expectedGrowth', code: 'not-finite' });
	else if (g <= -1) errors.push({ field: 'expectedGrowth', code: 'growth-too-low' });
	return errors;
}

/** Estimate the working-capital need and the new working-capital loan limit (2010 appendix). */
export function workingCapitalNeed(input: WorkingCapitalInput): WorkingCapitalResult {
	const errors = validateWorkingCapitalInput(input);
	if (errors.length > 0) return { ok: false, errors };
	const turnoverDays = turnoverDaysOf(input);
	if (turnoverDays <= 0) return fail('turnoverDays', 'non-positive-turnover');
	const turnoverTimes = DAYS_PER_YEAR / turnoverDays;
	// Days near Number.MAX_VALUE (or a subnormal cycle) leave the range of doubles.
	if (!Number.isFinite(turnoverDays) || !Number.isFinite(turnoverTimes)) return fail('turnoverDays', 'overflow');
	const workingCapitalWan = workingCapitalOf(input, turnoverTimes);
	const newLoanLimitWan = loanLimitOf(input, workingCapitalWan);
	if (!Number.isFinite(workingCapitalWan) || !Number.isFinite(newLoanLimitWan)) {
		return fail('workingCapitalWan', 'overflow');
	}
	return { ok: true, turnoverDays, turnoverTimes, workingCapitalWan, newLoanLimitWan };
}

/**
 * workingCapitalNeed(input).newLoanLimitWan alone, NaN where that gives `ok: false`: the same
 * checks and arithmetic without the result objects (truthOf needs only this number, for 10,000
 * generated clients at a time; tests check both agree).
 */
export function newLoanLimitOf(input: WorkingCapitalInput): number {
	if (!isComputable(input)) return Number.NaN;
	const turnoverDays = turnoverDaysOf(input);
	if (turnoverDays <= 0) return Number.NaN;
	const turnoverTimes = DAYS_PER_YEAR / turnoverDays;
	if (!Number.isFinite(turnoverDays) || !Number.isFinite(turnoverTimes)) return Number.NaN;
	const workingCapitalWan = workingCapitalOf(input, turnoverTimes);
	const newLoanLimitWan = loanLimitOf(input, workingCapitalWan);
	return Number.isFinite(workingCapitalWan) && Number.isFinite(newLoanLimitWan) ? newLoanLimitWan : Number.NaN;
}

/**
 * Whether validateWorkingCapitalInput finds nothing (the same conditions, without the error list).
 * The NON_NEGATIVE_FIELDS are named one by one: a loop reading `input[field]` is a lookup by a
 * changing key, several times slower, and truthOf runs this for 10,000 clients at a time.
 */
function isComputable(i: WorkingCapitalInput): boolean {
	return (
		isAmount(i.lastYearRevenueWan) &&
		isAmount(i.inventoryDays) &&
		isAmount(i.receivableDays) &&
		isAmount(i.payableDays) &&
		isAmount(i.prepaidDays) &&
		isAmount(i.advanceReceiptDays) &&
		isAmount(i.ownFundsWan) &&
		isAmount(i.existingWorkingCapitalLoansWan) &&
		isAmount(i.otherFundingWan) &&
		marginOk(i.lastYearProfitMargin) &&
		growthOk(i.expectedGrowth)
	);
}

/** Finite and ≥ 0, as NON_NEGATIVE_FIELDS must be. */
const isAmount = (v: number): boolean => Number.isFinite(v) && v >= 0;
/** A margin the formula accepts: finite and < 1. */
const marginOk = (m: number): boolean => Number.isFinite(m) && m < 1;
/** A growth rate the formula accepts: finite and > −1. */
const growthOk = (g: number): boolean => Number.isFinite(g) && g > -1;

/** 营运资金周转天数: inventory + receivable − payable + prepaid − advance receipt, days. */
const turnoverDaysOf = (i: WorkingCapitalInput): number =>
	i.inventoryDays + i.receivableDays - i.payableDays + i.prepaidDays - i.advanceReceiptDays;

/** 营运资金量: revenue × (1 − margin) × (1 + growth) ÷ turnover times, 万元. */
const workingCapitalOf = (i: WorkingCapitalInput, turnoverTimes: number): number =>
	(i.lastYearRevenueWan * (1 - i.lastYearProfitMargin) * (1 + i.expectedGrowth)) / turnoverTimes;

/** 新增流动资金贷款额度: working capital less own funds, existing loans and other funding, 万元. */
const loanLimitOf = (i: WorkingCapitalInput, workingCapitalWan: number): number =>
	workingCapitalWan - i.ownFundsWan - i.existingWorkingCapitalLoansWan - i.otherFundingWan;

function fail(field: WorkingCapitalField, code: WorkingCapitalErrorCode): WorkingCapitalFailure {
	return { ok: false, errors: [{ field, code }] };
}

/**
 * The 2010 formula's input from a client's own figures. 销售利润率 is taken as the client's net
 * margin; the other fields map one to one.
 */
export function workingCapitalInputOf(client: ClientFacts): WorkingCapitalInput {
	return fillWorkingCapitalInput(client, {} as WorkingCapitalInput);
}

/** Fill `out` with the formula's input from a client (truthOf reuses one object for every client). */
export function fillWorkingCapitalInput(client: ClientFacts, out: WorkingCapitalInput): WorkingCapitalInput {
	out.lastYearRevenueWan = client.revenueWan;
	out.lastYearProfitMargin = client.netMargin;
	out.expectedGrowth = client.expectedGrowth;
	out.inventoryDays = client.inventoryDays;
	out.receivableDays = client.receivableDays;
	out.payableDays = client.payableDays;
	out.prepaidDays = client.prepaidDays;
	out.advanceReceiptDays = client.advanceReceiptDays;
	out.ownFundsWan = client.ownFundsWan;
	out.existingWorkingCapitalLoansWan = client.existingWorkingCapitalLoansWan;
	out.otherFundingWan = client.otherFundingWan;
	return out;
}
