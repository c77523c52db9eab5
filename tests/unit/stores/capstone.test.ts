import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine, type PersistentListener } from '@nanostores/persistent';
import { loadCatalogue } from '../domain/b-fixtures';
import { applicantRow, defaultDraft, pipeline, runExpertGame } from '../../../src/domain/capstone';
import { findProduct, type Product } from '../../../src/domain/products';

const storage: Record<string, string> = {};
const listeners: PersistentListener[] = [];
setPersistentEngine(storage, {
	addEventListener: (_key, cb) => listeners.push(cb),
	removeEventListener: (_key, cb) => listeners.splice(listeners.indexOf(cb), 1),
});

const s = await import('../../../src/stores/capstone');
const { $progress, resetProgress } = await import('../../../src/stores/progress');
const catalogue = loadCatalogue();
const SEED = 'store-test';

beforeEach(() => {
	for (const k of Object.keys(storage)) delete storage[k];
	keepMount(s.$capSave);
	keepMount(s.$capChecks);
	keepMount(s.$capGame);
	keepMount(s.$capCostliest);
	keepMount($progress);
	resetProgress();
	s.configureCapstone(catalogue);
	s.newGame(SEED);
});
afterEach(() => cleanStores(s.$capSave, s.$capNotice, s.$capChecks, s.$capGame, s.$capFeedback, s.$capCostliest, s.$capPipeline, s.$capDrafts));

/** Decide the current round as the expert would, typing the expert's numbers into the form. */
function decideLikeExpert(): void {
	const g = s.$capSave.get()!;
	const game = runExpertGame(g.seed, catalogue);
	const expert = game.rounds[g.round - 1]!.expertDecisions;
	for (const d of expert) {
		if (!d.approve) {
			s.setChoice(d.clientId, 'decline');
			continue;
		}
		s.setChoice(d.clientId, 'approve');
		s.selectProduct(d.clientId, d.productId!);
		s.setField(d.clientId, 'amountWan', String(d.amountWan));
		s.setField(d.clientId, 'ratePct', String(Math.round(d.annualRate * 1e6) / 1e4));
		s.setField(d.clientId, 'termMonths', String(d.termMonths));
		s.setField(d.clientId, 'repayment', d.repayment);
		s.setField(d.clientId, 'guarantee', d.guarantee);
	}
}

describe('decodeGame', () => {
	test('reads a well-formed game and drops malformed drafts', () => {
		const raw = JSON.stringify({
			v: 1,
			seed: 'abc',
			round: 2,
			phase: 'deciding',
			drafts: {
				'1': { 'q1-c0001': { choice: 'decline' }, 'q1-c0002': { choice: 'maybe' }, bad: { choice: 'approve' }, 'q1-c0003': 5, 'q1-c0004': { amountWan: 7 } },
				'9': {},
				'2': 'x',
				'3': { 'q3-c0001': { choice: 'approve', productId: 'credit-loan', ratePct: 'x'.repeat(41) } },
			},
		});
		const { game, corrupted } = s.decodeGame(raw);
		expect(corrupted).toBe(false);
		expect(game?.drafts).toEqual({ '1': { 'q1-c0001': { ...s.$capDrafts.get(), choice: 'decline', productId: '', amountWan: '', ratePct: '', termMonths: '', repayment: '', guarantee: '' } }, '3': {} });
	});

	test('ignores anything that is not a game', () => {
		expect(s.decodeGame(undefined)).toEqual({ game: null, corrupted: false });
		expect(s.decodeGame('')).toEqual({ game: null, corrupted: false });
		const bad = [
			'{not json',
			'[]',
			'{"v":2,"seed":"a","round":1,"phase":"deciding","drafts":{}}',
			'{"v":1,"seed":"bad seed!","round":1,"phase":"deciding","drafts":{}}',
			'{"v":1,"seed":"a","round":5,"phase":"deciding","drafts":{}}',
			'{"v":1,"seed":"a","round":1.5,"phase":"deciding","drafts":{}}',
			'{"v":1,"seed":"a","round":1,"phase":"won","drafts":{}}',
			'{"v":1,"seed":"a","round":2,"phase":"debrief","drafts":{}}',
			'{"v":1,"seed":"a","round":1,"phase":"deciding","drafts":[]}',
		];
		for (const raw of bad) expect(s.decodeGame(raw), raw).toEqual({ game: null, corrupted: true });
	});

	test('a corrupted save is ignored with a notice and a new game starts', () => {
		cleanStores(s.$capSave);
		storage[s.CAPSTONE_KEY] = '{"v":1,"seed":';
		keepMount(s.$capSave);
		expect(s.$capSave.get()).toBeNull();
		expect(s.$capNotice.get()).toBe('corrupted');
		s.openCapstone('sme-2026', null);
		expect(s.$capSave.get()?.seed).toBe('sme-2026');
		s.dismissCapNotice();
		expect(s.$capNotice.get()).toBeNull();
	});
});

