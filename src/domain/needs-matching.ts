/**
 * Needs-trait matching (syllabus 4.三; lesson m4/03-five-needs): the learner reads short client
 * statements and says which of the five traits of SME needs each one shows — 对象性 (object: what the
 * money is for, for how long, for whom), 多样性 (diversity: many needs besides the loan), 层次性
 * (hierarchy: which layer comes first — survival, growth, wealth), 可变性 (variability: needs swing
 * with seasons, cycles and shocks) and 发展性 (development: needs step up as the client grows).
 *
 * A statement carries a cue code — the signal in the client's words. The rule here maps each cue
 * to its trait (`NEED_CUES`), so the expected answer comes from the domain, never from the case
 * data. Points: one per statement (weight configurable), grouped into one dimension per trait.
 * Junk input never throws: unknown cues are skipped, missing or invalid answers yield findings.
 */
import { createRng } from './random';
import { makeFeedback, type Feedback, type Finding, type Topic } from './scoring/feedback';

/** The five traits of SME needs, in the lesson's order (i18n `needsTrait.<code>`). */
export const NEED_TRAITS = ['object', 'diversity', 'hierarchy', 'variability', 'development'] as const;
export type NeedTrait = (typeof NEED_TRAITS)[number];

/**
 * The signal in a client's words → the trait it shows (i18n `needsCue.<cue>` explains the signal,
 * `sim.needs-matching.response.<cue>` the product or service that answers it).
 */
export const NEED_CUES = {
	/** The money buys one named thing for a known period (equipment, a harvest purchase…). */
	'named-use-and-period': 'object',
	/** The money would serve the household, not the business (a flat, a wedding…). */
	'household-use': 'object',
	/** Payroll, collections, settlement sit with other banks or unserved. */
	'payments-and-payroll': 'diversity',
	/** The owner's family and the firm's insurance needs, beyond the loan. */
	'family-and-insurance': 'diversity',
	/** Survival first: wages, maturities, keeping the cash chain whole. */
	'survival-first': 'hierarchy',
	/** Cash flow is settled; the client now asks about managing wealth. */
	'wealth-layer': 'hierarchy',
	/** Peak-season need several times the off-season need. */
	'seasonal-swing': 'variability',
	/** Upstream or downstream terms changed (prepayment, longer receivables). */
	'terms-shift': 'variability',
	/** More shops, more staff: the client is scaling up. */
	'scaling-up': 'development',
	/** From individual business to company, from small jobs to bigger contracts. */
	'form-upgrade': 'development',
} as const satisfies Record<string, NeedTrait>;
export type NeedCue = keyof typeof NEED_CUES;

/** Topic of the findings (the lesson links are the sim's own trait → section map). */
export const NEEDS_TOPIC: Topic = 'customer-needs';

/** A client statement to classify: its id and the cue in its words (the text lives in content). */
export interface NeedsStatement {
	id: string;
	cue: NeedCue;
}

/** Points per correctly matched statement. */
export interface NeedsWeights {
	match: number;
}
export const DEFAULT_NEEDS_WEIGHTS: NeedsWeights = { match: 1 };

/** Dimension id of a trait in a Feedback (i18n `dimension.needs-<trait>`). */
export const needsDimensionId = (t: NeedTrait): string => `needs-${t}`;

/** The trait a cue shows, or null for an unknown cue. */
export function traitOf(cue: unknown): NeedTrait | null {
	return typeof cue === 'string' && Object.hasOwn(NEED_CUES, cue) ? NEED_CUES[cue as NeedCue] : null;
}

/** Whether `x` is one of the five traits. */
export function isNeedTrait(x: unknown): x is NeedTrait {
	return typeof x === 'string' && (NEED_TRAITS as readonly string[]).includes(x);
}

/** The statements in a seeded order: the same seed gives the same order everywhere. */
export function orderStatements<T extends { id: string }>(statements: readonly T[], seed: string): T[] {
	return createRng(`needs-matching/${seed}`).shuffle(statements);
}

/**
 * Score a matching. Each scorable statement is worth `weights.match` in the dimension of its
 * expected trait; findings: `needs.matched` (good), `needs.mismatched` (major, with the chosen and
 * the expected trait and the cue) or `needs.unanswered` (major), each with the statement as subject.
 */
export function scoreNeedsMatching(
	statements: readonly NeedsStatement[],
	answers: Readonly<Record<string, unknown>>,
	weights: NeedsWeights = DEFAULT_NEEDS_WEIGHTS,
): Feedback {
	const w = typeof weights?.match === 'number' && Number.isFinite(weights.match) && weights.match >= 0 ? weights.match : 1;
	const dims = new Map(NEED_TRAITS.map((t) => [t, { id: needsDimensionId(t), score: 0, max: 0 }]));
	const findings: Finding[] = [];
	const list = Array.isArray(statements) ? statements : [];
	for (const s of list) {
		const trait = traitOf(s?.cue);
		if (trait === null || typeof s.id !== 'string') continue;
		const dim = dims.get(trait) as { id: string; score: number; max: number };
		dim.max += w;
		const raw = typeof answers === 'object' && answers !== null && Object.hasOwn(answers, s.id) ? answers[s.id] : undefined;
		const base = { dimension: dim.id, topic: NEEDS_TOPIC, subject: s.id };
		if (!isNeedTrait(raw)) {
			findings.push({ ...base, code: 'needs.unanswered', severity: 'major', data: { needsTrait: trait, needsCue: s.cue } });
		} else if (raw === trait) {
			dim.score += w;
			findings.push({ ...base, code: 'needs.matched', severity: 'good', data: { needsTrait: trait, needsCue: s.cue } });
		} else {
			findings.push({ ...base, code: 'needs.mismatched', severity: 'major', data: { needsChosen: raw, needsTrait: trait, needsCue: s.cue } });
		}
	}
	return makeFeedback('needs-matching', [...dims.values()].filter((d) => d.max > 0), findings);
}

/** The two traits of a confusion in lesson order, as the key part `<a>.<b>` of `sim.needs-matching.diff.<a>.<b>`. */
export function confusionKey(chosen: NeedTrait, expected: NeedTrait): string {
	const [a, b] = [chosen, expected].sort((x, y) => NEED_TRAITS.indexOf(x) - NEED_TRAITS.indexOf(y));
	return `${a}.${b}`;
}
