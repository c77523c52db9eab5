import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRng, cyrb128, forEachFork } from '../../../src/domain/random';

const draws = (seed: string | number, n: number) => {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
	test('gives the same sequence for the same seed', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true })), (seed) => {
				expect(draws(seed, 20)).toEqual(draws(seed, 20));
			}),
		);
	});

	test('pins the first numbers of a known seed on every machine (checked against a reference sfc32)', () => {
		const rng = createRng('sme');
		const first = [rng.next(), rng.next(), rng.next()];
		expect(first.map((x) => Math.round(x * 1e9))).toMatchInlineSnapshot(`
			[
			  102035612,
			  303564889,
			  813479335,
			]
		`);
		expect(cyrb128('abc')).toEqual(cyrb128('abc'));
		expect(cyrb128('abc')).not.toEqual(cyrb128('abd'));
	});

	test('treats a number seed like its string form', () => {
		expect(draws(42, 5)).toEqual(draws('42', 5));
	});

	test('gives different sequences for different seeds', () => {
		expect(draws('a', 5)).not.toEqual(draws('b', 5));
	});

	test('next stays in [0, 1) and is roughly uniform', () => {
		const xs = draws('uniform', 20000);
		for (const x of xs) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		expect(mean).toBeCloseTo(0.5, 1);
		const low = xs.filter((x) => x < 0.1).length / xs.length;
		expect(low).toBeGreaterThan(0.08);
		expect(low).toBeLessThan(0.12);
	});
});

describe('Rng methods', () => {
	test('int covers both ends of the range and nothing outside', () => {
		const rng = createRng('int');
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) seen.add(rng.int(1, 6));
		expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
	});

	test('int rounds fractional bounds inward and returns min for an empty range', () => {
		const rng = createRng('int2');
		for (let i = 0; i < 200; i++) {
			const v = rng.int(0.5, 2.5);
			expect([1, 2]).toContain(v);
		}
		expect(rng.int(5, 5)).toBe(5);
		expect(rng.int(7, 3)).toBe(7);
	});

	test('float stays in [min, max)', () => {
		const rng = createRng('float');
		fc.assert(
			fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0.001, max: 1e6, noNaN: true }), (a, w) => {
				const v = rng.float(a, a + w);
				expect(v).toBeGreaterThanOrEqual(a);
				expect(v).toBeLessThanOrEqual(a + w);
			}),
		);
	});

	test('bool follows its probability', () => {
		const rng = createRng('bool');
		let t = 0;
		for (let i = 0; i < 10000; i++) if (rng.bool(0.3)) t++;
		expect(t / 10000).toBeGreaterThan(0.27);
		expect(t / 10000).toBeLessThan(0.33);
		expect(rng.bool(0)).toBe(false);
		expect(rng.bool(1)).toBe(true);
		expect(typeof rng.bool()).toBe('boolean');
	});

	test('pick returns an element and rejects an empty array', () => {
		const rng = createRng('pick');
		const items = ['a', 'b', 'c'];
		for (let i = 0; i < 50; i++) expect(items).toContain(rng.pick(items));
		expect(() => rng.pick([])).toThrow(RangeError);
	});

	test('weighted follows the weights and never returns a zero-weight item', () => {
		const rng = createRng('weighted');
		const counts = { a: 0, b: 0, c: 0 };
		for (let i = 0; i < 10000; i++) counts[rng.weighted(['a', 'b', 'c'] as const, [1, 0, 3])]++;
		expect(counts.b).toBe(0);
		expect(counts.c / 10000).toBeGreaterThan(0.72);
		expect(counts.c / 10000).toBeLessThan(0.78);
	});

	test('weighted ignores negative, NaN and missing weights and falls back to uniform', () => {
		const rng = createRng('weighted2');
		for (let i = 0; i < 100; i++) expect(rng.weighted(['x', 'y'], [-1, Number.NaN])).toMatch(/[xy]/);
		for (let i = 0; i < 100; i++) expect(rng.weighted(['x', 'y', 'z'], [0, 2])).toBe('y');
		for (let i = 0; i < 100; i++) expect(['x', 'y']).toContain(rng.weighted(['x', 'y'], [1e308, 1e308]));
		expect(() => rng.weighted([], [])).toThrow(RangeError);
	});

	test('normal has the requested mean and spread', () => {
		const rng = createRng('normal');
		const xs = Array.from({ length: 20000 }, () => rng.normal(10, 2));
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
		expect(mean).toBeCloseTo(10, 1);
		expect(sd).toBeGreaterThan(1.9);
		expect(sd).toBeLessThan(2.1);
		expect(Number.isFinite(rng.normal())).toBe(true);
	});

	test('logNormal is positive with the requested median', () => {
		const rng = createRng('lognormal');
		const xs = Array.from({ length: 20001 }, () => rng.logNormal(50, 0.5)).sort((a, b) => a - b);
		expect(xs[0]).toBeGreaterThan(0);
		expect(xs[10000]).toBeGreaterThan(47);
		expect(xs[10000]).toBeLessThan(53);
	});

	test('shuffle returns a permutation and leaves the input alone', () => {
		const rng = createRng('shuffle');
		fc.assert(
			fc.property(fc.array(fc.integer()), (arr) => {
				const copy = arr.slice();
				const out = rng.shuffle(arr);
				expect(arr).toEqual(copy);
				expect(out.slice().sort((a, b) => a - b)).toEqual(copy.sort((a, b) => a - b));
			}),
		);
	});

	test('fork gives a child that depends on the label only, not on draws so far', () => {
		const a = createRng('root');
		const b = createRng('root');
		b.next();
		b.next();
		const ca = a.fork('child');
		const cb = b.fork('child');
		expect([ca.next(), ca.next()]).toEqual([cb.next(), cb.next()]);
		expect(a.fork(1).seed).toBe('root/1');
		expect(a.fork('x').next()).not.toBe(a.fork('y').next());
		expect(a.fork('x').next()).not.toBe(createRng('root').next());
	});

	test('forEachFork gives the children fork(0), fork(1), … in turn', () => {
		const root = createRng('root');
		root.next();
		const got: [string, number, number][] = [];
		forEachFork(root, 4, (child, i) => got.push([child.seed, i, child.next()]));
		expect(got).toEqual([0, 1, 2, 3].map((i) => [`root/${i}`, i, createRng('root').fork(i).next()]));
		let calls = 0;
		forEachFork(root, 0, () => calls++);
		expect(calls).toBe(0);
	});
});
