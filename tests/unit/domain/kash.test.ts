import { describe, expect, test } from 'vitest';
import {
	KASH_DIMENSIONS,
	KASH_ITEMS,
	PLAN_SIZE,
	assessKash,
	isRating,
	kashDimensions,
	kashPlan,
	kashTotal,
	parseKashRatings,
	unratedItems,
	weakestDimension,
	type KashRatings,
} from '../../../src/domain/kash';
import { KASH_ITEM_SECTIONS } from '../../../src/components/sims/kash/item-sections';

/** Every item rated `n`, with overrides. */
const all = (n: number, over: KashRatings = {}): KashRatings => ({ ...Object.fromEntries(KASH_ITEMS.map((i) => [i.id, n])), ...over });

describe('KASH items', () => {
	test('cover the lesson table: 6 knowledge, 6 attitude, 7 skills, 6 habits items with unique codes', () => {
		const count = (d: string) => KASH_ITEMS.filter((i) => i.dimension === d).length;
		expect(KASH_DIMENSIONS.map(count)).toEqual([6, 6, 7, 6]);
		expect(new Set(KASH_ITEMS.map((i) => i.id)).size).toBe(25);
	});
	test('every item has a lesson section to link to', () => {
		for (const i of KASH_ITEMS) expect(KASH_ITEM_SECTIONS[i.id], i.id).toMatchObject({ lesson: expect.any(String), heading: expect.any(String) });
	});
});

describe('isRating and parseKashRatings', () => {
	test('accept integers 1..5 only', () => {
		expect([1, 5].every(isRating)).toBe(true);
		expect([0, 6, 2.5, NaN, '3', null].some(isRating)).toBe(false);
	});
	test('keep known items with valid ratings and drop everything else', () => {
		expect(parseKashRatings({ 'k-systems': 3, 'a-mission': 9, bogus: 2, 'h-time': '4' })).toEqual({ 'k-systems': 3 });
		expect(parseKashRatings(null)).toEqual({});
		expect(parseKashRatings([1, 2])).toEqual({});
		expect(parseKashRatings('x')).toEqual({});
	});
});

describe('kashDimensions and kashTotal', () => {
	test('sum and average each dimension, 0 mean when nothing is rated', () => {
		const r: KashRatings = { 'k-retail-credit': 2, 'k-territory': 3, 'a-mission': 5 };
		const d = kashDimensions(r);
		expect(d[0]).toEqual({ dimension: 'knowledge', sum: 5, max: 30, rated: 2, mean: 2.5 });
		expect(d[1]).toMatchObject({ dimension: 'attitude', sum: 5, mean: 5 });
		expect(d[2]).toMatchObject({ dimension: 'skills', sum: 0, max: 35, rated: 0, mean: 0 });
		expect(kashTotal(r)).toEqual({ score: 10, max: 125 });
	});
	test('rounds means to 0.1', () => {
		expect(kashDimensions({ 's-closing': 2, 's-batch': 2, 's-internal': 3 })[2]?.mean).toBe(2.3);
	});
});

describe('unratedItems', () => {
	test('lists items without a valid rating in table order', () => {
		expect(unratedItems(all(3))).toEqual([]);
		const r = all(3);
		delete r['h-sharing'];
		delete r['k-systems'];
		expect(unratedItems(r)).toEqual(['k-systems', 'h-sharing']);
	});
});

describe('kashPlan', () => {
	test('puts the weakest items first, ties to the weaker dimension, then table order', () => {
		const r = all(4, { 'h-time': 2, 'k-systems': 2, 'a-mission': 1, 'h-crm': 3, 'h-sharing': 3 });
		// habits mean (4+2+3+4+4+3)/6 = 3.3 is below knowledge's 3.7, so h-time comes before k-systems
		expect(kashPlan(r).map((p) => p.item)).toEqual(['a-mission', 'h-time', 'k-systems', 'h-crm', 'h-sharing']);
		expect(kashPlan(r)[0]).toEqual({ item: 'a-mission', dimension: 'attitude', rating: 1 });
	});
	test('holds at most the plan size, includes 4s, never 5s', () => {
		expect(kashPlan(all(3))).toHaveLength(PLAN_SIZE);
		expect(kashPlan(all(5, { 'k-systems': 4 })).map((p) => p.item)).toEqual(['k-systems']);
		expect(kashPlan(all(5))).toEqual([]);
	});
	test('takes a custom size and falls back to the default for nonsense', () => {
		expect(kashPlan(all(2), 2)).toHaveLength(2);
		expect(kashPlan(all(2), -1)).toHaveLength(0);
		expect(kashPlan(all(2), Number.NaN)).toHaveLength(PLAN_SIZE);
	});
	test('ignores unrated items', () => {
		expect(kashPlan({ 'k-systems': 2 })).toEqual([{ item: 'k-systems', dimension: 'knowledge', rating: 2 }]);
	});
});

