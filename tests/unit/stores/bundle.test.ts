import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import { LESSON_BUNDLE } from '../../../src/domain/bundle';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { $progress, resetProgress, setClock } = await import('../../../src/stores/progress');
const s = await import('../../../src/stores/bundle');

beforeEach(() => {
	setClock(() => 1000);
	keepMount($progress);
	resetProgress();
	for (const st of [s.$bundlePlan, s.$bundleFeedback, s.$bundleYears, s.$bundleProfile]) keepMount(st);
	s.setBundleScenario('bundle-2026', 'wholesaler');
	s.$bundleWeights.set({});
});
afterEach(() => cleanStores($progress, s.$bundlePlan, s.$bundleFeedback, s.$bundleYears, s.$bundleProfile));

describe('bundle store', () => {
	test('builds the lesson’s bundle and prices it at 8.44 万元', () => {
		for (const svc of Object.keys(LESSON_BUNDLE.services)) s.toggleService(svc as never, true);
		expect(s.$bundlePlan.get().revenueWan).toBe(8.44);
		expect(s.$bundleFeedback.get()).toBeNull();
		expect(s.$bundleYears.get()).toBeNull();
	});

	test('toggles services, changes the offer mode and ignores junk', () => {
		s.toggleService('insurance', true);
		s.toggleService('insurance', true);
		expect(s.$bundleChoice.get().services).toEqual({ insurance: 'voluntary' });
		s.setOfferMode('insurance', 'tied');
		expect(s.$bundleChoice.get().services.insurance).toBe('tied');
		s.setOfferMode('insurance', 'maybe' as never);
		s.setOfferMode('loan' as never, 'tied');
		s.toggleService('loan' as never, true);
		expect(s.$bundleChoice.get().services).toEqual({ insurance: 'tied' });
		s.toggleService('insurance', false);
		expect(s.$bundleChoice.get().services).toEqual({});
	});

	test('keeps a valid concession only', () => {
		s.setConcession(0.3);
		expect(s.$bundleChoice.get().concessionPp).toBe(0.3);
		s.setConcession(Number.NaN);
		expect(s.$bundleChoice.get().concessionPp).toBe(0);
		s.setConcession(-1);
		expect(s.$bundleChoice.get().concessionPp).toBe(0);
	});

	test('re-entering the same concession keeps the submitted result', () => {
		s.submitBundle();
		s.setConcession(0);
		expect(s.$bundleSubmitted.get()).toBe(true);
		s.setConcession(0.2);
		expect(s.$bundleSubmitted.get()).toBe(false);
	});

	test('submitting scores, simulates the year and saves the result', () => {
		s.toggleService('settlement', true);
		s.submitBundle();
		const fb = s.$bundleFeedback.get();
		expect(fb?.kind).toBe('bundle');
		expect(s.$bundleYears.get()?.mine.months).toHaveLength(12);
		expect(s.$bundleYears.get()?.best.totalWan).toBeGreaterThan(s.$bundleYears.get()!.loanOnly.totalWan);
		const saved = $progress.get().sims[s.BUNDLE_SIM_ID];
		expect(saved?.best).toBe(fb?.score);
		expect(saved?.max).toBe(100);
		s.toggleService('payroll', true);
		expect(s.$bundleSubmitted.get()).toBe(false);
	});

	test('uses the bank’s weights', () => {
		s.$bundleWeights.set({ compliance: 0 });
		s.submitBundle();
		expect(s.$bundleFeedback.get()?.max).toBe(85);
	});

	test('choosing another client, clearing and a new year reset the bundle', () => {
		s.toggleService('payroll', true);
		s.chooseProfile('stall');
		expect(s.$bundleScenario.get()).toEqual({ seed: 'bundle-2026', profile: 'stall' });
		expect(s.$bundleProfile.get().id).toBe('stall');
		expect(s.$bundleChoice.get().services).toEqual({});
		s.toggleService('payroll', true);
		s.clearBundle();
		expect(s.$bundleChoice.get()).toEqual({ services: {}, concessionPp: 0 });
		s.newBundleYear(() => 0);
		expect(s.$bundleScenario.get()).toEqual({ seed: 'aaaaaa', profile: 'stall' });
		s.setBundleScenario('x');
		expect(s.$bundleScenario.get().profile).toBe('stall');
	});
});
