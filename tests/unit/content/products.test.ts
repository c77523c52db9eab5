import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Product } from '../../../src/domain/products';
import { PRODUCT_IDS } from '../../../src/domain/loan-terms';
import { ProductSchema, parseProduct, type ProductData } from '../../../src/schemas/product';

const DIR = join(import.meta.dirname, '..', '..', '..', 'content', 'products');
const files = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.sort();
const load = (f: string) =>
	JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>;

describe.each(files)('content/products/%s', (file) => {
	test('parses and its id is the file name', () => {
		const r = parseProduct(`content/products/${file}`, load(file));
		expect(r.ok ? [] : r.errors).toEqual([]);
	});
});

describe('the product catalogue', () => {
	const products = files.map((f) => ProductSchema.parse(load(f)));

	test('has at least 12 products with unique ids, including every id the cases may use', () => {
		expect(products.length).toBeGreaterThanOrEqual(12);
		const ids = products.map((p) => p.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of PRODUCT_IDS) expect(ids).toContain(id);
	});

	test('keeps working-capital loans within 36 months', () => {
		const wc = products.find((p) => p.id === 'working-capital');
		expect(wc?.termMonths.max).toBeLessThanOrEqual(36);
	});

	test('limits the tax-data loan to tax grades A, B and M', () => {
		expect(products.find((p) => p.id === 'tax-data-loan')?.eligibility.taxGrades).toEqual([
			'A',
			'B',
			'M',
		]);
	});

	test('registers receivables pledges at 中登网 and IP pledges at the IP office', () => {
		expect(products.find((p) => p.id === 'receivables-finance')?.registration).toBe(
			'zhongdengwang',
		);
		expect(products.find((p) => p.id === 'ip-pledge-loan')?.registration).toBe('ip-office');
	});

	test('prices green loans at about the LPR', () => {
		const g = products.find((p) => p.id === 'green-loan');
		expect(Math.abs(g?.pricing.maxSpreadBp ?? 999)).toBeLessThanOrEqual(50);
	});
});

test('the schema output is a domain Product, so the two cannot drift', () => {
	expectTypeOf<ProductData>().toExtend<Product>();
});

describe('parseProduct', () => {
	const good = load('working-capital.json');

	test('names the file, the field and what was expected', () => {
		const r = parseProduct('content/products/working-capital.json', {
			...good,
			amountWan: { min: 100, max: 10 },
			channel: 'carrier-pigeon',
		});
		expect(r.ok).toBe(false);
		const errors = r.ok ? [] : r.errors;
		expect(errors).toContain(
			'content/products/working-capital.json: amountWan.max: "min" must not exceed "max"',
		);
		expect(
			errors.some((e) =>
				e.startsWith(
					'content/products/working-capital.json: channel: expected one of: branch-visit',
				),
			),
		).toBe(true);
	});

	test('rejects a file whose id differs from its name', () => {
		expect(parseProduct('content/products/other.json', good)).toEqual({
			ok: false,
			errors: ['content/products/other.json: id: expected "other" (the file name)'],
		});
	});

	test('enforces the regulatory anchors: fees, risk share, 60-month working capital, grades A/B/M', () => {
		const gov = load('gov-guarantee-loan.json');
		const msgs = (data: unknown) => {
			const r = parseProduct('content/products/x.json', data);
			return r.ok ? [] : r.errors.join('\n');
		};
		expect(
			msgs({
				...gov,
				id: 'x',
				guaranteeFee: { upTo500Wan: 0.02, above500Wan: 0.015, bankRiskShare: 0.1 },
			}),
		).toMatch(/fee cap for guarantees up to 500万 is 1%[\s\S]*at least 20%/);
		expect(msgs({ ...gov, id: 'x', guaranteeFee: null })).toMatch(/needs "guaranteeFee"/);
		expect(msgs({ ...good, id: 'x', termMonths: { min: 3, max: 72 } })).toMatch(/at most 5 years/);
		expect(msgs({ ...good, id: 'x', maxLoanToCollateral: null })).toMatch(
			/needs "maxLoanToCollateral"/,
		);
		const tax = load('tax-data-loan.json');
		expect(
			msgs({
				...tax,
				id: 'x',
				eligibility: { ...(tax['eligibility'] as object), taxGrades: ['A', 'C'] },
			}),
		).toMatch(/A, B and M only/);
		expect(msgs({ ...good, id: 'x', repaymentMethods: [] })).toMatch(/list at least one of/);
		expect(msgs('not an object')).toMatch(/\(file\)/);
	});
});
