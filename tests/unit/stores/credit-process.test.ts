import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress } = await import('../../../src/stores/progress');
const s = await import('../../../src/stores/credit-process');
const { DEFAULT_PLANS } = await import('../../../src/domain/credit-process');

beforeEach(() => {
	keepMount($progress);
	resetProgress();
	s.resetPlans();
	s.setSeed('store-test');
});
afterEach(() => cleanStores(s.$cpResults, s.$cpBrief, s.$cpPlanErrors, s.$cpEnvErrors));

describe('credit process store', () => {
	test('forms round-trip the lesson plans and the brief demand', () => {
		expect(s.planOf(s.planFormOf(DEFAULT_PLANS[0]))).toEqual(DEFAULT_PLANS[0]);
		expect(s.envOf(s.BRIEF_ENV_FORM)).toEqual({ applicationsPerDay: 40, thinFileShare: 0.4 });
		expect(s.parseNumber(' 1,000 ')).toBe(1000);
		expect(s.parseNumber('')).toBeNaN();
		expect(s.parseNumber(undefined as never)).toBeNaN();
	});

	test('only the teams a model uses are checked', () => {
		const f = { ...s.planFormOf(DEFAULT_PLANS[0]), officerStaff: 'x' };
		expect(s.planErrors(f)).toEqual({});
		expect(s.planErrors({ ...f, model: 'hybrid' })).toEqual({ officerStaff: 'not-number' });
		expect(s.planErrors({ ...f, factoryAutomationPct: '120' })).toEqual({ factoryAutomationPct: 'out-of-range' });
		expect(s.envErrors({ applicationsPerDay: '0', thinFilePct: '4.5' })).toEqual({ applicationsPerDay: 'out-of-range', thinFilePct: 'not-whole' });
	});

	test('invalid input blocks the run and the submission', () => {
		s.setEnvField('applicationsPerDay', 'lots');
		expect(s.runComparison()).toBe(false);
		expect(s.$cpResults.get()).toBeNull();
		s.setEnvField('applicationsPerDay', '40');
		s.setPlanField(0, 'factoryStaff', '-3');
		expect(s.runComparison()).toBe(false);
		expect(s.submitPlan(0)).toBe(false);
		expect($progress.get().sims['credit-process']).toBeUndefined();
	});

	test('running compares both plans on the same applicants', () => {
		expect(s.runComparison()).toBe(true);
		const r = s.$cpResults.get();
		expect(r?.results[0].arrived).toBe(r?.results[1].arrived);
		expect(r?.findings.length).toBeGreaterThan(0);
		s.setPlanField(1, 'model', 'hybrid');
		expect(s.$cpResults.get()).toBeNull();
		s.setPlanField(1, 'model', 'nonsense');
		expect(s.$cpPlans.get()[1].model).toBe('hybrid');
	});

	test('submitting a plan scores it on the brief and saves it', () => {
		s.setPlanField(1, 'model', 'hybrid');
		s.setPlanField(1, 'factoryAutomationPct', '100');
		s.setPlanField(1, 'officerStaff', '60');
		expect(s.submitPlan(1)).toBe(true);
		const b = s.$cpBrief.get();
		expect(b?.feedback.score).toBe(10);
		expect($progress.get().sims['credit-process']).toMatchObject({ best: 10, seed: 'store-test' });
		s.setEnvField('thinFilePct', '90');
		expect(s.$cpBrief.get()).not.toBeNull();
		s.newSeed(() => 0.5);
		expect(s.$cpSeed.get()).toBe('nnnnnn');
		expect(s.$cpBrief.get()).toBeNull();
	});
});
