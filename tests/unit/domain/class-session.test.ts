import { describe, expect, test } from 'vitest';
import {
	CLASS_SEED_PATTERN,
	checkSeed,
	checkSessionDate,
	checkSessionName,
	classSeed,
	isRealDate,
	makeSessionCode,
	parseSessionCode,
	resultsPageLink,
	sessionLink,
} from '../../../src/domain/class-session';
import { SEED_PATTERN, isValidSeed } from '../../../src/stores/sim-params';

describe('session code', () => {
	test('name rules: required, at most 24 characters, letters/digits/_/- not at the ends', () => {
		expect(checkSessionName('杭州分行A班')).toBeNull();
		expect(checkSessionName('x')).toBeNull();
		expect(checkSessionName('hz-branch_2')).toBeNull();
		expect(checkSessionName('   ')).toBe('name-required');
		expect(checkSessionName('班'.repeat(25))).toBe('name-too-long');
		expect(checkSessionName('班'.repeat(24))).toBeNull();
		expect(checkSessionName('-a')).toBe('name-chars');
		expect(checkSessionName('a-')).toBe('name-chars');
		expect(checkSessionName('a b')).toBe('name-chars');
		expect(checkSessionName('<script>')).toBe('name-chars');
	});

	test('dates must exist on the calendar', () => {
		expect(checkSessionDate('2026-05-12')).toBeNull();
		expect(checkSessionDate('')).toBe('date-required');
		expect(checkSessionDate('12/05/2026')).toBe('date-invalid');
		expect(checkSessionDate('2026-02-29')).toBe('date-invalid');
		expect(checkSessionDate('2028-02-29')).toBeNull();
		expect(checkSessionDate('2026-13-01')).toBe('date-invalid');
		expect(isRealDate(2000, 2, 29)).toBe(true);
		expect(isRealDate(2100, 2, 29)).toBe(false);
		expect(isRealDate(1999, 1, 1)).toBe(false);
		expect(isRealDate(2026, 4, 31)).toBe(false);
		expect(isRealDate(2026, 0, 1)).toBe(false);
		expect(isRealDate(2026, 1, 0)).toBe(false);
	});

	test('makes and parses codes', () => {
		expect(makeSessionCode(' A班 ', '2026-05-12')).toEqual({ ok: true, code: 'A班-2026-05-12' });
		expect(makeSessionCode('', 'x')).toEqual({ ok: false, errors: { name: 'name-required', date: 'date-invalid' } });
		expect(makeSessionCode('ok', '')).toEqual({ ok: false, errors: { date: 'date-required' } });
		expect(makeSessionCode('a b', '2026-05-12')).toEqual({ ok: false, errors: { name: 'name-chars' } });
		expect(parseSessionCode('hz-branch-2026-05-12')).toEqual({ name: 'hz-branch', date: '2026-05-12', code: 'hz-branch-2026-05-12' });
		expect(parseSessionCode('hz-2026-02-30')).toBeNull();
		expect(parseSessionCode('-2026-05-12')).toBeNull();
		expect(parseSessionCode('nodate')).toBeNull();
	});

	test('seed rule is the simulations’ rule', () => {
		expect(CLASS_SEED_PATTERN.source).toBe(SEED_PATTERN.source);
		for (const s of ['abc', '客群A', 'x'.repeat(40), 'x'.repeat(41), 'a b', '', 'a&b']) expect(checkSeed(s) === null).toBe(isValidSeed(s.trim()) || false);
		expect(checkSeed('')).toBe('seed-required');
		expect(checkSeed('a b')).toBe('seed-invalid');
	});

	test('links: lesson path, seed and session in the query, anchor encoded', () => {
		const link = sessionLink('http://h:1/', { id: 'segmentation', path: '/lessons/m4/04-segmentation/', anchor: '动手练：客群细分模拟' }, 'abc', 'A班-2026-05-12');
		const u = new URL(link);
		expect(u.pathname).toBe('/lessons/m4/04-segmentation/');
		expect(u.searchParams.get('seed')).toBe('abc');
		expect(u.searchParams.get('session')).toBe('A班-2026-05-12');
		expect(decodeURIComponent(u.hash.slice(1))).toBe('动手练：客群细分模拟');
		expect(/^[\x21-\x7e]+$/.test(link)).toBe(true);
		expect(sessionLink('http://h:1', { id: 'x', path: '/a/', anchor: '' }, 's', 'c-2026-01-01')).toBe('http://h:1/a/?seed=s&session=c-2026-01-01');
		expect(resultsPageLink('http://h/', '/en/class/', 'c-2026-01-01')).toBe('http://h/en/class/?session=c-2026-01-01');
	});

	test('class seeds are six readable letters', () => {
		expect(classSeed(() => 0)).toBe('aaaaaa');
		expect(classSeed(() => 0.9999999)).toBe('zzzzzz');
		expect(classSeed(() => 1)).toBe('zzzzzz');
	});
});
