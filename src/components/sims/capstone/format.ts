/** Number formatting shared by the capstone views (money in 万元, ratios as fractions in). */
import type { Finding } from '../../../domain/scoring/feedback';
import type { T, Vars } from '../../../i18n/format';
import { findingVars } from '../finding-vars';

/** 万元 with at most one decimal. */
export const wan = (x: number): string => String(Math.round(x * 10) / 10);

/** A fraction as a percentage with `digits` decimals, e.g. 0.0525 → "5.25%". */
export const pct = (x: number, digits = 2): string => `${Math.round(x * 100 * 10 ** digits) / 10 ** digits}%`;

/** A fraction as a percentage number with two decimals (charts). */
export const pctNumber = (x: number): number => Math.round(x * 10000) / 100;

/** Message variables of a capstone finding: the shared ones plus the ineligibility reason. */
export function capstoneVars(f: Finding, t: T): Vars {
	const vars = findingVars(f, t);
	const reason = f.data['reason'];
	if (typeof reason === 'string') vars['reasonName'] = t(`sim.capstone.ineligible.${reason}`);
	return vars;
}
