import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CollateralKind } from '../../../src/domain/client';
import { isPermittedPurpose } from '../../../src/domain/loan-terms';
import { explainSizeSegment, riskTierOf, sizeSegmentOf, trackOf } from '../../../src/domain/segments';
import { parseCaseFile, toClient, type CaseFile } from '../../../src/schemas/case';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'content');
const DIR = join(ROOT, 'cases');
const files = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.sort();
const cases = files.map((f) => {
	const id = f.replace(/\.json$/, '');
	const file = parseCaseFile(JSON.parse(readFileSync(join(DIR, f), 'utf8')), `content/cases/${f}`);
	return { id, file, client: toClient(id, file) };
});

/** The product catalogue as plain JSON (helper B's content/products/<id>.json). */
interface ProductJson {
	eligibility: {
		segments: string[];
		legalForms: string[] | null;
		minYearsInBusiness: number;
		statementsRequired: boolean;
		taxGrades: string[] | null;
		collateralKinds: CollateralKind[] | null;
		anchorBuyerRequired: boolean;
		minSettlementMonths: number;
		greenOnly: boolean;
		ruralOnly: boolean;
	};
	purposes: string[];
	amountWan: { min: number; max: number };
	termMonths: { min: number; max: number };
	repaymentMethods: string[];
	guaranteeMethods: string[];
	maxLoanToCollateral: number | null;
}
const product = (id: string): ProductJson | null => {
	const path = join(ROOT, 'products', `${id}.json`);
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ProductJson) : null;
};

const MORTGAGEABLE: CollateralKind[] = ['residential-property', 'commercial-property', 'industrial-property', 'land-use-rights', 'equipment', 'vehicle'];
const PLEDGEABLE: CollateralKind[] = ['receivables', 'warehouse-receipt', 'deposit', 'intellectual-property', 'inventory'];
const WC_PURPOSES = ['working-capital', 'inventory-stocking', 'order-fulfilment', 'agricultural-production'];

test('there are at least 24 golden cases with ids spaced by 10', () => {
	expect(files.length).toBeGreaterThanOrEqual(24);
	for (const f of files) expect(f, f).toMatch(/^case-\d{2}0\.json$/);
	expect(new Set(files).size).toBe(files.length);
});

describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, { file, client }) => {
	const e = file.expected;

	test('expects the segment and risk tier the rules compute', () => {
		expect(e.segment).toBe(sizeSegmentOf(client));
		expect(e.riskTier).toBe(riskTierOf(client));
		expect(client.truth.segment).toBe(e.segment);
	});

	test('has internally consistent figures', () => {
		const c = file.client;
		expect(c.track).toBe(trackOf(c.industry));
		const monthly = c.monthlyRevenueWan.reduce((s, x) => s + x, 0);
		expect(Math.abs(monthly - c.revenueWan)).toBeLessThanOrEqual(0.05);
		const ar = c.arAging.d0to30 + c.arAging.d31to60 + c.arAging.d61to90 + c.arAging.d91plus;
		expect(Math.abs(ar - (c.revenueWan * c.receivableDays) / 360)).toBeLessThanOrEqual(0.05);
		const ap = c.apAging.d0to30 + c.apAging.d31to60 + c.apAging.d61to90 + c.apAging.d91plus;
		expect(Math.abs(ap - (c.revenueWan * (1 - c.grossMargin) * c.payableDays) / 360)).toBeLessThanOrEqual(0.05);
		expect(c.existingWorkingCapitalLoansWan).toBeLessThanOrEqual(c.existingDebtWan);
		expect(c.owner.yearsInTrade).toBeGreaterThanOrEqual(Math.floor(c.yearsInBusiness));
		expect(c.netMargin).toBeLessThan(c.grossMargin);
	});

	test('explains the decision with the client’s own numbers', () => {
		const c = file.client;
		const size = explainSizeSegment(client).reasons[0];
		// The size reasoning quotes the deciding figure.
		expect(size && e.why.includes(String(size.value)), `why should quote ${size?.indicator} ${size?.value}`).toBe(true);
		if (e.decision === 'lend') expect(e.why.includes(String(e.amountWan)), 'why should quote the amount').toBe(true);
		expect(e.why).not.toContain(c.name);
	});

	test('never lends for a prohibited purpose and only lends in scope', () => {
		if (!isPermittedPurpose(file.client.purpose)) expect(e.decision).toBe('decline');
		if (e.segment === 'out-of-scope') expect(e.decision).toBe('refer');
		if (e.decision !== 'lend') expect(e.reason).toBeDefined();
	});

	test('lends within the product’s rules and the client’s capital need and collateral', () => {
		if (e.decision !== 'lend') return;
		const c = file.client;
		const amount = e.amountWan as number;
		if (WC_PURPOSES.includes(c.purpose)) expect(amount).toBeLessThanOrEqual(client.truth.capitalNeedWan);
		const p = product(e.productId as string);
		if (!p) return; // the catalogue is helper B's content; checked when present
		const el = p.eligibility;
		expect(el.segments).toContain(e.segment);
		if (el.legalForms) expect(el.legalForms).toContain(c.legalForm);
		expect(c.yearsInBusiness).toBeGreaterThanOrEqual(el.minYearsInBusiness);
		if (el.statementsRequired) expect(c.statements).not.toBe('none');
		if (el.taxGrades) {
			expect(c.supplyChain.taxDataAvailable).toBe(true);
			expect(el.taxGrades).toContain(c.supplyChain.taxGrade);
		}
		if (el.collateralKinds) expect(c.collateral.some((k) => el.collateralKinds?.includes(k.kind))).toBe(true);
		if (el.anchorBuyerRequired) expect(c.supplyChain.anchorBuyer).toBe(true);
		expect(c.supplyChain.settlementMonthsWithBank).toBeGreaterThanOrEqual(el.minSettlementMonths);
		if (el.greenOnly) expect(c.green).toBe(true);
		if (el.ruralOnly) expect(c.rural).toBe(true);
		expect(p.purposes).toContain(c.purpose);
		expect(amount).toBeGreaterThanOrEqual(p.amountWan.min);
		expect(amount).toBeLessThanOrEqual(p.amountWan.max);
		expect(e.termMonths).toBeGreaterThanOrEqual(p.termMonths.min);
		expect(e.termMonths).toBeLessThanOrEqual(p.termMonths.max);
		expect(p.repaymentMethods).toContain(e.repayment);
		expect(p.guaranteeMethods).toContain(e.guarantee);
		const kinds = e.guarantee === 'mortgage' ? MORTGAGEABLE : e.guarantee === 'pledge' ? PLEDGEABLE : null;
		if (kinds && p.maxLoanToCollateral !== null) {
			const secured = c.collateral.filter((k) => kinds.includes(k.kind)).reduce((s, k) => s + k.valueWan, 0);
			expect(amount).toBeLessThanOrEqual(secured * p.maxLoanToCollateral + 1e-9);
		}
	});
});

describe('the case set', () => {
	const all = cases.map((c) => ({ ...c, e: c.file.expected, c: c.file.client }));
	const count = (f: (x: (typeof all)[number]) => boolean) => all.filter(f).length;

	test('covers every size segment, including an individual business above the small thresholds and a medium firm', () => {
		for (const s of ['small', 'micro', 'individual', 'out-of-scope']) expect(count((x) => x.e.segment === s), s).toBeGreaterThan(0);
		expect(count((x) => x.e.segment === 'out-of-scope' && x.c.legalForm === 'individual-business')).toBeGreaterThan(0);
		expect(count((x) => x.client.truth.sizeClass === 'medium' && x.c.legalForm !== 'individual-business')).toBeGreaterThan(0);
	});

	test('covers every risk tier and each industry track several times', () => {
		for (const t of ['high', 'moderate-experienced', 'moderate-inexperienced', 'low']) expect(count((x) => x.e.riskTier === t), t).toBeGreaterThanOrEqual(3);
		for (const t of ['trade', 'services', 'manufacturing']) expect(count((x) => x.c.track === t), t).toBeGreaterThanOrEqual(3);
	});

	test('includes green and rural clients and a prohibited purpose', () => {
		expect(count((x) => x.c.green)).toBeGreaterThan(0);
		expect(count((x) => x.c.rural)).toBeGreaterThan(0);
		expect(count((x) => x.e.reason === 'prohibited-purpose')).toBeGreaterThan(0);
	});

	test('includes the boundary clients of the lesson', () => {
		const has = (f: (c: CaseFile['client']) => boolean) => all.some((x) => f(x.c));
		expect(has((c) => c.industry === 'wholesale' && c.employees === 5 && c.revenueWan >= 1000)).toBe(true);
		expect(has((c) => c.industry === 'retail' && c.employees === 10 && c.revenueWan === 100)).toBe(true);
		expect(has((c) => c.industry === 'industry' && c.employees === 350 && c.revenueWan === 1500)).toBe(true);
		expect(has((c) => c.industry === 'software-it' && c.revenueWan === 50)).toBe(true);
		expect(has((c) => c.existingDebtWan / c.assetsWan === 0.7)).toBe(true);
	});
});
