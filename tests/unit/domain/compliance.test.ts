import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageProblems } from './b-fixtures';
import {
	COMPLIANCE_RULES,
	checkProposal,
	isCompliant,
	ruleTopic,
	scoreComplianceVerdict,
	type LoanProposal,
} from '../../../src/domain/compliance';

const BASE: LoanProposal = {
	borrower: 'micro',
	loanUse: 'business',
	amountWan: 100,
	purpose: 'working-capital',
	termMonths: 12,
	repayment: 'interest-monthly-bullet',
};
const rules = (p: LoanProposal) =>
	Object.fromEntries(checkProposal(p).map((c) => [c.rule, c.passed]));

describe('checkProposal', () => {
	test('checks purpose and the working-capital term of a plain business loan', () => {
		expect(rules(BASE)).toEqual({
			'purpose.no-property-or-securities': true,
			'purpose.no-consumer-use': true,
			'working-capital.term': true,
		});
		expect(checkProposal(BASE)[0]).toMatchObject({ source: 'facts-2.1' });
	});

	test('flags business loans that fund property, securities or consumption', () => {
		expect(
			rules({ ...BASE, purpose: 'real-estate-investment' })['purpose.no-property-or-securities'],
		).toBe(false);
		expect(
			rules({ ...BASE, purpose: 'securities-investment' })['purpose.no-property-or-securities'],
		).toBe(false);
		expect(rules({ ...BASE, purpose: 'consumer' })['purpose.no-consumer-use']).toBe(false);
	});

	test('limits working-capital terms to 36 months, 60 with a long cash cycle', () => {
		expect(rules({ ...BASE, termMonths: 36 })['working-capital.term']).toBe(true);
		expect(rules({ ...BASE, termMonths: 48 })['working-capital.term']).toBe(false);
		expect(rules({ ...BASE, termMonths: 48, longCashCycle: true })['working-capital.term']).toBe(
			true,
		);
		expect(rules({ ...BASE, termMonths: 61, longCashCycle: true })['working-capital.term']).toBe(
			false,
		);
		expect(
			rules({ ...BASE, purpose: 'equipment', termMonths: 60 })['working-capital.term'],
		).toBeUndefined();
	});

	test('applies the three joint-lending limits at their boundaries', () => {
		const p: LoanProposal = {
			...BASE,
			internet: true,
			partnerShare: 0.3,
			partnerBalanceWan: 25,
			tier1CapitalNetWan: 100,
			allPartnersBalanceWan: 50,
			totalLoansWan: 100,
		};
		expect(rules(p)).toMatchObject({
			'internet-joint-lending.partner-share': true,
			'internet-joint-lending.single-partner-cap': true,
			'internet-joint-lending.total-cap': true,
		});
		const bad = { ...p, partnerShare: 0.29, partnerBalanceWan: 26, allPartnersBalanceWan: 51 };
		expect(rules(bad)).toMatchObject({
			'internet-joint-lending.partner-share': false,
			'internet-joint-lending.single-partner-cap': false,
			'internet-joint-lending.total-cap': false,
		});
		const zero = checkProposal({ ...p, tier1CapitalNetWan: 0, totalLoansWan: 0 });
		expect(zero.find((c) => c.rule === 'internet-joint-lending.single-partner-cap')).toMatchObject({
			passed: false,
			data: { ratio: 999 },
		});
		expect(zero.find((c) => c.rule === 'internet-joint-lending.total-cap')).toMatchObject({
			passed: false,
			data: { ratio: 999 },
		});
	});

	test('forbids outsourcing key steps and cross-region lending by local banks', () => {
		expect(rules({ ...BASE, outsourcedSteps: [] })['internet-lending.key-steps-in-house']).toBe(
			true,
		);
		expect(
			rules({ ...BASE, outsourcedSteps: ['pre-loan'] })['internet-lending.key-steps-in-house'],
		).toBe(false);
		expect(
			rules({ ...BASE, internet: true, crossRegion: true })['internet-lending.local-region'],
		).toBe(false);
		expect(
			rules({ ...BASE, internet: true, crossRegion: true, onlineOnlyBank: true })[
				'internet-lending.local-region'
			],
		).toBe(true);
	});

	test('caps internet consumer credit at 20万 and bullet terms at one year', () => {
		const c: LoanProposal = {
			...BASE,
			borrower: 'consumer',
			loanUse: 'consumer',
			purpose: 'consumer',
			internet: true,
			amountWan: 20,
			termMonths: 12,
		};
		expect(rules(c)).toEqual({
			'internet-consumer.credit-cap': true,
			'internet-consumer.bullet-term': true,
		});
		expect(rules({ ...c, creditLineTotalWan: 21, termMonths: 13 })).toEqual({
			'internet-consumer.credit-cap': false,
			'internet-consumer.bullet-term': false,
		});
		expect(rules({ ...c, repayment: 'equal-installment', termMonths: 24 })).toEqual({
			'internet-consumer.credit-cap': true,
		});
	});

	test('accepts as 普惠 only small/micro/individual/owner business credit of 1000万 or less', () => {
		expect(
			rules({ ...BASE, labelledInclusive: true, creditLineTotalWan: 1000 })['inclusive.definition'],
		).toBe(true);
		expect(
			rules({ ...BASE, labelledInclusive: true, creditLineTotalWan: 1000.01 })[
				'inclusive.definition'
			],
		).toBe(false);
		expect(
			rules({ ...BASE, labelledInclusive: true, borrower: 'medium' })['inclusive.definition'],
		).toBe(false);
		expect(
			rules({ ...BASE, labelledInclusive: true, borrower: 'owner' })['inclusive.definition'],
		).toBe(true);
	});

	test('caps government guarantee fees at 1% up to 500万 and 1.5% above, with the bank keeping ≥ 20%', () => {
		const g: LoanProposal = {
			...BASE,
			guarantee: 'government-guarantee',
			guaranteeFeeRate: 0.01,
			bankRiskShare: 0.2,
			amountWan: 500,
		};
		expect(rules(g)).toMatchObject({
			'gov-guarantee.fee-cap': true,
			'gov-guarantee.bank-risk-share': true,
		});
		expect(rules({ ...g, guaranteeFeeRate: 0.011 })['gov-guarantee.fee-cap']).toBe(false);
		expect(rules({ ...g, amountWan: 600, guaranteeFeeRate: 0.015 })['gov-guarantee.fee-cap']).toBe(
			true,
		);
		expect(rules({ ...g, bankRiskShare: 0.1 })['gov-guarantee.bank-risk-share']).toBe(false);
	});

	test('allows 无还本续贷 for small borrowers and medium working capital maturing by 2027-09-30', () => {
		expect(rules({ ...BASE, renewal: true })['renewal.eligibility']).toBe(true);
		expect(rules({ ...BASE, renewal: true, borrower: 'farmer' })['renewal.eligibility']).toBe(true);
		expect(
			rules({ ...BASE, renewal: true, borrower: 'medium', maturityDate: '2027-09-30' })[
				'renewal.eligibility'
			],
		).toBe(true);
		expect(
			rules({ ...BASE, renewal: true, borrower: 'medium', maturityDate: '2027-10-01' })[
				'renewal.eligibility'
			],
		).toBe(false);
		expect(rules({ ...BASE, renewal: true, borrower: 'medium' })['renewal.eligibility']).toBe(
			false,
		);
		expect(
			rules({ ...BASE, renewal: true, borrower: 'large', maturityDate: '2026-01-01' })[
				'renewal.eligibility'
			],
		).toBe(false);
	});

	test('never throws on arbitrary input', () => {
		fc.assert(
			fc.property(fc.anything(), (x) => {
				expect(Array.isArray(checkProposal(x as LoanProposal))).toBe(true);
			}),
		);
	});
});

