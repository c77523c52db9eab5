/**
 * The shape every scorer returns: a total, per-dimension scores and coded findings.
 *
 * Scores are points (0..max). Findings carry a stable `code` and the numbers behind it in `data`;
 * the UI turns `code` + `data` into words through src/i18n (key `finding.<code>`), so the domain
 * never makes prose. `topic` names what the finding is about; content/topics.json maps each topic
 * to the lesson section that teaches it.
 */

/** How much a finding matters, from a blocking error to praise. */
export const SEVERITIES = ['critical', 'major', 'minor', 'info', 'good'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a learner can be taught about; content/topics.json maps each to a lesson section. */
export const TOPICS = [
	'size-standard',
	'individual-business',
	'risk-tier',
	'working-capital',
	'five-elements',
	'product-fit',
	'gross-margin',
	'seasonality',
	'aging',
	'industry-policy',
	'amount',
	'term',
	'pricing',
	'repayment',
	'guarantee',
	'inclusive-definition',
	'internet-lending',
	'loan-purpose',
	'two-increases-two-controls',
	'npl-tolerance',
	'expected-loss',
	'raroc',
	'soft-information',
	'green-finance',
	'rural-revitalisation',
	'cost-to-serve',
	'knowledge-check',
	'professional-qualities',
	'field-skills',
	'customer-needs',
	'repayment-capacity',
	'government-guarantee',
	'loan-renewal',
	'supply-chain-finance',
	'credit-organisation',
	'integrated-services',
	'customer-contribution',
	'no-tying',
	'cross-data',
	'district-research',
	'linkage-marketing',
	'competitor-research',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Values a finding may carry for the UI to interpolate. */
export type FindingData = Record<string, string | number | boolean>;

/** One coded observation about a decision. */
export interface Finding {
	/** Stable code, dotted, e.g. `size.micro-by-employees`; i18n key is `finding.<code>`. */
	code: string;
	severity: Severity;
	/** The dimension this finding affects. */
	dimension: string;
	topic: Topic;
	/** What the finding is about when a decision covers several subjects (a client id, a question id). */
	subject?: string;
	/** The numbers behind the finding. */
	data: FindingData;
}

/** Points on one dimension of a decision. */
export interface DimensionScore {
	/** Dimension id, e.g. `size-segment`; i18n key is `dimension.<id>`. */
	id: string;
	score: number;
	max: number;
}

/** The result of scoring one decision. */
export interface Feedback {
	/** Decision kind, e.g. `segmentation`, `product-choice`. */
	kind: string;
	score: number;
	max: number;
	dimensions: DimensionScore[];
	findings: Finding[];
}

/** Sum dimension scores into a Feedback, rounding to 0.1 point and clamping to [0, max]. */
export function makeFeedback(kind: string, dimensions: DimensionScore[], findings: Finding[]): Feedback {
	const clamped = dimensions.map((d) => ({ ...d, score: round1(Math.min(d.max, Math.max(0, d.score))) }));
	const max = round1(clamped.reduce((s, d) => s + d.max, 0));
	const score = round1(clamped.reduce((s, d) => s + d.score, 0));
	return { kind, score, max, dimensions: clamped, findings };
}

function round1(x: number): number {
	return Math.round(x * 10) / 10;
}
