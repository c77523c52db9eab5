import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keepMount } from 'nanostores';
import { setPersistentEngine } from '@nanostores/persistent';
import type { RoleplayScenario } from '../../../src/domain/roleplay';

const storage: Record<string, string> = {};
setPersistentEngine(storage, { addEventListener: () => {}, removeEventListener: () => {} });

const { decodeSavedPath, roleplaySession, roleplaySimId, resetRoleplaySessions, ROLEPLAY_KEY_PREFIX, MAX_SAVED_CHOICES } = await import('../../../src/stores/roleplay');
const { $progress, resetProgress, setClock } = await import('../../../src/stores/progress');

const scenario: RoleplayScenario = {
	id: 'visit',
	start: 'open',
	scores: ['comm', 'risk'],
	topic: 'soft-information',
	maxSteps: 3,
	minSteps: 2,
	nodes: [
		{ id: 'open', choices: [{ id: 'o-good', to: 'probe', effects: { comm: 2 }, finding: 'o-good' }, { id: 'o-bad', to: 'probe', effects: { comm: -1 }, finding: 'o-bad' }] },
		{ id: 'probe', choices: [{ id: 'p-good', to: 'end-good', effects: { risk: 2 }, finding: 'p-good' }, { id: 'p-bad', to: 'end-bad', effects: { risk: -3 }, finding: 'p-bad' }] },
		{ id: 'end-good', choices: [] },
		{ id: 'end-bad', choices: [] },
	],
};
const KEY = `${ROLEPLAY_KEY_PREFIX}visit`;

beforeEach(() => {
	for (const k of Object.keys(storage)) delete storage[k];
	resetRoleplaySessions();
	setClock(() => 1000);
	keepMount($progress);
	resetProgress();
});
afterEach(() => resetRoleplaySessions());

describe('decodeSavedPath', () => {
	test('reads a JSON list of choice ids', () => {
		expect(decodeSavedPath(undefined)).toEqual([]);
		expect(decodeSavedPath('')).toEqual([]);
		expect(decodeSavedPath('["a","b"]')).toEqual(['a', 'b']);
	});
	test('refuses anything else', () => {
		expect(decodeSavedPath('{oops')).toBeNull();
		expect(decodeSavedPath('{"a":1}')).toBeNull();
		expect(decodeSavedPath('[1]')).toBeNull();
		expect(decodeSavedPath('[""]')).toBeNull();
		expect(decodeSavedPath(JSON.stringify(['x'.repeat(81)]))).toBeNull();
		expect(decodeSavedPath(JSON.stringify(Array.from({ length: MAX_SAVED_CHOICES + 1 }, () => 'a')))).toBeNull();
	});
});

describe('roleplaySession', () => {
	test('plays to an ending, saving the path as it grows and the result at the end', () => {
		const s = roleplaySession(scenario);
		keepMount(s.$state);
		keepMount(s.$feedback);
		expect(s.$state.get().node).toBe('open');
		expect(s.resumedSteps).toBe(0);
		expect(s.choose('p-good')).toBe(false);
		expect(s.choose('o-bad')).toBe(true);
		expect(storage[KEY]).toBe('["o-bad"]');
		expect(s.$feedback.get()).toBeNull();
		expect($progress.get().sims[roleplaySimId('visit')]).toBeUndefined();
		expect(s.choose('p-good')).toBe(true);
		expect(s.$state.get()).toMatchObject({ node: 'end-good', ended: true });
		expect(s.$feedback.get()).toMatchObject({ score: 2, max: 4 });
		expect($progress.get().sims['roleplay-visit']).toMatchObject({ score: 2, max: 4, attempts: 1, detail: { path: ['o-bad', 'p-good'] } });
		expect(s.choose('p-good')).toBe(false);
	});

	test('replays from a decision and restarts', () => {
		const s = roleplaySession(scenario);
		s.choose('o-good');
		s.choose('p-bad');
		expect(s.replayFrom(0)).toBe(false);
		expect(s.replayFrom(3)).toBe(false);
		expect(s.replayFrom(1.5)).toBe(false);
		expect(s.replayFrom(2)).toBe(true);
		expect(s.$path.get()).toEqual(['o-good']);
		s.choose('p-good');
		expect($progress.get().sims['roleplay-visit']).toMatchObject({ score: 4, best: 4, attempts: 2 });
		s.restart();
		expect(s.$path.get()).toEqual([]);
		expect(storage[KEY]).toBe('[]');
	});

	test('resumes a saved path after a reload', () => {
		storage[KEY] = '["o-good"]';
		const s = roleplaySession(scenario);
		expect(s.resumedSteps).toBe(1);
		expect(s.$state.get().node).toBe('probe');
		expect(s.$dropped.get()).toBe(false);
		expect(roleplaySession(scenario)).toBe(s);
	});

	test.each([['not json'], ['["p-good"]'], ['[1,2]'], ['["o-good","p-good","p-good"]']])('drops the unusable saved value %s and starts over', (raw) => {
		storage[KEY] = raw;
		const s = roleplaySession(scenario);
		expect(s.$path.get()).toEqual([]);
		expect(s.$dropped.get()).toBe(true);
		expect(storage[KEY]).toBe('[]');
		s.choose('o-good');
		expect(s.$dropped.get()).toBe(false);
		s.$dropped.set(true);
		s.restart();
		expect(s.$dropped.get()).toBe(false);
	});
});
