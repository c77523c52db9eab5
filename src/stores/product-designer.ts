/**
 * State of the product designer: the scenario (seed, sample size, brief), the design form as the
 * learner typed it, and the design last submitted. The sample, its profile, the evaluation and the
 * feedback are derived from it by src/domain/product-design.ts.
 */
import { atom, computed, map } from 'nanostores';
import type { GuaranteeMethod, RepaymentMethod } from '../domain/loan-terms';
import {
	BRIEFS,
	BRIEF_IDS,
	DEFAULT_DESIGN,
	DEFAULT_PRODUCT_DESIGN_WEIGHTS,
	DEFAULT_SAMPLE,
	evaluateDesign,
	needHistogram,
	profileSample,
	sampleClients,
	scoreDesign,
	validateDesign,
	type BriefId,
	type DataRequirement,
	type ProductDesign,
	type ProductDesignWeights,
} from '../domain/product-design';
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

export const $pdScenario = map({ seed: 'sme-2026', count: DEFAULT_SAMPLE });
export const $pdBrief = atom<BriefId>(BRIEF_IDS[0]);
export const $pdForm = atom<DesignForm>(formOf(DEFAULT_DESIGN));
/** The submitted design, or null while the learner edits. */
export const $pdSubmitted = atom<ProductDesign | null>(null);
export const $pdWeights = atom<ProductDesignWeights>(DEFAULT_PRODUCT_DESIGN_WEIGHTS);

export const $pdDesign = computed($pdForm, designOf);
export const $pdErrors = computed($pdDesign, validateDesign);
export const $pdSample = computed([$pdScenario, $pdBrief], ({ seed, count }, brief) => sampleClients(BRIEFS[brief], seed, count));
export const $pdProfile = computed($pdSample, profileSample);
export const $pdEvaluation = computed([$pdSample, $pdSubmitted], (sample, design) => (design ? evaluateDesign(sample, design) : null));
export const $pdFeedback = computed([$pdEvaluation, $pdWeights], (e, w) => (e ? scoreDesign(e, w) : null));
export const $pdHistogram = computed($pdEvaluation, (e) => (e ? needHistogram(e) : null));

/** Start a scenario: the same design, a new sample (clears the result). */
export function setScenario(seed: string, count: number): void {
	$pdScenario.set({ seed, count });
	$pdSubmitted.set(null);
}

/** Pick a brief (clears the result). */
export function setBrief(id: BriefId): void {
	$pdBrief.set(id);
	$pdSubmitted.set(null);
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

/** Submit the design: evaluate, score and save to progress. Returns false (and changes nothing) when the form has errors. */
export function submitDesign(): boolean {
	const design = $pdDesign.get();
	if (validateDesign(design).length > 0) return false;
	$pdSubmitted.set(design);
	const fb = $pdFeedback.get();
	if (fb) {
		const { seed, count } = $pdScenario.get();
		recordSim(PRODUCT_DESIGNER_SIM_ID, { score: fb.score, max: fb.max, seed, detail: { brief: $pdBrief.get(), count, design } });
	}
	return true;
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
