/**
 * What the product-matching charts show of a client (lessons m5/04 and m5/05): monthly revenue
 * with its peak and slack months, receivable and payable aging, and margins against the loan rate.
 * Apart from product-matching.ts because only the charts use it, and they load when the learner
 * scrolls near them (src/components/sims/product-matching/LazyClientCharts.tsx).
 *
 * Units: money in 万元; margins, rates and shares as fractions; months of the year 1..12 (Jan = 1).
 * Missing or junk figures read as 0; nothing throws.
 *
 * Teaching defaults (not regulations): a month is a slack-season month below
 * RULES.slackShareOfMean (80%) of the mean month (client-profile.ts) and a peak month at or above
 * PEAK_SHARE_OF_MEAN (120%); the thin-margin line of the margin chart is RULES.lowGrossMargin.
 */
import type { AgingBuckets, Client } from './client';
import { RULES, agingProfile, seasonality, type AgingProfile, type Seasonality } from './client-profile';
import { finiteOr } from './numbers';

/** A month at or above this share of the mean month is a peak-season month (teaching default). */
export const PEAK_SHARE_OF_MEAN = 1.2;

/** The monthly revenue series with its peak and slack months. */
export interface RevenueProfile {
	/** Jan..Dec, 万元. */
	monthsWan: number[];
	totalWan: number;
	meanWan: number;
	/** Mean × RULES.slackShareOfMean: months below it are slack. */
	slackLineWan: number;
	/** Mean × PEAK_SHARE_OF_MEAN: months at or above it are peak. */
	peakLineWan: number;
	/** Months (1..12) below the slack line. */
	slackMonths: number[];
	/** Months (1..12) at or above the peak line. */
	peakMonths: number[];
	season: Seasonality;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const nonNeg = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0);

/** Revenue by month with the slack and peak months called out (12 zeros when the series is missing). */
export function revenueProfile(client: Pick<Client, 'monthlyRevenueWan'>): RevenueProfile {
	const raw = Array.isArray(client.monthlyRevenueWan) ? client.monthlyRevenueWan : [];
	const monthsWan = Array.from({ length: 12 }, (_, i) => nonNeg(raw[i]));
	const totalWan = round2(monthsWan.reduce((s, x) => s + x, 0));
	const mean = totalWan / 12;
	const slackLine = mean * RULES.slackShareOfMean;
	const peakLine = mean * PEAK_SHARE_OF_MEAN;
	const months = (pred: (x: number) => boolean) => monthsWan.flatMap((x, i) => (mean > 0 && pred(x) ? [i + 1] : []));
	return {
		monthsWan,
		totalWan,
		meanWan: round2(mean),
		slackLineWan: round2(slackLine),
		peakLineWan: round2(peakLine),
		slackMonths: months((x) => x < slackLine),
		peakMonths: months((x) => x >= peakLine),
		season: seasonality(monthsWan),
	};
}

/** Aging buckets in display order. */
export const AGING_BUCKETS = ['d0to30', 'd31to60', 'd61to90', 'd91plus'] as const satisfies readonly (keyof AgingBuckets)[];
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Receivable and payable aging side by side. */
export interface AgingView {
	rows: { bucket: AgingBucket; arWan: number; apWan: number }[];
	ar: AgingProfile;
	ap: AgingProfile;
}

/** The AR and AP aging buckets and their profiles (shares over 60 and over 90 days). */
export function agingView(client: Pick<Client, 'arAging' | 'apAging'>): AgingView {
	const ar = client.arAging as Partial<AgingBuckets> | undefined;
	const ap = client.apAging as Partial<AgingBuckets> | undefined;
	return {
		rows: AGING_BUCKETS.map((bucket) => ({ bucket, arWan: round2(nonNeg(ar?.[bucket])), apWan: round2(nonNeg(ap?.[bucket])) })),
		ar: agingProfile(client.arAging),
		ap: agingProfile(client.apAging),
	};
}

/** The client's margins next to a loan rate (different bases: margins on sales, the rate on the loan). */
export interface MarginView {
	grossMargin: number;
	netMargin: number;
	annualRate: number;
	/** Teaching line below which a trade gross margin is thin (RULES.lowGrossMargin). */
	thinMarginLine: number;
	/** Gross margin below the thin line. */
	thinGross: boolean;
	/** Net margin minus the rate, fraction (percentage points ÷ 100). */
	netMinusRate: number;
}

/** Gross and net margin against a loan's annual rate. */
export function marginView(client: Pick<Client, 'grossMargin' | 'netMargin'>, annualRate: number): MarginView {
	const grossMargin = finiteOr(client.grossMargin, 0);
	const netMargin = finiteOr(client.netMargin, 0);
	const rate = finiteOr(annualRate, 0);
	return {
		grossMargin,
		netMargin,
		annualRate: rate,
		thinMarginLine: RULES.lowGrossMargin,
		thinGross: grossMargin < RULES.lowGrossMargin,
		netMinusRate: Math.round((netMargin - rate) * 1e6) / 1e6,
	};
}
