import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import type * as ScorerModule from '../../../src/domain/scoring/district';
import type * as DistrictModule from '../../../src/domain/district';

const { flakyImport } = await vi.hoisted(() => import('../../support/flaky-import'));

// The store fetches the generator for another district and the scorer on submit; `offline` makes
// that many downloads fail first.
const net = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
const gen = vi.hoisted(() => ({ offline: 0, fetched: 0 }));
vi.mock('../../../src/domain/scoring/district', (importOriginal) => flakyImport(net, importOriginal));
vi.mock('../../../src/domain/district', (importOriginal) => flakyImport(gen, importOriginal));

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress, setClock } = await import('../../../src/stores/progress');
const s = await import('../../../src/stores/district');
const domain = await vi.importActual<typeof DistrictModule>('../../../src/domain/district');
const { districtView, generateDistrict } = domain;
// The scorer imports the (mocked) generator module, so the tests load it only once the store has.
let scorer: typeof ScorerModule;
const DEFAULT_VIEW = districtView(generateDistrict(s.DEFAULT_DISTRICT_SEED));
const derived = [s.$district, s.$districtView, s.$districtErrors, s.$districtFeedback];
const attempts = () => $progress.get().sims[s.DISTRICT_SIM_ID]?.attempts ?? 0;

/** Tick the real target segments, one channel and the main threat. */
const decide = (channel: 'payroll' | 'acquiring' = 'payroll') => {
	const d = generateDistrict(s.$districtSeed.get());
	for (const t of scorer.topSegments(d)) s.toggleDistrictOption('segments', t.trade, true);
	s.toggleDistrictOption('channels', channel, true);
	s.toggleDistrictOption('competitors', scorer.competitorThreats(d)[0]!.competitor, true);
};

beforeEach(() => {
	setClock(() => 1000);
	keepMount($progress);
	resetProgress();
	for (const st of derived) keepMount(st);
	s.$districtDefault.set(DEFAULT_VIEW);
	s.setDistrictSeed(s.DEFAULT_DISTRICT_SEED);
	s.$districtWeights.set({});
});
afterEach(() => cleanStores($progress, ...derived));

