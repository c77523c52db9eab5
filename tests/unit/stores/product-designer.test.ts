import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress } = await import('../../../src/stores/progress');
const s = await import('../../../src/stores/product-designer');
const { DEFAULT_DESIGN } = await import('../../../src/domain/product-design');

beforeEach(() => {
	keepMount($progress);
	resetProgress();
	s.setScenario('store-test', 60);
	s.setBrief('community-catering');
	s.resetDesign();
});
afterEach(() => cleanStores(s.$pdSample, s.$pdFeedback, s.$pdErrors, s.$pdProfile, s.$pdHistogram));

describe('product designer store', () => {
	test('the form round-trips the default design', () => {
		expect(s.designOf(s.formOf(DEFAULT_DESIGN))).toEqual(DEFAULT_DESIGN);
		expect(s.$pdErrors.get()).toEqual([]);
	});

	test('parses typed numbers, rejecting blanks and words', () => {
		expect(s.parseNumber(' 1,200 ')).toBe(1200);
		expect(s.parseNumber('1，5')).toBe(15);
		expect(s.parseNumber('')).toBeNaN();
		expect(s.parseNumber('abc')).toBeNaN();
		expect(s.parseNumber(undefined as never)).toBeNaN();
	});

	test('a sample follows the scenario and brief', () => {
		expect(s.$pdSample.get()).toHaveLength(60);
		const first = s.$pdSample.get()[0]?.id;
		s.setBrief('suburban-farmers');
		expect(s.$pdSample.get()[0]?.industry).toBe('agriculture');
		expect(s.$pdProfile.get().size).toBe(60);
		s.setBrief('community-catering');
		expect(s.$pdSample.get()[0]?.id).toBe(first);
	});

	test('invalid input is refused and nothing is recorded', () => {
		s.setNumber('amountMinWan', 'abc');
		s.toggle('repayments', 'interest-monthly-bullet', false);
		expect(s.$pdErrors.get().map((e) => e.field)).toEqual(['amountMinWan', 'repayments']);
		expect(s.submitDesign()).toBe(false);
		expect(s.$pdFeedback.get()).toBeNull();
		expect($progress.get().sims['product-designer']).toBeUndefined();
	});

	test('submitting scores the design and saves it; editing hides the stale result', () => {
		s.setNumber('amountMinWan', '1');
		s.setNumber('amountMaxWan', '30');
		s.toggle('requirements', 'statements', false);
		s.toggle('requirements', 'settlement-history', true);
		s.toggle('repayments', 'seasonal', true);
		s.toggle('guarantees', 'government-guarantee', true);
		expect(s.$pdForm.get().requirements).toEqual(['settlement-history']);
		expect(s.submitDesign()).toBe(true);
		const fb = s.$pdFeedback.get();
		expect(fb?.kind).toBe('product-design');
		expect(s.$pdHistogram.get()?.length).toBeGreaterThan(0);
		const saved = $progress.get().sims['product-designer'];
		expect(saved?.best).toBe(fb?.score);
		expect(saved?.seed).toBe('store-test');
		s.setNumber('spreadBp', '120');
		expect(s.$pdFeedback.get()).toBeNull();
		expect(s.$pdHistogram.get()).toBeNull();
	});

	test('a new sample gets a new seed of the same size', () => {
		s.newSample(() => 0.5);
		expect(s.$pdScenario.get()).toEqual({ seed: 'nnnnnn', count: 60 });
	});
});
