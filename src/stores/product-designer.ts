/**
 * State of the product designer: the scenario (seed, sample size, brief), the design form as the
 * learner typed it, and the design last submitted. The sample, its profile, the evaluation and the
 * feedback are derived from it by src/domain/product-design-evaluation.ts.
 *
 * That module (with the client generator and the product rules) is not loaded with the page: the
 * profiles the page opens on (the lesson's seed and sample size, every brief) are made at build by
 * the Embed (`$pdDefault`). The evaluation module is fetched when the learner opens another sample
 * (URL, typed seed, size or a new sample) — until then `$pdProfile` is null (`$pdSampleLoad`:
 * loading / failed, `retrySampleLoad()`) — or submits: each submit click is kept (design, scenario
 * and weights as they were at the click) until the module is there, then scored and recorded
 * exactly once, in order; a failed download keeps the pending clicks for `retryScoring()`.
 */
import { atom, computed, map } from 'nanostores';
import type { GuaranteeMethod, RepaymentMethod } from '../domain/loan-terms';
import {
	BRIEFS,
	BRIEF_IDS,
	DEFAULT_DESIGN,
	DEFAULT_PRODUCT_DESIGN_WEIGHTS,
	DEFAULT_SAMPLE,
	validateDesign,
	type BriefId,
	type DataRequirement,
	type ProductDesign,
	type ProductDesignWeights,
	type SampleProfile,
} from '../domain/product-design';
import { lazyModule } from '../lib/lazy';
import { deferredScoring } from './deferred-scoring';
import { onDemand } from './on-demand';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const PRODUCT_DESIGNER_SIM_ID = 'product-designer';
export { DEFAULT_SAMPLE, SAMPLE_RANGE } from '../domain/product-design';

