/**
 * IPC-style cross-check (交叉检验) of a micro business that keeps no statements — the model of
 * lesson m2/02「交叉检验：用软信息还原经营」: work out revenue three independent ways, reconcile
 * them, rebuild the profit and loss, and let the rebuilt business (not the owner's request) decide
 * the loan amount.
 *
 * The three routes to revenue (any period; the lesson works a year, the simulation a month):
 *   takings    Σ daily takings × days open (electronic takings grossed up for cash first, if needed)
 *   inflows    business inflows to the collection accounts ÷ (1 − cash share)
 *   purchases  (purchases − increase in stock) ÷ (1 − gross margin)        [= cost of sales ÷ (1 − g)]
 * Reconcile: if the largest route is within RECONCILE_TOLERANCE (10%) of the smallest, take the
 * median; otherwise take the smallest (the lesson's tip: ask why, and if it still does not
 * reconcile, use the most conservative figure).
 *
 * P&L: gross profit = revenue − cost of sales; operating profit = gross profit − expenses;
 * net profit = operating profit − interest on existing loans; disposable surplus = net profit −
 * household spending. The lesson's step 4 sizes a stock-up loan by the peak-season stock gap:
 *   turnover days = average stock ÷ cost of sales × days in the period
 *   peak stock    = peak monthly cost of sales × turnover days ÷ 30
 *   need          = peak stock − stock now + increase in receivables, rounded UP to a whole 万元
 * and checks the interest against the surplus. An equipment loan (equal monthly instalments) is
 * limited by what the surplus can repay.
 *
 * Units: the lesson helpers are unit-free (same money unit in and out). The simulation's clues are
 * in 元 (CNY), per month unless a name says otherwise; the learner answers in 万元 (10,000 元).
 * Shares, margins and rates are fractions (0.25 = 25%).
 *
 * TEACHING ASSUMPTIONS (not rules or market data): the trade profiles below, the 10% reconcile
 * tolerance (the lesson's suggested rule of thumb), and REPAYMENT_SHARE_OF_SURPLUS — monthly debt
 * service of the new loan at most half of the rebuilt monthly surplus, the other half left as a
 * buffer for the business and the household. Scoring bands are the course's choices.
 */
import type { RepaymentMethod } from './loan-terms';
import { createRng, type Rng } from './random';
import { makeFeedback, type Feedback, type Finding, type Severity } from './scoring/feedback';

// ---------------------------------------------------------------------------------------------
// Lesson helpers (unit-free)

const finite = (x: number): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const r2 = (x: number): number => Math.round(finite(x) * 100) / 100;
const r6 = (x: number): number => Math.round(finite(x) * 1e6) / 1e6;
/** Shares shown to the learner: 0.1 percentage point (0.497 → 49.7%). */
const r3 = (x: number): number => Math.round(finite(x) * 1000) / 1000;

/** Gross up electronic receipts for the cash share: electronic ÷ (1 − cash share). */
export function grossUpForCash(electronic: number, cashShare: number): number {
	const c = finite(cashShare);
	return c < 1 ? r6(finite(electronic) / (1 - c)) : 0;
}

/** Route 1: Σ daily takings × days. */
export function takingsRevenue(segments: readonly { daily: number; days: number }[]): number {
	return r6(segments.reduce((s, x) => s + finite(x.daily) * finite(x.days), 0));
}

/** Cost of sales from purchases: purchases − (closing stock − opening stock). */
export function cogsFromPurchases(purchases: number, stockStart: number, stockEnd: number): number {
	return r6(finite(purchases) - (finite(stockEnd) - finite(stockStart)));
}

/** Route 3: revenue = cost of sales ÷ (1 − gross margin). */
export function revenueFromCogs(cogs: number, grossMargin: number): number {
	const g = finite(grossMargin);
	return g < 1 ? r6(finite(cogs) / (1 - g)) : 0;
}

/** Stock turnover over a period. */
export interface Turnover {
	averageStock: number;
	/** Times the stock turns over in the period. */
	times: number;
	/** Days of stock (days in the period ÷ times). */
	days: number;
}

/** Stock turnover: average stock, times a period and days of stock. */
export function inventoryTurnover(cogs: number, stockStart: number, stockEnd: number, periodDays: number): Turnover {
	const averageStock = r6((finite(stockStart) + finite(stockEnd)) / 2);
	const times = averageStock > 0 ? r6(finite(cogs) / averageStock) : 0;
	return { averageStock, times, days: times > 0 ? r6(finite(periodDays) / times) : 0 };
}

/** How far apart the routes are: largest ÷ smallest − 1 (0 for fewer than two positive values). */
export function routeSpread(values: readonly number[]): number {
	const v = values.map(finite).filter((x) => x > 0);
	if (v.length < 2) return 0;
	return r6(Math.max(...v) / Math.min(...v) - 1);
}

/** Teaching assumption (the lesson's rule of thumb): routes within 10% of each other reconcile. */
export const RECONCILE_TOLERANCE = 0.1;

/** The reconciled figure: median when the routes agree within tolerance, else the smallest. */
export function reconcile(values: readonly number[], tolerance = RECONCILE_TOLERANCE): { value: number; spread: number; agreed: boolean } {
	const v = values
		.map(finite)
		.filter((x) => x > 0)
		.sort((a, b) => a - b);
	const spread = routeSpread(v);
	if (v.length === 0) return { value: 0, spread, agreed: false };
	const agreed = spread <= tolerance;
	const mid = v.length % 2 === 1 ? (v[(v.length - 1) / 2] as number) : ((v[v.length / 2 - 1] as number) + (v[v.length / 2] as number)) / 2;
	return { value: r6(agreed ? mid : (v[0] as number)), spread, agreed };
}

