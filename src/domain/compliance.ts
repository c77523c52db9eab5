/**
 * Named compliance rules for a loan proposal, each with its source in facts.md, and the scorer of a
 * learner's compliance verdict (syllabus part 1.一.(二); lessons m1/03-regulation-evaluation and
 * m1/04-internet-rural-law).
 *
 * Units: money in 万元; shares as fractions (0.3 = 30%); terms in months; dates as ISO strings
 * (YYYY-MM-DD, compared as text, so no clock is read).
 *
 * A rule applies only when the proposal carries the facts it needs (e.g. the three joint-lending
 * limits need the partner's share and the bank's figures); `checkProposal` lists the applicable
 * rules with `passed` and the numbers behind the outcome. Every limit here is a verified rule of
 * facts.md ([V]/[V2]); the one [M] element is counting 小微企业主 operating loans as 普惠型 (§3.1).
 */
import type { LoanPurpose } from './client';
import type { GuaranteeMethod, RepaymentMethod } from './loan-terms';
import { isWorkingCapitalPurpose } from './products';
import type { Channel } from './rates';
import { finiteOr } from './risk';
import {
	makeFeedback,
	type Feedback,
	type Finding,
	type FindingData,
	type Topic,
} from './scoring/feedback';

/** Rule limits, each from facts.md. */
export const LIMITS = {
	/** Joint lending: the partner funds ≥ 30% of each loan (facts §5.2). */
	partnerMinShare: 0.3,
	/** Joint lending: balance with one partner (incl. affiliates) ≤ 25% of tier-1 capital net (facts §5.2). */
	singlePartnerMaxOfTier1: 0.25,
	/** Joint lending: balance with all partners ≤ 50% of all loans (facts §5.2). */
	allPartnersMaxOfLoans: 0.5,
	/** Internet consumer credit line ≤ 20万 (facts §5.1). */
	internetConsumerMaxWan: 20,
	/** Internet consumer loans repaid in one bullet run ≤ 12 months (facts §5.1). */
	internetConsumerBulletMaxMonths: 12,
	/** 普惠型: single-client credit ≤ 1000万 inclusive (facts §3.1). */
	inclusiveMaxCreditWan: 1000,
	/** Working-capital loans: in principle ≤ 36 months (facts §2.3). */
	workingCapitalTermMonths: 36,
	/** Working-capital loans: ≤ 60 months where the cash cycle is long (facts §2.3). */
	workingCapitalMaxTermMonths: 60,
	/** Government guarantee fee cap up to 500万 (facts §10.1). */
	govFeeCapUpTo500: 0.01,
	/** Government guarantee fee cap above 500万 (facts §10.1). */
	govFeeCapAbove500: 0.015,
	/** The bank keeps at least this share of a government-guaranteed loan's risk (facts §10.1). */
	bankMinRiskShare: 0.2,
	/** Medium firms' working-capital loans maturing on or before this date may be renewed without repayment (facts §10.1). */
	mediumRenewalDeadline: '2027-09-30',
} as const;

/** Every compliance rule: id, facts.md section and the document it comes from (i18n `rule.<id>`, `rule.<id>.source`). */
export const COMPLIANCE_RULES = [
	{ rule: 'internet-joint-lending.partner-share', source: 'facts-5.2', topic: 'internet-lending' },
	{
		rule: 'internet-joint-lending.single-partner-cap',
		source: 'facts-5.2',
		topic: 'internet-lending',
	},
	{ rule: 'internet-joint-lending.total-cap', source: 'facts-5.2', topic: 'internet-lending' },
	{ rule: 'internet-lending.key-steps-in-house', source: 'facts-5.2', topic: 'internet-lending' },
	{ rule: 'internet-lending.local-region', source: 'facts-5.2', topic: 'internet-lending' },
	{ rule: 'internet-consumer.credit-cap', source: 'facts-5.1', topic: 'internet-lending' },
	{ rule: 'internet-consumer.bullet-term', source: 'facts-5.1', topic: 'internet-lending' },
	{ rule: 'inclusive.definition', source: 'facts-3.1', topic: 'inclusive-definition' },
	{ rule: 'purpose.no-property-or-securities', source: 'facts-2.1', topic: 'loan-purpose' },
	{ rule: 'purpose.no-consumer-use', source: 'facts-2.1', topic: 'loan-purpose' },
	{ rule: 'working-capital.term', source: 'facts-2.3', topic: 'term' },
	{ rule: 'gov-guarantee.fee-cap', source: 'facts-10.1', topic: 'government-guarantee' },
	{ rule: 'gov-guarantee.bank-risk-share', source: 'facts-10.1', topic: 'government-guarantee' },
	{ rule: 'renewal.eligibility', source: 'facts-10.1', topic: 'loan-renewal' },
] as const satisfies readonly { rule: string; source: string; topic: Topic }[];
export type ComplianceRuleId = (typeof COMPLIANCE_RULES)[number]['rule'];

