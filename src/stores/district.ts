/**
 * State of the district-research simulation (m5/03): the seed of the district, the learner's
 * decision (target segments, linkage channels, competitor products to watch) and whether it was
 * submitted. The district, its statistics and the feedback are derived by the domain.
 */
import { atom, computed, map } from 'nanostores';
import {
	ageByType,
	cleanChoice,
	districtTotals,
	generateDistrict,
	scoreDistrict,
	segmentStats,
	validateChoice,
	type DistrictChoice,
	type DistrictWeights,
} from '../domain/district';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const DISTRICT_SIM_ID = 'district-research';
export const DEFAULT_DISTRICT_SEED = 'district-2026';

export type ChoiceField = keyof DistrictChoice;

export const $districtSeed = atom(DEFAULT_DISTRICT_SEED);
export const $districtChoice = map<DistrictChoice>({ segments: [], channels: [], competitors: [] });
export const $districtSubmitted = atom(false);
export const $districtWeights = atom<Partial<DistrictWeights>>({});

export const $district = computed($districtSeed, (seed) => generateDistrict(seed));
export const $districtStats = computed($district, (d) => segmentStats(d));
export const $districtAges = computed($district, (d) => ageByType(d));
export const $districtTotals = computed($district, (d) => districtTotals(d));
export const $districtErrors = computed([$district, $districtChoice], (d, c) => validateChoice(d, c));
export const $districtFeedback = computed([$districtSubmitted, $district, $districtChoice, $districtWeights], (submitted, d, c, w) =>
	submitted ? scoreDistrict(d, c, w) : null,
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

/** Submit when the decision is complete: score and save to progress. Returns false when it is not. */
export function submitDistrict(): boolean {
	if ($districtErrors.get().length > 0) return false;
	$districtSubmitted.set(true);
	const fb = $districtFeedback.get();
	if (fb) recordSim(DISTRICT_SIM_ID, { score: fb.score, max: fb.max, seed: $districtSeed.get(), detail: { choice: $districtChoice.get() } });
	return true;
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
