/**
 * Turn a finding's data into message variables. Numbers pass through (rounded), with a `<key>Pct`
 * twin for fractions; code values get a `<key>Name` twin translated from the first i18n namespace
 * that knows them (e.g. `industry: 'wholesale'` → `industryName: '批发业'`).
 */
import type { Finding } from '../../domain/scoring/feedback';
import type { T, Vars } from '../../i18n/format';

const NAMESPACES = ['segment', 'riskTier', 'industry', 'legalForm', 'track', 'product', 'repayment', 'guarantee', 'purpose', 'statements', 'collateral', 'creditHistory', 'channel', 'rule', 'indicator', 'sizeClass'];

const round = (x: number) => Math.round(x * 100) / 100;

/** Variables for `t('finding.<code>', vars)`. */
export function findingVars(finding: Finding, t: T): Vars {
	const vars: Vars = {};
	for (const [k, v] of Object.entries(finding.data)) {
		if (typeof v === 'number') {
			vars[k] = round(v);
			vars[`${k}Pct`] = `${round(v * 100)}%`;
		} else if (typeof v === 'string') {
			vars[k] = v;
			for (const ns of [k, ...NAMESPACES]) {
				const key = `${ns}.${v}`;
				const name = t(key);
				if (name !== key) {
					vars[`${k}Name`] = name;
					break;
				}
			}
		} else vars[k] = v ? '✓' : '✗';
	}
	return vars;
}
