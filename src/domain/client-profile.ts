/**
 * The rule thresholds (RULES) and the figures of a client that the product-matching charts show and
 * the product rules (product-rules.ts) judge by: seasonality of monthly revenue and receivable
 * aging. Kept apart from product-rules.ts so a page can show a client's charts without the rules
 * that score a decision.
 *
 * Units: money in 万元; months of the year 1..12; margins and shares as fractions. Bad input (NaN,
 * missing fields) is read as 0; nothing here throws.
 *
 * Thresholds marked TEACHING DEFAULT in RULES below are not regulations: facts.md says DSCR
 * thresholds, collateral ratios and similar figures are bank conventions ([U]); they are chosen
 * to make exercises clear and are documented in src/domain/README.md.
 */
import type { Client } from './client';
import { finiteOr } from './numbers';

/** Rule thresholds. Regulatory ones cite facts.md; the rest are TEACHING DEFAULTS. */
export const RULES = {
	/** Amount may exceed the capital need by this share before it is flagged (teaching default). */
	amountTolerance: 0.1,
	/** Minimum debt-service coverage ratio; facts §11 marks DSCR thresholds [U] → teaching default. */
	minDscr: 1.2,
	/** Depreciation proxy: share of total assets added back to net profit (teaching default). */
	depreciationRate: 0.05,
	/** Interest rate assumed on existing bank debt for debt service (teaching default). */
	existingDebtRate: 0.045,
	/** Revenue peak ÷ trough at or above which a business is seasonal (teaching default). */
	seasonalPeakTroughRatio: 2,
	/** Coefficient of variation of monthly revenue at or above which a business is seasonal (teaching default). */
	seasonalCv: 0.3,
	/** A month below this share of mean revenue is a slack-season month (teaching default). */
	slackShareOfMean: 0.8,
	/** Gross margin below this is thin for trade (teaching default). */
	lowGrossMargin: 0.15,
	/** Cash cycle above this many days is long (teaching default). */
	longCycleDays: 90,
	/** Share of receivables 91+ days old that is a red flag (teaching default). */
	heavyAr91Share: 0.15,
	/**
	 * Over this share of receivables 91+ days old on a thin net margin (< lowNetMargin), the overdue
	 * receivables are eating the repayment source: the expert declines (teaching default).
	 */
	severeAr91Share: 0.3,
	/** Net margin below this leaves no room to carry bad receivables (the risk-tier rule's 2%). */
	lowNetMargin: 0.02,
	/** Receivables are clean when less than this share is over 60 days old (teaching default). */
	cleanArOver60Share: 0.1,
	/** Receivable days exceeding payable days by this much ties up capital (teaching default). */
	receivableGapDays: 30,
	/** Working-capital loan term: in principle ≤ 36 months (facts §2.3, 2024 办法). */
	wcTermNormMonths: 36,
	/** Working-capital loan term: at most 60 months (facts §2.3, 2024 办法). */
	wcTermMaxMonths: 60,
	/** A working-capital term longer than max(12, this × cash cycle) mismatches the cycle (teaching default). */
	wcTermCycles: 3,
	/** Usual working-capital term: one year covers several turnovers (facts §10.2, [M]). */
	wcBaseTermMonths: 12,
	/** Equipment / expansion / green loans shorter than this are 短贷长用 (teaching default). */
	investmentMinTermMonths: 24,
	/** Expert's term for equipment / expansion / green loans (teaching default). */
	investmentTermMonths: 36,
	/** A rate within this many bp of the risk-based rate earns full price points (teaching default). */
	priceToleranceBp: 50,
	/** Beyond the tolerance, price points fall to 0 over this many bp (teaching default). */
	priceScaleBp: 300,
	/** 普惠型 single-client credit cap, 万元 inclusive (facts §3.1). */
	inclusiveCreditCapWan: 1000,
	/** Government guarantees focus on single guarantees ≤ 1000万 (facts §10.1, 2025 办法). */
	govGuaranteeCapWan: 1000,
	/** Months of settlement history below which a thin-file client has no usable data (teaching default). */
	thinFileSettlementMonths: 6,
} as const;

/** Seasonality of a monthly revenue series. */
export interface Seasonality {
	/** Highest ÷ lowest month (capped at 99; 1 when flat or unknown). */
	peakTroughRatio: number;
	/** Coefficient of variation (population sd ÷ mean). */
	cv: number;
	seasonal: boolean;
	/** Longest run of consecutive slack months, wrapping Dec → Jan. */
	slackMonths: number;
	/** 1..12, 0 when unknown. */
	peakMonth: number;
	troughMonth: number;
}

/** Receivable aging shares. */
export interface AgingProfile {
	totalWan: number;
	share61to90: number;
	share91plus: number;
	/** Less than RULES.cleanArOver60Share over 60 days. */
	clean: boolean;
	/** At least RULES.heavyAr91Share over 90 days. */
	heavy91: boolean;
}

/** A finite number, else 0. */
const num = (x: unknown): number => finiteOr(x, 0);
const nonNeg = (x: unknown): number => Math.max(0, num(x));
const round2 = (x: number): number => Math.round(x * 100) / 100;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Seasonality index of 12 monthly revenues: peak/trough ratio, CV, slack-season length. */
export function seasonality(monthlyRevenueWan: readonly unknown[]): Seasonality {
	const xs = Array.isArray(monthlyRevenueWan) ? monthlyRevenueWan.map(nonNeg) : [];
	const mean = xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
	if (xs.length < 2 || mean <= 0) {
		return {
			peakTroughRatio: 1,
			cv: 0,
			seasonal: false,
			slackMonths: 0,
			peakMonth: 0,
			troughMonth: 0,
		};
	}
	const max = Math.max(...xs);
	const min = Math.min(...xs);
	const peakTroughRatio = round2(min > 0 ? Math.min(99, max / min) : 99);
	const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
	const cv = round3(sd / mean);
	const seasonal = peakTroughRatio >= RULES.seasonalPeakTroughRatio || cv >= RULES.seasonalCv;
	let slackMonths = 0;
	let run = 0;
	for (let i = 0; i < xs.length * 2; i++) {
		run = (xs[i % xs.length] as number) < RULES.slackShareOfMean * mean ? run + 1 : 0;
		slackMonths = Math.max(slackMonths, Math.min(run, xs.length));
	}
	return {
		peakTroughRatio,
		cv,
		seasonal,
		slackMonths,
		peakMonth: xs.indexOf(max) + 1,
		troughMonth: xs.indexOf(min) + 1,
	};
}

/** Receivable aging: shares in the 61–90 and 91+ buckets, clean / heavy flags. */
export function agingProfile(ar: Client['arAging'] | undefined): AgingProfile {
	const b = {
		d0to30: nonNeg(ar?.d0to30),
		d31to60: nonNeg(ar?.d31to60),
		d61to90: nonNeg(ar?.d61to90),
		d91plus: nonNeg(ar?.d91plus),
	};
	const totalWan = b.d0to30 + b.d31to60 + b.d61to90 + b.d91plus;
	const share61to90 = totalWan > 0 ? round3(b.d61to90 / totalWan) : 0;
	const share91plus = totalWan > 0 ? round3(b.d91plus / totalWan) : 0;
	return {
		totalWan: round2(totalWan),
		share61to90,
		share91plus,
		clean: share61to90 + share91plus < RULES.cleanArOver60Share,
		heavy91: share91plus >= RULES.heavyAr91Share,
	};
}
