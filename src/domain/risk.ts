/**
 * Expected loss, one-year RAROC and risk-based pricing of a single loan (facts §11).
 *
 *   EL     = PD × LGD × EAD
 *   RAROC  = (interest − funding cost − operating cost − EL) ÷ economic capital
 *   economic capital = amount × capital ratio (8% × risk weight, see rates.ts)
 *
 * Units: money in 万元; rates, PD, LGD and capital ratios as fractions per year. Everything is for
 * ONE year of a loan whose balance stays at `amountWan` (EAD = amount).
 *
 * Invalid input never throws and never yields NaN: non-finite numbers count as 0, PD and LGD are
 * clamped to [0, 1], amounts and costs to [0, MAX_WAN], rates and ratios to [0, MAX_RATE]. When economic capital is 0 (no amount or
 * no capital ratio) RAROC is reported as 0 and `valid` is false, so callers can say why.
 */
import { clamp, finiteOr } from './numbers';
import { FUNDING_RATE, HURDLE_RAROC, LPR_1Y, MAX_SPREAD_BP, OPERATING_COST_WAN, bpToRate } from './rates';

export { clamp, finiteOr };

/** Round to 6 decimals so printed money and ratios are stable (1e-6 万元 = 0.01 元). */
export function round6(x: number): number {
	return Math.abs(x) < 1e12 ? Math.round(x * 1e6) / 1e6 : x;
}

/** Largest amount or cost the models accept, 万元 (10^13 元, beyond any bank's book). */
export const MAX_WAN = 1e9;
/** Largest rate or ratio the models accept (1000% a year). */
export const MAX_RATE = 10;

const wan = (x: unknown): number => clamp(x, 0, MAX_WAN);
const ratio = (x: unknown): number => clamp(x, 0, MAX_RATE);

/** Inputs of the expected loss. */
export interface ElInput {
	/** Annual probability of default, fraction. */
	pd: number;
	/** Loss given default, fraction. */
	lgd: number;
	/** Exposure at default, 万元. */
	eadWan: number;
}

/** Expected loss EL = PD × LGD × EAD, 万元 (facts §11). */
export function expectedLossWan({ pd, lgd, eadWan }: ElInput): number {
	return round6(clamp(pd, 0, 1) * clamp(lgd, 0, 1) * wan(eadWan));
}

/** Inputs of a one-year RAROC. */
export interface RarocInput {
	amountWan: number;
	annualRate: number;
	pd: number;
	lgd: number;
	fundingRate: number;
	/** Operating cost of the loan for the year, 万元. */
	operatingCostWan: number;
	/** Economic capital per 万元 lent, fraction (e.g. 0.08 or 8% × 75% = 0.06). */
	capitalRatio: number;
}

/** The parts of a one-year RAROC, 万元 except `raroc` (fraction). */
export interface RarocResult {
	interestWan: number;
	fundingCostWan: number;
	operatingCostWan: number;
	expectedLossWan: number;
	economicCapitalWan: number;
	/** Net risk-adjusted income of the year, 万元. */
	netWan: number;
	raroc: number;
	/** False when economic capital is 0, in which case `raroc` is 0. */
	valid: boolean;
}

/** One-year RAROC of a loan: (interest − funding − operating − EL) ÷ (amount × capital ratio). */
export function loanRaroc(input: RarocInput): RarocResult {
	const amount = wan(input.amountWan);
	const interestWan = round6(amount * ratio(input.annualRate));
	const fundingCostWan = round6(amount * ratio(input.fundingRate));
	const operatingCostWan = round6(wan(input.operatingCostWan));
	const el = expectedLossWan({ pd: input.pd, lgd: input.lgd, eadWan: amount });
	const economicCapitalWan = round6(amount * ratio(input.capitalRatio));
	const netWan = round6(interestWan - fundingCostWan - operatingCostWan - el);
	const valid = economicCapitalWan > 0;
	return {
		interestWan,
		fundingCostWan,
		operatingCostWan,
		expectedLossWan: el,
		economicCapitalWan,
		netWan,
		raroc: valid ? round6(netWan / economicCapitalWan) : 0,
		valid,
	};
}

