import { describe, expect, test } from 'vitest';
import { LOAN_PURPOSES } from '../../../src/domain/client';
import {
	DECISIONS,
	DECISION_REASONS,
	GUARANTEE_METHODS,
	PRODUCT_IDS,
	PROHIBITED_PURPOSES,
	REPAYMENT_METHODS,
	isPermittedPurpose,
} from '../../../src/domain/loan-terms';

describe('loan-term code lists', () => {
	test('hold the agreed codes, each once', () => {
		expect(PRODUCT_IDS).toHaveLength(12);
		expect(REPAYMENT_METHODS).toEqual([
			'interest-monthly-bullet',
			'equal-installment',
			'equal-principal',
			'seasonal',
			'revolving',
			'self-liquidating',
		]);
		expect(GUARANTEE_METHODS).toEqual(['credit', 'mortgage', 'pledge', 'personal-guarantee', 'company-guarantee', 'government-guarantee']);
		for (const list of [PRODUCT_IDS, REPAYMENT_METHODS, GUARANTEE_METHODS, DECISIONS, DECISION_REASONS]) {
			expect(new Set(list).size).toBe(list.length);
		}
	});
});

describe('isPermittedPurpose', () => {
	test('rejects real estate, securities and consumption and allows business purposes', () => {
		expect(PROHIBITED_PURPOSES.every((p) => LOAN_PURPOSES.includes(p))).toBe(true);
		expect(isPermittedPurpose('real-estate-investment')).toBe(false);
		expect(isPermittedPurpose('securities-investment')).toBe(false);
		expect(isPermittedPurpose('consumer')).toBe(false);
		expect(LOAN_PURPOSES.filter(isPermittedPurpose)).toHaveLength(LOAN_PURPOSES.length - 3);
	});
});
