/**
 * State of one product-matching simulation: the scenario (seed, industry track), the learner's
 * five-element form, the working-capital calculator, the submitted decision and the what-if replay.
 * The client, the checks, the feedback and the replay's scores are derived by the domain.
 *
 * A lesson may embed the simulation more than once (one per industry track), so the state is
 * made per instance by `createProductMatching` rather than kept in module-level atoms; every
 * instance saves to the same progress entry, PRODUCT_MATCHING_SIM_ID.
 *
 * Code loaded on demand: the page is built with its default scenario (`init.initial`, computed at
 * build time); any other scenario (another seed or track, a new client) fetches the generator and
 * the expert's rules first (`$caseStatus` 'loading', then 'ready' or 'failed'). The scorer is
 * fetched on the first submit (`$submitStatus`); a submit records exactly once, with the decision
 * and scenario of the click, even when the scorer arrives later.
 */
import { atom, computed, map } from 'nanostores';
import type { Client } from '../domain/client';
import {
	DRAFT_FIELDS,
	EMPTY_DRAFT,
	calculateWorkingCapital,
	checkElement,
	orderCatalogue,
	suggestedAmountWan,
	validateDraft,
	wcFormOf,
	type DecisionDraft,
	type DraftField,
	type InputError,
	type MatchingScenario,
	type MatchingTrack,
	type WcField,
	type WhatIfElement,
} from '../domain/product-matching';
import type { ProductDecision } from '../domain/product-rules';
import { findProduct, type Product } from '../domain/products';
import type { ProductWeights } from '../domain/scoring/product-choice';
import { workingCapitalInputOf } from '../domain/working-capital';
import { lazyModule } from '../lib/lazy';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

const loadScenarioCode = lazyModule(() => import('./product-matching-scenario'));
const loadScorerCode = lazyModule(() => import('./product-matching-scoring'));
type Scorer = Awaited<ReturnType<typeof loadScorerCode>>;
/** The scorer once fetched (shared by every instance). */
let scorer: Scorer | null = null;
const $scorer = atom<Scorer | null>(null);

/** Fetch the scorer (once); later submits score at once. */
async function loadScorer(): Promise<Scorer> {
	const m = await loadScorerCode();
	scorer = m;
	if ($scorer.get() !== m) $scorer.set(m);
	return m;
}

/** Loading state of code fetched on demand. */
export type LoadStatus = 'ready' | 'loading' | 'failed';

export const PRODUCT_MATCHING_SIM_ID = 'product-matching';

/** What a simulation instance starts from. */
export interface ProductMatchingInit {
	catalogue: readonly Product[];
	weights?: ProductWeights;
	seed: string;
	track: MatchingTrack;
	/** The scenario of `seed` and `track` computed at build time (`scenarioFor`), so the page needs no generator. */
	initial?: MatchingScenario;
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
	const key = (seed: string, track: MatchingTrack) => `${track}\u0000${seed}`;
	/** Scenarios already made (the build-time one first), so going back to one needs no code. */
	const scenarios = new Map<string, MatchingScenario>();
	if (init.initial) scenarios.set(key(init.seed, init.track), init.initial);

	const $scenario = map<{ seed: string; track: MatchingTrack }>({ seed: init.seed, track: init.track });
	const $case = atom<MatchingScenario | null>(null);
	const $caseStatus = atom<LoadStatus>('loading');
	/** The client shown; null only while its scenario loads (or failed to). */
	const $client = computed($case, (c): Client | null => (c ? c.client : null));

	const $draft = map<DecisionDraft>({ ...EMPTY_DRAFT });
	/** Fields whose errors are shown (edited, or all after a submit attempt). */
	const $shown = atom<Partial<Record<DraftField, true>>>({});
	const $check = computed($draft, (d) => validateDraft(d, catalogue));
	const $product = computed($draft, (d) => findProduct(catalogue, d.productId) ?? null);

	const $wcForm = map(init.initial ? wcFormOf(workingCapitalInputOf(init.initial.client)) : wcFormOf(workingCapitalInputOf({} as Client)));
	const $wcResult = computed($wcForm, calculateWorkingCapital);

	const $submitted = atom<ProductDecision | null>(null);
	const $submitStatus = atom<LoadStatus>('ready');
	const $feedback = computed([$submitted, $client, $scorer], (d, client, s) => (d && client && s ? s.scoreProductChoice(client, catalogue, d, init.weights) : null));

	const $whatIf = atom<WhatIfState | null>(null);
	const $whatIfResult = computed([$submitted, $whatIf, $client, $scorer], (d, w, client, s) => (d && w && client && s ? s.whatIf(client, catalogue, d, w.change, init.weights) : null));

	/** Bumped by every change of the form or scenario: a submit still waiting for the scorer shows its result only if nothing changed since. */
	let generation = 0;
	/** The submit waiting for the scorer, if any. */
	let pending: { generation: number; done: Promise<void> } | null = null;
	let scenarioLoad: Promise<void> = Promise.resolve();