/** Who borrows: the enterprise size, an individual business, a small-firm owner, a farmer, or a consumer. */
export const BORROWER_KINDS = [
	'small',
	'micro',
	'individual-business',
	'owner',
	'farmer',
	'medium',
	'large',
	'consumer',
] as const;
export type BorrowerKind = (typeof BORROWER_KINDS)[number];

/** Key steps of a loan that must not be outsourced (facts §5.2). */
export const KEY_STEPS = ['pre-loan', 'in-loan', 'post-loan'] as const;
export type KeyStep = (typeof KEY_STEPS)[number];

/** A loan proposal to check; optional fields switch on the rules that need them. */
export interface LoanProposal {
	borrower: BorrowerKind;
	/** Business (经营性) or consumer (消费) loan. */
	loanUse: 'business' | 'consumer';
	amountWan: number;
	/** 单户授信总额 of the borrower, 万元; defaults to `amountWan`. */
	creditLineTotalWan?: number;
	purpose: LoanPurpose;
	channel?: Channel;
	termMonths: number;
	repayment: RepaymentMethod;
	/** The cash cycle is long, which may justify a working-capital term of 36–60 months. */
	longCashCycle?: boolean;
	/** The bank reports the loan as 普惠型小微企业贷款. */
	labelledInclusive?: boolean;
	/** Originated and serviced online end to end (互联网贷款). */
	internet?: boolean;
	/** Joint lending: the partner's share of this loan, fraction. */
	partnerShare?: number;
	/** Joint lending: balance lent with this partner and its affiliates, 万元. */
	partnerBalanceWan?: number;
	/** Joint lending: balance lent with all partners, 万元. */
	allPartnersBalanceWan?: number;
	/** The bank's tier-1 capital net, 万元. */
	tier1CapitalNetWan?: number;
	/** The bank's total loans, 万元. */
	totalLoansWan?: number;
	/** Key steps handed to a partner. */
	outsourcedSteps?: KeyStep[];
	/** A local legal-person bank lending online outside its registered region. */
	crossRegion?: boolean;
	/** The bank has no physical branches and works mainly online (the exemption of facts §5.2). */
	onlineOnlyBank?: boolean;
	guarantee?: GuaranteeMethod;
	/** Annual government guarantee fee, fraction. */
	guaranteeFeeRate?: number;
	/** Share of a guaranteed loan's risk the bank keeps, fraction. */
	bankRiskShare?: number;
	/** 无还本续贷 requested. */
	renewal?: boolean;
	/** Maturity of the loan to renew, YYYY-MM-DD. */
	maturityDate?: string;
}

/** The outcome of one applicable rule. */
export interface ComplianceCheck {
	rule: ComplianceRuleId;
	source: string;
	passed: boolean;
	data: FindingData;
}

const PROHIBITED_INVESTMENT: readonly LoanPurpose[] = [
	'real-estate-investment',
	'securities-investment',
];
const INCLUSIVE_BORROWERS: readonly BorrowerKind[] = [
	'small',
	'micro',
	'individual-business',
	'owner',
];
const RENEWAL_BORROWERS: readonly BorrowerKind[] = [
	'small',
	'micro',
	'individual-business',
	'owner',
	'farmer',
];

const has = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function sourceOf(rule: ComplianceRuleId): string {
	return (COMPLIANCE_RULES.find((r) => r.rule === rule) as { source: string }).source;
}

/** The topic a rule teaches. */
export function ruleTopic(rule: string): Topic {
	return COMPLIANCE_RULES.find((r) => r.rule === rule)?.topic ?? 'loan-purpose';
}

