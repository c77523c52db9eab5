import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import { draftOf, orderCatalogue, suggestedAmountWan, calculateWorkingCapital, wcFormOf } from '../../../src/domain/product-matching';
import { scenarioFor } from '../../../src/domain/product-matching-scenario';
import { scoreProductChoice, DEFAULT_PRODUCT_WEIGHTS } from '../../../src/domain/scoring/product-choice';
import { workingCapitalInputOf } from '../../../src/domain/working-capital';
import { loadCatalogue } from '../domain/b-fixtures';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress } = await import('../../../src/stores/progress');
const { createProductMatching, PRODUCT_MATCHING_SIM_ID } = await import('../../../src/stores/product-matching');

const catalogue = loadCatalogue();
const ordered = orderCatalogue(catalogue);
let pm: ReturnType<typeof createProductMatching>;

beforeEach(async () => {
	keepMount($progress);
	resetProgress();
	pm = createProductMatching({ catalogue, seed: 'store-seed', track: 'trade' });
	await pm.scenarioLoaded();
});
afterEach(() => cleanStores($progress));

const expertDraft = () => {
	const d = pm.$case.get()!.expert.decision;
	if (!d) throw new Error('expert declines');
	return draftOf(d);
};
const fill = (draft: ReturnType<typeof draftOf>) => {
	pm.selectProduct(draft.productId);
	for (const f of ['amountWan', 'termMonths', 'ratePct', 'repayment', 'guarantee', 'rationale'] as const) pm.setField(f, draft[f]);
};