describe('COMPLIANCE_RULES', () => {
	test('cite a facts.md section for every rule', () => {
		for (const r of COMPLIANCE_RULES) expect(r.source).toMatch(/^facts-\d+\.\d+$/);
		expect(ruleTopic('internet-joint-lending.total-cap')).toBe('internet-lending');
		expect(ruleTopic('nonsense')).toBe('loan-purpose');
	});
});

describe('scoreComplianceVerdict', () => {
	const breach: LoanProposal = {
		...BASE,
		purpose: 'securities-investment',
		internet: true,
		partnerShare: 0.2,
	};

	test('gives full marks for "non-compliant" citing exactly the breached rules', () => {
		expect(isCompliant(breach)).toBe(false);
		const fb = scoreComplianceVerdict(breach, {
			compliant: false,
			citedRules: ['purpose.no-property-or-securities', 'internet-joint-lending.partner-share'],
		});
		expect(fb.score).toBe(2);
		expect(fb.findings.map((f) => f.code)).toContain(
			'compliance.internet-joint-lending.partner-share',
		);
	});

	test('gives partial citation credit and names missed and wrong rules', () => {
		const fb = scoreComplianceVerdict(breach, {
			compliant: false,
			citedRules: ['purpose.no-property-or-securities', 'purpose.no-consumer-use', 'bogus'],
		});
		expect(fb.dimensions).toEqual([
			{ id: 'verdict', score: 1, max: 1 },
			{ id: 'citation', score: 0, max: 1 },
		]);
		const codes = fb.findings.map((f) => f.code);
		expect(codes).toEqual(
			expect.arrayContaining([
				'citation.correct',
				'citation.wrong',
				'citation.missed',
				'verdict.correct',
			]),
		);
	});

	test('gives nothing for calling a breach compliant', () => {
		const fb = scoreComplianceVerdict(breach, { compliant: true, citedRules: [] });
		expect(fb.dimensions[0]).toEqual({ id: 'verdict', score: 0, max: 1 });
		expect(fb.findings.find((f) => f.code === 'verdict.wrong')).toBeDefined();
	});

	test('for a compliant proposal, costs half a point per rule wrongly cited', () => {
		expect(scoreComplianceVerdict(BASE, { compliant: true, citedRules: [] }).score).toBe(2);
		expect(
			scoreComplianceVerdict(BASE, { compliant: true, citedRules: ['working-capital.term'] }).score,
		).toBe(1.5);
		expect(
			scoreComplianceVerdict(BASE, { compliant: false, citedRules: ['a', 'b', 'c'] }).score,
		).toBe(0);
	});

	test('honours weights and survives junk verdicts', () => {
		expect(
			scoreComplianceVerdict(BASE, { compliant: true, citedRules: [] }, { verdict: 3, citation: 2 })
				.max,
		).toBe(5);
		expect(
			scoreComplianceVerdict(
				BASE,
				{ compliant: true, citedRules: [] },
				{ verdict: -1, citation: Number.NaN },
			).max,
		).toBe(2);
		fc.assert(
			fc.property(fc.anything(), (v) => {
				const fb = scoreComplianceVerdict(breach, v as never);
				expect(fb.score).toBeGreaterThanOrEqual(0);
				expect(fb.score).toBeLessThanOrEqual(fb.max);
			}),
		);
	});
});

