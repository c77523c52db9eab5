/**
 * The product-matching simulation (syllabus 5.三; lessons m5/04 and m5/05): which mock client a
 * class sees for a seed and an industry track, and the checks of what a learner types into the
 * five-element form, the what-if replay and the working-capital calculator. The figures its charts
 * show are product-matching-charts.ts; the scenario of a seed (the generator and the expert)
 * product-matching-scenario.ts, scoring itself scoring/product-choice.ts; the rules are
 * product-rules.ts, their thresholds and the client profile client-profile.ts.
 *
 * Units: money in 万元; terms in months; rates, margins and shares as fractions, except the
 * form's rate and calculator margin/growth fields, which a learner types in percent (4.35 means
 * 4.35%). Input is text: a blank field, text that is not a number and a value outside its range
 * each give an `InputError` code for the UI to explain; no function throws on learner input.
 */
import type { Client, IndustryTrack } from './client';
import { GUARANTEE_METHODS, PRODUCT_IDS, REPAYMENT_METHODS, type GuaranteeMethod, type RepaymentMethod } from './loan-terms';
import type { ExpertDecision, ProductDecision } from './product-rules';
import { baseRate, findProduct, rateBounds, type Catalogue, type Product, type Range } from './products';
import { finiteOr } from './numbers';
import { workingCapitalNeed, type WorkingCapitalInput, type WorkingCapitalResult } from './working-capital';

// ---------------------------------------------------------------- scenario

/** The three industry tracks the simulation practises (syllabus 5.三.1.2). */
export const MATCHING_TRACKS = ['trade', 'services', 'manufacturing'] as const satisfies readonly IndustryTrack[];
export type MatchingTrack = (typeof MATCHING_TRACKS)[number];

/** Whether `x` is one of the practised tracks. */
export function isMatchingTrack(x: unknown): x is MatchingTrack {
	return (MATCHING_TRACKS as readonly unknown[]).includes(x);
}

/** The client a seed and track give, the expert's decision on it, and its index in the pool. */
export interface MatchingScenario {
	client: Client;
	expert: ExpertDecision;
	/** 0-based position in the seeded pool (0 when no client is lendable). */
	index: number;
}

