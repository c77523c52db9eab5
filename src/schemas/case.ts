/**
 * Schemas of the client model and of golden case files (content/cases/case-010.json …).
 *
 * A case file holds a client's figures (without `id`, which is the file name, and without
 * `truth`, which `toClient` computes with the domain rules at load time) and the expert decision.
 * Money in 万元, margins and ratios as fractions (0.08 = 8%), periods in days of a 360-day year,
 * terms in months. Errors name the field and say what was expected (see `parseCaseFile`).
 */
import { z } from 'astro/zod';
import {
	COLLATERAL_KINDS,
	CREDIT_HISTORIES,
	GUARANTOR_KINDS,
	INDUSTRIES,
	INDUSTRY_TRACKS,
	LEGAL_FORMS,
	LOAN_PURPOSES,
	RISK_TIERS,
	SIZE_SEGMENTS,
	STATEMENT_QUALITIES,
	TAX_GRADES,
	type Client,
} from '../domain/client';
import { DECISIONS, DECISION_REASONS, GUARANTEE_METHODS, PRODUCT_IDS, REPAYMENT_METHODS } from '../domain/loan-terms';
import { truthOf } from '../domain/segments';

const text = z.string().trim().min(1, 'must be a non-empty string');
const wan = z
	.number({ error: 'expected an amount in 万元, e.g. 120 (a number, not a string)' })
	.nonnegative('expected an amount in 万元 ≥ 0');
const fraction = (min: number, max: number, example: string) =>
	z
		.number({ error: `expected a fraction, e.g. ${example}` })
		.min(min, `expected a fraction ≥ ${min}, e.g. ${example}`)
		.max(max, `expected a fraction ≤ ${max}, e.g. ${example}`);
const days = z
	.number({ error: 'expected a number of days, e.g. 45' })
	.nonnegative('expected days ≥ 0')
	.max(3600, 'expected at most 3600 days');
const whole = (what: string, max: number) =>
	z
		.number({ error: `expected a whole number of ${what}` })
		.int(`expected a whole number of ${what}`)
		.min(0, `expected ${what} ≥ 0`)
		.max(max, `expected at most ${max} ${what}`);
const years = z.number({ error: 'expected a number of years, e.g. 6' }).min(0, 'expected years ≥ 0').max(100);

/** Receivable or payable aging buckets, 万元 in each bucket. */
export const AgingBucketsSchema = z.strictObject({
	d0to30: wan,
	d31to60: wan,
	d61to90: wan,
	d91plus: wan,
});

/** One collateral item with its appraised value. */
export const CollateralSchema = z.strictObject({
	kind: z.enum(COLLATERAL_KINDS),
	/** Appraised value, 万元. @example 150 */
	valueWan: wan,
});

/** The owner's profile and soft information. */
export const OwnerProfileSchema = z.strictObject({
	age: whole('years of age', 100).min(18, 'expected an adult owner (age ≥ 18)'),
	/** Years the owner has worked in this trade (may exceed the firm's years in business). */
	yearsInTrade: whole('years', 80),
	/** Has borrowed from a bank and repaid before. */
	borrowedBefore: z.boolean({ error: 'expected true or false' }),
	maritalStatus: z.enum(['married', 'single']),
	childrenAtHome: whole('children', 20),
	reputation: z.enum(['good', 'average', 'poor']),
	habits: z.enum(['prudent', 'average', 'risky']),
	localResident: z.boolean({ error: 'expected true or false' }),
	ownsHome: z.boolean({ error: 'expected true or false' }),
});

/** Supply-chain ties and data. */
export const SupplyChainSchema = z.strictObject({
	anchorBuyer: z.boolean({ error: 'expected true or false' }),
	/** Share of sales to the top customer. @example 0.35 */
	topCustomerShare: fraction(0, 1, '0.35 for 35%'),
	settlementMonthsWithBank: whole('months', 600),
	taxDataAvailable: z.boolean({ error: 'expected true or false' }),
	/** 纳税信用等级, or null when none. @example "B" */
	taxGrade: z.enum(TAX_GRADES).nullable(),
});

