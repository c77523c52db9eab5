import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import type * as EvaluationModule from '../../../src/domain/product-design-evaluation';
import type { SampleProfile } from '../../../src/domain/product-design';

const { flakyImport } = await vi.hoisted(() => import('../../support/flaky-import'));

// The store fetches the evaluation module (generator, product rules) for a sample other than the
// page's, or on submit; `offline` makes that many downloads fail first, `fetched` counts them.
const net = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
vi.mock('../../../src/domain/product-design-evaluation', (importOriginal) => flakyImport(net, importOriginal));
const ev = await vi.importActual<typeof EvaluationModule>('../../../src/domain/product-design-evaluation');

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress } = await import('../../../src/stores/progress');
const s = await import('../../../src/stores/product-designer');
const { BRIEFS, BRIEF_IDS, DEFAULT_DESIGN } = await import('../../../src/domain/product-design');

// Order matters: this runs before the evaluation module was ever fetched.
describe('product designer store, profiles made at build or by the module fetched on demand', () => {
	const profiles = Object.fromEntries(BRIEF_IDS.map((id) => [id, ev.profileSample(ev.sampleClients(BRIEFS[id], 'page-seed', 50))])) as Record<(typeof BRIEF_IDS)[number], SampleProfile>;
	afterEach(() => cleanStores(s.$pdProfile, s.$pdErrors));

	test('the page’s own sample needs no module: every brief’s profile and the form work without it', () => {
		keepMount(s.$pdProfile);
		s.$pdDefault.set({ seed: 'page-seed', count: 50, profiles });
		s.setScenario('page-seed', 50);
		for (const id of BRIEF_IDS) {
			s.setBrief(id);
			expect(s.$pdProfile.get()).toBe(profiles[id]);
		}
		s.setNumber('amountMinWan', 'abc');
		expect(s.$pdErrors.get().map((e) => e.field)).toEqual(['amountMinWan']);
		s.resetDesign();
		expect(s.$pdErrors.get()).toEqual([]);
		expect(s.$pdSampleLoad.get()).toBe('idle');
		expect(s.$pdSample.get()).toBeNull();
		expect(net.fetched).toBe(0);
	});

	test('another sample fetches the module; a failed download says so and a retry loads it', async () => {
		keepMount(s.$pdProfile);
		net.offline = 1;
		s.setScenario('other-seed', 60);
		expect(s.$pdProfile.get()).toBeNull();
		expect(s.$pdSampleLoad.get()).toBe('loading');
		await vi.waitFor(() => expect(s.$pdSampleLoad.get()).toBe('failed'));
		expect(s.$pdProfile.get()).toBeNull();
		await s.retrySampleLoad();
		expect(s.$pdSampleLoad.get()).toBe('idle');
		expect(s.$pdProfile.get()).toEqual(ev.profileSample(ev.sampleClients(BRIEFS[s.$pdBrief.get()], 'other-seed', 60)));
		expect(net.fetched).toBe(2); // the failed download and the one that worked
		// back to the page's sample: the built profile, not a recomputed copy; no new download
		s.setScenario('page-seed', 50);
		expect(s.$pdProfile.get()).toBe(profiles[s.$pdBrief.get()]);
		s.setScenario('third-seed', 60);
		expect(s.$pdProfile.get()?.size).toBe(60);
		expect(net.fetched).toBe(2);
	});
});

describe('product designer store', () => {
	beforeEach(async () => {
		keepMount($progress);
		resetProgress();
		s.setScenario('store-test', 60);
		s.setBrief('community-catering');
		s.resetDesign();
		await s.retrySampleLoad();
	});
	afterEach(() => cleanStores(s.$pdSample, s.$pdFeedback, s.$pdErrors, s.$pdProfile, s.$pdHistogram));

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
		const first = s.$pdSample.get()![0]?.id;
		s.setBrief('suburban-farmers');
		expect(s.$pdSample.get()![0]?.industry).toBe('agriculture');
		expect(s.$pdProfile.get()!.size).toBe(60);
		s.setBrief('community-catering');
		expect(s.$pdSample.get()![0]?.id).toBe(first);
	});

	test('invalid input is refused and nothing is recorded', async () => {
		s.setNumber('amountMinWan', 'abc');
		s.toggle('repayments', 'interest-monthly-bullet', false);
		expect(s.$pdErrors.get().map((e) => e.field)).toEqual(['amountMinWan', 'repayments']);
		expect(await s.submitDesign()).toBe(false);
		expect(s.$pdFeedback.get()).toBeNull();
		expect($progress.get().sims['product-designer']).toBeUndefined();
	});

	test('submitting scores the design and saves it; editing hides the stale result', async () => {
		s.setNumber('amountMinWan', '1');
		s.setNumber('amountMaxWan', '30');
		s.toggle('requirements', 'statements', false);
		s.toggle('requirements', 'settlement-history', true);
		s.toggle('repayments', 'seasonal', true);
		s.toggle('guarantees', 'government-guarantee', true);
		expect(s.$pdForm.get().requirements).toEqual(['settlement-history']);
		expect(await s.submitDesign()).toBe(true);
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