describe('weakestDimension', () => {
	test('is the rated dimension with the lowest mean, the first on a tie, or null', () => {
		expect(weakestDimension({})).toBeNull();
		expect(weakestDimension(all(3, { 'h-time': 1 }))?.dimension).toBe('habits');
		expect(weakestDimension(all(3))?.dimension).toBe('knowledge');
		expect(weakestDimension({ 'a-mission': 4, 's-batch': 2 })?.dimension).toBe('skills');
	});
});

describe('assessKash', () => {
	test('scores the sum of ratings by dimension', () => {
		const fb = assessKash(all(3, { 'k-systems': 5 }));
		expect(fb.kind).toBe('kash');
		expect(fb.score).toBe(77);
		expect(fb.max).toBe(125);
		expect(fb.dimensions.map((d) => d.id)).toEqual(['kash-knowledge', 'kash-attitude', 'kash-skills', 'kash-habits']);
		expect(fb.dimensions[0]).toEqual({ id: 'kash-knowledge', score: 20, max: 30 });
	});
	test('explains plan items by gap size with the learner’s numbers', () => {
		const fb = assessKash(all(5, { 'a-mission': 1, 'k-systems': 3, 's-batch': 4 }));
		const byCode = (c: string) => fb.findings.filter((f) => f.code === c);
		expect(byCode('kash.gap-large')).toEqual([
			{ code: 'kash.gap-large', severity: 'minor', dimension: 'kash-attitude', topic: 'professional-qualities', subject: 'a-mission', data: { kashItem: 'a-mission', rating: 1, target: 4, gap: 3, rank: 1 } },
		]);
		expect(byCode('kash.gap')[0]).toMatchObject({ severity: 'info', data: { kashItem: 'k-systems', rating: 3, target: 4, gap: 1, rank: 2 } });
		expect(byCode('kash.stretch')[0]).toMatchObject({ severity: 'info', data: { kashItem: 's-batch', rating: 4, target: 5, gap: 1, rank: 3 } });
		expect(byCode('kash.strength')).toHaveLength(22);
	});
	test('names the weakest dimension, minor below a mean of 3', () => {
		const low = assessKash(all(4, { 'h-time': 1, 'h-crm': 1, 'h-sharing': 1, 'h-tracking': 1 })).findings.find((f) => f.code === 'kash.focus-dimension');
		expect(low).toMatchObject({ severity: 'minor', data: { dimension: 'kash-habits', mean: 2 } });
		const ok = assessKash(all(4)).findings.find((f) => f.code === 'kash.focus-dimension');
		expect(ok).toMatchObject({ severity: 'info', data: { dimension: 'kash-knowledge', mean: 4 } });
	});
	test('reports unrated items and nothing about dimensions when nothing is rated', () => {
		const fb = assessKash({});
		expect(fb.findings.filter((f) => f.code === 'kash.unrated')).toHaveLength(25);
		expect(fb.findings.some((f) => f.code === 'kash.focus-dimension')).toBe(false);
		expect(fb.score).toBe(0);
	});
	test('compares each dimension with the previous assessment', () => {
		const previous = all(3, { 'a-mission': 5 });
		const now = all(3, { 'k-systems': 5, 's-batch': 1 });
		const changes = assessKash(now, previous).findings.filter((f) => f.code.startsWith('kash.improved') || f.code.startsWith('kash.declined') || f.code.startsWith('kash.unchanged'));
		expect(changes.map((f) => [f.code, f.severity, f.data])).toEqual([
			['kash.improved', 'good', { dimension: 'kash-knowledge', before: 3, after: 3.3, delta: 0.3 }],
			['kash.declined', 'info', { dimension: 'kash-attitude', before: 3.3, after: 3, delta: 0.3 }],
			['kash.declined', 'info', { dimension: 'kash-skills', before: 3, after: 2.7, delta: 0.3 }],
			['kash.unchanged', 'info', { dimension: 'kash-habits', before: 3, after: 3, delta: 0 }],
		]);
	});
	test('skips dimensions that were not rated in either assessment', () => {
		const fb = assessKash({ 'k-systems': 3 }, { 'a-mission': 2, 'k-systems': 2 });
		expect(fb.findings.filter((f) => f.code.startsWith('kash.improved') || f.code === 'kash.unchanged' || f.code === 'kash.declined').map((f) => f.data['dimension'])).toEqual(['kash-knowledge']);
		expect(assessKash(all(3), null).findings.some((f) => f.code === 'kash.unchanged')).toBe(false);
	});
	test('never throws on junk', () => {
		expect(() => assessKash(null as unknown as KashRatings, 'x' as unknown as KashRatings)).not.toThrow();
	});
});
