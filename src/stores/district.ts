/**
 * State of the district-research simulation (m5/03): the seed of the district, the learner's
 * decision (target segments, linkage channels, competitor products to watch) and whether it was
 * submitted. The district, its statistics and the feedback are derived by the domain.
 *
 * The scorer (domain/scoring/district) is needed only once the learner submits, so it is fetched
 * then, not with the page. Each submit click is kept (district, decision and weights as they were
 * at the click) until the scorer is there, then scored and recorded exactly once, in order; a
 * failed download keeps the pending clicks for `retryDistrictScoring()`.
 */
import { atom, computed, map } from 'nanostores';
import {
	ageByType,
	cleanChoice,
	districtTotals,
	generateDistrict,
	segmentStats,
	validateChoice,
	type District,
	type DistrictChoice,
} from '../domain/district';
import type { DistrictWeights } from '../domain/scoring/district';
import { lazyModule } from '../components/sims/lazy';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const DISTRICT_SIM_ID = 'district-research';
export const DEFAULT_DISTRICT_SEED = 'district-2026';

export type ChoiceField = keyof DistrictChoice;

type Scorer = typeof import('../domain/scoring/district');
const loadScorer = lazyModule(() => import('../domain/scoring/district'));

export const $districtSeed = atom(DEFAULT_DISTRICT_SEED);
export const $districtChoice = map<DistrictChoice>({ segments: [], channels: [], competitors: [] });
export const $districtSubmitted = atom(false);
export const $districtWeights = atom<Partial<DistrictWeights>>({});
/** The scorer module once fetched. */
export const $districtScorer = atom<Scorer | null>(null);
/** Fetching the scorer: 'loading' while a submit waits for it, 'failed' when the download failed. */
export const $districtScoring = atom<'idle' | 'loading' | 'failed'>('idle');

export const $district = computed($districtSeed, (seed) => generateDistrict(seed));
export const $districtStats = computed($district, (d) => segmentStats(d));
export const $districtAges = computed($district, (d) => ageByType(d));
export const $districtTotals = computed($district, (d) => districtTotals(d));
export const $districtErrors = computed([$district, $districtChoice], (d, c) => validateChoice(d, c));
export const $districtFeedback = computed([$districtSubmitted, $district, $districtChoice, $districtWeights, $districtScorer], (submitted, d, c, w, scorer) =>
	submitted && scorer ? scorer.scoreDistrict(d, c, w) : null,
);

/** Open the district of a seed (clears the decision). */
export function setDistrictSeed(seed: string): void {
	$districtSeed.set(seed);
	clearDistrictChoice();
}

/** Tick or untick one option of a field. */
export function toggleDistrictOption(field: ChoiceField, code: string, on: boolean): void {
	const current = $districtChoice.get()[field] as string[];
	const next = on ? [...new Set([...current, code])] : current.filter((x) => x !== code);
	$districtChoice.set(cleanChoice($district.get(), { ...$districtChoice.get(), [field]: next }));
	$districtSubmitted.set(false);
}

interface PendingSubmit {
	district: District;
	choice: DistrictChoice;
	weights: Partial<DistrictWeights>;
	seed: string;
}
/** Submit clicks not yet scored and recorded (waiting for the scorer). */
const pending: PendingSubmit[] = [];

/**
 * Submit when the decision is complete: show the feedback and save the result to progress once
 * the scorer is loaded. Returns false (and does nothing) when the decision is incomplete, else a
 * promise settled once the click is scored and recorded or the download failed.
 */
export function submitDistrict(): false | Promise<void> {
	if ($districtErrors.get().length > 0) return false;
	pending.push({ district: $district.get(), choice: $districtChoice.get(), weights: $districtWeights.get(), seed: $districtSeed.get() });
	$districtSubmitted.set(true);
	return scorePending();
}

/** After a failed download of the scorer: try again, then score and record the waiting submits. */
export function retryDistrictScoring(): Promise<void> {
	return scorePending();
}

function scorePending(): Promise<void> {
	if (!$districtScorer.get()) $districtScoring.set('loading');
	return loadScorer().then(
		(scorer) => {
			$districtScorer.set(scorer);
			$districtScoring.set('idle');
			// Every caller waits on the same download; the first to run takes all waiting submits.
			for (const s of pending.splice(0)) {
				const fb = scorer.scoreDistrict(s.district, s.choice, s.weights);
				recordSim(DISTRICT_SIM_ID, { score: fb.score, max: fb.max, seed: s.seed, detail: { choice: s.choice } });
			}
		},
		() => {
			$districtScoring.set('failed');
		},
	);
}

/** Start the decision again in the same district. */
export function clearDistrictChoice(): void {
	$districtChoice.set({ segments: [], channels: [], competitors: [] });
	$districtSubmitted.set(false);
}

/** A new random district. */
export function newDistrict(random?: () => number): void {
	setDistrictSeed(randomSeed(random));
}
