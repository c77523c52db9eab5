import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import { expectedVerdict } from '../../../src/domain/regulation-desk';
import { DESK_PROPOSALS } from '../../../src/components/sims/regulation-desk/proposals';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });
const { $progress, resetProgress } = await import('../../../src/stores/progress');
const desk = await import('../../../src/stores/regulation-desk');
const { $deskCaseFeedback, $deskCurrent, $deskDone, $deskDrafts, $deskFeedback, $deskFiled, $deskOrder, $deskSeed, REGULATION_DESK_SIM_ID } = desk;

const cases = DESK_PROPOSALS.map(({ id, proposal }) => ({ id, proposal }));

beforeEach(() => {
	for (const s of [$progress, $deskCaseFeedback, $deskDone, $deskFeedback, $deskOrder]) keepMount(s);
	resetProgress();
	desk.initDesk(cases, 'classA');
});
afterEach(() => cleanStores($progress, $deskCaseFeedback, $deskDone, $deskFeedback, $deskOrder));

/** Judge a case as the rules would. */
function judgeRight(id: string) {
	const c = cases.find((x) => x.id === id)!;
	const exp = expectedVerdict(c.proposal);
	desk.setDraftVerdict(id, exp.compliant);
	for (const r of exp.breached) desk.toggleCitation(id, r, true);
	return desk.fileCase(id);
}

describe('regulation-desk store', () => {
	test('orders the cases by seed and starts on the first', () => {
		const first = $deskOrder.get().map((c) => c.id);
		desk.setDeskSeed('classA');
		expect($deskOrder.get().map((c) => c.id)).toEqual(first);
		desk.goToCase(4);
		desk.setDeskSeed('classB');
		expect($deskSeed.get()).toBe('classB');
		expect($deskOrder.get().map((c) => c.id)).not.toEqual(first);
		expect($deskCurrent.get()).toBe(0);
	});
	test('refuses to file without a verdict, files once, and ignores unknown cases', () => {
		expect(desk.fileCase('case-010')).toBe('no-verdict');
		expect(desk.fileCase('nope')).toBe('unknown');
		desk.setDraftVerdict('case-010', false);
		desk.toggleCitation('case-010', 'internet-joint-lending.partner-share', true);
		desk.toggleCitation('case-010', 'inclusive.definition', true);
		desk.toggleCitation('case-010', 'inclusive.definition', false);
		expect($deskDrafts.get()['case-010']?.cited).toEqual(['internet-joint-lending.partner-share']);
		expect(desk.fileCase('case-010')).toBe('filed');
		expect(desk.fileCase('case-010')).toBe('already');
		expect($deskCaseFeedback.get()['case-010']?.score).toBe(2);
	});
	test('drops citations when the verdict is compliant', () => {
		desk.toggleCitation('case-040', 'working-capital.term', true);
		desk.setDraftVerdict('case-040', true);
		desk.fileCase('case-040');
		expect($deskFiled.get()['case-040']).toEqual({ compliant: true, citedRules: [] });
	});
	test('moves between cases, clamped, and finds the next open one', () => {
		desk.goToCase(99);
		expect($deskCurrent.get()).toBe(cases.length - 1);
		desk.goToCase(-3);
		expect($deskCurrent.get()).toBe(0);
		desk.goToCase(Number.NaN);
		expect($deskCurrent.get()).toBe(0);
		const order = $deskOrder.get();
		judgeRight(order[1]!.id);
		expect(desk.nextOpenCase()).toBe(2);
		for (const c of order) if (!$deskFiled.get()[c.id]) judgeRight(c.id);
		expect(desk.nextOpenCase()).toBe(-1);
	});
	test('saves the total once the last case is filed', () => {
		for (const c of cases.slice(0, -1)) judgeRight(c.id);
		expect($deskDone.get()).toBe(false);
		expect($progress.get().sims[REGULATION_DESK_SIM_ID]).toBeUndefined();
		judgeRight(cases.at(-1)!.id);
		expect($deskDone.get()).toBe(true);
		expect($deskFeedback.get()).toMatchObject({ score: 30, max: 30 });
		expect($progress.get().sims[REGULATION_DESK_SIM_ID]).toMatchObject({ score: 30, max: 30, seed: 'classA' });
		desk.clearDesk();
		expect($deskFiled.get()).toEqual({});
	});
});