describe('opening a game', () => {
	test('resumes the saved game unless the URL names another seed', () => {
		s.setChoice(pipeline(SEED, 1)[0]!.id, 'decline');
		s.openCapstone('sme-2026', null);
		expect(s.$capSave.get()?.seed).toBe(SEED);
		s.openCapstone('sme-2026', SEED);
		expect(Object.keys(s.$capDrafts.get())).toHaveLength(1);
		s.openCapstone('sme-2026', 'bad seed!');
		expect(s.$capSave.get()?.seed).toBe(SEED);
		s.openCapstone('sme-2026', 'other');
		expect(s.$capSave.get()).toMatchObject({ seed: 'other', round: 1, phase: 'deciding', drafts: {} });
		s.$capSave.set(null);
		s.openCapstone('bad seed!', null);
		expect(s.$capSave.get()?.seed).toBe(s.DEFAULT_CAPSTONE_SEED);
		expect(JSON.parse(storage[s.CAPSTONE_KEY]!).seed).toBe(s.DEFAULT_CAPSTONE_SEED);
	});

	test('restarts the same seed or a random one', () => {
		s.setChoice(pipeline(SEED, 1)[0]!.id, 'decline');
		s.restartGame();
		expect(s.$capSave.get()).toMatchObject({ seed: SEED, drafts: {} });
		expect(s.randomGame(() => 0)).toBe('aaaaaa');
		expect(s.$capSave.get()?.seed).toBe('aaaaaa');
		s.$capSave.set(null);
		s.restartGame();
		expect(s.$capSave.get()?.seed).toBe(s.DEFAULT_CAPSTONE_SEED);
	});
});

