/**
 * Seeded pseudo-random numbers for the mock-client generator and the simulations.
 *
 * A seed (string or number) is hashed with cyrb128 into four 32-bit words that seed an sfc32
 * generator (Chris Doty-Humphrey's Small Fast Counting generator, as in PractRand). Both use only
 * 32-bit integer arithmetic (`Math.imul`, `>>>`), so the same seed gives the same sequence on every
 * machine and JS engine. Never use `Math.random()` in src/domain: inject an `Rng` instead.
 *
 * Conventions: `next()` is uniform on [0, 1); ranges are [min, max) for floats and
 * [min, maxInclusive] for integers. `fork(label)` derives a child stream from this stream's seed
 * and the label only, so a child does not depend on how many numbers the parent has drawn.
 */

/** A deterministic random stream. */
export interface Rng {
	/** The seed key this stream was made from (children append `/label`). */
	readonly seed: string;
	/** A uniform float in [0, 1). */
	next(): number;
	/** A uniform integer in [min, maxInclusive]; returns `min` when the range is empty. */
	int(min: number, maxInclusive: number): number;
	/** A uniform float in [min, max). */
	float(min: number, max: number): number;
	/** True with probability `p` (clamped to [0, 1]). */
	bool(p?: number): boolean;
	/** One element of a non-empty array, uniformly. */
	pick<T>(items: readonly T[]): T;
	/** One element chosen with the given non-negative weights (all zero → uniform). */
	weighted<T>(items: readonly T[], weights: readonly number[]): T;
	/** A normal deviate (Box–Muller). */
	normal(mean?: number, sd?: number): number;
	/** A log-normal deviate with the given median and log-scale sigma. */
	logNormal(median: number, sigma: number): number;
	/** A shuffled copy of `items` (Fisher–Yates); the input is not changed. */
	shuffle<T>(items: readonly T[]): T[];
	/** An independent child stream named `label`; the same label always gives the same child. */
	fork(label: string | number): Rng;
}

const TWO_POW_32 = 4294967296;

/** Hash a string into four 32-bit words (cyrb128, public domain, bryc). */
export function cyrb128(str: string): [number, number, number, number] {
	const h = HASH_WORDS;
	cyrb128Into(str, h);
	return [(h[0] as number) >>> 0, (h[1] as number) >>> 0, (h[2] as number) >>> 0, (h[3] as number) >>> 0];
}

/**
 * cyrb128 into `out` as int32 (the same bits), so seeding a stream builds no array: a fork per
 * generated client adds up. One shared buffer suffices, everything here being synchronous.
 */
const HASH_WORDS = new Int32Array(4);

/** cyrb128's state before any character. */
const HASH_START: readonly number[] = [1779033703, 3144134277, 1013904242, 2773480762];

function cyrb128Into(str: string, out: Int32Array): void {
	out.set(HASH_START);
	absorb(str, out);
	finish(out);
}

/**
 * Feed the characters of `str` into the running cyrb128 state `h` (its four words as int32: every
 * operation below reads only the low 32 bits), so keys with a common prefix can share its part.
 */
