import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import type * as ScorerModule from '../../../src/domain/scoring/cost-to-serve';

const { flakyImport } = await vi.hoisted(() => import('../../support/flaky-import'));

// The store fetches the task's scorer on submit; `offline` makes that many downloads fail first.
const net = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
vi.mock('../../../src/domain/scoring/cost-to-serve', (importOriginal) => flakyImport(net, importOriginal));
// The generator of seeded tasks is fetched when a seed other than the lesson's is opened.
const gen = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
vi.mock('../../../src/domain/cost-task', (importOriginal) => flakyImport(gen, importOriginal));

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const s = await import('../../../src/stores/cost-to-serve');
const { $progress, resetProgress } = await import('../../../src/stores/progress');
const { DEFAULT_COST_TASK_WEIGHTS, LESSON_TASK, lessonCostInput } = await import('../../../src/domain/cost-to-serve');
const scorer = await vi.importActual<typeof ScorerModule>('../../../src/domain/scoring/cost-to-serve');
const { costTask } = await vi.importActual<typeof import('../../../src/domain/cost-task')>('../../../src/domain/cost-task');
const attempts = () => $progress.get().sims[s.COST_SIM_ID]?.attempts ?? 0;
/** The lesson task's right answers (Q1 all channels, Q2 30 万元, Q3 6.25 万元). */
const answerRight = () => {
	s.answerProfitable('branch-visit', 'loss');
	s.answerProfitable('batch-scenario', 'profit');
	s.answerProfitable('online-data', 'profit');
	s.answerNumber('breakEven', '30');
	s.answerNumber('drop', '6.25');
};

beforeEach(() => {
	keepMount($progress);
	resetProgress();
	s.resetAssumptions();
	s.setCostSeed(s.DEFAULT_COST_SEED);
	s.$ctsWeights.set(DEFAULT_COST_TASK_WEIGHTS);
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

	// Order matters: this test runs before the scorer was ever fetched.
	test('the page does not fetch the scorer; clicks made while it loads survive a failed download, and retry records each once', async () => {
		expect(net.fetched).toBe(0);
		answerRight();
		s.answerNumber('drop', '5'); // Q3 wrong
		const firstAnswers = s.$ctsAnswers.get();
		net.offline = 1;
		const first = s.submitCostTask();
		expect(s.$ctsSubmitted.get()).toBe(true);
		expect(s.$ctsScoring.get()).toBe('loading');
		expect(s.$ctsFeedback.get()).toBeNull();
		s.answerNumber('drop', '6.25'); // reopens the attempt
		expect(s.$ctsSubmitted.get()).toBe(false);
		const second = s.submitCostTask();
		await Promise.all([first, second]);
		expect(s.$ctsScoring.get()).toBe('failed');
		expect(s.$ctsFeedback.get()).toBeNull();
		expect(attempts()).toBe(0);

		await s.retryCostScoring();
		expect(s.$ctsScoring.get()).toBe('idle');
		expect(scorer.scoreCostTask(LESSON_TASK, s.taskAnswers(firstAnswers)).score).toBe(5);
		expect(s.$ctsFeedback.get()).toEqual(scorer.scoreCostTask(LESSON_TASK, s.taskAnswers(s.$ctsAnswers.get())));
		expect($progress.get().sims[s.COST_SIM_ID]).toMatchObject({ best: 7, max: 7, attempts: 2 });
		expect(net.fetched).toBe(2); // the failed download and the one that worked
		await s.retryCostScoring(); // nothing left waiting: no further record
		expect(attempts()).toBe(2);
	});

	test('weights set by the lesson are used for the feedback and the record', async () => {
		s.$ctsWeights.set({ profitable: 2, breakEven: 1, processCut: 1 });
		answerRight();
		await s.submitCostTask();
		expect(s.$ctsFeedback.get()).toEqual(scorer.scoreCostTask(LESSON_TASK, s.taskAnswers(s.$ctsAnswers.get()), { profitable: 2, breakEven: 1, processCut: 1 }));
		expect($progress.get().sims[s.COST_SIM_ID]).toMatchObject({ best: 8, max: 8, attempts: 1 });
	});

	test('submitting scores the answers and saves them to progress', async () => {
		answerRight();
		expect(s.taskAnswers(s.$ctsAnswers.get())).toEqual({ profitable: { 'branch-visit': 'loss', 'batch-scenario': 'profit', 'online-data': 'profit' }, breakEvenWan: 30, dropWan: 6.25 });
		expect(s.$ctsFeedback.get()).toBeNull();
		await s.submitCostTask();
		expect(s.$ctsScoring.get()).toBe('idle');
		expect(s.$ctsFeedback.get()?.score).toBe(7);
		expect($progress.get().sims[s.COST_SIM_ID]).toMatchObject({ best: 7, max: 7, attempts: 1 });
		s.answerProfitable('online-data', 'loss');
		expect(s.$ctsSubmitted.get()).toBe(false);
	});

	test('the lesson task needs no generator; another seed fetches it (retry after a failed download) and gives the same task', async () => {
		expect(gen.fetched).toBe(0);
		expect(s.$ctsTask.get()).toEqual(costTask(s.DEFAULT_COST_SEED));
		expect(s.$ctsTaskLoad.get()).toBe('idle');
		gen.offline = 1;
		s.setCostSeed('classA');
		expect(s.$ctsTaskLoad.get()).toBe('loading');
		expect(s.$ctsTask.get()).toBeNull();
		await s.submitCostTask(); // nothing to submit before the questions are shown
		expect(s.$ctsSubmitted.get()).toBe(false);
		await vi.waitFor(() => expect(s.$ctsTaskLoad.get()).toBe('failed'));
		expect(s.$ctsTask.get()).toBeNull();
		await s.retryTaskLoad();
		expect(s.$ctsTaskLoad.get()).toBe('idle');
		expect(s.$ctsTask.get()).toEqual(costTask('classA'));
		expect(gen.fetched).toBe(2);
		s.setCostSeed('classB'); // already loaded: at once, no new download
		expect(s.$ctsTask.get()).toEqual(costTask('classB'));
		expect(gen.fetched).toBe(2);
	});

	test('a new task changes the seed and clears the answers', () => {
		s.answerNumber('drop', '1');
		s.newCostTask(() => 0.5);
		expect(s.$ctsSeed.get()).not.toBe(s.DEFAULT_COST_SEED);
		expect(s.$ctsAnswers.get()).toEqual({ profitable: {}, breakEven: '', drop: '' });
		expect(s.taskAnswers(s.$ctsAnswers.get())).toEqual({ profitable: {}, breakEvenWan: null, dropWan: null });
	});
});