/** Inputs of a rebuilt P&L (one period, one money unit). */
export interface PnlInput {
	revenue: number;
	cogs: number;
	/** Operating expenses (rent, wages, utilities, vehicle, tax, sundries…). */
	expenses: readonly number[];
	/** Interest on existing loans. */
	interest: number;
	/** Household spending (living costs, mortgage…). */
	family: number;
}

/** A rebuilt P&L. */
export interface Pnl {
	revenue: number;
	cogs: number;
	grossProfit: number;
	grossMargin: number;
	expenses: number;
	operatingProfit: number;
	interest: number;
	netProfit: number;
	family: number;
	/** Disposable surplus: what is left to repay new debt. */
	surplus: number;
}

/** Rebuild a P&L from revenue down to the disposable surplus. */
export function reconstructPnl(x: PnlInput): Pnl {
	const revenue = finite(x.revenue);
	const cogs = finite(x.cogs);
	const grossProfit = r6(revenue - cogs);
	const expenses = r6(x.expenses.reduce((s, e) => s + finite(e), 0));
	const operatingProfit = r6(grossProfit - expenses);
	const interest = finite(x.interest);
	const netProfit = r6(operatingProfit - interest);
	const family = finite(x.family);
	return {
		revenue,
		cogs,
		grossProfit,
		grossMargin: revenue > 0 ? r6(grossProfit / revenue) : 0,
		expenses,
		operatingProfit,
		interest,
		netProfit,
		family,
		surplus: r6(netProfit - family),
	};
}

/** Net assets: Σ assets − Σ liabilities. */
export function netAssets(assets: readonly number[], liabilities: readonly number[]): number {
	const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + finite(v), 0);
	return r6(sum(assets) - sum(liabilities));
}

/** Accumulation check: visible wealth built since opening, per year. */
export function accumulationPerYear(visibleWealth: readonly number[], startCapital: number, years: number): number {
	const total = visibleWealth.reduce((s, v) => s + finite(v), 0) - finite(startCapital);
	return years > 0 ? r6(total / years) : 0;
}

/** Inputs of the lesson's stock-up need (step 4). */
export interface StockUpInput {
	peakMonthlyRevenue: number;
	grossMargin: number;
	/** Days of stock at the normal turnover. */
	turnoverDays: number;
	currentStock: number;
	/** Extra trade credit given to customers in the peak season. */
	receivablesIncrease?: number;
}

/** The peak-season funding gap. */
export interface StockUpNeed {
	peakMonthlyCogs: number;
	peakStock: number;
	stockGap: number;
	/** Stock gap + receivables increase (not rounded; may be ≤ 0). */
	total: number;
}

/** Peak-season funding gap: peak cost of sales × turnover days ÷ 30 − stock now + receivables increase. */
export function stockUpNeed(x: StockUpInput): StockUpNeed {
	const peakMonthlyCogs = r6(finite(x.peakMonthlyRevenue) * (1 - finite(x.grossMargin)));
	const peakStock = r6((peakMonthlyCogs * finite(x.turnoverDays)) / 30);
	const stockGap = r6(peakStock - finite(x.currentStock));
	return { peakMonthlyCogs, peakStock, stockGap, total: r6(stockGap + finite(x.receivablesIncrease ?? 0)) };
}

/** Round up to a multiple of `step` (the lesson rounds a 19.05 万元 gap up to 20). */
export function ceilTo(x: number, step: number): number {
	return step > 0 ? r6(Math.ceil(r6(finite(x) / step)) * step) : finite(x);
}

/** Months of sales the stock would last: stock ÷ monthly cost of sales. */
export function stockCoverMonths(stock: number, monthlyCogs: number): number {
	return monthlyCogs > 0 ? r6(finite(stock) / monthlyCogs) : 0;
}

/** Interest of an interest-only loan over `months`. */
export function interestCost(principal: number, annualRate: number, months: number): number {
	return r6((finite(principal) * finite(annualRate) * finite(months)) / 12);
}

/** Monthly payment of an equal-instalment (等额本息) loan. */
export function instalment(principal: number, annualRate: number, months: number): number {
	const n = Math.max(1, Math.round(finite(months)));
	const i = finite(annualRate) / 12;
	const p = finite(principal);
	return r6(i > 0 ? (p * i) / (1 - (1 + i) ** -n) : p / n);
}

/** Principal an equal-instalment loan can have for a given monthly payment. */
export function principalForInstalment(payment: number, annualRate: number, months: number): number {
	const n = Math.max(1, Math.round(finite(months)));
	const i = finite(annualRate) / 12;
	const a = finite(payment);
	return r6(i > 0 ? (a * (1 - (1 + i) ** -n)) / i : a * n);
}

/** Monthly debt service of a new loan: interest only (bullet) or the equal instalment. */
export function monthlyDebtService(principal: number, annualRate: number, months: number, method: IpcRepayment): number {
	return method === 'equal-installment' ? instalment(principal, annualRate, months) : interestCost(principal, annualRate, 1);
}

