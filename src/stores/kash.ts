/**
 * State of the KASH self-assessment: the learner's current ratings, whether they were submitted,
 * and a snapshot of the previous self-assessment (from saved progress) to compare with. Feedback,
 * dimension means and the development plan are derived by the domain (src/domain/kash.ts).
 */
import { atom, computed, map } from 'nanostores';
import { assessKash, isRating, kashPlan, kashTotal, parseKashRatings, unratedItems, type KashItemId, type KashRatings } from '../domain/kash';
import { $progress, recordSim } from './progress';

export const KASH_SIM_ID = 'kash';

/** The previous self-assessment: its ratings and when it was saved (epoch ms). */
export interface KashPrevious {
	ratings: KashRatings;
	at: number;
}

export const $kashRatings = map<KashRatings>({});
export const $kashSubmitted = atom(false);
export const $kashPrevious = atom<KashPrevious | null>(null);

export const $kashFeedback = computed([$kashSubmitted, $kashRatings, $kashPrevious], (submitted, ratings, previous) =>
	submitted ? assessKash(ratings, previous?.ratings) : null,
);
export const $kashPlan = computed([$kashSubmitted, $kashRatings], (submitted, ratings) => (submitted ? kashPlan(ratings) : []));

/**
 * Take the last saved self-assessment from progress as "previous" (once per page: later submits in
 * the same visit compare with the same snapshot). Returns whether there was one.
 */
export function loadPreviousKash(): boolean {
	const rec = $progress.get().sims[KASH_SIM_ID];
	const ratings = parseKashRatings(rec?.detail);
	if (rec && Object.keys(ratings).length > 0) {
		$kashPrevious.set({ ratings, at: rec.at });
		return true;
	}
	$kashPrevious.set(null);
	return false;
}

/** Rate one item; invalid values are ignored. Changing a rating reopens the assessment. */
export function rateKash(item: KashItemId, rating: number): void {
	if (!isRating(rating)) return;
	$kashRatings.setKey(item, rating);
	$kashSubmitted.set(false);
}

/** Start from the previous ratings (the learner then changes what moved). */
export function startFromPrevious(): void {
	const prev = $kashPrevious.get();
	if (!prev) return;
	$kashRatings.set({ ...prev.ratings });
	$kashSubmitted.set(false);
}

/**
 * Submit: when every item is rated, save the total to progress with the ratings as detail and
 * return []; otherwise return the unrated items and save nothing.
 */
export function submitKash(): KashItemId[] {
	const ratings = $kashRatings.get();
	const missing = unratedItems(ratings);
	if (missing.length > 0) return missing;
	$kashSubmitted.set(true);
	const { score, max } = kashTotal(ratings);
	recordSim(KASH_SIM_ID, { score, max, detail: parseKashRatings(ratings) });
	return [];
}

/** Clear the ratings (the previous snapshot stays). */
export function clearKash(): void {
	$kashRatings.set({});
	$kashSubmitted.set(false);
}