function absorb(str: string, h: Int32Array): void {
	let h1 = h[0] as number;
	let h2 = h[1] as number;
	let h3 = h[2] as number;
	let h4 = h[3] as number;
	for (let i = 0; i < str.length; i++) {
		const k = str.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h[0] = h1;
	h[1] = h2;
	h[2] = h3;
	h[3] = h4;
}

/**
 * absorb(String(n), h) without making the string, for a child index `n` (an integer from 0 below
 * 2^53, where String(n) is plain digits and the divisions below are exact): its decimal digits,
 * most significant first.
 */
function absorbDigits(n: number, h: Int32Array): void {
	let p = 1;
	while (p <= n / 10) p *= 10;
	let h1 = h[0] as number;
	let h2 = h[1] as number;
	let h3 = h[2] as number;
	let h4 = h[3] as number;
	for (; p >= 1; p /= 10) {
		const k = 48 + (Math.floor(n / p) % 10); // char code of the digit
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h[0] = h1;
	h[1] = h2;
	h[2] = h3;
	h[3] = h4;
}

/** Turn a running cyrb128 state into the hash words, in place. */
function finish(h: Int32Array): void {
	let h1 = h[0] as number;
	let h2 = h[1] as number;
	let h3 = h[2] as number;
	let h4 = h[3] as number;
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	h[0] = h1;
	h[1] = h2;
	h[2] = h3;
	h[3] = h4;
}

/** Create a seeded random stream; the same seed gives the same sequence everywhere. */
export function createRng(seed: string | number): Rng {
	return new Sfc32(String(seed));
}

/**
 * Call `each(rng.fork(i), i)` for i = 0 … count − 1 in turn, reusing one stream object: each child
 * is valid only during its call (keep nothing of it). The same numbers as forking, without an
 * object per child (generateClients forks one per client). The children's keys `${rng.seed}/${i}`
 * share their start: it is hashed once, and no key string is built unless a child's `seed` is read.
 */
export function forEachFork(rng: Rng, count: number, each: (child: Rng, i: number) => void): void {
	if (count <= 0) return;
	const parent = rng.seed;
	const prefix = Int32Array.from(HASH_START);
	absorb(`${parent}/`, prefix);
	const child = spareChild ?? new Sfc32(parent);
	spareChild = null; // lent out: a nested call makes its own
	for (let i = 0; i < count; i++) {
		child.reseedChild(parent, prefix, i);
		each(child, i);
	}
	spareChild = child;
}

/**
 * The child stream forEachFork lends out, kept between calls. Keeping one stream alive matters to
 * speed: when none survives, a full GC drops the streams' hidden class (V8 map), and all optimized
 * code built for it, that is everything that draws numbers, is thrown away and built again.
 */
let spareChild: Sfc32 | null = null;

/** sfc32 state and the Rng methods on its prototype (no per-stream closures: forks are cheap). */
class Sfc32 implements Rng {
	/** The seed key; for a child of forEachFork, its parent's key (`index` says which child). */
	private key = '';
	/** The child index appended to `key` as `/index`, or −1 when `key` is the whole seed. */
	private index = -1;
	private a = 0;
	private b = 0;
	private c = 0;
	private d = 0;

	constructor(key: string) {
		this.reseed(key);
	}

	get seed(): string {
		return this.index < 0 ? this.key : `${this.key}/${this.index}`;
	}

	/** Restart as the stream of `key` (what `new Sfc32(key)` gives). */
	reseed(key: string): void {
		this.key = key;
		this.index = -1;
		cyrb128Into(key, HASH_WORDS);
		this.start(HASH_WORDS);
	}

	/**
	 * Restart as the stream of `${parent}/${index}`, `prefix` being the running hash of
	 * `${parent}/` (see forEachFork): only the index's digits are hashed.
	 */
	reseedChild(parent: string, prefix: Int32Array, index: number): void {
		this.key = parent;
		this.index = index;
		const h = HASH_WORDS;
		h.set(prefix);
		absorbDigits(index, h);
		finish(h);
		this.start(h);
	}

	/** Seed the state from the hash words `h`. */
	private start(h: Int32Array): void {
		// Kept as int32: the same bits as the uint32 hash words for every operation next() does, and
		// small integers are stored unboxed, so a fork allocates less.
		this.a = h[0] as number;
		this.b = h[1] as number;
		this.c = h[2] as number;
		this.d = h[3] as number;
		// Warm up: discard the first outputs, which are correlated with the hash words.
		for (let i = 0; i < 12; i++) this.next();
	}

	next(): number {
		const a = this.a;
		const b = this.b;
		const c = this.c;
		const d = (this.d + 1) | 0;
		const t = (((a + b) | 0) + d) | 0;
		this.a = b ^ (b >>> 9);
		this.b = (c + (c << 3)) | 0;
		this.c = (((c << 21) | (c >>> 11)) + t) | 0;
		this.d = d;
		return (t >>> 0) / TWO_POW_32;
	}

	int(min: number, maxInclusive: number): number {
		const lo = Math.ceil(min);
		const hi = Math.floor(maxInclusive);
		if (!(hi > lo)) return lo;
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	float(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	bool(p = 0.5): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		if (items.length === 0) throw new RangeError('weighted() needs a non-empty array');
		let total = 0;
		let lastPositive = -1;
		for (let i = 0; i < items.length; i++) {
			const w = safeWeight(weights[i]);
			total += w;
			if (w > 0) lastPositive = i;
		}
		if (lastPositive < 0 || !Number.isFinite(total)) return this.pick(items);
		let r = this.next() * total;
		// Walk up to the last positive weight; floating-point leftovers land on it.
		for (let i = 0; i < lastPositive; i++) {
			r -= safeWeight(weights[i]);
			if (r < 0) return items[i] as T;
		}
		return items[lastPositive] as T;
	}

	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next(); // (0, 1], so log() is finite
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	logNormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}

	shuffle<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			const tmp = out[i] as T;
			out[i] = out[j] as T;
			out[j] = tmp;
		}
		return out;
	}

	fork(label: string | number): Rng {
		return new Sfc32(`${this.seed}/${String(label)}`);
	}
}

function safeWeight(w: number | undefined): number {
	return w !== undefined && w > 0 && Number.isFinite(w) ? w : 0;
}