// ---------------------------------------------------------------------------------------------
// Cases

/** Trades the generator draws from. */
export const IPC_TRADES = ['breakfast-shop', 'building-materials', 'grocery', 'auto-repair', 'fruit-shop'] as const;
export type IpcTrade = (typeof IPC_TRADES)[number];

/** What the loan is for: peak-season stock, or a piece of equipment. */
export const IPC_PURPOSES = ['stock-up', 'equipment'] as const;
export type IpcPurpose = (typeof IPC_PURPOSES)[number];

/** Repayment of the new loan (codes of loan-terms.ts). */
export type IpcRepayment = Extract<RepaymentMethod, 'interest-monthly-bullet' | 'equal-installment'>;

type Range = readonly [number, number];

/** Teaching assumption: a trade's typical monthly figures. */
interface TradeProfile {
	/** Monthly revenue, 元. */
	revenueYuan: Range;
	grossMargin: Range;
	/** Weekend daily takings ÷ weekday daily takings. */
	weekendFactor: Range;
	cashShare: Range;
	/** Days of stock at cost. */
	stockDays: Range;
	purpose: IpcPurpose;
	/** Stock-up: peak month revenue ÷ normal month revenue. */
	peakFactor?: Range;
	/** Equipment: price of the equipment, 元. */
	quoteYuan?: Range;
}

/** Teaching assumptions for each trade (illustrative, not survey data). */
export const TRADE_PROFILES: Readonly<Record<IpcTrade, TradeProfile>> = {
	'breakfast-shop': { revenueYuan: [50_000, 90_000], grossMargin: [0.55, 0.62], weekendFactor: [1.2, 1.4], cashShare: [0.15, 0.3], stockDays: [4, 8], purpose: 'equipment', quoteYuan: [60_000, 120_000] },
	'building-materials': { revenueYuan: [150_000, 350_000], grossMargin: [0.22, 0.28], weekendFactor: [1.3, 1.6], cashShare: [0.05, 0.15], stockDays: [60, 80], purpose: 'stock-up', peakFactor: [1.6, 2] },
	grocery: { revenueYuan: [80_000, 160_000], grossMargin: [0.2, 0.25], weekendFactor: [1.1, 1.3], cashShare: [0.1, 0.25], stockDays: [25, 40], purpose: 'stock-up', peakFactor: [1.5, 1.9] },
	'auto-repair': { revenueYuan: [80_000, 180_000], grossMargin: [0.42, 0.5], weekendFactor: [1.1, 1.3], cashShare: [0.05, 0.15], stockDays: [30, 50], purpose: 'equipment', quoteYuan: [100_000, 200_000] },
	'fruit-shop': { revenueYuan: [60_000, 120_000], grossMargin: [0.22, 0.3], weekendFactor: [1.2, 1.4], cashShare: [0.1, 0.25], stockDays: [3, 6], purpose: 'equipment', quoteYuan: [50_000, 100_000] },
};

/** Teaching assumption: new debt service may take at most half the rebuilt monthly surplus. */
export const REPAYMENT_SHARE_OF_SURPLUS = 0.5;
/** Term of a stock-up loan (interest monthly, principal at maturity from the stock run-down), months. */
export const STOCK_UP_TERM_MONTHS = 12;
/** Term of an equipment loan (equal instalments), months. */
export const EQUIPMENT_TERM_MONTHS = 24;
const LOAN_RATES = [0.045, 0.05, 0.055] as const;

/** Days of the week a visit can fall on. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const WEEKEND_DAYS = ['sat', 'sun'] as const;
export type VisitDay = (typeof WEEKDAYS)[number] | (typeof WEEKEND_DAYS)[number];

/** Every clue a case can show, in display order. */
export const CLUE_IDS = [
	'visit-1',
	'visit-2',
	'visit-3',
	'weekdays-open',
	'weekend-days-open',
	'inflows',
	'cash-share',
	'invoice-1',
	'invoice-2',
	'invoice-3',
	'stock-start',
	'stock-now',
	'gross-margin',
	'rent',
	'wages',
	'utilities',
	'other-costs',
	'loan-interest',
	'family-spending',
	'savings-12m',
	'claimed-revenue',
	'peak-factor',
	'equipment-quote',
] as const;
export type ClueId = (typeof CLUE_IDS)[number];

/** Units of clue values (i18n `ipcUnit.<unit>`). */
export type ClueUnit = 'yuan-per-day' | 'days-per-month' | 'yuan-per-month' | 'yuan' | 'share' | 'times';

/** Groups clues are shown in (i18n `sim.ipc-crosscheck.group.<group>`). */
export const CLUE_GROUPS = ['takings', 'flows', 'purchases', 'costs', 'household', 'claims'] as const;
export type ClueGroup = (typeof CLUE_GROUPS)[number];

/** One observed fact: a number with its unit. */
export interface Clue {
	id: ClueId;
	value: number;
	unit: ClueUnit;
	group: ClueGroup;
	/** Visits only: the day of the week. */
	day?: VisitDay;
}

/** What a learner can flag as not reconciling: a clue, or nothing. */
export type FlagCode = ClueId | 'none';

/** The kinds of planted inconsistency. */
export type PlantKind = 'claimed' | 'inflows' | 'invoice' | 'none';

/** The hidden truth of a case (scoring only). */
export interface IpcTruth {
	revenueYuan: number;
	grossMargin: number;
	cogsYuan: number;
	expensesYuan: number;
	interestYuan: number;
	familyYuan: number;
	surplusYuan: number;
}

