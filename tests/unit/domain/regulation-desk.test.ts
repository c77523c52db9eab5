import { describe, expect, test } from 'vitest';
import { COMPLIANCE_RULES, checkProposal, isCompliant, type LoanProposal } from '../../../src/domain/compliance';
import { deskOrder, deskRules, deskTally, expectedVerdict, scoreDesk, scoreDeskCase, type DeskCase } from '../../../src/domain/regulation-desk';
import { DESK_PROPOSALS } from '../../../src/components/sims/regulation-desk/proposals';

const cases: DeskCase[] = DESK_PROPOSALS.map(({ id, proposal }) => ({ id, proposal }));
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const wan = (x: number) => `${x.toLocaleString('en-US')} 万元`;

/** The figures of a proposal as they must be written in its narrative. */
function mentions(p: LoanProposal, lang: 'zh-CN' | 'en'): string[] {
	const out = [wan(p.amountWan), lang === 'zh-CN' ? `${p.termMonths} 个月` : `${p.termMonths} months`];
	if (p.creditLineTotalWan !== undefined) out.push(wan(p.creditLineTotalWan));
	for (const share of [p.partnerShare, p.guaranteeFeeRate, p.bankRiskShare]) if (share !== undefined) out.push(pct(share));
	return out;
}

describe('the desk proposals', () => {
	test('are at least 10, with unique ids', () => {
		expect(DESK_PROPOSALS.length).toBeGreaterThanOrEqual(10);
		expect(new Set(DESK_PROPOSALS.map((p) => p.id)).size).toBe(DESK_PROPOSALS.length);
	});
	test.each(DESK_PROPOSALS.map((p) => [p.id, p] as const))('%s states every figure its verdict rests on, in both languages', (_id, p) => {
		for (const lang of ['zh-CN', 'en'] as const) {
			for (const m of mentions(p.proposal, lang)) expect(p.narrative[lang], `${lang}: ${m}`).toContain(m);
		}
		// every proposal is checked by at least one rule, so the verdict comes from the domain
		expect(checkProposal(p.proposal).length).toBeGreaterThan(0);
	});
	test('are about half compliant, and the breaches cover the lesson’s topics', () => {
		const compliant = cases.filter((c) => isCompliant(c.proposal)).length;
		expect(compliant / cases.length).toBeGreaterThanOrEqual(0.4);
		expect(compliant / cases.length).toBeLessThanOrEqual(0.6);
		const breached = new Set(cases.flatMap((c) => expectedVerdict(c.proposal).breached));
		for (const rule of [
			'internet-joint-lending.partner-share',
			'inclusive.definition',
			'purpose.no-property-or-securities',
			'working-capital.term',
			'internet-consumer.credit-cap',
			'gov-guarantee.fee-cap',
		])
			expect(breached, rule).toContain(rule);
	});
	test('have every breached rule among the rules a learner can cite', () => {
		const citable = deskRules(cases);
		for (const c of cases) for (const r of expectedVerdict(c.proposal).breached) expect(citable).toContain(r);
	});
});

describe('deskOrder', () => {
	test('is a seeded permutation', () => {
		const a = deskOrder(cases, 'classA').map((c) => c.id);
		expect(deskOrder(cases, 'classA').map((c) => c.id)).toEqual(a);
		expect(deskOrder(cases, 'classB').map((c) => c.id)).not.toEqual(a);
		expect([...a].sort()).toEqual(cases.map((c) => c.id).sort());
	});
});

