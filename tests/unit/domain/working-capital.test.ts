import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	DAYS_PER_YEAR,
	newLoanLimitOf,
	validateWorkingCapitalInput,
	workingCapitalNeed,
	type WorkingCapitalInput,
} from '../../../src/domain/working-capital';

/** The worked example of facts.md §2.2. */
const EXAMPLE: WorkingCapitalInput = {
	lastYearRevenueWan: 10000,
	lastYearProfitMargin: 0.1,
	expectedGrowth: 0.2,
	inventoryDays: 60,
	receivableDays: 45,
	payableDays: 30,
	prepaidDays: 10,
	advanceReceiptDays: 5,
	ownFundsWan: 800,
	existingWorkingCapitalLoansWan: 600,
	otherFundingWan: 200,
};

describe('workingCapitalNeed', () => {
	test('reproduces the facts.md §2.2 worked example: 80 days, 4.5 times, 2400 万, 800 万', () => {
		const r = workingCapitalNeed(EXAMPLE);
		expect(r).toEqual({ ok: true, turnoverDays: 80, turnoverTimes: 4.5, workingCapitalWan: 2400, newLoanLimitWan: 800 });
	});

	test('uses a 360-day year', () => {
		expect(DAYS_PER_YEAR).toBe(360);
		const r = workingCapitalNeed({ ...EXAMPLE, inventoryDays: 360, receivableDays: 0, payableDays: 0, prepaidDays: 0, advanceReceiptDays: 0 });
		expect(r.ok && r.turnoverTimes).toBe(1);
	});

	test('subtracts payable and advance-receipt days and adds the others', () => {
		const base = workingCapitalNeed(EXAMPLE);
		const morePayable = workingCapitalNeed({ ...EXAMPLE, payableDays: 40 });
		const moreAdvance = workingCapitalNeed({ ...EXAMPLE, advanceReceiptDays: 15 });
		const morePrepaid = workingCapitalNeed({ ...EXAMPLE, prepaidDays: 20 });
		expect(base.ok && morePayable.ok && moreAdvance.ok && morePrepaid.ok).toBe(true);
		if (base.ok && morePayable.ok && moreAdvance.ok && morePrepaid.ok) {
			expect(morePayable.turnoverDays).toBe(70);
			expect(moreAdvance.turnoverDays).toBe(70);
			expect(morePrepaid.turnoverDays).toBe(90);
		}
	});

	test('does not clamp the new loan limit: plenty of own funds gives a negative limit', () => {
		const r = workingCapitalNeed({ ...EXAMPLE, ownFundsWan: 3000 });
		expect(r.ok && r.newLoanLimitWan).toBe(-1400);
	});

	test('accepts a loss-making year (negative margin)', () => {
		const r = workingCapitalNeed({ ...EXAMPLE, lastYearProfitMargin: -0.1 });
		expect(r.ok && r.workingCapitalWan).toBeCloseTo((10000 * 1.1 * 1.2) / 4.5, 9);
	});

	test('reports a non-positive cycle on the derived field', () => {
		expect(workingCapitalNeed({ ...EXAMPLE, payableDays: 110 })).toEqual({
			ok: false,
			errors: [{ field: 'turnoverDays', code: 'non-positive-turnover' }],
		});
	});

	test('lists every bad field with its code', () => {
		const r = workingCapitalNeed({
			...EXAMPLE,
			lastYearRevenueWan: Number.NaN,
			inventoryDays: -1,
			ownFundsWan: Number.POSITIVE_INFINITY,
			lastYearProfitMargin: 1,
			expectedGrowth: -1,
		});
		expect(r).toEqual({
			ok: false,
			errors: [
				{ field: 'lastYearRevenueWan', code: 'not-finite' },
				{ field: 'inventoryDays', code: 'negative' },
				{ field: 'ownFundsWan', code: 'not-finite' },
				{ field: 'lastYearProfitMargin', code: 'margin-too-high' },
				{ field: 'expectedGrowth', code: 'growth-too-low' },
			],
		});
	});

	test('flags non-finite margin and growth', () => {
		expect(validateWorkingCapitalInput({ ...EXAMPLE, lastYearProfitMargin: Number.NaN, expectedGrowth: Number.NEGATIVE_INFINITY })).toEqual([
			{ field: 'lastYearProfitMargin', code: 'not-finite' },
			{ field: 'expectedGrowth', code: 'not-finite' },
		]);
		expect(validateWorkingCapitalInput(EXAMPLE)).toEqual([]);
	});

	test('newLoanLimitOf gives the new loan limit, or NaN for every kind of failure', () => {
		const huge = Number.MAX_VALUE;
		const cases: WorkingCapitalInput[] = [
			EXAMPLE,
			{ ...EXAMPLE, ownFundsWan: 5000 },
			{ ...EXAMPLE, payableDays: 110 },
			{ ...EXAMPLE, lastYearRevenueWan: Number.NaN },
			{ ...EXAMPLE, inventoryDays: -1 },
			{ ...EXAMPLE, lastYearProfitMargin: 1 },
			{ ...EXAMPLE, expectedGrowth: -1 },
			{ ...EXAMPLE, expectedGrowth: Number.NaN },
			{ ...EXAMPLE, inventoryDays: huge, receivableDays: huge },
			{ ...EXAMPLE, inventoryDays: 5e-324, receivableDays: 0, payableDays: 0, prepaidDays: 0, advanceReceiptDays: 0 },
			{ ...EXAMPLE, lastYearRevenueWan: huge, lastYearProfitMargin: -huge },
		];
		for (const input of cases) {
			const r = workingCapitalNeed(input);
			expect(newLoanLimitOf(input)).toBe(r.ok ? r.newLoanLimitWan : Number.NaN);
		}
		expect(newLoanLimitOf(EXAMPLE)).toBe(800);
	});

	test('reports overflow instead of returning Infinity', () => {
		const huge = Number.MAX_VALUE;
		expect(workingCapitalNeed({ ...EXAMPLE, inventoryDays: huge, receivableDays: huge })).toEqual({
			ok: false,
			errors: [{ field: 'turnoverDays', code: 'overflow' }],
		});
		expect(
			workingCapitalNeed({ ...EXAMPLE, inventoryDays: 5e-324, receivableDays: 0, payableDays: 0, prepaidDays: 0, advanceReceiptDays: 0 }),
		).toEqual({ ok: false, errors: [{ field: 'turnoverDays', code: 'overflow' }] });
		expect(workingCapitalNeed({ ...EXAMPLE, lastYearRevenueWan: huge, lastYearProfitMargin: -huge })).toEqual({
			ok: false,
			errors: [{ field: 'workingCapitalWan', code: 'overflow' }],
		});
	});

	test('never throws and returns finite numbers or coded errors for any doubles', () => {
		const anyDouble = fc.oneof(
			fc.double(),
			fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1, -1),
			fc.double({ min: 0, max: 1e6, noNaN: true }),
		);
		const keys = Object.keys(EXAMPLE) as (keyof WorkingCapitalInput)[];
		fc.assert(
			fc.property(fc.tuple(...keys.map(() => anyDouble)), (values) => {
				const input = Object.fromEntries(keys.map((k, i) => [k, values[i]])) as unknown as WorkingCapitalInput;
				const r = workingCapitalNeed(input);
				expect(newLoanLimitOf(input)).toBe(r.ok ? r.newLoanLimitWan : Number.NaN);
				if (r.ok) {
					expect(r.turnoverDays).toBeGreaterThan(0);
					for (const v of [r.turnoverDays, r.turnoverTimes, r.workingCapitalWan, r.newLoanLimitWan]) {
						expect(Number.isFinite(v)).toBe(true);
					}
					expect(r.turnoverDays * r.turnoverTimes).toBeCloseTo(360, 6);
				} else {
					expect(r.errors.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 2000 },
		);
	});

	test('grows with revenue and shrinks as own funds grow (sane inputs)', () => {
		fc.assert(
			fc.property(fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), (rev, own) => {
				const a = workingCapitalNeed({ ...EXAMPLE, lastYearRevenueWan: rev, ownFundsWan: own });
				const b = workingCapitalNeed({ ...EXAMPLE, lastYearRevenueWan: rev * 2, ownFundsWan: own });
				const c = workingCapitalNeed({ ...EXAMPLE, lastYearRevenueWan: rev, ownFundsWan: own + 10 });
				if (!a.ok || !b.ok || !c.ok) throw new Error('unexpected failure');
				expect(b.workingCapitalWan).toBeGreaterThan(a.workingCapitalWan);
				expect(c.newLoanLimitWan).toBeLessThan(a.newLoanLimitWan);
			}),
		);
	});
});