/** The answer key; in case files it is computed, never written. */
export const ClientTruthSchema = z.strictObject({
	sizeClass: z.enum(['large', 'medium', 'small', 'micro']),
	segment: z.enum(SIZE_SEGMENTS),
	riskTier: z.enum(RISK_TIERS),
	capitalNeedWan: wan,
	pd: fraction(0, 1, '0.03'),
});

const clientFields = {
	/** Mock business name. @example "鑫达五金批发部" */
	name: text,
	/** Trade in Chinese. @example "五金建材批发" */
	trade: text,
	/** Row of the MIIT 2011 size standard. @example "wholesale" */
	industry: z.enum(INDUSTRIES),
	/** Product-matching track; must equal trackOf(industry) (checked by tests). */
	track: z.enum(INDUSTRY_TRACKS),
	legalForm: z.enum(LEGAL_FORMS),
	/** Years in business; below 1 for a new business. @example 6 */
	yearsInBusiness: years,
	/** 从业人员, people. @example 8 */
	employees: whole('people', 1000000),
	/** Last year's operating revenue, 万元. @example 2000 */
	revenueWan: wan,
	/** Total assets, 万元. @example 800 */
	assetsWan: wan,
	/** Gross margin, fraction. @example 0.18 */
	grossMargin: fraction(-1, 1, '0.18 for 18%'),
	/** Net margin, fraction; negative for a loss. @example 0.05 */
	netMargin: fraction(-1, 0.99, '0.05 for 5%'),
	/** Expected revenue growth next year, fraction. @example 0.1 */
	expectedGrowth: fraction(-0.99, 10, '0.1 for 10%'),
	/** Last 12 months' revenue Jan..Dec, 万元; should sum to about `revenueWan`. */
	monthlyRevenueWan: z.array(wan).length(12, 'expected exactly 12 monthly amounts (Jan..Dec) in 万元'),
	inventoryDays: days,
	receivableDays: days,
	payableDays: days,
	prepaidDays: days,
	advanceReceiptDays: days,
	arAging: AgingBucketsSchema,
	apAging: AgingBucketsSchema,
	ownFundsWan: wan,
	existingWorkingCapitalLoansWan: wan,
	/** All existing bank debt including working-capital loans, 万元. */
	existingDebtWan: wan,
	otherFundingWan: wan,
	collateral: z.array(CollateralSchema),
	statements: z.enum(STATEMENT_QUALITIES),
	guarantor: z.enum(GUARANTOR_KINDS),
	creditHistory: z.enum(CREDIT_HISTORIES),
	owner: OwnerProfileSchema,
	supplyChain: SupplyChainSchema,
	green: z.boolean({ error: 'expected true or false' }),
	rural: z.boolean({ error: 'expected true or false' }),
	purpose: z.enum(LOAN_PURPOSES),
	/** Requested amount, 万元. @example 150 */
	requestedAmountWan: wan.positive('expected a requested amount > 0 万元'),
	/** Requested term, months. @example 12 */
	requestedTermMonths: whole('months', 360).min(1, 'expected a term of at least 1 month'),
};

/** One SME client exactly as the Client interface (src/domain/client.ts) defines it. */
export const ClientSchema = z.strictObject({
	id: text,
	...clientFields,
	truth: ClientTruthSchema,
});

/** A client's figures as a case file holds them: no `id` (the file name) and no `truth` (computed). */
export const ClientFactsSchema = z.strictObject(clientFields);

/** Count sentences ending in 。！？ (or a final sentence without one). */
export function countSentences(s: string): number {
	const parts = s.split(/[。！？!?]/).filter((p) => p.trim().length > 0);
	return parts.length;
}

const sentences = (min: number, max: number) =>
	text.refine((s) => {
		const n = countSentences(s);
		return n >= min && n <= max;
	}, `expected ${min}–${max} sentences in Chinese, each ending in 。`);