/** Numeric fields of the form, kept as typed (so a half-typed value is not lost). */
export const NUMBER_FIELDS = ['amountMinWan', 'amountMaxWan', 'termMinMonths', 'termMaxMonths', 'spreadBp', 'minYearsInBusiness'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** The form: numbers as text, lists as chosen codes. */
export interface DesignForm {
	numbers: Record<NumberField, string>;
	repayments: RepaymentMethod[];
	guarantees: GuaranteeMethod[];
	requirements: DataRequirement[];
}

/** The form for a design. */
export function formOf(d: ProductDesign): DesignForm {
	return {
		numbers: {
			amountMinWan: String(d.amountMinWan),
			amountMaxWan: String(d.amountMaxWan),
			termMinMonths: String(d.termMinMonths),
			termMaxMonths: String(d.termMaxMonths),
			spreadBp: String(d.spreadBp),
			minYearsInBusiness: String(d.minYearsInBusiness),
		},
		repayments: [...d.repayments],
		guarantees: [...d.guarantees],
		requirements: [...d.requirements],
	};
}

/** Parse a typed number: blank or non-numeric text is NaN (reported by validateDesign). */
export function parseNumber(text: string): number {
	const s = String(text ?? '').trim().replace(/，/g, '').replace(/,/g, '');
	return s === '' ? NaN : Number(s);
}

/** The design the form describes (NaN where a number is not valid). */
export function designOf(form: DesignForm): ProductDesign {
	const n = (k: NumberField) => parseNumber(form.numbers[k]);
	return {
		amountMinWan: n('amountMinWan'),
		amountMaxWan: n('amountMaxWan'),
		termMinMonths: n('termMinMonths'),
		termMaxMonths: n('termMaxMonths'),
		spreadBp: n('spreadBp'),
		minYearsInBusiness: n('minYearsInBusiness'),
		repayments: [...form.repayments],
		guarantees: [...form.guarantees],
		requirements: [...form.requirements],
	};
}

type Evaluator = typeof import('../domain/product-design-evaluation');
/** One download of the evaluation module, shared by the sample and the scoring. */
const loadEvaluator = lazyModule(() => import('../domain/product-design-evaluation'));
const sampleCode = onDemand<Evaluator>(loadEvaluator);

export const $pdScenario = map({ seed: 'sme-2026', count: DEFAULT_SAMPLE });
export const $pdBrief = atom<BriefId>(BRIEF_IDS[0]);
export const $pdForm = atom<DesignForm>(formOf(DEFAULT_DESIGN));
/** The submitted design, or null while the learner edits. */
export const $pdSubmitted = atom<ProductDesign | null>(null);
export const $pdWeights = atom<ProductDesignWeights>(DEFAULT_PRODUCT_DESIGN_WEIGHTS);

/** A submit click: what it scores, as it was at the click. */
interface PendingSubmit {
	design: ProductDesign;
	brief: BriefId;
	seed: string;
	count: number;
	weights: ProductDesignWeights;
}
const scoring = deferredScoring<Evaluator, PendingSubmit>(loadEvaluator, (m, s) => {
	const fb = m.runDesign(s.brief, s.seed, s.count, s.design, s.weights).feedback;
	recordSim(PRODUCT_DESIGNER_SIM_ID, { score: fb.score, max: fb.max, seed: s.seed, detail: { brief: s.brief, count: s.count, design: s.design } });
});
/** Fetching the module for a submit: 'loading' while a submit waits for it, 'failed' when the download failed. */
export const $pdScoring = scoring.$status;

/** The profiles the page was built with, one per brief (null: none given, the module makes every profile). */
export const $pdDefault = atom<{ seed: string; count: number; profiles: Readonly<Record<BriefId, SampleProfile>> } | null>(null);
/** The evaluation module once fetched (by a scenario or a submit: both share one download). */
export const $pdEvaluator = computed([sampleCode.$module, scoring.$module], (a, b) => a ?? b);
/** Fetching the module for a sample other than the page's: 'loading' while it waits, 'failed' when the download failed. */
export const $pdSampleLoad = sampleCode.$status;

const isDefault = (def: ReturnType<typeof $pdDefault.get>, seed: string, count: number): def is NonNullable<typeof def> => def !== null && def.seed === seed && def.count === count;

export const $pdDesign = computed($pdForm, designOf);
export const $pdErrors = computed($pdDesign, validateDesign);
/** The sample of the scenario and brief (null until the evaluation module is there). */
export const $pdSample = computed([$pdScenario, $pdBrief, $pdEvaluator], ({ seed, count }, brief, m) => (m ? m.sampleClients(BRIEFS[brief], seed, count) : null));
/** The sample's profile: the page's, or the module's (null while it loads). */
export const $pdProfile = computed([$pdScenario, $pdDefault, $pdBrief, $pdSample, $pdEvaluator], ({ seed, count }, def, brief, sample, m): SampleProfile | null =>
	isDefault(def, seed, count) ? def.profiles[brief] : sample && m ? m.profileSample(sample) : null,
);
export const $pdEvaluation = computed([$pdSample, $pdSubmitted, $pdEvaluator], (sample, design, m) => (design && sample && m ? m.evaluateDesign(sample, design) : null));
export const $pdFeedback = computed([$pdEvaluation, $pdWeights, $pdEvaluator], (e, w, m) => (e && m ? m.scoreDesign(e, w) : null));
export const $pdHistogram = computed([$pdEvaluation, $pdEvaluator], (e, m) => (e && m ? m.needHistogram(e) : null));

/** Fetch the evaluation module for the sample (again, after a failed download). */
export function retrySampleLoad(): Promise<void> {
	return sampleCode.fetch().then(() => {});
}

/** After a failed download of the module for a submit: try again, then score and record the waiting submits. */
export const retryScoring = scoring.retry;

/** Fetch the sample's code if the scenario is not one the page was built with. */
function ensureSample(): void {
	if (!$pdProfile.get()) void retrySampleLoad();
}

/** Start a scenario: the same design, a new sample (clears the result). */
export function setScenario(seed: string, count: number): void {
	$pdScenario.set({ seed, count });
	$pdSubmitted.set(null);
	ensureSample();
}

/** Pick a brief (clears the result). */
export function setBrief(id: BriefId): void {
	$pdBrief.set(id);
	$pdSubmitted.set(null);
	ensureSample();
}

/** Type into a numeric field (clears the result). */
export function setNumber(field: NumberField, text: string): void {
	const f = $pdForm.get();
	$pdForm.set({ ...f, numbers: { ...f.numbers, [field]: text } });
	$pdSubmitted.set(null);
}

type ListField = 'repayments' | 'guarantees' | 'requirements';

/** Tick or untick an option of a list (clears the result). */
export function toggle(field: 'repayments', code: RepaymentMethod, on: boolean): void;
export function toggle(field: 'guarantees', code: GuaranteeMethod, on: boolean): void;
export function toggle(field: 'requirements', code: DataRequirement, on: boolean): void;
export function toggle(field: ListField, code: string, on: boolean): void {
	const f = $pdForm.get();
	const list = (f[field] as string[]).filter((x) => x !== code);
	if (on) list.push(code);
	$pdForm.set({ ...f, [field]: list });
	$pdSubmitted.set(null);
}

/**
 * Submit the design: show the result and save it to progress, once the evaluation module is there
 * (fetched now if needed; a failed download waits for `retryScoring()`). Resolves false (and
 * changes nothing) when the form has errors.
 */
export function submitDesign(): Promise<boolean> {
	const design = $pdDesign.get();
	if (validateDesign(design).length > 0) return Promise.resolve(false);
	const { seed, count } = $pdScenario.get();
	const click: PendingSubmit = { design, brief: $pdBrief.get(), seed, count, weights: $pdWeights.get() };
	$pdSubmitted.set(design);
	return scoring.submit(click).then(() => true);
}

/** Back to the starting design (clears the result). */
export function resetDesign(): void {
	$pdForm.set(formOf(DEFAULT_DESIGN));
	$pdSubmitted.set(null);
}

/** A new random sample of the same size. */
export function newSample(random?: () => number): void {
	setScenario(randomSeed(random), $pdScenario.get().count);
}
