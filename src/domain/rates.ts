/**
 * Rates, costs and risk parameters the pricing, profitability and portfolio models use.
 *
 * Units: rates, spreads-as-fractions, LGDs and capital ratios are fractions of the loan amount per
 * year (0.03 = 3%); spreads named `...Bp` are basis points (100 bp = 1 percentage point); money is
 * in 万元 (10,000 CNY) per loan per year.
 *
 * Sources (see /work/shared/domain/facts.md): the LPR values are verified ([V], facts §10.3,
 * published 2025-05-20); the 75% risk weight for qualifying small/micro retail exposures and the
 * 85% weight for SMEs are product knowledge ([M], facts §11). Everything else here — funding rate,
 * operating cost per channel, LGD by guarantee type, the hurdle RAROC, the rate ceiling — is an
 * ILLUSTRATIVE TEACHING DEFAULT chosen to give sensible numbers in exercises. No regulation sets
 * these; a bank replaces them with its own figures.
 */
import type { GuaranteeMethod } from './loan-terms';

/** 1-year Loan Prime Rate, published 2025-05-20 (facts §10.3, [V]). */
export const LPR_1Y = 0.03;
/** 5-year-and-above Loan Prime Rate, published 2025-05-20 (facts §10.3, [V]). */
export const LPR_5Y = 0.035;
/** Publication date of the LPR values above (ISO date). */
export const LPR_DATE = '2025-05-20';

/** Illustrative internal funding (FTP) rate of a loan, fraction per year — an assumption, not a market figure. */
export const FUNDING_RATE = 0.02;

/** Ways a loan is originated and serviced; each has its own cost to serve. */
export const CHANNELS = ['branch-visit', 'batch-scenario', 'online-data'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Illustrative operating cost of one loan for one year, 万元 (marketing, on-site investigation,
 * approval, post-loan checks). Assumptions for exercises: a branch loan officer visiting the firm
 * (≈8,000 元), a batch / scenario programme such as a market or supply chain (≈3,000 元), and an
 * online data-driven loan (≈500 元).
 */
export const OPERATING_COST_WAN: Readonly<Record<Channel, number>> = {
	'branch-visit': 0.8,
	'batch-scenario': 0.3,
	'online-data': 0.05,
};

/**
 * Illustrative loss given default by guarantee type, fraction of the exposure. Government-backed
 * guarantees leave the bank roughly 20–50% of the risk (facts §10.1: the bank keeps ≥ 20%), hence
 * the low figure; these are teaching assumptions, not regulatory LGDs.
 */
export const LGD_BY_GUARANTEE: Readonly<Record<GuaranteeMethod, number>> = {
	credit: 0.6,
	'personal-guarantee': 0.5,
	'company-guarantee': 0.45,
	'government-guarantee': 0.25,
	pledge: 0.35,
	mortgage: 0.25,
};

/** Minimum total capital ratio used for economic capital, fraction (8%; illustrative simplification). */
export const CAPITAL_ADEQUACY = 0.08;
/** Risk weight of qualifying small/micro retail exposures (facts §11, [M]). */
export const RISK_WEIGHT_SMALL_MICRO_RETAIL = 0.75;
/** Risk weight of SME corporate exposures, revenue ≤ 3亿元 (facts §11, [M]). */
export const RISK_WEIGHT_SME = 0.85;
/** Risk weight of general corporate exposures (facts §11, [M]). */
export const RISK_WEIGHT_CORPORATE = 1;
/** Economic capital per 万元 lent for a small/micro retail loan: 8% × 75% = 6% (illustrative). */
export const CAPITAL_RATIO = CAPITAL_ADEQUACY * RISK_WEIGHT_SMALL_MICRO_RETAIL;

/** Illustrative hurdle RAROC a loan must reach to be worth its capital, fraction per year. */
export const HURDLE_RAROC = 0.1;

/** Illustrative ceiling of any loan rate: at most LPR_1Y + 1000 bp (teaching default). */
export const MAX_SPREAD_BP = 1000;

/**
 * Reference rate for 普惠 pricing (稳价, facts §3.2): the 2023 weighted average rate of new 普惠小微
 * loans, PBoC basis, 4.46% (facts §10.3, [V]).
 */
export const INCLUSIVE_RATE_REFERENCE = 0.0446;
/** Teaching default: a 普惠 loan priced more than this above the reference deserves a second look, bp. */
export const INCLUSIVE_RATE_TOLERANCE_BP = 200;

/** Economic capital ratio for an exposure of the given size segment (8% × the [M] risk weight). */
export function capitalRatioFor(
	segment: 'small' | 'micro' | 'individual' | 'medium' | 'out-of-scope',
): number {
	if (segment === 'medium') return CAPITAL_ADEQUACY * RISK_WEIGHT_SME;
	if (segment === 'out-of-scope') return CAPITAL_ADEQUACY * RISK_WEIGHT_CORPORATE;
	return CAPITAL_RATIO;
}

/** Convert a spread in basis points to a fraction (150 → 0.015). */
export function bpToRate(bp: number): number {
	return bp / 10000;
}

/** Convert a rate difference to basis points, rounded to 0.1 bp (0.015 → 150). */
export function rateToBp(rate: number): number {
	return Math.round(rate * 100000) / 10;
}
