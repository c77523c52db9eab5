/**
 * Schema of a loan product file: content/products/<id>.json (one product per file; the file name
 * must equal `id`). The shape is the domain's `Product` (src/domain/products.ts); error messages
 * name the field and what was expected so a bank editing its own catalogue can fix a file alone.
 */
import { z } from 'astro/zod';
import {
	COLLATERAL_KINDS,
	INDUSTRY_TRACKS,
	LEGAL_FORMS,
	LOAN_PURPOSES,
	SIZE_SEGMENTS,
	TAX_GRADES,
} from '../domain/client';
import { GUARANTEE_METHODS, REPAYMENT_METHODS } from '../domain/loan-terms';
import { CHANNELS } from '../domain/rates';

const text = z.string({ error: 'expected a string' }).trim().min(1, 'expected a non-empty string');

/** An enum with a message that lists the allowed codes. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values, { error: `expected one of: ${values.join(', ')}` });
}

function listOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
	return z
		.array(oneOf(values), { error: `expected a list of ${what}` })
		.min(1, `list at least one of: ${values.join(', ')}`);
}

const number = (what: string) => z.number({ error: `expected a number (${what})` }).finite();

const range = (unit: string, lo: number, hi: number) =>
	z
		.object(
			{
				min: number(unit).min(lo, `expected ≥ ${lo} ${unit}`).max(hi, `expected ≤ ${hi} ${unit}`),
				max: number(unit).min(lo, `expected ≥ ${lo} ${unit}`).max(hi, `expected ≤ ${hi} ${unit}`),
			},
			{ error: `expected { "min": <${unit}>, "max": <${unit}> }` },
		)
		.refine((r) => r.min <= r.max, { message: '"min" must not exceed "max"', path: ['max'] });

/** Hard entry conditions. */
export const EligibilitySchema = z.object({
	/** Size segments that may borrow. @example ["small", "micro"] */
	segments: listOf(SIZE_SEGMENTS, 'size segments'),
	/** Legal forms that may borrow, or null for any. @example ["individual-business"] */
	legalForms: listOf(LEGAL_FORMS, 'legal forms').nullable(),
	/** Years in business, ≥ 0. */
	minYearsInBusiness: number('years').min(0, 'expected ≥ 0 years'),
	statementsRequired: z.boolean({ error: 'expected true or false' }),
	/** 纳税信用等级 accepted; 银税互动 covers A, B and M (facts §10.1). @example ["A", "B", "M"] */
	taxGrades: listOf(TAX_GRADES, 'tax grades').nullable(),
	/** The client must own one of these collateral kinds, or null. @example ["receivables"] */
	collateralKinds: listOf(COLLATERAL_KINDS, 'collateral kinds').nullable(),
	anchorBuyerRequired: z.boolean({ error: 'expected true or false' }),
	/** Months of settlement history at the bank, ≥ 0. */
	minSettlementMonths: number('months').int('expected whole months').min(0, 'expected ≥ 0 months'),
	greenOnly: z.boolean({ error: 'expected true or false' }),
	ruralOnly: z.boolean({ error: 'expected true or false' }),
});

