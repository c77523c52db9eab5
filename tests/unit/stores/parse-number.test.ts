import { describe, expect, test } from 'vitest';
import { parseNumber } from '../../../src/stores/parse-number';
import * as costToServe from '../../../src/stores/cost-to-serve';

describe('parseNumber (shared by the cost-to-serve and IPC stores)', () => {
	test('reads typed numbers and refuses anything else', () => {
		expect(parseNumber(' 1,500 ')).toBe(1500);
		expect(parseNumber('1，5')).toBe(15);
		expect(parseNumber('4.5%')).toBe(4.5);
		expect(parseNumber('4.5％')).toBe(4.5);
		expect(parseNumber('.5')).toBe(0.5);
		expect(parseNumber('-2e1')).toBe(-20);
		expect(parseNumber('')).toBeNaN();
		expect(parseNumber('3万')).toBeNaN();
		expect(parseNumber(undefined as unknown as string)).toBeNaN();
	});
	test('the cost-to-serve store re-exports the same function', () => {
		expect(costToServe.parseNumber).toBe(parseNumber);
	});
});