/** Check a proposal against every applicable rule; never throws. */
export function checkProposal(proposal: LoanProposal): ComplianceCheck[] {
	const p = proposal ?? ({} as LoanProposal);
	const out: ComplianceCheck[] = [];
	const push = (rule: ComplianceRuleId, passed: boolean, data: FindingData) =>
		out.push({ rule, source: sourceOf(rule), passed, data });
	const amount = finiteOr(p.amountWan, 0);
	const creditTotal = finiteOr(p.creditLineTotalWan, amount);
	const term = finiteOr(p.termMonths, 0);
	const business = p.loanUse !== 'consumer';

	if (p.internet === true && has(p.partnerShare)) {
		push('internet-joint-lending.partner-share', p.partnerShare >= LIMITS.partnerMinShare, {
			partnerShare: p.partnerShare,
			minShare: LIMITS.partnerMinShare,
		});
	}
	if (has(p.partnerBalanceWan) && has(p.tier1CapitalNetWan)) {
		const ratio =
			p.tier1CapitalNetWan > 0 ? round4(p.partnerBalanceWan / p.tier1CapitalNetWan) : Infinity;
		push('internet-joint-lending.single-partner-cap', ratio <= LIMITS.singlePartnerMaxOfTier1, {
			partnerBalanceWan: p.partnerBalanceWan,
			tier1CapitalNetWan: p.tier1CapitalNetWan,
			ratio: Number.isFinite(ratio) ? ratio : 999,
			maxRatio: LIMITS.singlePartnerMaxOfTier1,
		});
	}
	if (has(p.allPartnersBalanceWan) && has(p.totalLoansWan)) {
		const ratio =
			p.totalLoansWan > 0 ? round4(p.allPartnersBalanceWan / p.totalLoansWan) : Infinity;
		push('internet-joint-lending.total-cap', ratio <= LIMITS.allPartnersMaxOfLoans, {
			allPartnersBalanceWan: p.allPartnersBalanceWan,
			totalLoansWan: p.totalLoansWan,
			ratio: Number.isFinite(ratio) ? ratio : 999,
			maxRatio: LIMITS.allPartnersMaxOfLoans,
		});
	}
	if (Array.isArray(p.outsourcedSteps)) {
		const steps = p.outsourcedSteps.filter((s) => (KEY_STEPS as readonly string[]).includes(s));
		push('internet-lending.key-steps-in-house', steps.length === 0, {
			outsourcedSteps: steps.length,
		});
	}
	if (p.internet === true && typeof p.crossRegion === 'boolean') {
		push('internet-lending.local-region', !p.crossRegion || p.onlineOnlyBank === true, {
			crossRegion: p.crossRegion,
			onlineOnlyBank: p.onlineOnlyBank === true,
		});
	}
	if (p.internet === true && !business) {
		push('internet-consumer.credit-cap', creditTotal <= LIMITS.internetConsumerMaxWan, {
			creditLineTotalWan: creditTotal,
			maxWan: LIMITS.internetConsumerMaxWan,
		});
		if (p.repayment === 'interest-monthly-bullet') {
			push('internet-consumer.bullet-term', term <= LIMITS.internetConsumerBulletMaxMonths, {
				termMonths: term,
				maxMonths: LIMITS.internetConsumerBulletMaxMonths,
			});
		}
	}
	if (p.labelledInclusive === true) {
		const borrowerOk = INCLUSIVE_BORROWERS.includes(p.borrower) && business;
		push('inclusive.definition', borrowerOk && creditTotal <= LIMITS.inclusiveMaxCreditWan, {
			borrower: String(p.borrower),
			creditLineTotalWan: creditTotal,
			maxWan: LIMITS.inclusiveMaxCreditWan,
			borrowerQualifies: borrowerOk,
		});
	}
	if (business) {
		push('purpose.no-property-or-securities', !PROHIBITED_INVESTMENT.includes(p.purpose), {
			purpose: String(p.purpose),
		});
		push('purpose.no-consumer-use', p.purpose !== 'consumer', { purpose: String(p.purpose) });
		if (isWorkingCapitalPurpose(p.purpose)) {
			const limit =
				p.longCashCycle === true
					? LIMITS.workingCapitalMaxTermMonths
					: LIMITS.workingCapitalTermMonths;
			push('working-capital.term', term > 0 && term <= limit, {
				termMonths: term,
				limitMonths: limit,
				longCashCycle: p.longCashCycle === true,
			});
		}
	}
	if (p.guarantee === 'government-guarantee') {
		if (has(p.guaranteeFeeRate)) {
			const cap = amount <= 500 ? LIMITS.govFeeCapUpTo500 : LIMITS.govFeeCapAbove500;
			push('gov-guarantee.fee-cap', p.guaranteeFeeRate <= cap, {
				guaranteeFeeRate: p.guaranteeFeeRate,
				capRate: cap,
				amountWan: amount,
			});
		}
		if (has(p.bankRiskShare)) {
			push('gov-guarantee.bank-risk-share', p.bankRiskShare >= LIMITS.bankMinRiskShare, {
				bankRiskShare: p.bankRiskShare,
				minShare: LIMITS.bankMinRiskShare,
			});
		}
	}
	if (p.renewal === true) {
		const smallBorrower = RENEWAL_BORROWERS.includes(p.borrower) && business;
		const maturity = typeof p.maturityDate === 'string' ? p.maturityDate : '';
		const mediumOk =
			p.borrower === 'medium' &&
			business &&
			isWorkingCapitalPurpose(p.purpose) &&
			maturity !== '' &&
			maturity <= LIMITS.mediumRenewalDeadline;
		push('renewal.eligibility', smallBorrower || mediumOk, {
			borrower: String(p.borrower),
			maturityDate: maturity === '' ? 'none' : maturity,
			deadline: LIMITS.mediumRenewalDeadline,
		});
	}
	return out;
}

