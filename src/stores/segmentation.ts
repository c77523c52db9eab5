/**
 * State of the segmentation simulation: the scenario (seed, pool size), the learner's answers and
 * whether they were submitted. The pool and the feedback are derived from it by the domain.
 *
 * The pool the page opens on (the lesson's seed and size) is made at build by the Embed
 * (`$segDefault`). The generator (domain/generator) is fetched only when the learner opens another
 * pool (URL, typed seed, size or a new pool); until then `$segPool` is null (`$segPoolLoad`:
 * loading / failed, `retryPoolLoad()`).
 *
 * The scorer (domain/scoring/segmentation) is needed only once the learner submits, so it is
 * fetched then, not with the page. Each submit click is kept (answers, pool and weights as they
 * were at the click) until the scorer is there, then scored and recorded exactly once, in order;
 * a failed download keeps the pending clicks for `retryScoring()`.
 */
import { atom, computed, map } from 'nanostores';
import type { Client, RiskTier, SizeSegment } from '../domain/client';
import type { SegmentationAnswer, SegmentationWeights } from '../domain/scoring/segmentation';
import { lazyModule } from '../lib/lazy';
import { deferredScoring } from './deferred-scoring';
import { onDemand } from './on-demand';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const SEGMENTATION_SIM_ID = 'segmentation';
export const DEFAULT_POOL = 12; // clients
export const POOL_RANGE = { min: 6, max: 40 } as const;

type Generator = typeof import('../domain/generator');
const generator = onDemand<Generator>(lazyModule(() => import('../domain/generator')));
type Scorer = typeof import('../domain/scoring/segmentation');
const loadScorer = lazyModule(() => import('../domain/scoring/segmentation'));

export const $segScenario = map({ seed: 'sme-2026', count: DEFAULT_POOL });
export const $segAnswers = map<Record<string, SegmentationAnswer>>({});
export const $segSubmitted = atom(false);
/** Scoring weights; null = the scorer's defaults (DEFAULT_SEGMENTATION_WEIGHTS). */
export const $segWeights = atom<SegmentationWeights | null>(null);

interface PendingSubmit {
	answers: Record<string, SegmentationAnswer>;
	pool: Client[];
	weights: SegmentationWeights | null;
	seed: string;
	count: number;
}
const scoring = deferredScoring<Scorer, PendingSubmit>(loadScorer, (scorer, s) => {
	const fb = scorer.scoreSegmentation(s.answers, s.pool, s.weights ?? scorer.DEFAULT_SEGMENTATION_WEIGHTS);
	recordSim(SEGMENTATION_SIM_ID, { score: fb.score, max: fb.max, seed: s.seed, detail: { count: s.count, answers: s.answers } });
});
/** The scorer module once fetched. */
const $segScorer = scoring.$module;
/** Fetching the scorer: 'loading' while a submit waits for it, 'failed' when the download failed. */
export const $segScoring = scoring.$status;

/** The pool the page was built with (null: none given, the generator makes every pool). */
export const $segDefault = atom<{ seed: string; count: number; pool: Client[] } | null>(null);
/** The generator module once fetched. */
export const $segGenerator = generator.$module;
/** Fetching the generator: 'loading' while a pool other than the page's waits for it, 'failed' when the download failed. */
export const $segPoolLoad = generator.$status;

/** The clients of the scenario: the page's pool, or the generator's (null while it loads). */
export const $segPool = computed([$segScenario, $segDefault, $segGenerator], ({ seed, count }, def, gen) =>
	def && def.seed === seed && def.count === count ? def.pool : gen ? gen.generateClients(seed, count) : null,
);
export const $segFeedback = computed([$segSubmitted, $segAnswers, $segPool, $segWeights, $segScorer], (submitted, answers, pool, weights, scorer) =>
	submitted && pool && scorer ? scorer.scoreSegmentation(answers, pool, weights ?? scorer.DEFAULT_SEGMENTATION_WEIGHTS) : null,
);
/** Correct answers per size segment, for the feedback chart. */
export const $segAccuracy = computed([$segFeedback, $segPool, $segScorer], (feedback, pool, scorer) =>
	feedback && pool && scorer ? scorer.segmentationAccuracyBySegment(feedback, pool) : null,
);

/** Start a scenario (clears answers); a pool other than the page's fetches the generator. */
export function setScenario(seed: string, count: number): void {
	$segScenario.set({ seed, count });
	clearAnswers();
	if (!$segPool.get()) void retryPoolLoad();
}

/** Fetch the generator (again, after a failed download). */
export function retryPoolLoad(): Promise<void> {
	return generator.fetch().then(() => {});
}

/** Record one answer; changing an answer after submitting reopens the attempt. */
export function answer(clientId: string, part: 'segment', value: SizeSegment): void;
export function answer(clientId: string, part: 'riskTier', value: RiskTier): void;
export function answer(clientId: string, part: 'segment' | 'riskTier', value: string): void {
	$segAnswers.setKey(clientId, { ...$segAnswers.get()[clientId], [part]: value });
	$segSubmitted.set(false);
}

/** Submit: show the feedback and save the result to progress (once the scorer is loaded); nothing while the pool loads. */
export function submitSegmentation(): Promise<void> {
	const { seed, count } = $segScenario.get();
	const pool = $segPool.get();
	if (!pool) return Promise.resolve(); // no answers to score before the pool is there
	const click = { answers: $segAnswers.get(), pool, weights: $segWeights.get(), seed, count };
	$segSubmitted.set(true);
	return scoring.submit(click);
}

/** After a failed download of the scorer: try again, then score and record the waiting submits. */
export const retryScoring = scoring.retry;

/** Retry the same pool from scratch. */
export function clearAnswers(): void {
	$segAnswers.set({});
	$segSubmitted.set(false);
}

/** A new random pool of the same size. */
export function newPool(random?: () => number): void {
	setScenario(randomSeed(random), $segScenario.get().count);
}
