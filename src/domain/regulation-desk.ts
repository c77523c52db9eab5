/**
 * Regulation case desk (syllabus 1.一.(二); lesson m1/04-internet-rural-law): the learner works
 * through a pile of short loan proposals, judges each compliant or not and cites the breached
 * rules. Each proposal is checked and scored by the compliance rules (`checkProposal`,
 * `scoreComplianceVerdict` in compliance.ts); this module orders the pile by seed, lists the rules
 * a learner may cite, and adds the per-proposal scores up into one Feedback.
 *
 * Units as in compliance.ts (money 万元, shares as fractions, terms in months).
 */
import {
	COMPLIANCE_RULES,
	DEFAULT_COMPLIANCE_WEIGHTS,
	checkProposal,
	scoreComplianceVerdict,
	type ComplianceRuleId,
	type ComplianceVerdict,
	type ComplianceWeights,
	type LoanProposal,
} from './compliance';
import { createRng } from './random';
import { makeFeedback, type Feedback, type Finding } from './scoring/feedback';

/** One proposal on the desk. */
export interface DeskCase {
	id: string;
	proposal: LoanProposal;
}

/** The cases in a seeded order: the same seed gives the same order everywhere. */
export function deskOrder<T extends { id: string }>(cases: readonly T[], seed: string): T[] {
	return createRng(`regulation-desk/${seed}`).shuffle(cases);
}

/** Every rule that applies to at least one case, in the order of COMPLIANCE_RULES (the learner's citation choices). */
export function deskRules(cases: readonly DeskCase[]): ComplianceRuleId[] {
	const used = new Set<string>(cases.flatMap((c) => checkProposal(c.proposal).map((k) => k.rule)));
	return COMPLIANCE_RULES.map((r) => r.rule).filter((r) => used.has(r));
}

/** What the rules say about a case: compliant or not, and the breached rules. */
export function expectedVerdict(proposal: LoanProposal): { compliant: boolean; breached: ComplianceRuleId[] } {
	const breached = checkProposal(proposal)
		.filter((c) => !c.passed)
		.map((c) => c.rule);
	return { compliant: breached.length === 0, breached };
}

/** Score one case: `scoreComplianceVerdict` with the case id as every finding's subject. */
export function scoreDeskCase(c: DeskCase, verdict: ComplianceVerdict, weights: ComplianceWeights = DEFAULT_COMPLIANCE_WEIGHTS): Feedback {
	const fb = scoreComplianceVerdict(c.proposal, verdict, weights);
	return { ...fb, findings: fb.findings.map((f) => ({ ...f, subject: c.id })) };
}

/**
 * Score the whole desk: the sum of the per-case verdict and citation points. A case without a
 * verdict earns nothing and yields `desk.unanswered` (major). Findings, per case, are about the
 * learner's decision: the citation findings; when the verdict is wrong, the breached rules with
 * their numbers, or `desk.false-alarm` (major) for a compliant case judged a breach; when it is
 * right, `verdict.correct`.
 */
export function scoreDesk(
	cases: readonly DeskCase[],
	verdicts: Readonly<Record<string, ComplianceVerdict | undefined>>,
	weights: ComplianceWeights = DEFAULT_COMPLIANCE_WEIGHTS,
): Feedback {
	const totals = { verdict: { score: 0, max: 0 }, citation: { score: 0, max: 0 } };
	const findings: Finding[] = [];
	for (const c of cases) {
		const v = verdicts?.[c.id];
		const fb = scoreDeskCase(c, v ?? { compliant: false, citedRules: [] }, weights);
		for (const d of fb.dimensions) {
			const t = totals[d.id as keyof typeof totals];
			t.max += d.max;
			if (v) t.score += d.score;
		}
		if (!v) {
			// the verdict finding is always there; its topic is the first breached rule's (or loan-purpose)
			const topic = (fb.findings.find((f) => f.code.startsWith('verdict.')) as Finding).topic;
			findings.push({ code: 'desk.unanswered', severity: 'major', dimension: 'verdict', topic, subject: c.id, data: {} });
		} else {
			const breaches = fb.findings.filter((f) => f.code.startsWith('compliance.') && f.code !== 'compliance.rule-passed');
			const right = fb.findings.some((f) => f.code === 'verdict.correct');
			for (const f of fb.findings) {
				if (f.code === 'verdict.wrong' && breaches.length === 0) {
					// a compliant proposal judged a breach: say so with the number of rules it meets
					const rules = fb.findings.filter((k) => k.code === 'compliance.rule-passed').length;
					findings.push({ ...f, code: 'desk.false-alarm', severity: 'major', data: { rules } });
				} else if (f.code.startsWith('citation.') || (right ? f.code === 'verdict.correct' : breaches.includes(f))) findings.push(f);
			}
		}
	}
	return makeFeedback('regulation-desk', [
		{ id: 'verdict', ...totals.verdict },
		{ id: 'citation', ...totals.citation },
	], findings);
}

/** A tally row: cases of one kind (compliant, or breaching a rule) and how many got the right verdict. */
export interface DeskTallyRow {
	key: ComplianceRuleId | 'compliant';
	correct: number;
	total: number;
}

/**
 * Right verdicts by kind of case: compliant cases in one row, then one row per breached rule
 * (a case breaching two rules counts in both). Rows in COMPLIANCE_RULES order; empty rows dropped.
 */
export function deskTally(cases: readonly DeskCase[], verdicts: Readonly<Record<string, ComplianceVerdict | undefined>>): DeskTallyRow[] {
	const rows = new Map<DeskTallyRow['key'], DeskTallyRow>([['compliant', { key: 'compliant', correct: 0, total: 0 }]]);
	for (const r of COMPLIANCE_RULES) rows.set(r.rule, { key: r.rule, correct: 0, total: 0 });
	for (const c of cases) {
		const exp = expectedVerdict(c.proposal);
		const right = verdicts?.[c.id]?.compliant === exp.compliant;
		for (const key of exp.compliant ? (['compliant'] as const) : exp.breached) {
			const row = rows.get(key) as DeskTallyRow;
			row.total++;
			if (right) row.correct++;
		}
	}
	return [...rows.values()].filter((r) => r.total > 0);
}
