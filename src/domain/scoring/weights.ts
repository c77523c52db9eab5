/**
 * Every scorer's weights in one place, the defaults, and how a bank's overrides (content/settings,
 * `scoring`, validated by src/schemas/scoring-weights.ts) are merged into them.
 *
 * Units: points. A dimension's maximum is its weight (per client for segmentation, per question
 * for quizzes). Overrides are partial: a missing, negative or non-finite value keeps the default,
 * so a bad settings file can never make a score NaN or negative.
 */
import { DEFAULT_COMPLIANCE_WEIGHTS, type ComplianceWeights } from '../compliance';
import { DEFAULT_PORTFOLIO_WEIGHTS, type PortfolioWeights } from '../portfolio';
import { DEFAULT_PRODUCT_WEIGHTS, type ProductWeights } from './product-choice';
import { DEFAULT_QUIZ_WEIGHTS, type QuizWeights } from './quiz';
import { DEFAULT_SEGMENTATION_WEIGHTS, type SegmentationWeights } from './segmentation';

/** The weights of every scorer. */
export interface ScoringWeights {
	segmentation: SegmentationWeights;
	productChoice: ProductWeights;
	compliance: ComplianceWeights;
	quiz: QuizWeights;
	portfolio: PortfolioWeights;
}

/** Partial overrides of any scorer's weights. */
export type ScoringWeightOverrides = { [K in keyof ScoringWeights]?: Partial<ScoringWeights[K]> };

/** The default weights of every scorer. */
export const DEFAULT_WEIGHTS: ScoringWeights = {
	segmentation: DEFAULT_SEGMENTATION_WEIGHTS,
	productChoice: DEFAULT_PRODUCT_WEIGHTS,
	compliance: DEFAULT_COMPLIANCE_WEIGHTS,
	quiz: DEFAULT_QUIZ_WEIGHTS,
	portfolio: DEFAULT_PORTFOLIO_WEIGHTS,
};

function mergeGroup<T extends object>(base: T, over: unknown): T {
	const out = { ...base };
	if (typeof over !== 'object' || over === null) return out;
	for (const key of Object.keys(base) as (keyof T & string)[]) {
		const v = (over as Record<string, unknown>)[key];
		if (typeof v === 'number' && Number.isFinite(v) && v >= 0)
			(out as Record<string, unknown>)[key] = v;
	}
	return out;
}

/** Merge partial overrides into the defaults; unknown keys and invalid values are ignored. */
export function mergeWeights(
	defaults: ScoringWeights,
	overrides: ScoringWeightOverrides | undefined | null,
): ScoringWeights {
	const o = (typeof overrides === 'object' && overrides !== null ? overrides : {}) as Record<
		string,
		unknown
	>;
	return {
		segmentation: mergeGroup(defaults.segmentation, o['segmentation']),
		productChoice: mergeGroup(defaults.productChoice, o['productChoice']),
		compliance: mergeGroup(defaults.compliance, o['compliance']),
		quiz: mergeGroup(defaults.quiz, o['quiz']),
		portfolio: mergeGroup(defaults.portfolio, o['portfolio']),
	};
}