/** The expert decision for a case; product fields only when the decision is to lend. */
export const ExpectedDecisionSchema = z
	.strictObject({
		/** Expected size segment; must equal sizeSegmentOf(client) (checked by tests). */
		segment: z.enum(SIZE_SEGMENTS),
		/** Expected risk tier; must equal riskTierOf(client) (checked by tests). */
		riskTier: z.enum(RISK_TIERS),
		/** lend, decline or refer (to the corporate / medium-enterprise process). @example "lend" */
		decision: z.enum(DECISIONS).default('lend'),
		/** Why not lend; required unless `decision` is "lend". @example "prohibited-purpose" */
		reason: z.enum(DECISION_REASONS).optional(),
		/** Product of content/products/. @example "working-capital" */
		productId: z.enum(PRODUCT_IDS).optional(),
		/** Amount to grant, 万元. @example 300 */
		amountWan: wan.positive('expected an amount > 0 万元').optional(),
		/** Term, months. @example 12 */
		termMonths: whole('months', 360).min(1, 'expected a term of at least 1 month').optional(),
		repayment: z.enum(REPAYMENT_METHODS).optional(),
		/** Main guarantee method. @example "mortgage" */
		guarantee: z.enum(GUARANTEE_METHODS).optional(),
		/** 2–5 sentences in Chinese explaining the decision with the client's own numbers. */
		why: sentences(2, 5),
	})
	.superRefine((e, ctx) => {
		const lendFields = ['productId', 'amountWan', 'termMonths', 'repayment', 'guarantee'] as const;
		if (e.decision === 'lend') {
			for (const f of lendFields) {
				if (e[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: `required when "decision" is "lend"` });
			}
			if (e.reason !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['reason'],
					message: 'only for "decline" or "refer"; remove it or change "decision"',
				});
			}
		} else {
			if (e.reason === undefined) {
				ctx.addIssue({ code: 'custom', path: ['reason'], message: `required when "decision" is "${e.decision}"` });
			}
			for (const f of lendFields) {
				if (e[f] !== undefined) {
					ctx.addIssue({ code: 'custom', path: [f], message: `only when "decision" is "lend"; remove it` });
				}
			}
		}
	});

/** A golden case file: content/cases/case-010.json (the id is the file name). */
export const CaseSchema = z.strictObject({
	/** Short title in Chinese. @example "五金批发部的备货贷款" */
	title: text,
	/** 1–3 sentences in Chinese that set the scene. */
	summary: sentences(1, 3),
	/** Free tags for filtering, e.g. "批发零售", "边界", "绿色". */
	tags: z.array(text),
	client: ClientFactsSchema,
	expected: ExpectedDecisionSchema,
});

export type ClientData = z.output<typeof ClientSchema>;
export type CaseFile = z.output<typeof CaseSchema>;
export type ExpectedDecision = z.output<typeof ExpectedDecisionSchema>;

/** Build the domain Client of a case: id from the file name, truth computed by the rules. */
export function toClient(id: string, file: CaseFile): Client {
	const facts = { id, ...file.client };
	return { ...facts, truth: truthOf(facts) };
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	const s = JSON.stringify(value);
	return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let v: unknown = data;
	for (const key of path) v = v === null || v === undefined ? undefined : (v as Record<PropertyKey, unknown>)[key];
	return v;
}

/** Validate `data`; on failure throw one message naming each field, what was expected and what was found. */
export function parseWithFriendlyErrors<S extends z.ZodType>(schema: S, data: unknown, where: string): z.output<S> {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const lines = result.error.issues.map((issue) => {
		const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
		const got = issue.code === 'unrecognized_keys' ? '' : ` (found ${describe(valueAt(data, issue.path))})`;
		return `- ${field}: ${issue.message}${got}`;
	});
	throw new Error(`${where} is not valid:\n${lines.join('\n')}`);
}

/** Parse a golden case file with friendly errors. @example parseCaseFile(json, 'content/cases/case-010.json') */
export function parseCaseFile(data: unknown, where: string): CaseFile {
	return parseWithFriendlyErrors(CaseSchema, data, where);
}
