/**
 * State of the segmentation simulation: the scenario (seed, pool size), the learner's answers and
 * whether they were submitted. The pool and the feedback are derived from it by the domain.
 */
import { atom, computed, map } from 'nanostores';
import { generateClients } from '../domain/generator';
import type { RiskTier, SizeSegment } from '../domain/client';
import { DEFAULT_SEGMENTATION_WEIGHTS, scoreSegmentation, type SegmentationAnswer, type SegmentationWeights } from '../domain/scoring/segmentation';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const SEGMENTATION_SIM_ID = 'segmentation';
export const DEFAULT_POOL = 12; // clients
export const POOL_RANGE = { min: 6, max: 40 } as const;

export const $segScenario = map({ seed: 'sme-2026', count: DEFAULT_POOL });
export const $segAnswers = map<Record<string, SegmentationAnswer>>({});
export const $segSubmitted = atom(false);
export const $segWeights = atom<SegmentationWeights>(DEFAULT_SEGMENTATION_WEIGHTS);

export const $segPool = computed($segScenario, ({ seed, count }) => generateClients(seed, count));
export const $segFeedback = computed([$segSubmitted, $segAnswers, $segPool, $segWeights], (submitted, answers, pool, weights) =>
	submitted ? scoreSegmentation(answers, pool, weights) : null,
);

/** Start a scenario (clears answers). */
export function setScenario(seed: string, count: number): void {
	$segScenario.set({ seed, count });
	clearAnswers();
}

/** Record one answer; changing an answer after submitting reopens the attempt. */
export function answer(clientId: string, part: 'segment', value: SizeSegment): void;
export function answer(clientId: string, part: 'riskTier', value: RiskTier): void;
export function answer(clientId: string, part: 'segment' | 'riskTier', value: string): void {
	$segAnswers.setKey(clientId, { ...$segAnswers.get()[clientId], [part]: value });
	$segSubmitted.set(false);
}

/** Submit: score and save the result to progress. */
export function submitSegmentation(): void {
	$segSubmitted.set(true);
	const fb = $segFeedback.get();
	if (fb) recordSim(SEGMENTATION_SIM_ID, { score: fb.score, max: fb.max, seed: $segScenario.get().seed, detail: { count: $segScenario.get().count, answers: $segAnswers.get() } });
}

/** Retry the same pool from scratch. */
export function clearAnswers(): void {
	$segAnswers.set({});
	$segSubmitted.set(false);
}

/** A new random pool of the same size. */
export function newPool(random?: () => number): void {
	setScenario(randomSeed(random), $segScenario.get().count);
}
