/**
 * State of one product-matching simulation: the scenario (seed, industry track), the learner's
 * five-element form, the working-capital calculator, the submitted decision and the what-if replay.
 * The client, the checks, the feedback and the replay's scores are derived by the domain.
 *
 * A lesson may embed the simulation more than once (one per industry track), so the state is
 * made per instance by `createProductMatching` rather than kept in module-level atoms; every
 * instance saves to the same progress entry, PRODUCT_MATCHING_SIM_ID.
 */
import { atom, computed, map } from 'nanostores';
import {
	DRAFT_FIELDS,
	EMPTY_DRAFT,
	calculateWorkingCapital,
	checkElement,
	orderCatalogue,
	scenarioFor,
	suggestedAmountWan,
	validateDraft,
	wcFormOf,
	type DecisionDraft,
	type DraftField,
	type InputError,
	type MatchingTrack,
	type WcField,
	type WhatIfElement,
} from '../domain/product-matching';
import type { ProductDecision } from '../domain/product-rules';
import { findProduct, type Product } from '../domain/products';
import { DEFAULT_PRODUCT_WEIGHTS, scoreProductChoice, whatIf, type ProductWeights } from '../domain/scoring/product-choice';
import { workingCapitalInputOf } from '../domain/segments';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const PRODUCT_MATCHING_SIM_ID = 'product-matching';

/** What a simulation instance starts from. */
export interface ProductMatchingInit {
	catalogue: readonly Product[];
	weights?: ProductWeights;
	seed: string;
	track: MatchingTrack;
}

/** A what-if: the element changed, the value as typed and the change it makes. */
export interface WhatIfState {
	element: WhatIfElement;
	raw: string;
	change: Partial<ProductDecision>;
}

/** Make the stores and actions of one simulation instance. */
export function createProductMatching(init: ProductMatchingInit) {
	const catalogue = orderCatalogue(init.catalogue);
	const weights = init.weights ?? DEFAULT_PRODUCT_WEIGHTS;

	const $scenario = map<{ seed: string; track: MatchingTrack }>({ seed: init.seed, track: init.track });
	const $case = computed($scenario, ({ seed, track }) => scenarioFor(seed, track, catalogue));
	const $client = computed($case, (c) => c.client);

	const $draft = map<DecisionDraft>({ ...EMPTY_DRAFT });
	/** Fields whose errors are shown (edited, or all after a submit attempt). */
	const $shown = atom<Partial<Record<DraftField, true>>>({});
	const $check = computed($draft, (d) => validateDraft(d, catalogue));
	const $product = computed($draft, (d) => findProduct(catalogue, d.productId) ?? null);

	const $wcForm = map(wcFormOf(workingCapitalInputOf($client.get())));
	const $wcResult = computed($wcForm, calculateWorkingCapital);

	const $submitted = atom<ProductDecision | null>(null);
	const $feedback = computed([$submitted, $client], (d, client) => (d ? scoreProductChoice(client, catalogue, d, weights) : null));

	const $whatIf = atom<WhatIfState | null>(null);
	const $whatIfResult = computed([$submitted, $whatIf, $client], (d, w, client) => (d && w ? whatIf(client, catalogue, d, w.change, weights) : null));

	const clearAttempt = () => {
		$submitted.set(null);
		$whatIf.set(null);
	};

	/** Empty the form and the calculator for the current client. */
	function retry(): void {
		$draft.set({ ...EMPTY_DRAFT });
		$shown.set({});
		$wcForm.set(wcFormOf(workingCapitalInputOf($client.get())));
		clearAttempt();
	}

	/** Show a seed and track (starts afresh). */
	function setScenario(seed: string, track: MatchingTrack): void {
		$scenario.set({ seed, track });
		retry();
	}

	/** Type into one field; any change after a submit reopens the attempt. */
	function setField(field: DraftField, value: string): void {
		$draft.setKey(field, value);
		$shown.set({ ...$shown.get(), [field]: true });
		clearAttempt();
	}

	/** Choose a product; a repayment or guarantee it does not offer is cleared. */
	function selectProduct(productId: string): void {
		const p = findProduct(catalogue, productId);
		const d = $draft.get();
		$draft.set({
			...d,
			productId,
			repayment: p && p.repaymentMethods.includes(d.repayment as never) ? d.repayment : '',
			guarantee: p && p.guaranteeMethods.includes(d.guarantee as never) ? d.guarantee : '',
		});
		$shown.set({ ...$shown.get(), productId: true });
		clearAttempt();
	}

	/** Type into the calculator. */
	function setWcField(field: WcField, value: string): void {
		$wcForm.setKey(field, value);
	}

	/** Put the calculator back to the client's own figures. */
	function resetWc(): void {
		$wcForm.set(wcFormOf(workingCapitalInputOf($client.get())));
	}

	/** Copy the calculator's new loan limit into the amount; false when there is no positive limit. */
	function useWcAmount(): boolean {
		const a = suggestedAmountWan($wcResult.get());
		if (a === null) return false;
		setField('amountWan', String(a));
		return true;
	}

	/** Submit: score and save when the form is valid, else show every error and name the first field. */
	function submit(): { ok: true } | { ok: false; firstInvalid: DraftField } {
		const { decision, errors } = $check.get();
		if (!decision) {
			$shown.set(Object.fromEntries(DRAFT_FIELDS.map((f) => [f, true])));
			return { ok: false, firstInvalid: DRAFT_FIELDS.find((f) => errors[f]) as DraftField };
		}
		$submitted.set(decision);
		$whatIf.set(null);
		const fb = $feedback.get();
		const { seed, track } = $scenario.get();
		if (fb) recordSim(PRODUCT_MATCHING_SIM_ID, { score: fb.score, max: fb.max, seed, detail: { track, clientId: $client.get().id, decision } });
		return { ok: true };
	}

	/** Replay the submitted decision with one element changed; the error when the value is refused. */
	function runWhatIf(element: WhatIfElement, raw: string): InputError | null {
		const d = $submitted.get();
		if (!d) return null;
		const r = checkElement(element, raw, findProduct(catalogue, d.productId) ?? null);
		if (!r.ok) return r.error;
		$whatIf.set({ element, raw, change: r.change });
		return null;
	}

	/** A new random client on the same track. */
	function newClient(random?: () => number): void {
		setScenario(randomSeed(random), $scenario.get().track);
	}

	return {
		catalogue,
		weights,
		$scenario,
		$case,
		$client,
		$draft,
		$shown,
		$check,
		$product,
		$wcForm,
		$wcResult,
		$submitted,
		$feedback,
		$whatIf,
		$whatIfResult,
		setScenario,
		setField,
		selectProduct,
		setWcField,
		resetWc,
		useWcAmount,
		submit,
		runWhatIf,
		retry,
		newClient,
		clearWhatIf: () => $whatIf.set(null),
	};
}

export type ProductMatching = ReturnType<typeof createProductMatching>;