// Order matters: the first tests run before the generator or the scorer was ever fetched.
describe('district store', () => {
	test('shows the default district from the view computed at build, without fetching the generator or the scorer', () => {
		expect(s.$districtView.get()).toBe(DEFAULT_VIEW);
		expect(s.$districtView.get()).toEqual(districtView(generateDistrict('district-2026')));
		expect(s.$district.get()).toBeNull();
		expect(s.$districtLoad.get()).toBe('idle');
		expect(gen.fetched + net.fetched).toBe(0);
	});

	test('refuses to submit an incomplete decision (and fetches nothing)', () => {
		expect(s.submitDistrict()).toBe(false);
		expect(s.$districtSubmitted.get()).toBe(false);
		expect(s.$districtErrors.get().map((e) => e.field)).toEqual(['segments', 'channels', 'competitors']);
		expect(gen.fetched + net.fetched).toBe(0);
		expect(s.$districtScoring.get()).toBe('idle');
	});

	test('another district fetches the generator (retry after a failed download) and gives the same view', async () => {
		gen.offline = 1;
		s.setDistrictSeed('classC');
		expect(s.$districtLoad.get()).toBe('loading');
		expect(s.$districtView.get()).toBeNull();
		expect(s.$districtErrors.get()).toEqual([]);
		s.toggleDistrictOption('channels', 'payroll', true); // nothing to tick before the district is there
		expect(s.$districtChoice.get().channels).toEqual([]);
		expect(s.submitDistrict()).toBe(false);
		await vi.waitFor(() => expect(s.$districtLoad.get()).toBe('failed'));
		await s.retryDistrictLoad();
		expect(s.$districtLoad.get()).toBe('idle');
		expect(s.$districtView.get()).toEqual(districtView(generateDistrict('classC')));
		expect(s.$district.get()).toEqual(generateDistrict('classC'));
		expect(gen.fetched).toBe(2);
		scorer = await vi.importActual<typeof ScorerModule>('../../../src/domain/scoring/district');
	});

	test('clicks made while the scorer loads are kept through a failed download; retry records each once, with the decision of its click', async () => {
		decide();
		const d = generateDistrict(s.DEFAULT_DISTRICT_SEED);
		const firstChoice = s.$districtChoice.get();
		net.offline = 1;
		const first = s.submitDistrict();
		expect(first).toBeInstanceOf(Promise);
		expect(s.$districtSubmitted.get()).toBe(true);
		expect(s.$districtScoring.get()).toBe('loading');
		expect(s.$districtFeedback.get()).toBeNull();
		s.toggleDistrictOption('channels', 'acquiring', true); // reopens the attempt
		expect(s.$districtSubmitted.get()).toBe(false);
		const secondChoice = s.$districtChoice.get();
		const second = s.submitDistrict();
		await Promise.all([first, second]);
		expect(s.$districtScoring.get()).toBe('failed');
		expect(s.$districtSubmitted.get()).toBe(true);
		expect(s.$districtFeedback.get()).toBeNull();
		expect(attempts()).toBe(0);

		await s.retryDistrictScoring();
		expect(s.$districtScoring.get()).toBe('idle');
		const a = scorer.scoreDistrict(d, firstChoice, {});
		const b = scorer.scoreDistrict(d, secondChoice, {});
		expect(s.$districtFeedback.get()).toEqual(b);
		expect(attempts()).toBe(2);
		expect($progress.get().sims[s.DISTRICT_SIM_ID]).toMatchObject({ best: Math.max(a.score, b.score), max: a.max, attempts: 2 });
		expect(net.fetched).toBe(2); // the failed download and the one that worked
		await s.retryDistrictScoring(); // nothing left waiting: no further record
		expect(attempts()).toBe(2);
	});

	test('once loaded, each submit records one attempt and the download is not repeated', async () => {
		decide();
		await s.submitDistrict();
		expect(s.$districtScoring.get()).toBe('idle');
		await s.submitDistrict();
		expect(attempts()).toBe(2);
		expect(net.fetched).toBe(2);
	});

	test('weights set by the lesson are used for the feedback and the record', async () => {
		s.$districtWeights.set({ segments: 10, channels: 10, competitors: 10 });
		decide();
		await s.submitDistrict();
		const fb = s.$districtFeedback.get();
		expect(fb).toEqual(scorer.scoreDistrict(generateDistrict(s.DEFAULT_DISTRICT_SEED), s.$districtChoice.get(), { segments: 10, channels: 10, competitors: 10 }));
		expect(fb!.max).toBe(30);
		expect($progress.get().sims[s.DISTRICT_SIM_ID]).toMatchObject({ best: fb!.score, max: 30, attempts: 1 });
	});

	test('ticks options, drops unknown codes, submits and saves the result', async () => {
		const d = generateDistrict(s.DEFAULT_DISTRICT_SEED);
		for (const t of scorer.topSegments(d)) s.toggleDistrictOption('segments', t.trade, true);
		s.toggleDistrictOption('segments', 'not-a-trade', true);
		s.toggleDistrictOption('channels', 'payroll', true);
		s.toggleDistrictOption('competitors', scorer.competitorThreats(d)[0]!.competitor, true);
		expect(s.$districtChoice.get().segments).toHaveLength(3);
		await s.submitDistrict();
		const fb = s.$districtFeedback.get();
		expect(fb?.kind).toBe('district');
		expect($progress.get().sims[s.DISTRICT_SIM_ID]?.best).toBe(fb?.score);
		s.toggleDistrictOption('channels', 'payroll', false);
		expect(s.$districtChoice.get().channels).toEqual([]);
		expect(s.$districtSubmitted.get()).toBe(false);
		expect(s.$districtFeedback.get()).toBeNull();
	});

	test('without a view from the build the generator computes the default district too', () => {
		s.$districtDefault.set(null);
		s.setDistrictSeed(s.DEFAULT_DISTRICT_SEED); // the generator is loaded by now
		expect(s.$districtView.get()).toEqual(DEFAULT_VIEW);
	});

	test('a new district or a retry clears the decision', () => {
		s.toggleDistrictOption('channels', 'payroll', true);
		s.clearDistrictChoice();
		expect(s.$districtChoice.get()).toEqual({ segments: [], channels: [], competitors: [] });
		s.toggleDistrictOption('channels', 'payroll', true);
		s.newDistrict(() => 0);
		expect(s.$districtSeed.get()).toBe('aaaaaa');
		expect(s.$districtChoice.get().channels).toEqual([]);
	});
});