/** A generated case: what the learner sees plus the hidden truth. */
export interface IpcCase {
	seed: string;
	trade: IpcTrade;
	yearsInBusiness: number;
	purpose: IpcPurpose;
	requestedWan: number;
	loanRate: number;
	termMonths: number;
	repayment: IpcRepayment;
	clues: Clue[];
	/** The clue that does not reconcile, or 'none'. */
	planted: FlagCode;
	truth: IpcTruth;
}

const round = (x: number, step: number): number => Math.round(x / step) * step;
const between = (rng: Rng, [a, b]: Range): number => rng.float(a, b);

/** Generate a case; the same seed gives the same case everywhere. */
export function generateIpcCase(seed: string): IpcCase {
	const rng = createRng(`ipc-crosscheck/${seed}`);
	const trade = rng.pick(IPC_TRADES);
	const p = TRADE_PROFILES[trade];
	const plant = rng.weighted<PlantKind>(['claimed', 'inflows', 'invoice', 'none'], [0.3, 0.3, 0.25, 0.15]);

	// Hidden truth: revenue, margin and the cost structure (shares of gross profit, so the
	// business always makes a profit and leaves a surplus).
	const revenueYuan = round(between(rng, p.revenueYuan), 100);
	const grossMargin = r6(round(between(rng, p.grossMargin), 0.001));
	const cogsYuan = Math.round(revenueYuan * (1 - grossMargin));
	const gp = revenueYuan - cogsYuan;
	const rent = round(gp * rng.float(0.12, 0.2), 100);
	const wages = round(gp * rng.float(0.12, 0.28), 100);
	const utilities = round(gp * rng.float(0.02, 0.05), 100);
	const other = round(gp * rng.float(0.03, 0.06), 100);
	const interestYuan = rng.bool(0.5) ? round(gp * rng.float(0.01, 0.03), 100) : 0;
	const expensesYuan = rent + wages + utilities + other;
	const net = gp - expensesYuan - interestYuan;
	const familyYuan = round(net * rng.float(0.35, 0.6), 100);
	const surplusYuan = net - familyYuan;

	const clues: Clue[] = [];
	const add = (id: ClueId, value: number, unit: ClueUnit, group: ClueGroup, day?: VisitDay) => clues.push(day ? { id, value, unit, group, day } : { id, value, unit, group });

	// Route 1: takings seen on 2–3 visits (at least one weekday and one weekend day).
	const weekdaysOpen = 22 - rng.int(0, 2);
	const weekendOpen = 8;
	const k = between(rng, p.weekendFactor);
	const weekday = revenueYuan / (weekdaysOpen + k * weekendOpen);
	const visitKinds: ('weekday' | 'weekend')[] = rng.pick([
		['weekday', 'weekend'],
		['weekday', 'weekday', 'weekend'],
		['weekday', 'weekend', 'weekend'],
	]);
	const days = { weekday: rng.shuffle(WEEKDAYS), weekend: rng.shuffle(WEEKEND_DAYS) };
	const visits = visitKinds.map((kind, i) => ({ kind, day: days[kind][i % days[kind].length] as VisitDay }));
	visits.forEach((v, i) => {
		const base = v.kind === 'weekday' ? weekday : weekday * k;
		add(`visit-${i + 1}` as ClueId, round(base * rng.float(0.97, 1.03), 10), 'yuan-per-day', 'takings', v.day);
	});
	add('weekdays-open', weekdaysOpen, 'days-per-month', 'takings');
	add('weekend-days-open', weekendOpen, 'days-per-month', 'takings');

	// Route 2: inflows to the collection accounts and the cash share counted on the visits.
	const cashShare = r6(round(between(rng, p.cashShare), 0.01));
	let inflows = round(revenueYuan * (1 - cashShare) * rng.float(0.97, 1.03), 100);
	if (plant === 'inflows') inflows += round(revenueYuan * rng.float(0.25, 0.4), 100); // relatives' transfers left in
	add('inflows', inflows, 'yuan-per-month', 'flows');
	add('cash-share', cashShare, 'share', 'flows');

	// Route 3: three months of purchases and two stock counts (purchases = cost of sales + stock build-up).
	const avgStock = (cogsYuan * between(rng, p.stockDays)) / 30;
	const stockStart = round(avgStock * rng.float(0.95, 1.0), 100);
	const stockNow = round(stockStart * rng.float(0.98, 1.08), 100);
	const build = (stockNow - stockStart) / 3; // the stock build-up spread over the three months
	const months = [rng.float(0.94, 1.06), rng.float(0.94, 1.06)].map((f) => round(cogsYuan * f + build, 100));
	const third = 3 * cogsYuan + (stockNow - stockStart) - (months[0] as number) - (months[1] as number);
	const invoices = [...months, round(third, 100)];
	let planted: FlagCode = 'none';
	if (plant === 'invoice') {
		const m = rng.int(0, 2);
		invoices[m] = round((invoices[m] as number) * rng.float(1.8, 2.2), 100); // goods for another shop billed here
		planted = `invoice-${m + 1}` as ClueId;
	}
	invoices.forEach((v, i) => add(`invoice-${i + 1}` as ClueId, v, 'yuan', 'purchases'));
	add('stock-start', stockStart, 'yuan', 'purchases');
	add('stock-now', stockNow, 'yuan', 'purchases');
	const spotMargin = r6(round(grossMargin + rng.float(-0.008, 0.008), 0.001));
	add('gross-margin', spotMargin, 'share', 'purchases');

	// Costs, household, claims.
	add('rent', rent, 'yuan-per-month', 'costs');
	add('wages', wages, 'yuan-per-month', 'costs');
	add('utilities', utilities, 'yuan-per-month', 'costs');
	add('other-costs', other, 'yuan-per-month', 'costs');
	add('loan-interest', interestYuan, 'yuan-per-month', 'costs');
	add('family-spending', familyYuan, 'yuan-per-month', 'household');
	add('savings-12m', round(surplusYuan * 12 * rng.float(0.75, 0.95), 1000), 'yuan', 'household');
	const claimFactor = plant === 'claimed' ? rng.float(1.35, 1.7) : rng.float(0.97, 1.04);
	add('claimed-revenue', round(revenueYuan * claimFactor, 1000), 'yuan-per-month', 'claims');
	if (plant === 'claimed') planted = 'claimed-revenue';
	if (plant === 'inflows') planted = 'inflows';

	// The request.
	const loanRate = rng.pick(LOAN_RATES);
	let requestedWan: number;
	if (p.purpose === 'stock-up') {
		const peak = r6(round(between(rng, p.peakFactor as Range), 0.1));
		add('peak-factor', peak, 'times', 'claims');
		const gapWan = ((peak - 1) * avgStock) / 10_000;
		requestedWan = Math.max(5, ceilTo(gapWan * rng.float(1.6, 2.5), 5));
	} else {
		const quote = round(between(rng, p.quoteYuan as Range), 1000);
		add('equipment-quote', quote, 'yuan', 'claims');
		requestedWan = Math.ceil(quote / 10_000);
	}

	return {
		seed,
		trade,
		yearsInBusiness: rng.int(3, 12),
		purpose: p.purpose,
		requestedWan,
		loanRate,
		termMonths: p.purpose === 'stock-up' ? STOCK_UP_TERM_MONTHS : EQUIPMENT_TERM_MONTHS,
		repayment: p.purpose === 'stock-up' ? 'interest-monthly-bullet' : 'equal-installment',
		clues,
		planted,
		truth: { revenueYuan, grossMargin, cogsYuan, expensesYuan, interestYuan, familyYuan, surplusYuan },
	};
}