/** Options of a risk-based price; omitted ones take the defaults of rates.ts. */
export interface PricingOptions {
	/** Loan amount, 万元; spreads the operating cost. Default 100. */
	amountWan?: number;
	fundingRate?: number;
	/** Operating cost per loan per year, 万元. Default OPERATING_COST_WAN['branch-visit'] (0.48: 24 h × 200 元). */
	operatingCostWan?: number;
	/** Economic capital per 万元 lent. Default 0.06. */
	capitalRatio?: number;
	/** Return on economic capital the price should earn. Default HURDLE_RAROC. */
	targetRaroc?: number;
	/** Base rate the spreads refer to. Default LPR_1Y. */
	lpr?: number;
	/** The product's maximum spread over the LPR, bp; the ceiling is the lower of this and MAX_SPREAD_BP. */
	maxSpreadBp?: number;
	/** The product's minimum spread over the LPR, bp (may be negative); raises the floor. */
	minSpreadBp?: number;
}

/** A risk-based price and the bounds it was clamped to, all annual rates as fractions. */
export interface RiskBasedPrice {
	/** Suggested rate: the target rate clamped to [floor, ceiling]. */
	rate: number;
	/** Funding + operating cost per 万元: below this the loan loses money before any default. */
	floorRate: number;
	/** Funding + operating cost + EL per 万元: the rate at which RAROC = 0. */
	breakEvenRate: number;
	/** Break-even + target RAROC × capital ratio: the rate that earns the target return. */
	targetRate: number;
	/** min(LPR + MAX_SPREAD_BP, LPR + product max spread). */
	ceilingRate: number;
	/** True when the target rate exceeds the ceiling: the risk cannot be priced and should be declined or mitigated. */
	unpriceable: boolean;
}

/**
 * Risk-based rate for a loan with the given PD and LGD:
 * target = funding + op cost ÷ amount + PD × LGD + target RAROC × capital ratio, clamped to
 * [max(floor, LPR + product min spread), ceiling].
 */
export function riskBasedRate(
	pd: number,
	lgd: number,
	options: PricingOptions = {},
): RiskBasedPrice {
	const amount = clamp(finiteOr(options.amountWan, 100), 1e-6, MAX_WAN);
	const funding = ratio(finiteOr(options.fundingRate, FUNDING_RATE));
	const opCost = wan(finiteOr(options.operatingCostWan, OPERATING_COST_WAN['branch-visit']));
	const capitalRatio = ratio(finiteOr(options.capitalRatio, 0.06));
	const target = ratio(finiteOr(options.targetRaroc, HURDLE_RAROC));
	const lpr = ratio(finiteOr(options.lpr, LPR_1Y));
	const spreadCap = Math.min(MAX_SPREAD_BP, finiteOr(options.maxSpreadBp, MAX_SPREAD_BP));
	const ceilingRate = round6(lpr + bpToRate(spreadCap));
	const floorRate = round6(funding + opCost / amount);
	const breakEvenRate = round6(floorRate + clamp(pd, 0, 1) * clamp(lgd, 0, 1));
	const targetRate = round6(breakEvenRate + target * capitalRatio);
	const productFloor =
		options.minSpreadBp === undefined
			? 0
			: round6(lpr + bpToRate(finiteOr(options.minSpreadBp, 0)));
	const lower = Math.max(floorRate, productFloor);
	const rate = round6(Math.min(ceilingRate, Math.max(lower, targetRate)));
	return {
		rate,
		floorRate,
		breakEvenRate,
		targetRate,
		ceilingRate,
		unpriceable: targetRate > ceilingRate,
	};
}