/** Whether a proposal passes every applicable rule. */
export function isCompliant(proposal: LoanProposal): boolean {
	return checkProposal(proposal).every((c) => c.passed);
}

/** A learner's verdict: compliant or not, and the rules it rests on (the breached ones when not compliant). */
export interface ComplianceVerdict {
	compliant: boolean;
	citedRules: string[];
}

/** Weights of the compliance-verdict score. */
export interface ComplianceWeights {
	verdict: number;
	citation: number;
}

/** Default weights: one point for the verdict, one for citing the right rules. */
export const DEFAULT_COMPLIANCE_WEIGHTS: ComplianceWeights = { verdict: 1, citation: 1 };

/**
 * Score a compliance verdict. `verdict`: full points when it matches. `citation`: when the
 * proposal breaches rules, max(0, (breached cited − others cited) ÷ breached count); when it is
 * compliant, 1 − 0.5 per rule cited as breached (floored at 0).
 */
export function scoreComplianceVerdict(
	proposal: LoanProposal,
	verdict: ComplianceVerdict,
	weights: ComplianceWeights = DEFAULT_COMPLIANCE_WEIGHTS,
): Feedback {
	const checks = checkProposal(proposal);
	const failed = checks.filter((c) => !c.passed);
	const compliant = failed.length === 0;
	const findings: Finding[] = [];
	for (const c of checks) {
		const topic = ruleTopic(c.rule);
		if (c.passed)
			findings.push({
				code: 'compliance.rule-passed',
				severity: 'info',
				dimension: 'verdict',
				topic,
				data: { rule: c.rule, source: c.source },
			});
		else
			findings.push({
				code: `compliance.${c.rule}`,
				severity: 'critical',
				dimension: 'verdict',
				topic,
				data: { rule: c.rule, source: c.source, ...c.data },
			});
	}
	const said = verdict?.compliant === true;
	const right = said === compliant;
	findings.push({
		code: right ? 'verdict.correct' : 'verdict.wrong',
		severity: right ? 'good' : 'critical',
		dimension: 'verdict',
		topic: failed[0] ? ruleTopic(failed[0].rule) : 'loan-purpose',
		data: { compliant, said },
	});

	const cited = [
		...new Set(
			Array.isArray(verdict?.citedRules)
				? verdict.citedRules.filter((r) => typeof r === 'string')
				: [],
		),
	];
	const failedIds = new Set<string>(failed.map((c) => c.rule));
	let hits = 0;
	let wrong = 0;
	for (const r of cited) {
		if (failedIds.has(r)) {
			hits++;
			findings.push({
				code: 'citation.correct',
				severity: 'good',
				dimension: 'citation',
				topic: ruleTopic(r),
				data: { rule: r, source: sourceOf(r as ComplianceRuleId) },
			});
		} else {
			wrong++;
			findings.push({
				code: 'citation.wrong',
				severity: 'minor',
				dimension: 'citation',
				topic: ruleTopic(r),
				data: { rule: r },
			});
		}
	}
	for (const c of failed) {
		if (!cited.includes(c.rule))
			findings.push({
				code: 'citation.missed',
				severity: 'major',
				dimension: 'citation',
				topic: ruleTopic(c.rule),
				data: { rule: c.rule, source: c.source },
			});
	}
	const citationShare = compliant
		? Math.max(0, 1 - 0.5 * wrong)
		: Math.max(0, (hits - wrong) / failed.length);
	const wv = safeWeight(weights.verdict);
	const wc = safeWeight(weights.citation);
	return makeFeedback(
		'compliance',
		[
			{ id: 'verdict', score: right ? wv : 0, max: wv },
			{ id: 'citation', score: citationShare * wc, max: wc },
		],
		findings,
	);
}

function safeWeight(w: unknown): number {
	return typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 1;
}
