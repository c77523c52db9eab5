/**
 * Turn a finding's data into message variables. Numbers pass through (rounded), with a `<key>Pct`
 * twin for fractions ("8.5%", percent sign included); code values get a `<key>Name` twin translated
 * from the first i18n namespace that knows them (e.g. `industry: 'wholesale'` → `industryName: '批发业'`);
 * a size indicator also gets its unit (`unitName`: 人 / 万元).
 */
import type { Finding } from '../../domain/scoring/feedback';
import type { T, Vars } from '../../i18n/format';

const NAMESPACES = ['segment', 'riskTier', 'industry', 'legalForm', 'track', 'product', 'repayment', 'guarantee', 'purpose', 'statements', 'collateral', 'creditHistory', 'channel', 'rule', 'indicator', 'sizeClass', 'borrower', 'binding', 'needsTrait', 'kashItem'];

const round = (x: number) => Math.round(x * 100) / 100;

/** Variables for `t('finding.<code>', vars)`. */
export function findingVars(finding: Finding, t: T): Vars {
	const vars: Vars = {};
	for (const [k, v] of Object.entries(finding.data)) {
		if (typeof v === 'number') {
			if (k.endsWith('Pct')) {
				// Already a percentage number from the domain (e.g. valuePct: 8.5).
				vars[k] = `${round(v)}%`;
				continue;
			}
			vars[k] = round(v);
			if (!(`${k}Pct` in finding.data)) vars[`${k}Pct`] = `${round(v * 100)}%`;
		} else if (typeof v === 'string') {
			vars[k] = v;
			if (k === 'indicator') vars['unitName'] = t(`unit.${v}`);
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