/** The product schema; `z.output` matches the domain `Product`. */
export const ProductSchema = z
	.object({
		/** Kebab-case ascii, equal to the file name. @example "tax-data-loan" */
		id: z
			.string({ error: 'expected a string' })
			.regex(/^[a-z0-9-]+$/, 'expected kebab-case ascii such as "tax-data-loan"'),
		/** Chinese product name. @example "税务数据贷" */
		name: text,
		summary: text,
		targetSegments: listOf(SIZE_SEGMENTS, 'size segments'),
		tracks: listOf(INDUSTRY_TRACKS, 'industry tracks'),
		purposes: listOf(LOAN_PURPOSES, 'loan purposes'),
		eligibility: EligibilitySchema,
		/** Amount range, 万元. @example { "min": 5, "max": 300 } */
		amountWan: range('万元', 0, 100000),
		/** Term range, months; working-capital products at most 60 (facts §2.3). @example { "min": 3, "max": 12 } */
		termMonths: range('months', 1, 360),
		pricing: z
			.object({
				/** "lpr-1y" or "lpr-5y". */
				base: oneOf(['lpr-1y', 'lpr-5y'] as const),
				/** Spreads over the base rate in basis points (100 bp = 1 percentage point). @example 50 */
				minSpreadBp: number('basis points')
					.min(-300, 'expected ≥ -300 bp')
					.max(1000, 'expected ≤ 1000 bp'),
				maxSpreadBp: number('basis points')
					.min(-300, 'expected ≥ -300 bp')
					.max(1000, 'expected ≤ 1000 bp (LPR + 10 points is the ceiling)'),
			})
			.refine((p) => p.minSpreadBp <= p.maxSpreadBp, {
				message: '"minSpreadBp" must not exceed "maxSpreadBp"',
				path: ['maxSpreadBp'],
			}),
		repaymentMethods: listOf(REPAYMENT_METHODS, 'repayment methods'),
		guaranteeMethods: listOf(GUARANTEE_METHODS, 'guarantee methods'),
		/** Loan ÷ appraised collateral value, (0, 1], or null. @example 0.7 */
		maxLoanToCollateral: number('fraction')
			.gt(0, 'expected a fraction > 0')
			.max(1, 'expected a fraction ≤ 1 (0.7 = 70%)')
			.nullable(),
		channel: oneOf(CHANNELS),
		registration: oneOf(['zhongdengwang', 'ip-office', 'real-estate-registry'] as const).nullable(),
		/** Government-guarantee fee caps: ≤ 0.01 up to 500万, ≤ 0.015 above; bank keeps ≥ 0.2 of the risk (facts §10.1). */
		guaranteeFee: z
			.object({
				upTo500Wan: number('fraction')
					.min(0)
					.max(0.01, 'expected ≤ 0.01: the fee cap for guarantees up to 500万 is 1% (facts §10.1)'),
				above500Wan: number('fraction')
					.min(0)
					.max(0.015, 'expected ≤ 0.015: the fee cap above 500万 is 1.5% (facts §10.1)'),
				bankRiskShare: number('fraction')
					.min(0.2, 'expected ≥ 0.2: the bank keeps at least 20% of the risk (facts §10.1)')
					.max(1),
			})
			.nullable(),
		/** facts.md sections. @example ["facts-10.1", "facts-10.2"] */
		sources: z.array(
			z.string().regex(/^facts-\d+(\.\d+)?$/, 'expected a facts.md section such as "facts-10.1"'),
		),
	})
	.superRefine((p, ctx) => {
		if (p.guaranteeMethods.includes('government-guarantee') && p.guaranteeFee === null) {
			ctx.addIssue({
				code: 'custom',
				path: ['guaranteeFee'],
				message: 'a product with "government-guarantee" needs "guaranteeFee" caps',
			});
		}
		const collateralised =
			p.guaranteeMethods.includes('mortgage') || p.guaranteeMethods.includes('pledge');
		if (collateralised && p.maxLoanToCollateral === null) {
			ctx.addIssue({
				code: 'custom',
				path: ['maxLoanToCollateral'],
				message: 'a product taking a mortgage or pledge needs "maxLoanToCollateral"',
			});
		}
		const wc = p.purposes.every((x) =>
			['working-capital', 'inventory-stocking', 'order-fulfilment'].includes(x),
		);
		if (wc && p.termMonths.max > 60) {
			ctx.addIssue({
				code: 'custom',
				path: ['termMonths', 'max'],
				message: 'expected ≤ 60 months: working-capital loans run at most 5 years (facts §2.3)',
			});
		}
		if (
			p.eligibility.taxGrades !== null &&
			p.eligibility.taxGrades.some((g) => !['A', 'B', 'M'].includes(g))
		) {
			ctx.addIssue({
				code: 'custom',
				path: ['eligibility', 'taxGrades'],
				message: '银税互动 covers tax grades A, B and M only (facts §10.1)',
			});
		}
	});

export type ProductData = z.output<typeof ProductSchema>;

/** Parse one product file; errors read "<file>: <field>: <expected>". */
export function parseProduct(
	file: string,
	data: unknown,
): { ok: true; product: ProductData } | { ok: false; errors: string[] } {
	const result = ProductSchema.safeParse(data);
	if (result.success) {
		const expected = file.replace(/^.*\//, '').replace(/\.json$/, '');
		if (result.data.id !== expected)
			return { ok: false, errors: [`${file}: id: expected "${expected}" (the file name)`] };
		return { ok: true, product: result.data };
	}
	return {
		ok: false,
		errors: result.error.issues.map(
			(i) => `${file}: ${i.path.length > 0 ? i.path.join('.') : '(file)'}: ${i.message}`,
		),
	};
}
