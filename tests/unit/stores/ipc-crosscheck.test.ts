import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const s = await import('../../../src/stores/ipc-crosscheck');
const { $progress, resetProgress } = await import('../../../src/stores/progress');
const { solveIpcCase } = await import('../../../src/domain/ipc-crosscheck');

beforeEach(() => {
	keepMount($progress);
	resetProgress();
	s.setIpcSeed(s.DEFAULT_IPC_SEED);
});
afterEach(() => cleanStores(s.$ipcCase, s.$ipcSolution, s.$ipcFeedback, $progress));

describe('ipc-crosscheck store', () => {
	test('the default case is a building-materials shop with an overstated claim', () => {
		expect(s.$ipcCase.get().trade).toBe('building-materials');
		expect(s.$ipcCase.get().planted).toBe('claimed-revenue');
	});

	test('lists missing and invalid fields', () => {
		expect(s.ipcProblems(s.$ipcDraft.get())).toEqual({ takingsWan: 'missing', inflowsWan: 'missing', purchasesWan: 'missing', estimateWan: 'missing', loanWan: 'missing', flag: 'missing' });
		s.setIpcField('takingsWan', 'abc');
		s.setIpcField('loanWan', '-3');
		s.setIpcField('flag', 'rent');
		const p = s.ipcProblems(s.$ipcDraft.get());
		expect(p).toMatchObject({ takingsWan: 'invalid', loanWan: 'invalid' });
		expect(p.flag).toBeUndefined();
	});

	test('submitting scores the worksheet and saves it to progress', () => {
		const c = s.$ipcCase.get();
		const sol = solveIpcCase(c);
		s.setIpcField('takingsWan', String(sol.routes.takings / 10_000));
		s.setIpcField('inflowsWan', String(sol.routes.inflows / 10_000));
		s.setIpcField('purchasesWan', String(sol.routes.purchases / 10_000));
		s.setIpcField('estimateWan', String(sol.revenueYuan / 10_000));
		s.setIpcField('flag', c.planted);
		s.setIpcField('loanWan', String(sol.loan.maxWan));
		expect(s.$ipcFeedback.get()).toBeNull();
		s.submitIpc();
		expect(s.$ipcFeedback.get()?.score).toBe(10);
		expect($progress.get().sims[s.IPC_SIM_ID]).toMatchObject({ best: 10, max: 10, attempts: 1 });
		s.setIpcField('loanWan', '1');
		expect(s.$ipcSubmitted.get()).toBe(false);
	});

	test('a new case changes the seed and clears the worksheet', () => {
		s.setIpcField('estimateWan', '3');
		s.newIpcCase(() => 0.1);
		expect(s.$ipcSeed.get()).not.toBe(s.DEFAULT_IPC_SEED);
		expect(s.ipcAnswers(s.$ipcDraft.get())).toEqual({ takingsWan: null, inflowsWan: null, purchasesWan: null, estimateWan: null, flag: null, loanWan: null });
	});
});