describe('messages', () => {
	test('name every rule and its source document, and explain every outcome with its numbers', () => {
		const dict = (lang: string) =>
			JSON.parse(
				readFileSync(
					join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', `domain-b.${lang}.json`),
					'utf8',
				),
			) as Record<string, string>;
		for (const lang of ['zh-CN', 'en']) {
			for (const r of COMPLIANCE_RULES) {
				expect(dict(lang)[`rule.${r.rule}`], r.rule).toBeTruthy();
				expect(dict(lang)[`rule.${r.rule}.source`], r.rule).toBeTruthy();
			}
		}
		const everything: LoanProposal = {
			borrower: 'medium',
			loanUse: 'consumer',
			amountWan: 800,
			creditLineTotalWan: 1200,
			purpose: 'real-estate-investment',
			termMonths: 48,
			repayment: 'interest-monthly-bullet',
			labelledInclusive: true,
			internet: true,
			partnerShare: 0.1,
			partnerBalanceWan: 50,
			tier1CapitalNetWan: 100,
			allPartnersBalanceWan: 80,
			totalLoansWan: 100,
			outsourcedSteps: ['post-loan'],
			crossRegion: true,
			guarantee: 'government-guarantee',
			guaranteeFeeRate: 0.02,
			bankRiskShare: 0.1,
			renewal: true,
			maturityDate: '2028-01-01',
		};
		const business: LoanProposal = {
			...everything,
			loanUse: 'business',
			purpose: 'working-capital',
		};
		const findings = [
			...scoreComplianceVerdict(everything, {
				compliant: true,
				citedRules: ['internet-lending.key-steps-in-house', 'bogus'],
			}).findings,
			...scoreComplianceVerdict(business, {
				compliant: false,
				citedRules: ['working-capital.term'],
			}).findings,
			...scoreComplianceVerdict(
				{ ...business, purpose: 'consumer' },
				{ compliant: false, citedRules: [] },
			).findings,
			...scoreComplianceVerdict(
				{ ...business, purpose: 'real-estate-investment' },
				{ compliant: false, citedRules: [] },
			).findings,
			...scoreComplianceVerdict(BASE, { compliant: true, citedRules: [] }).findings,
		];
		const failed = new Set(
			findings
				.map((f) => f.code)
				.filter((c) => c.startsWith('compliance.') && c !== 'compliance.rule-passed'),
		);
		expect(failed.size).toBe(COMPLIANCE_RULES.length);
		expect(messageProblems(findings, ['verdict', 'citation'])).toEqual([]);
	});
});
