/**
 * The benchmarks behind `npm run bench` (bundled and run by scripts/bench.mjs). Prints figures; it
 * asserts nothing. Targets (2-core machine): 10,000-client pool generated + scored ≤ 50 ms;
 * one 12-month portfolio run of 1,000 paths × 300 loans ≤ 250 ms.
 */
import { generateClients } from '../src/domain/generator';
import { scoreSegmentation, type SegmentationAnswer } from '../src/domain/scoring/segmentation';
import { simulatePortfolio, type PortfolioLoan } from '../src/domain/portfolio';
import { createRng } from '../src/domain/random';
import { REPAYMENT_METHODS } from '../src/domain/loan-terms';
import { runExpertGame } from '../src/domain/capstone';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../src/domain/products';

export interface BenchExtra {
	name: string;
	run: () => void;
	target?: string;
}

function time(fn: () => void, repeats: number, warmups = 1): { best: number; median: number } {
	for (let i = 0; i < warmups; i++) fn(); // warm-up (JIT, heap growth)
	const samples: number[] = [];
	for (let i = 0; i < repeats; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	samples.sort((a, b) => a - b);
	return { best: samples[0]!, median: samples[Math.floor(samples.length / 2)]! };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Run every benchmark and print one line each. */
export function runBenchmarks(extras: BenchExtra[] = []): void {
	const POOL = 10_000;
	const answers: Record<string, SegmentationAnswer> = {};
	const pool = generateClients('bench', POOL);
	for (const c of pool) answers[c.id] = { segment: 'micro', riskTier: 'moderate-experienced' };
	// Machine reference, allocation-free and independent of src/ (a change to the engine must not
	// move it): 10 M steps of xorshift32 with a float conversion, so figures from different machines
	// (or sessions on a shared one) can be compared.
	let sink = 0;
	const ref = time(() => {
		let x = 2463534242;
		let acc = 0;
		for (let i = 0; i < 10_000_000; i++) {
			x ^= x << 13;
			x ^= x >>> 17;
			x ^= x << 5;
			acc += (x >>> 0) / 4294967296;
		}
		sink += acc;
	}, 5);
	// The sum is kept where the engine cannot prove it unused, so the loop is not optimised away.
	(globalThis as { benchSink?: number }).benchSink = sink;
	console.log(`machine reference: 10,000,000 xorshift steps: median ${fmt(ref.median)}`);
	const gen = time(() => void generateClients('bench', POOL), 15, 3);
	const score = time(() => void scoreSegmentation(answers, pool), 15, 3);
	const both = time(() => void scoreSegmentation(answers, generateClients('bench', POOL)), 15, 3);
	console.log(`clients: generate ${POOL}: median ${fmt(gen.median)}; score ${POOL}: median ${fmt(score.median)}`);
	console.log(
		`clients: generate + score ${POOL}: median ${fmt(both.median)} (best ${fmt(both.best)}) → ${Math.round(POOL / (both.median / 1000)).toLocaleString('en-US')} clients/s   target ≤ 50 ms`,
	);

	const rng = createRng('bench-loans');
	const loans: PortfolioLoan[] = Array.from({ length: 300 }, () => ({
		amountWan: rng.int(10, 500),
		annualRate: rng.float(0.035, 0.08),
		termMonths: rng.pick([6, 12, 24, 36]),
		pd: rng.float(0.005, 0.08),
		lgd: rng.float(0.25, 0.6),
		repayment: rng.pick(REPAYMENT_METHODS),
	}));
	const portfolio = time(() => void simulatePortfolio({ loans, months: 12, paths: 1000 }, createRng('bench-paths')), 5);
	console.log(`portfolio: 12 months × 1,000 paths × 300 loans: median ${fmt(portfolio.median)} (best ${fmt(portfolio.best)})   target ≤ 250 ms`);

	// The bundle runs from a temp dir; npm runs scripts from the repo root.
	const productsDir = join(process.cwd(), 'content', 'products');
	const catalogue = readdirSync(productsDir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(productsDir, f), 'utf8'))) as Catalogue;
	const game = time(() => void runExpertGame('bench', catalogue), 5);
	console.log(`capstone: full 4-round game with the expert policy: median ${fmt(game.median)} (best ${fmt(game.best)})   target ≤ 100 ms`);

	for (const extra of extras) {
		const r = time(extra.run, 5);
		console.log(`${extra.name}: median ${fmt(r.median)} (best ${fmt(r.best)})${extra.target ? `   target ${extra.target}` : ''}`);
	}
}