/** The value of a clue (0 when the case has no such clue). */
export function clueValue(c: IpcCase, id: ClueId): number {
	return c.clues.find((x) => x.id === id)?.value ?? 0;
}

/** The kind of a flag code. */
export function plantKind(flag: FlagCode): PlantKind {
	if (flag === 'claimed-revenue') return 'claimed';
	if (flag === 'inflows') return 'inflows';
	if (flag.startsWith('invoice-')) return 'invoice';
	return 'none';
}

// ---------------------------------------------------------------------------------------------
// The expected work

/** The three routes (i18n `ipcRoute.<route>`). */
export const ROUTES = ['takings', 'inflows', 'purchases'] as const;
export type Route = (typeof ROUTES)[number];

const WAN = 10_000; // 元 per 万元
const toWan = (yuan: number) => r6(yuan / WAN);

/** What a careful officer gets from the clues. */
export interface IpcSolution {
	/** Each route's monthly revenue, 元. */
	routes: Record<Route, number>;
	/** Inputs of each route, for explanations. */
	weekdayAverageYuan: number;
	weekendAverageYuan: number;
	purchasesYuan: number;
	stockChangeYuan: number;
	cogsFromPurchasesYuan: number;
	spread: number;
	agreed: boolean;
	/** Reconciled monthly revenue, 元. */
	revenueYuan: number;
	/** Monthly P&L rebuilt from the reconciled revenue and the spot-checked margin, 元. */
	pnl: Pnl;
	loan: LoanSolution;
}

/** The largest loan the rebuilt business supports, and why. */
export interface LoanSolution {
	purpose: IpcPurpose;
	/** Monthly surplus, 元, and the share of it new debt service may take. */
	surplusYuan: number;
	serviceCapYuan: number;
	/** What the purpose needs, 万元 (stock-up: peak gap rounded up; equipment: the quote). */
	needWan: number;
	/** What the surplus can service, 万元. */
	capacityWan: number;
	requestedWan: number;
	/** min(need, capacity, request), 万元 (never below 0). */
	maxWan: number;
	binding: 'need' | 'capacity' | 'request';
	/** Stock-up detail (0 for equipment). */
	turnoverDays: number;
	peakStockYuan: number;
	stockNowYuan: number;
	peakFactor: number;
}

