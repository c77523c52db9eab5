/**
 * State of the bundle-builder simulation (m5/01): the scenario (seed of the simulated year, client
 * profile), the learner's bundle (add-ons, how each is offered, the rate concession) and whether it
 * was submitted. The plan, the simulated years and the feedback are derived by the domain.
 */
import { atom, computed, map } from 'nanostores';
import {
	bestFitChoice,
	bundleProfile,
	evaluateBundle,
	isAddOnService,
	scoreBundle,
	simulateBundleYear,
	type AddOnService,
	type BundleChoice,
	type BundleProfileId,
	type BundleWeights,
	type OfferMode,
} from '../domain/bundle';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const BUNDLE_SIM_ID = 'bundle-builder';
export const DEFAULT_BUNDLE_SEED = 'bundle-2026';

export const $bundleScenario = map<{ seed: string; profile: BundleProfileId }>({ seed: DEFAULT_BUNDLE_SEED, profile: 'wholesaler' });
export const $bundleChoice = map<BundleChoice>({ services: {}, concessionPp: 0 });
export const $bundleSubmitted = atom(false);
export const $bundleWeights = atom<Partial<BundleWeights>>({});

export const $bundleProfile = computed($bundleScenario, ({ profile }) => bundleProfile(profile));
export const $bundlePlan = computed([$bundleProfile, $bundleChoice], (profile, choice) => evaluateBundle(profile, choice));
export const $bundleFeedback = computed([$bundleSubmitted, $bundleProfile, $bundleChoice, $bundleWeights], (submitted, profile, choice, weights) =>
	submitted ? scoreBundle(profile, choice, weights) : null,
);
/** The simulated first year of the learner's bundle, the best-fit bundle and the loan alone (after submitting). */
export const $bundleYears = computed([$bundleSubmitted, $bundleScenario, $bundleProfile, $bundleChoice], (submitted, { seed }, profile, choice) =>
	submitted
		? {
				mine: simulateBundleYear(profile, choice, seed),
				best: simulateBundleYear(profile, bestFitChoice(profile, choice.concessionPp), seed),
				loanOnly: simulateBundleYear(profile, { services: {}, concessionPp: 0 }, seed),
			}
		: null,
);

/** Start a scenario (clears the bundle). */
export function setBundleScenario(seed: string, profile: BundleProfileId = $bundleScenario.get().profile): void {
	$bundleScenario.set({ seed, profile });
	clearBundle();
}

/** Pick another client profile (clears the bundle). */
export function chooseProfile(profile: BundleProfileId): void {
	setBundleScenario($bundleScenario.get().seed, profile);
}

/** Put an add-on in the bundle (offered voluntarily unless a mode is given) or take it out. */
export function toggleService(service: AddOnService, on: boolean): void {
	if (!isAddOnService(service)) return;
	const services = { ...$bundleChoice.get().services };
	if (on) services[service] = services[service] ?? 'voluntary';
	else delete services[service];
	$bundleChoice.setKey('services', services);
	$bundleSubmitted.set(false);
}

/** Change how an add-on in the bundle is offered. */
export function setOfferMode(service: AddOnService, mode: OfferMode): void {
	if (!isAddOnService(service) || (mode !== 'voluntary' && mode !== 'tied')) return;
	$bundleChoice.setKey('services', { ...$bundleChoice.get().services, [service]: mode });
	$bundleSubmitted.set(false);
}

/** Set the rate concession (percentage points, already validated). */
export function setConcession(pp: number): void {
	const value = Number.isFinite(pp) && pp >= 0 ? pp : 0;
	if (value === $bundleChoice.get().concessionPp) return;
	$bundleChoice.setKey('concessionPp', value);
	$bundleSubmitted.set(false);
}

/** Submit: score and save the result to progress. */
export function submitBundle(): void {
	$bundleSubmitted.set(true);
	const fb = $bundleFeedback.get();
	const { seed, profile } = $bundleScenario.get();
	if (fb) recordSim(BUNDLE_SIM_ID, { score: fb.score, max: fb.max, seed, detail: { profile, choice: $bundleChoice.get() } });
}

/** Start the bundle again for the same client. */
export function clearBundle(): void {
	$bundleChoice.set({ services: {}, concessionPp: 0 });
	$bundleSubmitted.set(false);
}

/** A new random year for the same client. */
export function newBundleYear(random?: () => number): void {
	setBundleScenario(randomSeed(random));
}
