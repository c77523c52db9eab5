/**
 * Schema of the `scoring` block of content/settings/site.json: partial overrides of the scoring
 * weights (src/domain/scoring/weights.ts). Every field is optional; each is a number of points ≥ 0.
 * Unknown keys are rejected so a typo ("amout") is reported instead of silently ignored.
 */
import { z } from 'astro/zod';

const points = (field: string) =>
	z
		.number({ error: `${field}: expected a number of points (e.g. 1)` })
		.finite(`${field}: expected a finite number`)
		.nonnegative(`${field}: expected a number ≥ 0 (0 switches the dimension off)`)
		.optional();

function group<const K extends string>(name: string, keys: readonly K[]) {
	const shape = Object.fromEntries(keys.map((k) => [k, points(`scoring.${name}.${k}`)])) as Record<
		K,
		ReturnType<typeof points>
	>;
	return z
		.strictObject(shape, {
			error: (iss) =>
				iss.code === 'unrecognized_keys'
					? `scoring.${name}: unknown key(s) ${iss.keys.join(', ')}; allowed: ${keys.join(', ')}`
					: `scoring.${name}: expected an object`,
		})
		.optional();
}

/** Overrides of the scoring weights. @example { "productChoice": { "amount": 3 }, "quiz": { "pointsPerQuestion": 2 } } */
export const ScoringWeightsSchema = z.strictObject(
	{
		/** Points per client for the size segment and the risk tier. */
		segmentation: group('segmentation', ['size', 'riskTier'] as const),
		/** Points per dimension of a product choice. */
		productChoice: group('productChoice', [
			'productFit',
			'amount',
			'term',
			'price',
			'repayment',
			'guarantee',
			'compliance',
			'profitability',
		] as const),
		/** Points for the compliance verdict and the cited rules. */
		compliance: group('compliance', ['verdict', 'citation'] as const),
		/** Points per knowledge-check question. */
		quiz: group('quiz', ['pointsPerQuestion'] as const),
		/** Points per part of the cost-to-serve task (m2/01). */
		costToServe: group('costToServe', ['profitable', 'breakEven', 'processCut'] as const),
		/** Points per dimension of the IPC cross-check (m2/02). */
		ipcCrossCheck: group('ipcCrossCheck', ['route', 'estimate', 'inconsistency', 'loan'] as const),
		/** Points per capstone dimension. */
		portfolio: group('portfolio', ['growth', 'quality', 'profit', 'compliance'] as const),
		/** Points per dimension of the bundle builder (m5/01). */
		bundleBuilder: group('bundleBuilder', ['revenue', 'data', 'stickiness', 'fit', 'compliance'] as const),
		/** Points per dimension of the district research (m5/03). */
		districtResearch: group('districtResearch', ['segments', 'channels', 'competitors'] as const),
	},
	{
		error: (iss) =>
			iss.code === 'unrecognized_keys'
				? `scoring: unknown key(s) ${iss.keys.join(', ')}; allowed: segmentation, productChoice, compliance, quiz, portfolio, costToServe, ipcCrossCheck, bundleBuilder, districtResearch`
				: 'scoring: expected an object',
	},
);

export type ScoringWeightsData = z.output<typeof ScoringWeightsSchema>;