const avg = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Work a case the way the lesson does. */
export function solveIpcCase(c: IpcCase): IpcSolution {
	const v = (id: ClueId) => clueValue(c, id);
	const visits = c.clues.filter((x) => x.id.startsWith('visit-'));
	const isWeekend = (d: VisitDay | undefined) => d === 'sat' || d === 'sun';
	const weekdayAverageYuan = r2(avg(visits.filter((x) => !isWeekend(x.day)).map((x) => x.value)));
	const weekendAverageYuan = r2(avg(visits.filter((x) => isWeekend(x.day)).map((x) => x.value)));
	const takings = takingsRevenue([
		{ daily: weekdayAverageYuan, days: v('weekdays-open') },
		{ daily: weekendAverageYuan, days: v('weekend-days-open') },
	]);
	const inflows = grossUpForCash(v('inflows'), v('cash-share'));
	const purchasesYuan = v('invoice-1') + v('invoice-2') + v('invoice-3');
	const stockChangeYuan = v('stock-now') - v('stock-start');
	const cogsFromPurchasesYuan = r2(cogsFromPurchases(purchasesYuan, v('stock-start'), v('stock-now')) / 3);
	const purchases = revenueFromCogs(cogsFromPurchasesYuan, v('gross-margin'));
	const routes = { takings: r2(takings), inflows: r2(inflows), purchases: r2(purchases) };
	const rec = reconcile(Object.values(routes));
	const revenueYuan = r2(rec.value);
	const g = v('gross-margin');
	const pnl = reconstructPnl({
		revenue: revenueYuan,
		cogs: r2(revenueYuan * (1 - g)),
		expenses: [v('rent'), v('wages'), v('utilities'), v('other-costs')],
		interest: v('loan-interest'),
		family: v('family-spending'),
	});
	return {
		routes,
		weekdayAverageYuan,
		weekendAverageYuan,
		purchasesYuan,
		stockChangeYuan,
		cogsFromPurchasesYuan,
		spread: rec.spread,
		agreed: rec.agreed,
		revenueYuan,
		pnl,
		loan: solveLoan(c, pnl),
	};
}

