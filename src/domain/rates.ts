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
 * these; a bank replaces them with its own figures. The operating cost per channel is not a separate
 * assumption: it is derived from lesson m2/01's staff hours per channel × 200 元 an hour (defined here
 * so that cost-to-serve.ts, which models that lesson, and every pricing/portfolio model share one
 * source of truth).
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

/** Stages of a loan that take staff time (lesson m2/01「单笔贷款成本怎么算」). */
export const STAGES = ['marketing', 'investigation', 'post-loan'] as const;
export type Stage = (typeof STAGES)[number];

/** Staff hours per loan by stage (post-loan: per year of the loan). */
export type StageHours = Record<Stage, number>;

/** Teaching assumption (m2/01): a loan officer's all-in cost a year, 元 (salary, benefits, office, car, systems). */
export const ANNUAL_STAFF_COST_YUAN = 300_000;
/** Teaching assumption (m2/01): effective working hours a year, hours. */
export const EFFECTIVE_HOURS_PER_YEAR = 1_500;
/** Teaching assumption (m2/01): staff cost per hour, 元 (300,000 ÷ 1,500 = 200). */
export const HOURLY_COST_YUAN = ANNUAL_STAFF_COST_YUAN / EFFECTIVE_HOURS_PER_YEAR;

/**
 * Teaching assumption (m2/01): hours per loan by channel and stage. Branch visit = the lesson's 30 万元
 * loan (8 + 10 + 6 = 24 h); batch / scenario 2 + 5 + 3 = 10 h and online 1 + 3 + 2 = 6 h match the
 * lesson's "standardised" (10 h) and "data-driven" (6 h) process rows (the stage split is this
 * simulation's assumption). Marketing and investigation hours are spent once per loan, post-loan
 * hours every year.
 */
export const CHANNEL_HOURS: Readonly<Record<Channel, Readonly<StageHours>>> = {
	'branch-visit': { marketing: 8, investigation: 10, 'post-loan': 6 },
	'batch-scenario': { marketing: 2, investigation: 5, 'post-loan': 3 },
	'online-data': { marketing: 1, investigation: 3, 'post-loan': 2 },
};

/** Total staff hours of a one-year loan in a channel (marketing + investigation + one year of post-loan). */
export function channelHours(channel: Channel): number {
	const h = CHANNEL_HOURS[channel];
	return h.marketing + h.investigation + h['post-loan'];
}

/**
 * Operating cost of one loan for one year, 万元 (marketing, on-site investigation, approval, post-loan
 * checks) — DERIVED from the lesson m2/01 model, never set by hand: the channel's hours of a one-year
 * loan × HOURLY_COST_YUAN ÷ 10,000. Branch visit 24 h × 200 元 = 4,800 元 = 0.48 万元; batch /
 * scenario 10 h = 2,000 元 = 0.2 万元; online data-driven 6 h = 1,200 元 = 0.12 万元. The cost is
 * per loan, whatever its amount (the lesson's「运营成本基本按户发生、与金额无关」).
 */
export const OPERATING_COST_WAN: Readonly<Record<Channel, number>> = Object.fromEntries(
	CHANNELS.map((c) => [c, Math.round(((channelHours(c) * HOURLY_COST_YUAN) / 10_000) * 1e8) / 1e8]),
) as Record<Channel, number>;

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
