/**
 * Submitting a design on the page's own sample (profiles made at build): the evaluation module is
 * fetched on the first submit. Each click is scored with the design, scenario and weights of the
 * click and recorded exactly once, also after a failed download and a retry. (A file of its own:
 * these need a store whose module was never fetched.)
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import type * as EvaluationModule from '../../../src/domain/product-design-evaluation';
import type { SampleProfile } from '../../../src/domain/product-design';

const { flakyImport } = await vi.hoisted(() => import('../../support/flaky-import'));

const net = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
vi.mock('../../../src/domain/product-design-evaluation', (importOriginal) => flakyImport(net, importOriginal));
const ev = await vi.importActual<typeof EvaluationModule>('../../../src/domain/product-design-evaluation');

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress } = await import('../../../src/stores/progress');
const s = await import('../../../src/stores/product-designer');
const { BRIEFS, BRIEF_IDS, DEFAULT_DESIGN, DEFAULT_PRODUCT_DESIGN_WEIGHTS } = await import('../../../src/domain/product-design');

const SEED = 'page-seed';
const COUNT = 50;
const profiles = Object.fromEntries(BRIEF_IDS.map((id) => [id, ev.profileSample(ev.sampleClients(BRIEFS[id], SEED, COUNT))])) as Record<(typeof BRIEF_IDS)[number], SampleProfile>;
const attempts = () => $progress.get().sims[s.PRODUCT_DESIGNER_SIM_ID]?.attempts ?? 0;

beforeEach(() => {
	keepMount($progress);
	keepMount(s.$pdFeedback);
	keepMount(s.$pdProfile);
	resetProgress();
	s.$pdWeights.set(DEFAULT_PRODUCT_DESIGN_WEIGHTS);
	s.$pdDefault.set({ seed: SEED, count: COUNT, profiles });
	s.setScenario(SEED, COUNT);
	s.setBrief('suburban-farmers');
	s.resetDesign();
});
afterEach(() => cleanStores($progress, s.$pdFeedback, s.$pdProfile));

// Order matters: the first test runs before the module was ever fetched.
describe('product designer store, module fetched on submit', () => {
	test('a failed download keeps the click; the retry scores it and records it once, with the design of the click', async () => {
		expect(s.$pdProfile.get()).toBe(profiles['suburban-farmers']);
		expect(net.fetched).toBe(0);
		net.offline = 1;
		s.setNumber('spreadBp', '150');
		const design = s.$pdDesign.get();
		const submitted = s.submitDesign();
		expect(s.$pdSubmitted.get()).toEqual(design);
		expect(s.$pdScoring.get()).toBe('loading');
		expect(s.$pdFeedback.get()).toBeNull();
		expect(await submitted).toBe(true);
		expect(s.$pdScoring.get()).toBe('failed');
		expect(s.$pdFeedback.get()).toBeNull();
		expect(attempts()).toBe(0);

		await s.retryScoring();
		expect(s.$pdScoring.get()).toBe('idle');
		const expected = ev.runDesign('suburban-farmers', SEED, COUNT, design).feedback;
		expect(s.$pdFeedback.get()).toEqual(expected);
		expect(s.$pdHistogram.get()?.length).toBeGreaterThan(0);
		expect(attempts()).toBe(1);
		expect($progress.get().sims[s.PRODUCT_DESIGNER_SIM_ID]).toMatchObject({ best: expected.score, max: expected.max, seed: SEED });
		expect(net.fetched).toBe(2); // the failed download and the one that worked
		// the page's sample still shows the built profile
		expect(s.$pdProfile.get()).toBe(profiles['suburban-farmers']);
	});

	test('two clicks in a row record two attempts, each once, with its own design; no further download', async () => {
		const first = s.submitDesign();
		const firstDesign = s.$pdDesign.get();
		s.setNumber('amountMaxWan', '50'); // reopens the design
		expect(s.$pdSubmitted.get()).toBeNull();
		const second = s.submitDesign();
		expect(await Promise.all([first, second])).toEqual([true, true]);
		expect(attempts()).toBe(2);
		const a = ev.runDesign('suburban-farmers', SEED, COUNT, firstDesign).feedback;
		const b = ev.runDesign('suburban-farmers', SEED, COUNT, s.$pdDesign.get()).feedback;
		expect(firstDesign).toEqual(DEFAULT_DESIGN);
		expect($progress.get().sims[s.PRODUCT_DESIGNER_SIM_ID]).toMatchObject({ best: Math.max(a.score, b.score), attempts: 2 });
		expect(s.$pdFeedback.get()).toEqual(b);
		expect(net.fetched).toBe(2);
	});

	test('weights set by the lesson are used for the feedback and the record', async () => {
		const w = { reach: 1, fit: 1, riskReturn: 1, compliance: 1 };
		s.$pdWeights.set(w);
		await s.submitDesign();
		const expected = ev.runDesign('suburban-farmers', SEED, COUNT, DEFAULT_DESIGN, w).feedback;
		expect(expected.max).toBe(4);
		expect(s.$pdFeedback.get()).toEqual(expected);
		expect($progress.get().sims[s.PRODUCT_DESIGNER_SIM_ID]).toMatchObject({ best: expected.score, max: 4, attempts: 1 });
	});
});