describe('deciding a round', () => {
	test('prefills from the product and keeps typed values', () => {
		const c = s.$capPipeline.get()[0]!;
		s.setChoice(c.id, 'approve');
		expect(s.$capChecks.get()[c.id]?.errors.productId?.code).toBe('required');
		s.selectProduct(c.id, 'working-capital');
		const p = findProduct(catalogue, 'working-capital') as Product;
		expect(s.$capDrafts.get()[c.id]).toEqual(defaultDraft(c, p));
		s.setField(c.id, 'ratePct', '6.1'.padEnd(50, '0'));
		expect(s.$capDrafts.get()[c.id]?.ratePct).toHaveLength(40);
		s.selectProduct(c.id, 'nope');
		expect(s.$capDrafts.get()[c.id]).toMatchObject({ choice: 'approve', productId: '' });
		s.selectProduct('ghost', 'working-capital');
		expect(s.$capDrafts.get()['ghost']?.productId).toBe('');
	});

	test('bulk-declines prohibited purposes and the undecided', () => {
		const apps = s.$capPipeline.get();
		const prohibited = apps.filter((c) => !applicantRow(c).permittedPurpose).length;
		expect(s.declineProhibited()).toBe(prohibited);
		s.setChoice(apps[0]!.id, 'approve');
		const before = Object.values(s.$capDrafts.get()).filter((d) => d.choice).length;
		expect(s.declineUndecided()).toBe(apps.length - before);
		expect(s.$capDrafts.get()[apps[0]!.id]?.choice).toBe('approve');
	});

	test('refuses to run with undecided or invalid applicants and names the first', () => {
		const apps = s.$capPipeline.get();
		let r = s.runQuarter();
		expect(r).toEqual({ ok: false, undecided: apps.length, invalid: 0, first: { clientId: apps[0]!.id, field: 'choice' } });
		s.declineUndecided();
		s.setChoice(apps[1]!.id, 'approve');
		s.selectProduct(apps[1]!.id, 'working-capital');
		s.setField(apps[1]!.id, 'termMonths', 'abc');
		r = s.runQuarter();
		expect(r).toMatchObject({ ok: false, undecided: 0, invalid: 1, first: { clientId: apps[1]!.id } });
		expect(s.$capSave.get()?.phase).toBe('deciding');
	});

	test('ignores edits and runs outside the deciding phase', () => {
		s.declineUndecided();
		expect(s.runQuarter()).toEqual({ ok: true });
		expect(s.$capSave.get()?.phase).toBe('report');
		const before = s.$capSave.get();
		s.setChoice(s.$capPipeline.get()[0]!.id, 'approve');
		expect(s.$capSave.get()).toBe(before);
		expect(s.runQuarter()).toEqual({ ok: true });
		s.$capSave.set(null);
		expect(s.runQuarter()).toEqual({ ok: true });
		s.nextRound();
		s.setChoice('x', 'approve');
		expect(s.$capSave.get()).toBeNull();
		expect(s.roundsRun(null)).toBe(0);
	});
});

describe('a whole game', () => {
	test('plays four quarters like the expert, records the result and shows the debrief', () => {
		expect(s.$capGame.get()?.rounds).toHaveLength(0);
		for (let round = 1; round <= 4; round++) {
			expect(s.$capSave.get()).toMatchObject({ round, phase: 'deciding' });
			decideLikeExpert();
			expect(s.runQuarter()).toEqual({ ok: true });
			expect(s.$capGame.get()?.rounds).toHaveLength(round);
			const r = s.$capGame.get()!.rounds[round - 1]!;
			expect(r.learner.report).toEqual(r.expert.report);
			s.nextRound();
		}
		expect(s.$capSave.get()?.phase).toBe('debrief');
		const fb = s.$capFeedback.get()!;
		expect(fb.score).toBe(fb.max);
		expect(s.$capCostliest.get()).toEqual([]);
		expect($progress.get().sims[s.CAPSTONE_SIM_ID]).toMatchObject({ best: fb.score, max: fb.max });
		s.nextRound();
		expect(s.$capSave.get()?.phase).toBe('debrief');
		// the game is cached while only drafts change
		const game = s.$capGame.get();
		s.$capSave.set({ ...s.$capSave.get()! });
		expect(s.$capGame.get()).toBe(game);
	});

	test('without a catalogue there is no game', () => {
		s.configureCapstone([]);
		expect(s.$capGame.get()).toBeNull();
		expect(s.$capFeedback.get()).toBeNull();
		s.configureCapstone(catalogue);
	});

	test('a decline-everything learner gets costly decisions in the debrief', () => {
		for (let round = 1; round <= 4; round++) {
			s.declineUndecided();
			s.runQuarter();
			s.nextRound();
		}
		expect(s.$capCostliest.get()).toHaveLength(3);
		expect(s.$capFeedback.get()!.score).toBeLessThan(s.$capFeedback.get()!.max);
		expect(s.roundPipeline(SEED, 1)).toBe(s.roundPipeline(SEED, 1));
		for (let i = 0; i < 45; i++) s.roundPipeline(`seed${i}`, 1);
		expect(s.decisionsOf(s.$capSave.get()!, 1, catalogue).every((d) => !d.approve)).toBe(true);
	});
});
