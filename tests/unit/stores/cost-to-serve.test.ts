import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const s = await import('../../../src/stores/cost-to-serve');
const { $progress, resetProgress } = await import('../../../src/stores/progress');
const { LESSON_TASK, lessonCostInput } = await import('../../../src/domain/cost-to-serve');

beforeEach(() => {
	keepMount($progress);
	resetProgress();
	s.resetAssumptions();
	s.setCostSeed(s.DEFAULT_COST_SEED);
});
afterEach(() => cleanStores(s.$ctsDraft, s.$ctsInput, s.$ctsErrors, s.$ctsResults, s.$ctsTask, s.$ctsFeedback, $progress));

describe('parseNumber', () => {
	test('reads plain, grouped and percent numbers; refuses junk', () => {
		expect(s.parseNumber('4.5')).toBe(4.5);
		expect(s.parseNumber(' 1,500 ')).toBe(1500);
		expect(s.parseNumber('4.5%')).toBe(4.5);
		expect(s.parseNumber('.5')).toBe(0.5);
		expect(s.parseNumber('1e3')).toBe(1000);
		expect(s.parseNumber('')).toBeNaN();
		expect(s.parseNumber('abc')).toBeNaN();
		expect(s.parseNumber('3万')).toBeNaN();
		expect(s.parseNumber(undefined as unknown as string)).toBeNaN();
	});
});

describe('calculator inputs', () => {
	test('shows the lesson input in percent and reads it back', () => {
		const d = s.draftOf(lessonCostInput());
		expect(d.rate).toBe('4.5');
		expect(d.fundingRate).toBe('2.3');
		expect(d.pd).toBe('1.5');
		expect(d['hours.branch-visit.investigation']).toBe('10');
		const { input, errors } = s.parseDraft(d);
		expect(errors).toEqual({});
		expect(input.rate).toBeCloseTo(0.045, 12);
		expect(s.$ctsResults.get()[0]?.economics.profitYuan).toBe(0);
	});

	test('a valid change moves the results; an invalid one is reported and leaves them', () => {
		s.setDraft('loanWan', '20');
		expect(s.$ctsInput.get().loanWan).toBe(20);
		expect(s.$ctsResults.get()[0]?.economics.profitYuan).toBe(-1600);
		s.setDraft('rate', 'abc');
		expect(s.$ctsErrors.get().rate?.code).toBe('not-number');
		expect(s.$ctsInput.get().rate).toBeCloseTo(0.045, 12);
		s.setDraft('hours.online-data.marketing', '-2');
		expect(s.$ctsErrors.get()['hours.online-data.marketing']?.code).toBe('below-min');
		s.resetAssumptions();
		expect(s.$ctsErrors.get()).toEqual({});
		expect(s.$ctsInput.get().loanWan).toBe(30);
	});
});

describe('task', () => {
	test('the default seed is the lesson task', () => {
		expect(s.$ctsTask.get()).toEqual(LESSON_TASK);
	});

	test('lists missing and invalid answers', () => {
		expect(s.taskProblems(s.$ctsAnswers.get())).toEqual({ missing: ['branch-visit', 'batch-scenario', 'online-data'], breakEven: 'missing', drop: 'missing' });
		s.answerNumber('breakEven', '-1');
		s.answerNumber('drop', 'x');
		expect(s.taskProblems(s.$ctsAnswers.get())).toMatchObject({ breakEven: 'invalid', drop: 'invalid' });
	});

	test('submitting scores the answers and saves them to progress', () => {
		s.answerProfitable('branch-visit', 'loss');
		s.answerProfitable('batch-scenario', 'profit');
		s.answerProfitable('online-data', 'profit');
		s.answerNumber('breakEven', '30');
		s.answerNumber('drop', '6.25');
		expect(s.taskAnswers(s.$ctsAnswers.get())).toEqual({ profitable: { 'branch-visit': 'loss', 'batch-scenario': 'profit', 'online-data': 'profit' }, breakEvenWan: 30, dropWan: 6.25 });
		expect(s.$ctsFeedback.get()).toBeNull();
		s.submitCostTask();
		expect(s.$ctsFeedback.get()?.score).toBe(7);
		expect($progress.get().sims[s.COST_SIM_ID]).toMatchObject({ best: 7, max: 7, attempts: 1 });
		s.answerProfitable('online-data', 'loss');
		expect(s.$ctsSubmitted.get()).toBe(false);
	});

	test('a new task changes the seed and clears the answers', () => {
		s.answerNumber('drop', '1');
		s.newCostTask(() => 0.5);
		expect(s.$ctsSeed.get()).not.toBe(s.DEFAULT_COST_SEED);
		expect(s.$ctsAnswers.get()).toEqual({ profitable: {}, breakEven: '', drop: '' });
		expect(s.taskAnswers(s.$ctsAnswers.get())).toEqual({ profitable: {}, breakEvenWan: null, dropWan: null });
	});
});
