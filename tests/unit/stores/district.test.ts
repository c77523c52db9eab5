import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import { competitorThreats, topSegments } from '../../../src/domain/district';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress, setClock } = await import('../../../src/stores/progress');
const s = await import('../../../src/stores/district');
const derived = [s.$district, s.$districtStats, s.$districtAges, s.$districtTotals, s.$districtErrors, s.$districtFeedback];

beforeEach(() => {
	setClock(() => 1000);
	keepMount($progress);
	resetProgress();
	for (const st of derived) keepMount(st);
	s.setDistrictSeed('district-2026');
	s.$districtWeights.set({});
});
afterEach(() => cleanStores($progress, ...derived));

describe('district store', () => {
	test('derives the district and its statistics from the seed', () => {
		const d = s.$district.get();
		expect(d.seed).toBe('district-2026');
		expect(s.$districtStats.get()).toHaveLength(d.trades.length);
		expect(s.$districtTotals.get().count).toBe(d.businesses.length);
		expect(s.$districtAges.get().length).toBeGreaterThan(0);
	});

	test('refuses to submit an incomplete decision', () => {
		expect(s.submitDistrict()).toBe(false);
		expect(s.$districtSubmitted.get()).toBe(false);
		expect(s.$districtErrors.get().map((e) => e.field)).toEqual(['segments', 'channels', 'competitors']);
	});

	test('ticks options, drops unknown codes, submits and saves the result', () => {
		const d = s.$district.get();
		for (const t of topSegments(d)) s.toggleDistrictOption('segments', t.trade, true);
		s.toggleDistrictOption('segments', 'not-a-trade', true);
		s.toggleDistrictOption('channels', 'payroll', true);
		s.toggleDistrictOption('competitors', competitorThreats(d)[0]!.competitor, true);
		expect(s.$districtChoice.get().segments).toHaveLength(3);
		expect(s.submitDistrict()).toBe(true);
		const fb = s.$districtFeedback.get();
		expect(fb?.kind).toBe('district');
		expect($progress.get().sims[s.DISTRICT_SIM_ID]?.best).toBe(fb?.score);
		s.toggleDistrictOption('channels', 'payroll', false);
		expect(s.$districtChoice.get().channels).toEqual([]);
		expect(s.$districtSubmitted.get()).toBe(false);
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
