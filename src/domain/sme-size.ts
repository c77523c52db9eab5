/**
 * Enterprise size classes under the MIIT 2011 SME size standard (《中小企业划型标准规定》,
 * 工信部联企业〔2011〕300号), all 16 industry rows as given in facts.md §1.2.
 *
 * Units: employees (从业人员 X) in people; revenue (营业收入 Y) and total assets (资产总额 Z) in
 * 万元. "X以下" is strictly less than (<); "X及以上" is greater than or equal (≥) (facts §1.1).
 *
 * Rule, applied in this order:
 *   1. not SME (large)  ⇔ no condition of the SME upper bound holds (the upper bound is an "or");
 *   2. medium           ⇔ every medium lower bound is met (an "and");
 *   3. small            ⇔ every small lower bound is met (an "and");
 *   4. micro            ⇔ otherwise, i.e. any indicator below its small lower bound (an "or").
 * A firm that fails medium falls to small; one that fails small is micro. In every row the micro
 * condition is exactly "not small", so step 4 needs no separate table.
 * NaN inputs count as 0 so junk never yields "large".
 */
import type { Industry, SizeClass } from './client';

/** The indicators the standard uses. */
export type SizeIndicator = 'employees' | 'revenue' | 'assets';

/** One threshold: `indicator` compared with `threshold` (people or 万元). */
export interface SizeBound {
	indicator: SizeIndicator;
	threshold: number;
}

/** One industry row of the standard. */
export interface SizeRow {
	/** SME (中小微) if ANY of these holds: value < threshold. */
	smeBelow: readonly SizeBound[];
	/** Medium if ALL of these hold: value ≥ threshold. */
	medium: readonly SizeBound[];
	/** Small if ALL of these hold: value ≥ threshold; micro if ANY value < threshold. */
	small: readonly SizeBound[];
}

const X = (threshold: number): SizeBound => ({ indicator: 'employees', threshold });
const Y = (threshold: number): SizeBound => ({ indicator: 'revenue', threshold });
const Z = (threshold: number): SizeBound => ({ indicator: 'assets', threshold });

/** The 16 rows of 工信部联企业〔2011〕300号 (facts.md §1.2); people and 万元. */
export const SIZE_TABLE: Readonly<Record<Industry, SizeRow>> = {
	agriculture: { smeBelow: [Y(20000)], medium: [Y(500)], small: [Y(50)] },
	industry: { smeBelow: [X(1000), Y(40000)], medium: [X(300), Y(2000)], small: [X(20), Y(300)] },
	construction: { smeBelow: [Y(80000), Z(80000)], medium: [Y(6000), Z(5000)], small: [Y(300), Z(300)] },
	wholesale: { smeBelow: [X(200), Y(40000)], medium: [X(20), Y(5000)], small: [X(5), Y(1000)] },
	retail: { smeBelow: [X(300), Y(20000)], medium: [X(50), Y(500)], small: [X(10), Y(100)] },
	transport: { smeBelow: [X(1000), Y(30000)], medium: [X(300), Y(3000)], small: [X(20), Y(200)] },
	warehousing: { smeBelow: [X(200), Y(30000)], medium: [X(100), Y(1000)], small: [X(20), Y(100)] },
	postal: { smeBelow: [X(1000), Y(30000)], medium: [X(300), Y(2000)], small: [X(20), Y(100)] },
	accommodation: { smeBelow: [X(300), Y(10000)], medium: [X(100), Y(2000)], small: [X(10), Y(100)] },
	catering: { smeBelow: [X(300), Y(10000)], medium: [X(100), Y(2000)], small: [X(10), Y(100)] },
	'information-transmission': {
		smeBelow: [X(2000), Y(100000)],
		medium: [X(100), Y(1000)],
		small: [X(10), Y(100)],
	},
	'software-it': { smeBelow: [X(300), Y(10000)], medium: [X(100), Y(1000)], small: [X(10), Y(50)] },
	// The asset upper bound (10000) is above the medium asset floor (5000): the official text says so.
	'real-estate-development': {
		smeBelow: [Y(200000), Z(10000)],
		medium: [Y(1000), Z(5000)],
		small: [Y(100), Z(2000)],
	},
	'property-management': { smeBelow: [X(1000), Y(5000)], medium: [X(300), Y(1000)], small: [X(100), Y(500)] },
	'leasing-business-services': {
		smeBelow: [X(300), Z(120000)],
		medium: [X(100), Z(8000)],
		small: [X(10), Z(100)],
	},
	other: { smeBelow: [X(300)], medium: [X(100)], small: [X(10)] },
};

/** The figures the standard looks at. */
export interface SizeInput {
	industry: Industry;
	/** 从业人员, people. */
	employees: number;
	/** 营业收入, 万元. */
	revenueWan: number;
	/** 资产总额, 万元. */
	assetsWan: number;
}

/** Codes of the reasons behind a size class. */
export type SizeReasonCode =
	| 'size.above-sme-bound'
	| 'size.medium'
	| 'size.below-medium'
	| 'size.small'
	| 'size.micro';