describe('product-matching store', () => {
	test('shows the seeded client of the track and the calculator prefilled from it', async () => {
		const s = scenarioFor('store-seed', 'trade', ordered);
		expect(pm.$client.get()).toEqual(s.client);
		expect(pm.$wcForm.get()).toEqual(wcFormOf(workingCapitalInputOf(s.client)));
		expect(pm.catalogue.map((p) => p.id)).toEqual(ordered.map((p) => p.id));
	});

	test('a new scenario changes the client and clears the form', async () => {
		pm.setField('amountWan', '50');
		const first = pm.$client.get();
		pm.setScenario('store-seed', 'services');
		await pm.scenarioLoaded();
		expect(pm.$client.get()!.track).toBe('services');
		expect(pm.$client.get()).not.toEqual(first);
		expect(pm.$draft.get().amountWan).toBe('');
		expect(pm.$wcForm.get()).toEqual(wcFormOf(workingCapitalInputOf(pm.$client.get()!)));
		pm.newClient(() => 0);
		expect(pm.$scenario.get()).toEqual({ seed: 'aaaaaa', track: 'services' });
	});

	test('refuses an incomplete form, shows every error and names the first invalid field', () => {
		pm.setField('termMonths', '12');
		expect(pm.$shown.get()).toEqual({ termMonths: true });
		expect(pm.submit()).toEqual({ ok: false, firstInvalid: 'productId' });
		expect(Object.keys(pm.$shown.get())).toHaveLength(7);
		expect(pm.$submitted.get()).toBeNull();
		expect($progress.get().sims[PRODUCT_MATCHING_SIM_ID]).toBeUndefined();
		pm.selectProduct('working-capital');
		pm.setField('amountWan', 'abc');
		expect(pm.submit()).toMatchObject({ ok: false, firstInvalid: 'amountWan' });
		expect(pm.$check.get().errors.amountWan).toEqual({ code: 'not-number' });
	});

	test('scores the expert’s decision, saves it with seed, track and decision, and reopens on edit', async () => {
		const draft = expertDraft();
		fill({ ...draft, rationale: '看缺口' });
		expect(pm.submit()).toEqual({ ok: true });
		await pm.submitSettled();
		const client = pm.$client.get()!;
		const expected = scoreProductChoice(client, ordered, { ...pm.$case.get()!.expert.decision!, rationale: '看缺口' });
		expect(pm.$feedback.get()).toEqual(expected);
		const rec = $progress.get().sims[PRODUCT_MATCHING_SIM_ID]!;
		expect(rec).toMatchObject({ score: expected.score, max: expected.max, seed: 'store-seed', attempts: 1 });
		expect(rec.detail).toMatchObject({ track: 'trade', clientId: client.id, decision: { productId: draft.productId, rationale: '看缺口' } });
		pm.setField('termMonths', '24');
		expect(pm.$submitted.get()).toBeNull();
		expect(pm.$feedback.get()).toBeNull();
	});

	test('a worse decision scores lower than the expert’s', async () => {
		fill(expertDraft());
		pm.submit();
		await pm.submitSettled();
		const best = pm.$feedback.get()!.score;
		const p = pm.catalogue.find((x) => x.id === 'mortgage-business-loan')!;
		fill({ productId: p.id, amountWan: String(p.amountWan.max), termMonths: String(p.termMonths.max), ratePct: '20', repayment: p.repaymentMethods[0]!, guarantee: 'mortgage', rationale: '' });
		expect(pm.submit()).toMatchObject({ ok: false, firstInvalid: 'ratePct' });
		pm.setField('ratePct', String(p.pricing.maxSpreadBp / 100 + 3));
		expect(pm.submit()).toEqual({ ok: true });
		expect(pm.$feedback.get()!.score).toBeLessThan(best);
		expect($progress.get().sims[PRODUCT_MATCHING_SIM_ID]).toMatchObject({ attempts: 2, best });
	});

	test('choosing another product keeps only the methods it offers', () => {
		pm.selectProduct('working-capital');
		pm.setField('repayment', 'seasonal');
		pm.setField('guarantee', 'mortgage');
		pm.selectProduct('tax-data-loan');
		expect(pm.$draft.get()).toMatchObject({ productId: 'tax-data-loan', repayment: '', guarantee: '' });
		pm.setField('repayment', 'revolving');
		pm.setField('guarantee', 'credit');
		pm.selectProduct('credit-loan');
		expect(pm.$draft.get()).toMatchObject({ repayment: 'revolving', guarantee: 'credit' });
		expect(pm.$product.get()?.id).toBe('credit-loan');
		pm.selectProduct('nope');
		expect(pm.$draft.get()).toMatchObject({ productId: 'nope', repayment: '', guarantee: '' });
		expect(pm.$product.get()).toBeNull();
	});

	test('the calculator copies a positive new-loan limit into the amount, and nothing otherwise', async () => {
		pm.setScenario('store-seed', 'manufacturing');
		await pm.scenarioLoaded();
		const limit = suggestedAmountWan(pm.$wcResult.get());
		pm.setWcField('ownFundsWan', '-5');
		expect(pm.$wcResult.get()).toEqual({ ok: false, errors: [{ field: 'ownFundsWan', code: 'negative' }] });
		expect(pm.useWcAmount()).toBe(false);
		pm.setWcField('ownFundsWan', '0');
		pm.setWcField('lastYearRevenueWan', '100000');
		const big = suggestedAmountWan(pm.$wcResult.get());
		expect(pm.useWcAmount()).toBe(true);
		expect(pm.$draft.get().amountWan).toBe(String(big));
		pm.resetWc();
		expect(suggestedAmountWan(pm.$wcResult.get())).toBe(limit);
		pm.setWcField('ownFundsWan', '9999999');
		expect(pm.useWcAmount()).toBe(false);
		expect(calculateWorkingCapital(pm.$wcForm.get()).ok).toBe(true);
	});

	test('what-if replays one element before and after, refuses bad values and clears on a new submit', async () => {
		expect(pm.runWhatIf('termMonths', '12')).toBeNull();
		expect(pm.$whatIfResult.get()).toBeNull();
		const draft = expertDraft();
		fill(draft);
		pm.submit();
		await pm.submitSettled();
		expect(pm.runWhatIf('termMonths', 'abc')).toEqual({ code: 'not-number' });
		expect(pm.$whatIf.get()).toBeNull();
		const max = pm.$product.get()!.termMonths.max;
		expect(pm.runWhatIf('termMonths', String(max + 1))).toMatchObject({ code: 'above-max' });
		expect(pm.runWhatIf('ratePct', String(pm.$product.get()!.pricing.maxSpreadBp / 100 + 3))).toBeNull();
		const r = pm.$whatIfResult.get()!;
		expect(r.before).toEqual(pm.$feedback.get());
		expect(r.after.score).toBeLessThan(r.before.score);
		expect(pm.$whatIf.get()).toMatchObject({ element: 'ratePct', change: { annualRate: expect.any(Number) } });
		pm.clearWhatIf();
		expect(pm.$whatIfResult.get()).toBeNull();
		pm.runWhatIf('guarantee', draft.guarantee);
		pm.submit();
		expect(pm.$whatIf.get()).toBeNull();
		pm.runWhatIf('amountWan', '1');
		pm.retry();
		expect(pm.$submitted.get()).toBeNull();
		expect(pm.$whatIf.get()).toBeNull();
		expect(pm.$draft.get().productId).toBe('');
	});

	test('scores and saves with the lesson’s weights when it gives them', async () => {
		const weights = { ...DEFAULT_PRODUCT_WEIGHTS, compliance: 5 };
		pm = createProductMatching({ catalogue, seed: 'store-seed', track: 'trade', weights });
		await pm.scenarioLoaded();
		fill(expertDraft());
		pm.submit();
		await pm.submitSettled();
		const decision = pm.$submitted.get()!;
		const expected = scoreProductChoice(pm.$client.get()!, ordered, decision, weights);
		expect(pm.$feedback.get()).toEqual(expected);
		expect(expected.max).toBeGreaterThan(scoreProductChoice(pm.$client.get()!, ordered, decision).max);
		expect($progress.get().sims[PRODUCT_MATCHING_SIM_ID]).toMatchObject({ score: expected.score, max: expected.max });
	});

	test('the build-time scenario shows at once; another one is made on demand with scenarioFor', async () => {
		const initial = scenarioFor('sme-2026', 'services', ordered);
		const b = createProductMatching({ catalogue, seed: 'sme-2026', track: 'services', initial });
		expect(b.$caseStatus.get()).toBe('ready');
		expect(b.$case.get()).toBe(initial);
		expect(b.$wcForm.get()).toEqual(wcFormOf(workingCapitalInputOf(initial.client)));
		// Another scenario loads (status line), then shows; going back needs no code.
		b.setScenario('other', 'services');
		expect(b.$caseStatus.get()).toBe('loading');
		expect(b.$case.get()).toBeNull();
		await b.scenarioLoaded();
		expect(b.$caseStatus.get()).toBe('ready');
		expect(b.$case.get()).toEqual(scenarioFor('other', 'services', ordered));
		b.setScenario('sme-2026', 'services');
		expect(b.$case.get()).toBe(initial);
	});

	test('the first submit waits for the scorer: recorded once per attempt, shown unless the form changed meanwhile', async () => {
		vi.resetModules();
		const progress = await import('../../../src/stores/progress');
		const store = await import('../../../src/stores/product-matching');
		keepMount(progress.$progress);
		progress.resetProgress();
		const initial = scenarioFor('store-seed', 'trade', ordered);
		const p = store.createProductMatching({ catalogue, seed: 'store-seed', track: 'trade', initial });
		const d = draftOf(initial.expert.decision!);
		p.selectProduct(d.productId);
		for (const f of ['amountWan', 'termMonths', 'ratePct', 'repayment', 'guarantee'] as const) p.setField(f, d[f]);
		expect(p.submit()).toEqual({ ok: true });
		expect(p.$submitStatus.get()).toBe('loading');
		expect(p.$feedback.get()).toBeNull();
		expect(p.submit()).toEqual({ ok: true }); // a second click on the same form is the same attempt
		await p.submitSettled();
		expect(p.$submitStatus.get()).toBe('ready');
		const expected = scoreProductChoice(initial.client, ordered, initial.expert.decision!);
		expect(p.$feedback.get()).toEqual(expected);
		expect(progress.$progress.get().sims[store.PRODUCT_MATCHING_SIM_ID]).toMatchObject({ attempts: 1, score: expected.score });
		// Once loaded, a submit scores at once.
		p.setField('termMonths', d.termMonths);
		expect(p.submit()).toEqual({ ok: true });
		expect(p.$feedback.get()).toEqual(expected);
		expect(progress.$progress.get().sims[store.PRODUCT_MATCHING_SIM_ID]).toMatchObject({ attempts: 2 });
		cleanStores(progress.$progress);

		// A fresh page: an edit while the scorer loads keeps the click's attempt but shows no stale debrief.
		vi.resetModules();
		const progress2 = await import('../../../src/stores/progress');
		const store2 = await import('../../../src/stores/product-matching');
		keepMount(progress2.$progress);
		progress2.resetProgress();
		const q = store2.createProductMatching({ catalogue, seed: 'store-seed', track: 'trade', initial });
		q.selectProduct(d.productId);
		for (const f of ['amountWan', 'termMonths', 'ratePct', 'repayment', 'guarantee'] as const) q.setField(f, d[f]);
		q.submit();
		q.setField('termMonths', '1');
		await q.submitSettled();
		expect(progress2.$progress.get().sims[store2.PRODUCT_MATCHING_SIM_ID]).toMatchObject({ attempts: 1, score: expected.score });
		expect(q.$submitted.get()).toBeNull();
		expect(q.$feedback.get()).toBeNull();
		cleanStores(progress2.$progress);
	});

	test('a failed download of the scorer or of a scenario is reported, and trying again works', async () => {
		vi.resetModules();
		let offline = true;
		vi.doMock('../../../src/stores/product-matching-scoring', async (orig) => {
			if (offline) throw new Error('offline');
			return orig();
		});
		vi.doMock('../../../src/stores/product-matching-scenario', async (orig) => {
			if (offline) throw new Error('offline');
			return orig();
		});
		const progress = await import('../../../src/stores/progress');
		const store = await import('../../../src/stores/product-matching');
		keepMount(progress.$progress);
		progress.resetProgress();
		const initial = scenarioFor('store-seed', 'trade', ordered);
		const p = store.createProductMatching({ catalogue, seed: 'store-seed', track: 'trade', initial });
		const d = draftOf(initial.expert.decision!);
		p.selectProduct(d.productId);
		for (const f of ['amountWan', 'termMonths', 'ratePct', 'repayment', 'guarantee'] as const) p.setField(f, d[f]);
		p.submit();
		await p.submitSettled();
		expect(p.$submitStatus.get()).toBe('failed');
		expect(p.$feedback.get()).toBeNull();
		expect(progress.$progress.get().sims[store.PRODUCT_MATCHING_SIM_ID]).toBeUndefined();
		p.setScenario('other', 'services');
		// the failed attempt belonged to the previous client: its failure line does not follow the learner
		expect(p.$submitStatus.get()).toBe('ready');
		await p.scenarioLoaded();
		expect(p.$caseStatus.get()).toBe('failed');
		offline = false;
		p.reloadScenario();
		await p.scenarioLoaded();
		expect(p.$caseStatus.get()).toBe('ready');
		expect(p.$case.get()).toEqual(scenarioFor('other', 'services', ordered));
		p.setScenario('store-seed', 'trade');
		p.selectProduct(d.productId);
		for (const f of ['amountWan', 'termMonths', 'ratePct', 'repayment', 'guarantee'] as const) p.setField(f, d[f]);
		p.submit();
		await p.submitSettled();
		expect(p.$submitStatus.get()).toBe('ready');
		expect(p.$feedback.get()).toEqual(scoreProductChoice(initial.client, ordered, initial.expert.decision!));
		expect(progress.$progress.get().sims[store.PRODUCT_MATCHING_SIM_ID]).toMatchObject({ attempts: 1 });
		cleanStores(progress.$progress);
		vi.doUnmock('../../../src/stores/product-matching-scoring');
		vi.doUnmock('../../../src/stores/product-matching-scenario');
	});
});