function solveLoan(c: IpcCase, pnl: Pnl): LoanSolution {
	const v = (id: ClueId) => clueValue(c, id);
	const surplusYuan = pnl.surplus;
	const serviceCapYuan = r2(Math.max(0, surplusYuan) * REPAYMENT_SHARE_OF_SURPLUS);
	let needWan: number;
	let capacityWan: number;
	let turnoverDays = 0;
	let peakStockYuan = 0;
	const stockNowYuan = v('stock-now');
	const peakFactor = v('peak-factor');
	if (c.purpose === 'stock-up') {
		const turnover = inventoryTurnover(pnl.cogs, v('stock-start'), stockNowYuan, 30);
		turnoverDays = r2(turnover.days);
		const need = stockUpNeed({ peakMonthlyRevenue: pnl.revenue * peakFactor, grossMargin: v('gross-margin'), turnoverDays: turnover.days, currentStock: stockNowYuan });
		peakStockYuan = r2(need.peakStock);
		needWan = Math.max(0, ceilTo(toWan(need.total), 1));
		// Interest only: the monthly interest must fit in the service cap.
		capacityWan = c.loanRate > 0 ? r2(toWan((serviceCapYuan * 12) / c.loanRate)) : Number.POSITIVE_INFINITY;
	} else {
		needWan = toWan(v('equipment-quote'));
		capacityWan = r2(toWan(principalForInstalment(serviceCapYuan, c.loanRate, c.termMonths)));
	}
	const maxWan = r2(Math.max(0, Math.min(needWan, capacityWan, c.requestedWan)));
	const binding = maxWan === r2(needWan) ? 'need' : maxWan === capacityWan ? 'capacity' : 'request';
	return { purpose: c.purpose, surplusYuan, serviceCapYuan, needWan, capacityWan, requestedWan: c.requestedWan, maxWan, binding, turnoverDays, peakStockYuan, stockNowYuan, peakFactor };
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** A learner's worksheet: three routes, the final estimate and the loan in 万元, and the flag. */
export interface IpcAnswers {
	takingsWan?: number | null;
	inflowsWan?: number | null;
	purchasesWan?: number | null;
	estimateWan?: number | null;
	flag?: FlagCode | null;
	loanWan?: number | null;
}

/** Points of each dimension. */
export interface IpcWeights {
	/** Per route worked out right. */
	route: number;
	/** Final estimate within 5% of the truth (less for wider bands). */
	estimate: number;
	inconsistency: number;
	loan: number;
}

export const DEFAULT_IPC_WEIGHTS: IpcWeights = { route: 1, estimate: 3, inconsistency: 2, loan: 2 };

/** Dimension ids (i18n `dimension.<id>`). */
export const IPC_DIMENSIONS = { routes: 'ipc-triangulation', estimate: 'ipc-estimate', inconsistency: 'ipc-inconsistency', loan: 'ipc-loan' } as const;

/** A route answer counts when within this share of the figure the clues give. */
export const ROUTE_TOLERANCE = 0.03;
/** Estimate bands (error vs the truth) and the share of the estimate points each earns. */
export const ESTIMATE_BANDS: readonly { within: number; share: number; code: string; severity: Severity }[] = [
	{ within: 0.05, share: 1, code: 'close', severity: 'good' },
	{ within: 0.1, share: 2 / 3, code: 'fair', severity: 'minor' },
	{ within: 0.2, share: 1 / 3, code: 'off', severity: 'major' },
	{ within: Number.POSITIVE_INFINITY, share: 0, code: 'far', severity: 'critical' },
];
/** A loan may exceed the supported maximum by this much (rounding): the larger of 5% and 0.5 万元. */
export const LOAN_TOLERANCE = { share: 0.05, wan: 0.5 } as const;
/** Below this share of the supported maximum the amount is needlessly small (half points). */
export const LOAN_TOO_LOW_SHARE = 0.5;

function weightOr(x: unknown, fallback: number): number {
	return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Score a worksheet against the case. */
export function scoreIpc(c: IpcCase, answers: IpcAnswers, weights: Partial<IpcWeights> = DEFAULT_IPC_WEIGHTS): Feedback {
	const w: IpcWeights = {
		route: weightOr(weights?.route, DEFAULT_IPC_WEIGHTS.route),
		estimate: weightOr(weights?.estimate, DEFAULT_IPC_WEIGHTS.estimate),
		inconsistency: weightOr(weights?.inconsistency, DEFAULT_IPC_WEIGHTS.inconsistency),
		loan: weightOr(weights?.loan, DEFAULT_IPC_WEIGHTS.loan),
	};
	const a = answers ?? {};
	const s = solveIpcCase(c);
	const v = (id: ClueId) => clueValue(c, id);
	const findings: Finding[] = [];
	const topic = 'soft-information' as const;

	// 1. The three routes.
	let routeScore = 0;
	const routeData: Record<Route, Record<string, number>> = {
		takings: { weekdayAvgYuan: Math.round(s.weekdayAverageYuan), weekdays: v('weekdays-open'), weekendAvgYuan: Math.round(s.weekendAverageYuan), weekendDays: v('weekend-days-open') },
		inflows: { inflowsYuan: v('inflows'), cashShare: v('cash-share') },
		purchases: { purchasesYuan: s.purchasesYuan, stockChangeYuan: s.stockChangeYuan, monthlyCogsYuan: Math.round(s.cogsFromPurchasesYuan), grossMargin: v('gross-margin') },
	};
	const given: Record<Route, unknown> = { takings: a.takingsWan, inflows: a.inflowsWan, purchases: a.purchasesWan };
	for (const route of ROUTES) {
		const expectedWan = toWan(s.routes[route]);
		const data = { ...routeData[route], expectedWan };
		const x = given[route];
		let code: string;
		let severity: Severity;
		if (!isNum(x)) {
			code = 'missing';
			severity = 'major';
		} else if (Math.abs(x - expectedWan) <= expectedWan * ROUTE_TOLERANCE) {
			code = 'right';
			severity = 'good';
			routeScore += w.route;
		} else {
			code = 'wrong';
			severity = 'major';
		}
		findings.push({ code: `ipc.${route}-${code}`, severity, dimension: IPC_DIMENSIONS.routes, topic, subject: route, data: isNum(x) ? { ...data, answerWan: x } : data });
	}
	const spreadData = { takingsWan: toWan(s.routes.takings), inflowsWan: toWan(s.routes.inflows), purchasesWan: toWan(s.routes.purchases), spread: r3(s.spread), reconciledWan: toWan(s.revenueYuan) };
	findings.push({ code: s.agreed ? 'ipc.routes-agree' : 'ipc.routes-disagree', severity: 'info', dimension: IPC_DIMENSIONS.routes, topic, data: spreadData });

	// 2. The final estimate against the truth.
	let estimateScore = 0;
	const truthWan = toWan(c.truth.revenueYuan);
	const claimedWan = toWan(v('claimed-revenue'));
	const est = a.estimateWan;
	if (!isNum(est)) {
		findings.push({ code: 'ipc.estimate-missing', severity: 'major', dimension: IPC_DIMENSIONS.estimate, topic, data: { truthWan, reconciledWan: spreadData.reconciledWan } });
	} else {
		const error = truthWan > 0 ? r6(Math.abs(est - truthWan) / truthWan) : 1;
		const band = ESTIMATE_BANDS.find((b) => error <= b.within) as (typeof ESTIMATE_BANDS)[number];
		estimateScore = w.estimate * band.share;
		findings.push({
			code: `ipc.estimate-${band.code}`,
			severity: band.severity,
			dimension: IPC_DIMENSIONS.estimate,
			topic,
			data: { answerWan: est, truthWan, error: r3(error), reconciledWan: spreadData.reconciledWan, claimedWan },
		});
		// Say where a far-off estimate came from: the owner's claim, or the route that does not reconcile.
		const near = (x: number) => x > 0 && Math.abs(est - x) <= x * ROUTE_TOLERANCE;
		if (band.share < 1 && c.planted === 'claimed-revenue' && near(claimedWan)) {
			findings.push({ code: 'ipc.estimate-took-claim', severity: 'info', dimension: IPC_DIMENSIONS.estimate, topic, data: { answerWan: est, claimedWan, truthWan } });
		} else if (band.share < 1 && !s.agreed) {
			const outlier = ROUTES.reduce((m, r) => (s.routes[r] > s.routes[m] ? r : m), ROUTES[0]);
			if (near(toWan(s.routes[outlier]))) {
				findings.push({ code: 'ipc.estimate-took-outlier', severity: 'info', dimension: IPC_DIMENSIONS.estimate, topic, data: { answerWan: est, ipcRoute: outlier, routeWan: toWan(s.routes[outlier]), truthWan } });
			}
		}
	}

	// 3. The planted inconsistency.
	const kind = plantKind(c.planted);
	const flag = typeof a.flag === 'string' && ((CLUE_IDS as readonly string[]).includes(a.flag) || a.flag === 'none') ? a.flag : null;
	const plantData = plantEvidence(c, s);
	let flagScore = 0;
	if (flag === null) {
		findings.push({ code: `ipc.flag-missing-${kind}`, severity: 'major', dimension: IPC_DIMENSIONS.inconsistency, topic, data: { ...plantData, ipcClue: c.planted } });
	} else if (flag === c.planted) {
		flagScore = w.inconsistency;
		findings.push({ code: `ipc.flag-right-${kind}`, severity: 'good', dimension: IPC_DIMENSIONS.inconsistency, topic, data: { ...plantData, ipcClue: c.planted, ipcFlag: flag } });
	} else {
		findings.push({ code: `ipc.flag-wrong-${kind}`, severity: 'major', dimension: IPC_DIMENSIONS.inconsistency, topic, data: { ...plantData, ipcClue: c.planted, ipcFlag: flag } });
	}

	// 4. The loan amount against what the rebuilt business supports.
	const L = s.loan;
	const loanData = {
		reason: `ipc-${L.purpose}`,
		ipcPurpose: L.purpose,
		ipcBinding: L.binding,
		maxWan: L.maxWan,
		needWan: L.needWan,
		capacityWan: L.capacityWan,
		requestedWan: L.requestedWan,
		surplusYuan: Math.round(L.surplusYuan),
		serviceCapYuan: Math.round(L.serviceCapYuan),
		rate: c.loanRate,
		termMonths: c.termMonths,
		turnoverDays: Math.round(L.turnoverDays),
		peakFactor: L.peakFactor,
		peakStockWan: toWan(L.peakStockYuan),
		stockNowWan: toWan(L.stockNowYuan),
	};
	let loanScore = 0;
	const amount = a.loanWan;
	const topicLoan = 'repayment-capacity' as const;
	if (!isNum(amount) || amount < 0) {
		findings.push({ code: 'ipc.loan-missing', severity: 'major', dimension: IPC_DIMENSIONS.loan, topic: topicLoan, data: loanData });
	} else {
		const serviceYuan = Math.round(monthlyDebtService(amount * WAN, c.loanRate, c.termMonths, c.repayment));
		const data = { ...loanData, answerWan: amount, serviceYuan };
		const ceiling = L.maxWan + Math.max(LOAN_TOLERANCE.wan, L.maxWan * LOAN_TOLERANCE.share);
		if (amount > ceiling) {
			findings.push({ code: `ipc.loan-over-${L.binding}`, severity: amount > L.maxWan * 1.5 ? 'critical' : 'major', dimension: IPC_DIMENSIONS.loan, topic: topicLoan, data });
		} else if (amount < L.maxWan * LOAN_TOO_LOW_SHARE) {
			loanScore = w.loan / 2;
			findings.push({ code: 'ipc.loan-too-low', severity: 'minor', dimension: IPC_DIMENSIONS.loan, topic: topicLoan, data });
		} else {
			loanScore = w.loan;
			findings.push({ code: `ipc.loan-right-${L.purpose}`, severity: 'good', dimension: IPC_DIMENSIONS.loan, topic: topicLoan, data });
		}
	}

	return makeFeedback(
		'ipc-crosscheck',
		[
			{ id: IPC_DIMENSIONS.routes, score: routeScore, max: w.route * ROUTES.length },
			{ id: IPC_DIMENSIONS.estimate, score: estimateScore, max: w.estimate },
			{ id: IPC_DIMENSIONS.inconsistency, score: flagScore, max: w.inconsistency },
			{ id: IPC_DIMENSIONS.loan, score: loanScore, max: w.loan },
		],
		findings,
	);
}

/** The numbers that show the planted inconsistency (or that everything reconciles). */
export function plantEvidence(c: IpcCase, s: IpcSolution = solveIpcCase(c)): Record<string, number> {
	const v = (id: ClueId) => clueValue(c, id);
	const kind = plantKind(c.planted);
	const reconciledWan = toWan(s.revenueYuan);
	if (kind === 'claimed') {
		const claimed = v('claimed-revenue');
		// Surplus the claim implies with the same margin and costs, against the savings actually built.
		const implied = reconstructPnl({ revenue: claimed, cogs: claimed * (1 - v('gross-margin')), expenses: [v('rent'), v('wages'), v('utilities'), v('other-costs')], interest: v('loan-interest'), family: v('family-spending') });
		return {
			claimedWan: toWan(claimed),
			reconciledWan,
			excess: reconciledWan > 0 ? r3(toWan(claimed) / reconciledWan - 1) : 0,
			impliedSavingsWan: toWan(implied.surplus * 12),
			savingsWan: toWan(v('savings-12m')),
		};
	}
	if (kind === 'inflows') {
		return { routeWan: toWan(s.routes.inflows), takingsWan: toWan(s.routes.takings), purchasesWan: toWan(s.routes.purchases), inflowsYuan: v('inflows'), cashShare: v('cash-share'), reconciledWan };
	}
	if (kind === 'invoice') {
		const month = Number(c.planted.slice('invoice-'.length));
		const others = [1, 2, 3].filter((m) => m !== month).map((m) => v(`invoice-${m}` as ClueId));
		return {
			month,
			invoiceYuan: v(c.planted as ClueId),
			othersAvgYuan: Math.round(avg(others)),
			stockChangeYuan: s.stockChangeYuan,
			routeWan: toWan(s.routes.purchases),
			takingsWan: toWan(s.routes.takings),
			inflowsWan: toWan(s.routes.inflows),
			reconciledWan,
		};
	}
	return { spread: r3(s.spread), reconciledWan, claimedWan: toWan(v('claimed-revenue')) };
}
