import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import { KASH_ITEMS } from '../../../src/domain/kash';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });
const { $progress, resetProgress, setClock, recordSim } = await import('../../../src/stores/progress');
const { $kashFeedback, $kashPlan, $kashPrevious, $kashRatings, $kashSubmitted, KASH_SIM_ID, clearKash, loadPreviousKash, rateKash, startFromPrevious, submitKash } = await import('../../../src/stores/kash');

const rateAll = (n: number) => KASH_ITEMS.forEach((i) => rateKash(i.id, n));

beforeEach(() => {
	setClock(() => 5000);
	keepMount($progress);
	keepMount($kashFeedback);
	keepMount($kashPlan);
	resetProgress();
	clearKash();
	$kashPrevious.set(null);
});
afterEach(() => cleanStores($progress, $kashFeedback, $kashPlan));

describe('kash store', () => {
	test('refuses to submit until every item is rated, naming the missing ones', () => {
		rateKash('k-systems', 3);
		const missing = submitKash();
		expect(missing).toHaveLength(24);
		expect(missing).not.toContain('k-systems');
		expect($kashSubmitted.get()).toBe(false);
		expect($progress.get().sims[KASH_SIM_ID]).toBeUndefined();
	});
	test('ignores invalid ratings', () => {
		rateKash('k-systems', 7);
		rateKash('k-systems', 2.5);
		expect($kashRatings.get()).toEqual({});
	});
	test('saves the total and the ratings, derives feedback and the plan', () => {
		rateAll(4);
		rateKash('h-time', 2);
		expect(submitKash()).toEqual([]);
		expect($progress.get().sims[KASH_SIM_ID]).toMatchObject({ score: 98, max: 125, attempts: 1 });
		expect(($progress.get().sims[KASH_SIM_ID]?.detail as Record<string, number>)['h-time']).toBe(2);
		expect($kashFeedback.get()?.score).toBe(98);
		expect($kashPlan.get()[0]).toEqual({ item: 'h-time', dimension: 'habits', rating: 2 });
		rateKash('h-time', 3);
		expect($kashSubmitted.get()).toBe(false);
		expect($kashFeedback.get()).toBeNull();
		expect($kashPlan.get()).toEqual([]);
	});
	test('loads the previous assessment once and compares with it', () => {
		expect(loadPreviousKash()).toBe(false);
		recordSim(KASH_SIM_ID, { score: 75, max: 125, detail: Object.fromEntries(KASH_ITEMS.map((i) => [i.id, 3])) });
		expect(loadPreviousKash()).toBe(true);
		expect($kashPrevious.get()).toMatchObject({ at: 5000 });
		startFromPrevious();
		expect($kashRatings.get()['a-mission']).toBe(3);
		rateKash('a-mission', 5);
		submitKash();
		expect($kashFeedback.get()?.findings.find((f) => f.code === 'kash.improved')?.data).toMatchObject({ dimension: 'kash-attitude', before: 3, after: 3.3 });
	});
	test('treats a saved record without usable ratings as no previous', () => {
		recordSim(KASH_SIM_ID, { score: 1, max: 125, detail: { bogus: 9 } });
		expect(loadPreviousKash()).toBe(false);
		startFromPrevious();
		expect($kashRatings.get()).toEqual({});
	});
});