	const clearAttempt = () => {
		generation++;
		$submitted.set(null);
		$whatIf.set(null);
		// A failed attempt is void once the form or the client changes; a download still under way keeps 'loading'.
		if ($submitStatus.get() === 'failed') $submitStatus.set('ready');
	};

	/** Show the scenario of $scenario: at once when it is known, else after fetching the generator. */
	function showScenario(): Promise<void> {
		const { seed, track } = $scenario.get();
		const k = key(seed, track);
		const known = scenarios.get(k);
		if (known) {
			$case.set(known);
			$caseStatus.set('ready');
			$wcForm.set(wcFormOf(workingCapitalInputOf(known.client)));
			return Promise.resolve();
		}
		$case.set(null);
		$caseStatus.set('loading');
		return loadScenarioCode().then(
			(m) => {
				const sc = scenarios.get(k) ?? m.scenarioOf(seed, track, catalogue);
				scenarios.set(k, sc);
				const now = $scenario.get();
				if (key(now.seed, now.track) === k) {
					$case.set(sc);
					$caseStatus.set('ready');
					$wcForm.set(wcFormOf(workingCapitalInputOf(sc.client)));
				}
			},
			() => {
				const now = $scenario.get();
				if (key(now.seed, now.track) === k) $caseStatus.set('failed');
			},
		);
	}

	scenarioLoad = showScenario();

	/** Empty the form and the calculator for the current client. */
	function retry(): void {
		$draft.set({ ...EMPTY_DRAFT });
		$shown.set({});
		const client = $client.get();
		if (client) $wcForm.set(wcFormOf(workingCapitalInputOf(client)));
		clearAttempt();
	}

	/** Show a seed and track (starts afresh); the client shows once its scenario is made. */
	function setScenario(seed: string, track: MatchingTrack): void {
		$scenario.set({ seed, track });
		retry();
		scenarioLoad = showScenario();
	}

	/** Try again to fetch the scenario's code after a failed download. */
	function reloadScenario(): void {
		if ($caseStatus.get() === 'failed') scenarioLoad = showScenario();
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
		const client = $client.get();
		if (client) $wcForm.set(wcFormOf(workingCapitalInputOf(client)));
	}

	/** Copy the calculator's new loan limit into the amount; false when there is no positive limit. */
	function useWcAmount(): boolean {
		const a = suggestedAmountWan($wcResult.get());
		if (a === null) return false;
		setField('amountWan', String(a));
		return true;
	}

	/** Score and save a decision (the scorer is loaded). */
	function record(s: Scorer, decision: ProductDecision, at: { seed: string; track: MatchingTrack; client: Client }): void {
		const fb = s.scoreProductChoice(at.client, catalogue, decision, init.weights);
		recordSim(PRODUCT_MATCHING_SIM_ID, { score: fb.score, max: fb.max, seed: at.seed, detail: { track: at.track, clientId: at.client.id, decision } });
	}

	/**
	 * Submit: score and save when the form is valid, else show every error and name the first field.
	 * The first submit fetches the scorer ($submitStatus 'loading'); the attempt is recorded when it
	 * arrives, with this click's decision and scenario, and shown unless the form changed meanwhile.
	 * A second click while waiting, on an unchanged form, is the same attempt.
	 */
	function submit(): { ok: true } | { ok: false; firstInvalid: DraftField } {
		const { decision, errors } = $check.get();
		if (!decision) {
			$shown.set(Object.fromEntries(DRAFT_FIELDS.map((f) => [f, true])));
			return { ok: false, firstInvalid: DRAFT_FIELDS.find((f) => errors[f]) as DraftField };
		}
		const client = $client.get();
		if (!client) return { ok: true };
		const at = { ...$scenario.get(), client };
		if (scorer) {
			$submitted.set(decision);
			$whatIf.set(null);
			record(scorer, decision, at);
			return { ok: true };
		}
		if (pending && pending.generation === generation) return { ok: true };
		const mine = generation;
		$submitStatus.set('loading');
		const done = loadScorer().then(
			(s) => {
				if (pending?.done === done) pending = null;
				record(s, decision, at);
				if (mine === generation) {
					$submitted.set(decision);
					$whatIf.set(null);
				}
				if (!pending) $submitStatus.set('ready');
			},
			() => {
				if (pending?.done === done) pending = null;
				if (!pending) $submitStatus.set('failed');
			},
		);
		pending = { generation: mine, done };
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
		$scenario,
		$case,
		$caseStatus,
		$submitStatus,
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
		reloadScenario,
		/** Settles when the scenario being opened is shown (or failed to load). */
		scenarioLoaded: () => scenarioLoad,
		/** Settles when a submit waiting for the scorer is recorded (or failed to load). */
		submitSettled: () => pending?.done ?? Promise.resolve(),
		clearWhatIf: () => $whatIf.set(null),
	};
}

export type ProductMatching = ReturnType<typeof createProductMatching>;
