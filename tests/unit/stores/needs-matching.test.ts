import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import { traitOf } from '../../../src/domain/needs-matching';
import { NEEDS_STATEMENTS } from '../../../src/components/sims/needs-matching/statements';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });
const { $progress, resetProgress } = await import('../../../src/stores/progress');
const { $needsAnswers, $needsFeedback, $needsOrder, $needsSeed, $needsSubmitted, NEEDS_SIM_ID, chooseTrait, initNeeds, setNeedsSeed, submitNeeds } = await import(
	'../../../src/stores/needs-matching'
);

const statements = NEEDS_STATEMENTS.map(({ id, cue }) => ({ id, cue }));

beforeEach(() => {
	keepMount($progress);
	keepMount($needsFeedback);
	keepMount($needsOrder);
	resetProgress();
	initNeeds(statements, 'classA');
});
afterEach(() => cleanStores($progress, $needsFeedback, $needsOrder));

describe('needs-matching store', () => {
	test('orders the statements by seed', () => {
		const first = $needsOrder.get().map((s) => s.id);
		initNeeds(statements, 'classA');
		expect($needsOrder.get().map((s) => s.id)).toEqual(first);
		chooseTrait('need-010', 'object');
		setNeedsSeed('classB');
		expect($needsSeed.get()).toBe('classB');
		expect($needsOrder.get().map((s) => s.id)).not.toEqual(first);
		expect($needsAnswers.get()).toEqual({});
	});
	test('refuses to submit with statements left, in display order', () => {
		chooseTrait(statements[0]!.id, 'object');
		const missing = submitNeeds();
		expect(missing).toHaveLength(statements.length - 1);
		expect(missing[0]).toBe($needsOrder.get().find((s) => s.id !== statements[0]!.id)?.id);
		expect($needsSubmitted.get()).toBe(false);
	});
	test('clears an answer on an empty or unknown value', () => {
		chooseTrait('need-010', 'object');
		chooseTrait('need-010', '');
		chooseTrait('need-020', 'nonsense');
		expect($needsAnswers.get()).toEqual({});
	});
	test('scores and saves the attempt with the seed', () => {
		for (const s of statements) chooseTrait(s.id, traitOf(s.cue)!);
		chooseTrait('need-070', 'development');
		expect(submitNeeds()).toEqual([]);
		expect($needsFeedback.get()).toMatchObject({ score: 9, max: 10 });
		expect($progress.get().sims[NEEDS_SIM_ID]).toMatchObject({ score: 9, max: 10, seed: 'classA' });
		chooseTrait('need-070', 'variability');
		expect($needsFeedback.get()).toBeNull();
	});
});
