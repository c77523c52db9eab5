import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import { explainSizeSegment, riskTierOf } from '../../../src/domain/segments';
import type * as GeneratorModule from '../../../src/domain/generator';
import type * as ScorerModule from '../../../src/domain/scoring/segmentation';

const { flakyImport } = await vi.hoisted(() => import('../../support/flaky-import'));

// The store fetches the scorer on submit, and the generator for a pool other than the page's;
// `offline` makes that many downloads fail first.
const net = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
const gen = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
vi.mock('../../../src/domain/scoring/segmentation', (importOriginal) => flakyImport(net, importOriginal));
vi.mock('../../../src/domain/generator', (importOriginal) => flakyImport(gen, importOriginal));
const { generateClients } = await vi.importActual<typeof GeneratorModule>('../../../src/domain/generator');

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress } = await import('../../../src/stores/progress');
const seg = await import('../../../src/stores/segmentation');
const scorer = await vi.importActual<typeof ScorerModule>('../../../src/domain/scoring/segmentation');

/** The pool shown (the tests below open it first). */
const pool = () => seg.$segPool.get()!;
const answerAll = (wrong = 0) => {
	for (const [i, c] of pool().entries()) {
		const right = explainSizeSegment(c).segment;
		seg.answer(c.id, 'segment', i < wrong ? (right === 'micro' ? 'small' : 'micro') : right);
		seg.answer(c.id, 'riskTier', riskTierOf(c));
	}
};
const attempts = () => $progress.get().sims[seg.SEGMENTATION_SIM_ID]?.attempts ?? 0;

beforeEach(() => {
	keepMount($progress);
	keepMount(seg.$segFeedback);
	keepMount(seg.$segAccuracy);
	resetProgress();
	seg.$segWeights.set(null);
});
afterEach(() => cleanStores($progress, seg.$segFeedback, seg.$segAccuracy));

// Order matters: the first test runs before the generator was ever fetched.
describe('segmentation store, pool made at build or by the generator fetched on demand', () => {
	const built = { seed: 'page-seed', count: 12, pool: generateClients('page-seed', 12) };

	test('the page’s own pool needs no generator; another pool fetches it, and a failed download is retried', async () => {
		seg.$segDefault.set(built);
		seg.setScenario('page-seed', 12);
		expect(pool()).toBe(built.pool);
		expect(seg.$segPoolLoad.get()).toBe('idle');
		expect(gen.fetched).toBe(0);
		// nothing is scored before there is a pool
		gen.offline = 1;
		seg.setScenario('other-seed', 6);
		expect(pool()).toBeNull();
		expect(seg.$segPoolLoad.get()).toBe('loading');
		await seg.submitSegmentation();
		expect(seg.$segSubmitted.get()).toBe(false);
		await vi.waitFor(() => expect(seg.$segPoolLoad.get()).toBe('failed'));
		expect(pool()).toBeNull();
		await seg.retryPoolLoad();
		expect(seg.$segPoolLoad.get()).toBe('idle');
		expect(pool().map((c) => c.id)).toEqual(generateClients('other-seed', 6).map((c) => c.id));
		expect(pool()[0]).toEqual(generateClients('other-seed', 6)[0]);
		expect(gen.fetched).toBe(2); // the failed download and the one that worked
		// back to the page's pool: the built one, not a regenerated copy
		seg.setScenario('page-seed', 12);
		expect(pool()).toBe(built.pool);
		expect(net.fetched).toBe(0); // the scorer is still not fetched
	});
});

// Order matters: the first test runs before the scorer was ever fetched.
describe('segmentation store, scorer fetched on submit', () => {
	beforeEach(async () => {
		seg.setScenario('store-seed', 6);
		await seg.retryPoolLoad();
	});

	test('the page does not fetch the scorer; a failed download keeps the click, and retry scores and records it once', async () => {
		expect(net.fetched).toBe(0);
		expect(pool().map((c) => c.id)).toEqual(generateClients('store-seed', 6).map((c) => c.id));
		answerAll(1);
		net.offline = 1;
		const submitted = seg.submitSegmentation();
		expect(seg.$segSubmitted.get()).toBe(true);
		expect(seg.$segScoring.get()).toBe('loading');
		expect(seg.$segFeedback.get()).toBeNull();
		await submitted;
		expect(seg.$segScoring.get()).toBe('failed');
		expect(seg.$segFeedback.get()).toBeNull();
		expect(attempts()).toBe(0);

		await seg.retryScoring();
		expect(seg.$segScoring.get()).toBe('idle');
		const expected = scorer.scoreSegmentation(seg.$segAnswers.get(), pool(), scorer.DEFAULT_SEGMENTATION_WEIGHTS);
		expect(seg.$segFeedback.get()).toEqual(expected);
		expect(expected.score).toBe(expected.max - 1);
		expect(seg.$segAccuracy.get()).toEqual(scorer.segmentationAccuracyBySegment(expected, pool()));
		expect(attempts()).toBe(1);
		expect($progress.get().sims[seg.SEGMENTATION_SIM_ID]).toMatchObject({ best: expected.score, max: expected.max });
	});

	test('two clicks while the scorer loads record two attempts, each once, with the answers of its click', async () => {
		answerAll(2);
		const first = seg.submitSegmentation();
		const firstAnswers = seg.$segAnswers.get();
		answerAll(0); // reopens the attempt
		expect(seg.$segSubmitted.get()).toBe(false);
		const second = seg.submitSegmentation();
		await Promise.all([first, second]);
		expect(attempts()).toBe(2);
		const clients = pool();
		const w = scorer.DEFAULT_SEGMENTATION_WEIGHTS;
		const best = scorer.scoreSegmentation(seg.$segAnswers.get(), clients, w);
		expect(best.score).toBe(best.max);
		expect(scorer.scoreSegmentation(firstAnswers, clients, w).score).toBe(best.max - 2);
		expect($progress.get().sims[seg.SEGMENTATION_SIM_ID]).toMatchObject({ best: best.max, max: best.max, attempts: 2 });
		expect(seg.$segFeedback.get()).toEqual(best);
	});

	test('weights set by the lesson are used for the feedback and the record; the download happens only once', async () => {
		seg.$segWeights.set({ size: 2, riskTier: 1 });
		answerAll(1);
		await seg.submitSegmentation();
		const fb = seg.$segFeedback.get();
		expect(fb).toEqual(scorer.scoreSegmentation(seg.$segAnswers.get(), pool(), { size: 2, riskTier: 1 }));
		expect(fb!.max).toBe(18);
		expect($progress.get().sims[seg.SEGMENTATION_SIM_ID]).toMatchObject({ best: 16, max: 18, attempts: 1 });
		expect(net.fetched).toBe(2); // the failed download and the one that worked
	});

	test('changing an answer, retrying or a new pool hides the feedback', async () => {
		answerAll();
		await seg.submitSegmentation();
		expect(seg.$segFeedback.get()).not.toBeNull();
		const c = pool()[0]!;
		seg.answer(c.id, 'segment', 'out-of-scope');
		expect(seg.$segFeedback.get()).toBeNull();
		expect(seg.$segAccuracy.get()).toBeNull();
		await seg.submitSegmentation();
		seg.clearAnswers();
		expect(seg.$segAnswers.get()).toEqual({});
		expect(seg.$segFeedback.get()).toBeNull();
		const before = seg.$segScenario.get();
		seg.newPool(() => 0.5);
		expect(seg.$segScenario.get().count).toBe(before.count);
		expect(seg.$segScenario.get().seed).not.toBe(before.seed);
	});
});