/** One reason: `value` of `indicator` compared with `threshold` in `industry`'s row. */
export interface SizeReason {
	code: SizeReasonCode;
	industry: Industry;
	indicator: SizeIndicator;
	value: number;
	threshold: number;
}

/** A size class with the comparisons that decided it. */
export interface SizeExplanation {
	sizeClass: SizeClass;
	reasons: SizeReason[];
}

/** The input's value of one indicator; NaN counts as 0. */
export function indicatorValue(input: SizeInput, indicator: SizeIndicator): number {
	const v = indicator === 'employees' ? input.employees : indicator === 'revenue' ? input.revenueWan : input.assetsWan;
	return Number.isNaN(v) ? 0 : v;
}

const meets = (input: SizeInput, b: SizeBound): boolean => indicatorValue(input, b.indicator) >= b.threshold;

/** Whether every bound of `bounds` is met (value ≥ threshold). */
function meetsAll(input: SizeInput, bounds: readonly SizeBound[]): boolean {
	for (let i = 0; i < bounds.length; i++) if (!meets(input, bounds[i] as SizeBound)) return false;
	return true;
}

/**
 * Classify an enterprise as large, medium, small or micro by the MIIT 2011 standard. `row` is the
 * input's row of SIZE_TABLE, for a caller that has it already (a lookup by industry per call adds
 * up over 10,000 clients).
 */
export function classifyEnterpriseSize(input: SizeInput, row: SizeRow = SIZE_TABLE[input.industry]): SizeClass {
	if (meetsAll(input, row.smeBelow)) return 'large';
	if (meetsAll(input, row.medium)) return 'medium';
	if (meetsAll(input, row.small)) return 'small';
	return 'micro';
}

/**
 * Append one reason per bound of `bounds` to `out`: all of them, or (with `onlyUnmet`) those
 * whose threshold the input does not reach; `out` never grows beyond `limit`.
 */
function pushReasons(
	out: SizeReason[],
	code: SizeReasonCode,
	input: SizeInput,
	bounds: readonly SizeBound[],
	onlyUnmet: boolean,
	limit: number,
): void {
	for (let i = 0; i < bounds.length && out.length < limit; i++) {
		const b = bounds[i] as SizeBound;
		const value = indicatorValue(input, b.indicator);
		if (onlyUnmet && value >= b.threshold) continue;
		out.push({ code, industry: input.industry, indicator: b.indicator, value, threshold: b.threshold });
	}
}

/**
 * Classify and list the threshold comparisons that decided the class (codes and numbers only),
 * at most `maxReasons` of them (the first ones: scoring shows only the deciding comparison).
 */
export function explainEnterpriseSize(input: SizeInput, maxReasons = Infinity): SizeExplanation {
	const limit = maxReasons >= 1 ? maxReasons : 1;
	const row = SIZE_TABLE[input.industry];
	const sizeClass = classifyEnterpriseSize(input);
	const reasons: SizeReason[] = [];
	if (sizeClass === 'large') pushReasons(reasons, 'size.above-sme-bound', input, row.smeBelow, false, limit);
	else if (sizeClass === 'medium') pushReasons(reasons, 'size.medium', input, row.medium, false, limit);
	else if (sizeClass === 'small') {
		pushReasons(reasons, 'size.below-medium', input, row.medium, true, limit);
		pushReasons(reasons, 'size.small', input, row.small, false, limit);
	} else pushReasons(reasons, 'size.micro', input, row.small, true, limit);
	return { sizeClass, reasons };
}

/** Code of the deciding (first) reason of each size class (see decidingSizeBound). */
export const DECIDING_SIZE_CODE: Readonly<Record<SizeClass, SizeReasonCode>> = {
	large: 'size.above-sme-bound',
	medium: 'size.medium',
	small: 'size.below-medium',
	micro: 'size.micro',
};

/**
 * The bound of explainEnterpriseSize(input, 1).reasons[0] for the input's class, straight from
 * SIZE_TABLE (nothing is built; tests check both agree): the first upper-bound condition of a large
 * firm, the first medium floor of a medium one, the first missed medium floor of a small one, the
 * first missed small floor of a micro one. With DECIDING_SIZE_CODE and indicatorValue it gives the
 * reason scoring shows, for 10,000 clients at a time. `row` as for classifyEnterpriseSize.
 */
export function decidingSizeBound(
	input: SizeInput,
	sizeClass: SizeClass,
	row: SizeRow = SIZE_TABLE[input.industry],
): SizeBound {
	const bounds = sizeClass === 'large' ? row.smeBelow : sizeClass === 'micro' ? row.small : row.medium;
	let b = bounds[0] as SizeBound;
	// A small or micro firm misses at least one floor of the list: name the first one it misses.
	if (sizeClass === 'small' || sizeClass === 'micro') {
		for (let i = 0; i < bounds.length - 1 && meets(input, b); i++) b = bounds[i + 1] as SizeBound;
	}
	return b;
}
