/**
 * State of the district-research simulation (m5/03): the seed of the district, the learner's
 * decision (target segments, linkage channels, competitor products to watch) and whether it was
 * submitted. The district, its statistics and the feedback are derived by the domain.
 *
 * What the page shows first is the default district's view (facts and statistics), computed at
 * build by the Embed (`$districtDefault`). The generator (domain/district) is fetched only when
 * the learner opens another district (URL, typed or new seed), opens the full register, or submits;
 * until then `$districtView` is null for another seed (`$districtLoad`: loading / failed,
 * `retryDistrictLoad()`).
 *
 * The scorer (domain/scoring/district) is needed only once the learner submits, so it is fetched
 * then, not with the page. Each submit click is kept (seed, decision and weights as they were at
 * the click) until the scorer is there, then scored and recorded exactly once, in order; a failed
 * download keeps the pending clicks for `retryDistrictScoring()`.
 */
import { atom, computed, map } from 'nanostores';
import { cleanChoice, validateChoice, type DistrictChoice } from '../domain/district-codes';
import type { DistrictView } from '../domain/district';
import type { DistrictWeights } from '../domain/scoring/district';
import { lazyModule } from '../lib/lazy';
import { deferredScoring } from './deferred-scoring';
import { onDemand } from './on-demand';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const DISTRICT_SIM_ID = 'district-research';
export const DEFAULT_DISTRICT_SEED = 'district-2026';

export type ChoiceField = keyof DistrictChoice;

type Generator = typeof import('../domain/district');
const loadGenerator = lazyModule(() => import('../domain/district'));
type Scorer = typeof import('../domain/scoring/district');
const loadScorer = lazyModule(() => import('../domain/scoring/district'));

export const $districtSeed = atom(DEFAULT_DISTRICT_SEED);
export const $districtChoice = map<DistrictChoice>({ segments: [], channels: [], competitors: [] });
export const $districtSubmitted = atom(false);
export const $districtWeights = atom<Partial<DistrictWeights>>({});
/** The default district's view, computed at build (null: none given, the generator computes every view). */
export const $districtDefault = atom<DistrictView | null>(null);
const generator = onDemand(loadGenerator);
/** The generator module once fetched. */
export const $districtGenerator = generator.$module;
/** Fetching the generator: 'loading' while a district waits for it, 'failed' when the download failed. */
export const $districtLoad = generator.$status;

interface PendingSubmit {
	seed: string;
	choice: DistrictChoice;
	weights: Partial<DistrictWeights>;
}
// The register the scorer reads comes from the generator, so a submit waits for both.
const scoring = deferredScoring<Scorer, PendingSubmit>(
	() =>
		Promise.all([loadScorer(), loadGenerator()]).then(([scorer, gen]) => {
			$districtGenerator.set(gen);
			return scorer;
		}),
	(scorer, s) => {
		const gen = $districtGenerator.get() as Generator; // set by the load above
		const fb = scorer.scoreDistrict(gen.generateDistrict(s.seed), s.choice, s.weights);
		recordSim(DISTRICT_SIM_ID, { score: fb.score, max: fb.max, seed: s.seed, detail: { choice: s.choice } });
	},
);
/** The scorer module once fetched. */
const $districtScorer = scoring.$module;
/** Fetching the scorer: 'loading' while a submit waits for it, 'failed' when the download failed. */
export const $districtScoring = scoring.$status;

/** The whole district with its register (null until the generator is fetched). */
export const $district = computed([$districtSeed, $districtGenerator], (seed, gen) => (gen ? gen.generateDistrict(seed) : null));
/** What the page shows of the district: the default view, or the generator's (null while it loads). */
export const $districtView = computed([$districtSeed, $districtDefault, $district, $districtGenerator], (seed, def, d, gen) =>
	def && def.seed === seed ? def : d && gen ? gen.districtView(d) : null,
);
export const $districtErrors = computed([$districtView, $districtChoice], (v, c) => (v ? validateChoice(v, c) : []));
export const $districtFeedback = computed([$districtSubmitted, $district, $districtChoice, $districtWeights, $districtScorer], (submitted, d, c, w, scorer) =>
	submitted && d && scorer ? scorer.scoreDistrict(d, c, w) : null,
);

/** Fetch the generator (again, after a failed download). */
export function retryDistrictLoad(): Promise<void> {
	return generator.fetch().then(() => {});
}

/** Open the district of a seed (clears the decision); a district other than the default fetches the generator. */
export function setDistrictSeed(seed: string): void {
	$districtSeed.set(seed);
	clearDistrictChoice();
	if (!$districtView.get()) void retryDistrictLoad();
}

/** Tick or untick one option of a field. */
export function toggleDistrictOption(field: ChoiceField, code: string, on: boolean): void {
	const view = $districtView.get();
	if (!view) return; // no options are shown before the district is there
	const current = $districtChoice.get()[field] as string[];
	const next = on ? [...new Set([...current, code])] : current.filter((x) => x !== code);
	$districtChoice.set(cleanChoice(view, { ...$districtChoice.get(), [field]: next }));
	$districtSubmitted.set(false);
}

/**
 * Submit when the decision is complete: show the feedback and save the result to progress once
 * the scorer (and the generator, for the register) is loaded. Returns false (and does nothing)
 * when the decision is incomplete, else a promise settled once the click is scored and recorded
 * or a download failed.
 */
export function submitDistrict(): false | Promise<void> {
	if (!$districtView.get() || $districtErrors.get().length > 0) return false;
	const click = { seed: $districtSeed.get(), choice: $districtChoice.get(), weights: $districtWeights.get() };
	$districtSubmitted.set(true);
	return scoring.submit(click);
}

/** After a failed download of the scorer: try again, then score and record the waiting submits. */
export const retryDistrictScoring = scoring.retry;

/** Start the decision again in the same district. */
export function clearDistrictChoice(): void {
	$districtChoice.set({ segments: [], channels: [], competitors: [] });
	$districtSubmitted.set(false);
}

/** A new random district. */
export function newDistrict(random?: () => number): void {
	setDistrictSeed(randomSeed(random));
}
