import { describe, expect, test } from 'vitest';
import { findingVars } from '../../../src/components/sims/finding-vars';
import { makeT } from '../../../src/i18n/format';
import type { Finding } from '../../../src/domain/scoring/feedback';

const t = makeT({ 'industry.wholesale': '批发业', 'indicator.employees': '从业人员', 'unit.employees': '人', 'segment.micro': '微型企业' });
const finding = (data: Finding['data']): Finding => ({ code: 'x', severity: 'info', dimension: 'd', topic: 'size-standard', data });

describe('findingVars', () => {
	test('rounds numbers and adds a percent twin for fractions', () => {
		expect(findingVars(finding({ margin: 0.08512 }), t)).toMatchObject({ margin: 0.09, marginPct: '8.51%' });
	});
	test('keeps a percentage the domain already computed and adds the sign', () => {
		const v = findingVars(finding({ value: 0.085, valuePct: 8.5 }), t);
		expect(v['valuePct']).toBe('8.5%');
	});
	test('translates codes into names and adds the unit of a size indicator', () => {
		expect(findingVars(finding({ industry: 'wholesale', indicator: 'employees', expected: 'micro' }), t)).toMatchObject({
			industryName: '批发业',
			indicatorName: '从业人员',
			unitName: '人',
			expectedName: '微型企业',
		});
	});
	test('shows booleans as ticks and leaves unknown codes untranslated', () => {
		const v = findingVars(finding({ ok: true, bad: false, thing: 'zzz' }), t);
		expect(v).toMatchObject({ ok: '✓', bad: '✗', thing: 'zzz' });
		expect(v['thingName']).toBeUndefined();
	});
});