describe('deskRules', () => {
	test('lists the applicable rules in COMPLIANCE_RULES order', () => {
		const rules = deskRules(cases);
		const order = COMPLIANCE_RULES.map((r) => r.rule as string);
		expect([...rules].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(rules);
		expect(rules).not.toContain('renewal.eligibility');
		expect(deskRules([])).toEqual([]);
	});
});

const joint = cases.find((c) => c.id === 'case-010') as DeskCase;
const fine = cases.find((c) => c.id === 'case-040') as DeskCase;

describe('expectedVerdict', () => {
	test('comes from the rules', () => {
		expect(expectedVerdict(joint.proposal)).toEqual({ compliant: false, breached: ['internet-joint-lending.partner-share'] });
		expect(expectedVerdict(fine.proposal)).toEqual({ compliant: true, breached: [] });
	});
});

describe('scoreDeskCase', () => {
	test('scores with the compliance scorer and names the case as subject', () => {
		const fb = scoreDeskCase(joint, { compliant: false, citedRules: ['internet-joint-lending.partner-share'] });
		expect(fb.score).toBe(2);
		expect(fb.findings.every((f) => f.subject === 'case-010')).toBe(true);
		const breach = fb.findings.find((f) => f.code === 'compliance.internet-joint-lending.partner-share');
		expect(breach?.data).toMatchObject({ partnerShare: 0.2, minShare: 0.3 });
	});
});

describe('scoreDesk', () => {
	test('adds up the cases and keeps the findings about the learner’s decisions', () => {
		const fb = scoreDesk([joint, fine], {
			'case-010': { compliant: true, citedRules: [] },
			'case-040': { compliant: true, citedRules: [] },
		});
		expect(fb.kind).toBe('regulation-desk');
		expect(fb.dimensions).toEqual([
			{ id: 'verdict', score: 1, max: 2 },
			{ id: 'citation', score: 1, max: 2 },
		]);
		// the missed breach is explained by its rule and numbers; the right verdict is praised
		expect(fb.findings.map((f) => [f.subject, f.code])).toEqual([
			['case-010', 'compliance.internet-joint-lending.partner-share'],
			['case-010', 'citation.missed'],
			['case-040', 'verdict.correct'],
		]);
	});
	test('explains a false alarm on a compliant case by the wrong verdict and the wrong citation', () => {
		const fb = scoreDesk([joint, fine], {
			'case-010': { compliant: false, citedRules: ['internet-joint-lending.partner-share'] },
			'case-040': { compliant: false, citedRules: ['working-capital.term'] },
		});
		expect(fb.findings.map((f) => [f.subject, f.code])).toEqual([
			['case-010', 'verdict.correct'],
			['case-010', 'citation.correct'],
			['case-040', 'desk.false-alarm'],
			['case-040', 'citation.wrong'],
		]);
		expect(fb.findings[2]).toMatchObject({ severity: 'major', data: { rules: 4 } });
	});
	test('gives nothing for an unjudged case and says so', () => {
		const fb = scoreDesk([joint, fine], { 'case-040': { compliant: true, citedRules: [] } });
		expect(fb.score).toBe(2);
		expect(fb.max).toBe(4);
		expect(fb.findings.find((f) => f.code === 'desk.unanswered')).toMatchObject({ subject: 'case-010', severity: 'major', topic: 'internet-lending' });
		const alone = scoreDesk([fine], {});
		expect(alone.findings[0]).toMatchObject({ code: 'desk.unanswered', topic: 'loan-purpose' });
		expect(scoreDesk([fine], null as unknown as Record<string, undefined>).score).toBe(0);
	});
	test('uses the weights', () => {
		const fb = scoreDesk([fine], { 'case-040': { compliant: true, citedRules: [] } }, { verdict: 3, citation: 1 });
		expect(fb).toMatchObject({ score: 4, max: 4 });
	});
});

describe('deskTally', () => {
	test('counts right verdicts per kind of case', () => {
		const both = cases.find((c) => c.id === 'case-150') as DeskCase;
		const rows = deskTally([joint, fine, both], {
			'case-010': { compliant: false, citedRules: [] },
			'case-150': { compliant: true, citedRules: [] },
		});
		expect(rows).toEqual([
			{ key: 'compliant', correct: 0, total: 1 },
			{ key: 'internet-joint-lending.partner-share', correct: 1, total: 1 },
			{ key: 'inclusive.definition', correct: 0, total: 1 },
			{ key: 'working-capital.term', correct: 0, total: 1 },
		]);
		expect(deskTally([], null as unknown as Record<string, undefined>)).toEqual([]);
	});
});