/** The catalogue in the canonical order of PRODUCT_IDS (a bank's extra products after, by id). */
export function orderCatalogue(products: readonly Product[]): Product[] {
	const rank = (p: Product) => {
		const i = (PRODUCT_IDS as readonly string[]).indexOf(p.id);
		return i < 0 ? PRODUCT_IDS.length : i;
	};
	return [...products].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------- input

/** Why a typed value is refused. */
export type InputErrorCode = 'required' | 'not-number' | 'not-integer' | 'below-min' | 'above-max' | 'not-offered' | 'too-long';

/** A refused value, with the limit it broke when there is one. */
export interface InputError {
	code: InputErrorCode;
	min?: number;
	max?: number;
}

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Read a number as a learner types it: spaces and thousands commas are ignored and full-width
 * digits (５０．５) accepted. null when blank, NaN when it is not a number.
 */
export function parseNumberInput(raw: unknown): number | null {
	const s = String(raw ?? '')
		.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
		.replace(/．/g, '.')
		.replace(/[－−]/g, '-')
		.replace(/[\s,，]/g, '');
	if (s === '') return null;
	return NUMBER_TEXT.test(s) ? Number(s) : NaN;
}

/** Check a typed number against a range; whole numbers only when `integer`. */
export function checkNumber(raw: unknown, range: Range | null, integer = false): { ok: true; value: number } | { ok: false; error: InputError } {
	const value = parseNumberInput(raw);
	if (value === null) return { ok: false, error: { code: 'required' } };
	if (!Number.isFinite(value)) return { ok: false, error: { code: 'not-number' } };
	if (integer && !Number.isInteger(value)) return { ok: false, error: { code: 'not-integer' } };
	const lo = range?.min ?? 0;
	if (value < lo - 1e-9 || (range === null && value <= 0)) return { ok: false, error: { code: 'below-min', min: lo, ...(range ? { max: range.max } : {}) } };
	if (range && value > range.max + 1e-9) return { ok: false, error: { code: 'above-max', min: range.min, max: range.max } };
	return { ok: true, value };
}

/** Percent (as typed) → fraction, rounded to 1e-6 (4.35 → 0.0435). */
export const pctToRate = (pct: number): number => Math.round(pct * 1e4) / 1e6;
/** Fraction → percent for display and forms, rounded to 1e-4 (0.0435 → 4.35). */
export const rateToPct = (rate: number): number => Math.round(rate * 1e6) / 1e4;

/** What a product lets a learner type: amount, term and rate ranges (rate in percent). */
export interface ProductLimits {
	amountWan: Range;
	termMonths: Range;
	ratePct: Range;
	/** The product's base rate in percent and which LPR it is. */
	basePct: number;
	base: Product['pricing']['base'];
	spreadBp: Range;
	repayment: RepaymentMethod[];
	guarantee: GuaranteeMethod[];
}

/** The ranges and lists a product allows. */
export function productLimits(product: Product): ProductLimits {
	const b = rateBounds(product);
	return {
		amountWan: { ...product.amountWan },
		termMonths: { ...product.termMonths },
		ratePct: { min: rateToPct(b.min), max: rateToPct(b.max) },
		basePct: rateToPct(baseRate(product)),
		base: product.pricing.base,
		spreadBp: { min: product.pricing.minSpreadBp, max: product.pricing.maxSpreadBp },
		repayment: [...product.repaymentMethods],
		guarantee: [...product.guaranteeMethods],
	};
}

/** The five-element form as typed. */
export interface DecisionDraft {
	productId: string;
	amountWan: string;
	termMonths: string;
	/** Annual rate in percent. */
	ratePct: string;
	repayment: string;
	guarantee: string;
	/** Optional one-line reasoning, at most RATIONALE_MAX_CHARS characters. */
	rationale: string;
}
export type DraftField = keyof DecisionDraft;

/** Form fields in the order they are shown (and focused on error). */
export const DRAFT_FIELDS = ['productId', 'amountWan', 'termMonths', 'ratePct', 'repayment', 'guarantee', 'rationale'] as const satisfies readonly DraftField[];

/** An empty form. */
export const EMPTY_DRAFT: Readonly<DecisionDraft> = { productId: '', amountWan: '', termMonths: '', ratePct: '', repayment: '', guarantee: '', rationale: '' };

/** Longest rationale, characters. */
export const RATIONALE_MAX_CHARS = 200;

/** The five elements a what-if may change. */
export const WHAT_IF_ELEMENTS = ['amountWan', 'termMonths', 'ratePct', 'repayment', 'guarantee'] as const satisfies readonly DraftField[];
export type WhatIfElement = (typeof WHAT_IF_ELEMENTS)[number];

/** Check one element's typed value against the product (null: no product chosen yet). */
export function checkElement(field: WhatIfElement, raw: string, product: Product | null): { ok: true; change: Partial<ProductDecision> } | { ok: false; error: InputError } {
	const limits = product ? productLimits(product) : null;
	if (field === 'repayment' || field === 'guarantee') {
		if (raw === '') return { ok: false, error: { code: 'required' } };
		const all: readonly string[] = field === 'repayment' ? REPAYMENT_METHODS : GUARANTEE_METHODS;
		const allowed: readonly string[] = limits ? limits[field] : all;
		if (!allowed.includes(raw)) return { ok: false, error: { code: 'not-offered' } };
		return { ok: true, change: field === 'repayment' ? { repayment: raw as RepaymentMethod } : { guarantee: raw as GuaranteeMethod } };
	}
	const r = checkNumber(raw, limits ? limits[field] : null, field === 'termMonths');
	if (!r.ok) return r;
	if (field === 'amountWan') return { ok: true, change: { amountWan: r.value } };
	if (field === 'termMonths') return { ok: true, change: { termMonths: r.value } };
	return { ok: true, change: { annualRate: pctToRate(r.value) } };
}

/** The form checked: the decision when every field is valid, and an error per invalid field. */
export function validateDraft(draft: DecisionDraft, catalogue: Catalogue): { decision: ProductDecision | null; errors: Partial<Record<DraftField, InputError>> } {
	const errors: Partial<Record<DraftField, InputError>> = {};
	const product = findProduct(catalogue, draft.productId) ?? null;
	if (!product) errors.productId = { code: draft.productId === '' ? 'required' : 'not-offered' };
	let decision: ProductDecision = { productId: draft.productId, amountWan: 0, termMonths: 0, annualRate: 0, repayment: 'interest-monthly-bullet', guarantee: 'credit' };
	for (const field of WHAT_IF_ELEMENTS) {
		const r = checkElement(field, draft[field], product);
		if (r.ok) decision = { ...decision, ...r.change };
		else errors[field] = r.error;
	}
	const rationale = draft.rationale.trim();
	if ([...rationale].length > RATIONALE_MAX_CHARS) errors.rationale = { code: 'too-long', max: RATIONALE_MAX_CHARS };
	if (Object.keys(errors).length > 0) return { decision: null, errors };
	return { decision: rationale ? { ...decision, rationale } : decision, errors };
}

/** The form values that reproduce a decision (e.g. the expert's). */
export function draftOf(decision: ProductDecision): DecisionDraft {
	return {
		productId: decision.productId,
		amountWan: String(decision.amountWan),
		termMonths: String(decision.termMonths),
		ratePct: String(rateToPct(decision.annualRate)),
		repayment: decision.repayment,
		guarantee: decision.guarantee,
		rationale: decision.rationale ?? '',
	};
}

// ---------------------------------------------------------------- working-capital calculator

/** The calculator's fields in the order of the 2010 formula. */
export const WC_FIELDS = [
	'lastYearRevenueWan',
	'lastYearProfitMargin',
	'expectedGrowth',
	'inventoryDays',
	'receivableDays',
	'payableDays',
	'prepaidDays',
	'advanceReceiptDays',
	'ownFundsWan',
	'existingWorkingCapitalLoansWan',
	'otherFundingWan',
] as const satisfies readonly (keyof WorkingCapitalInput)[];
export type WcField = (typeof WC_FIELDS)[number];

/** Fields a learner types in percent. */
export const WC_PERCENT_FIELDS: readonly WcField[] = ['lastYearProfitMargin', 'expectedGrowth'];

/** The calculator as typed. */
export type WcForm = Record<WcField, string>;

/** Prefill the calculator from the formula's input (fractions shown in percent). */
export function wcFormOf(input: WorkingCapitalInput): WcForm {
	const out = {} as WcForm;
	for (const f of WC_FIELDS) {
		const v = finiteOr(input[f], 0);
		out[f] = String(WC_PERCENT_FIELDS.includes(f) ? rateToPct(v) : v);
	}
	return out;
}

/** The calculator's text as the formula's input: percent fields → fractions; unreadable → NaN (the formula reports it). */
export function wcInputOf(form: WcForm): WorkingCapitalInput {
	const out = {} as WorkingCapitalInput;
	for (const f of WC_FIELDS) {
		const v = parseNumberInput(form[f]) ?? NaN;
		out[f] = WC_PERCENT_FIELDS.includes(f) && Number.isFinite(v) ? pctToRate(v) : v;
	}
	return out;
}

/** Run the 2010 formula on the calculator's text. */
export function calculateWorkingCapital(form: WcForm): WorkingCapitalResult {
	return workingCapitalNeed(wcInputOf(form));
}

/** The amount the calculator suggests: the new loan limit rounded down to 0.1 万元, null when there is no need. */
export function suggestedAmountWan(result: WorkingCapitalResult): number | null {
	if (!result.ok || result.newLoanLimitWan <= 0) return null;
	const a = Math.floor(result.newLoanLimitWan * 10 + 1e-9) / 10;
	return a > 0 ? a : null;
}
