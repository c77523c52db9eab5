import { describe, expect, test } from 'vitest';
import { balanceBorrowersConfig, compareConfig, incomeRarocConfig, nplConfig } from '../../../src/components/charts/configs/capstone';
import { capstoneVars, pct, pctNumber, wan } from '../../../src/components/sims/capstone/format';
import { makeT } from '../../../src/i18n/format';

const labels = ['年初', '第1季度', '第2季度'];

describe('capstone chart configs', () => {
	test('draw balance bars under a borrowers line on its own axis', () => {
		const c = balanceBorrowersConfig(labels, [100, 120, 90], [10, 12, 9], { balance: 'b', borrowers: 'n', wan: '万元', people: '户' });
		const [bars, line] = c.data.datasets;
		expect(bars).toMatchObject({ type: 'bar', data: [100, 120, 90], yAxisID: 'y' });
		expect(line).toMatchObject({ type: 'line', data: [10, 12, 9], yAxisID: 'y1' });
		expect((line as { order: number }).order).toBeLessThan((bars as { order: number }).order);
	});

	test('draw the NPL ratio against a flat limit with room above both', () => {
		const c = nplConfig(labels, [0, 2, 9], 4.5, { npl: 'n', limit: 'l', pct: '%' });
		expect(c.data.datasets[1]?.data).toEqual([4.5, 4.5, 4.5]);
		expect(c.options?.scales?.['y']).toMatchObject({ min: 0, suggestedMax: 10.8 });
		expect(nplConfig(labels, [0, 0, 0], 0, { npl: 'n', limit: 'l', pct: '%' }).options?.scales?.['y']).toMatchObject({ suggestedMax: 1 });
	});

	test('draw income bars with a RAROC line that skips quarters without new loans', () => {
		const c = incomeRarocConfig(labels, [0, 10, 12], [0, 3, 4], [null, 12.5, null], { interest: 'i', net: 'n', raroc: 'r', wan: '万元', pct: '%' });
		expect(c.data.datasets.map((d) => d.type)).toEqual(['bar', 'bar', 'line']);
		expect(c.data.datasets[2]).toMatchObject({ data: [null, 12.5, null], spanGaps: true, yAxisID: 'y1' });
	});

	test('compare the two books quarter by quarter', () => {
		const c = compareConfig(labels, [1, 2, 3], [4, 5, 6], { mine: 'm', expert: 'e', wan: '万元' });
		expect(c.data.datasets.map((d) => d.label)).toEqual(['m', 'e']);
	});
});

describe('capstone number formats', () => {
	test('round money and percentages for display', () => {
		expect(wan(1234.567)).toBe('1234.6');
		expect(pct(0.05256)).toBe('5.26%');
		expect(pct(0.1, 0)).toBe('10%');
		expect(pctNumber(0.04499)).toBe(4.5);
	});

	test('explain an ineligibility reason by name', () => {
		const t = makeT({ 'sim.capstone.ineligible.segment': '客群不在产品准入范围内' });
		const v = capstoneVars({ code: 'capstone.ineligible-product', severity: 'major', dimension: 'd', topic: 'product-fit', data: { productId: 'x', reason: 'segment' } }, t);
		expect(v['reasonName']).toBe('客群不在产品准入范围内');
		expect(capstoneVars({ code: 'c', severity: 'good', dimension: 'd', topic: 'raroc', data: { count: 2 } }, t)['reasonName']).toBeUndefined();
	});
});
