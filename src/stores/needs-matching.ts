/**
 * State of the needs-trait matching exercise: the statements (content data from the wrapper), the
 * seed that orders them, the learner's trait per statement and whether they submitted. The order
 * and the feedback are derived by the domain (src/domain/needs-matching.ts).
 */
import { atom, computed, map } from 'nanostores';
import { DEFAULT_NEEDS_WEIGHTS, isNeedTrait, orderStatements, scoreNeedsMatching, type NeedTrait, type NeedsStatement } from '../domain/needs-matching';
import { recordSim } from './progress';

export const NEEDS_SIM_ID = 'needs-matching';
export const DEFAULT_NEEDS_SEED = 'needs-2026';

export const $needsStatements = atom<NeedsStatement[]>([]);
export const $needsSeed = atom(DEFAULT_NEEDS_SEED);
export const $needsAnswers = map<Record<string, NeedTrait>>({});
export const $needsSubmitted = atom(false);

export const $needsOrder = computed([$needsStatements, $needsSeed], (statements, seed) => orderStatements(statements, seed));
export const $needsFeedback = computed([$needsSubmitted, $needsStatements, $needsAnswers], (submitted, statements, answers) =>
	submitted ? scoreNeedsMatching(statements, answers, DEFAULT_NEEDS_WEIGHTS) : null,
);

/** Load the statements and start the scenario `seed`. */
export function initNeeds(statements: NeedsStatement[], seed: string): void {
	$needsStatements.set(statements);
	setNeedsSeed(seed);
}

/** Start a scenario: new order, answers cleared. */
export function setNeedsSeed(seed: string): void {
	$needsSeed.set(seed);
	clearNeeds();
}

/** Clear the answers. */
export function clearNeeds(): void {
	$needsAnswers.set({});
	$needsSubmitted.set(false);
}

/** Record the trait chosen for a statement; an empty or unknown value clears it. Reopens the attempt. */
export function chooseTrait(id: string, value: string): void {
	const next = { ...$needsAnswers.get() };
	if (isNeedTrait(value)) next[id] = value;
	else delete next[id];
	$needsAnswers.set(next);
	$needsSubmitted.set(false);
}

/** Submit when every statement has a trait: score, save to progress and return []; else return the unanswered ids in display order. */
export function submitNeeds(): string[] {
	const answers = $needsAnswers.get();
	const missing = $needsOrder.get().filter((s) => !answers[s.id]).map((s) => s.id);
	if (missing.length > 0) return missing;
	$needsSubmitted.set(true);
	const fb = $needsFeedback.get();
	if (fb) recordSim(NEEDS_SIM_ID, { score: fb.score, max: fb.max, seed: $needsSeed.get(), detail: { answers } });
	return [];
}
