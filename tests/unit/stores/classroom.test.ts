import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanStores, keepMount } from 'nanostores';
import { setPersistentEngine, type PersistentListener } from '@nanostores/persistent';
import { loadCatalogue } from '../domain/b-fixtures';

const storage: Record<string, string> = {};
const listeners: PersistentListener[] = [];
setPersistentEngine(storage, {
	addEventListener: (_key, cb) => listeners.push(cb),
	removeEventListener: (_key, cb) => listeners.splice(listeners.indexOf(cb), 1),
});

const mod = await import('../../../src/stores/classroom');
const {
	$classResults,
	$debrief,
	$debriefKeys,
	$importMessages,
	$instructorSession,
	$lastAdded,
	$sessionCode,
	CLASS_SESSION_KEY,
	clearDashboard,
	decodeSession,
	emptySession,
	importIntoDashboard,
	newClassSeed,
	toggleSim,
	updateSession,
} = mod;
const { $learner, LEARNER_KEY, decodeLearner, updateLearner } = await import('../../../src/stores/learner');
const { exportResult } = await import('../../../src/domain/class-results');

const progress = {
	quizzes: { 'm4-04': { score: 3, max: 6, best: 3, attempts: 1, at: 1, detail: { q1: ['a'] } } },
	sims: { segmentation: { score: 10, max: 24, best: 10, attempts: 1, at: 1, seed: 'abc', detail: { count: 12, answers: {} } } },
};

beforeEach(() => {
	for (const k of Object.keys(storage)) delete storage[k];
	keepMount($instructorSession);
	keepMount($learner);
	$instructorSession.set(emptySession());
	clearDashboard();
});
afterEach(() => cleanStores($instructorSession, $learner, $sessionCode, $debrief));

describe('classroom store', () => {
	test('the instructor session persists and yields a class code once name and date are valid', () => {
		keepMount($sessionCode);
		updateSession({ name: 'A班' });
		expect($sessionCode.get()).toBeNull();
		updateSession({ date: '2026-05-12' });
		expect($sessionCode.get()).toBe('A班-2026-05-12');
		toggleSim('segmentation', true);
		toggleSim('kash', true);
		toggleSim('kash', false);
		expect($instructorSession.get().sims).toEqual(['segmentation']);
		const seed = newClassSeed(() => 0);
		expect(seed).toBe('aaaaaa');
		expect(JSON.parse(storage[CLASS_SESSION_KEY] ?? '{}')).toEqual({ name: 'A班', date: '2026-05-12', seed: 'aaaaaa', sims: ['segmentation'] });
		expect(newClassSeed()).toMatch(/^[a-z]{6}$/);
	});

	test('saved data that cannot be read becomes empty fields', () => {
		expect(decodeSession('{oops')).toEqual(emptySession());
		expect(decodeSession('[1]')).toEqual(emptySession());
		expect(decodeSession(undefined)).toEqual(emptySession());
		expect(decodeSession(JSON.stringify({ name: 5, date: '2026-05-12', seed: 'x', sims: ['a', 3] }))).toEqual({ name: '', date: '2026-05-12', seed: 'x', sims: ['a'] });
		expect(decodeSession(JSON.stringify({ name: 'n' }))).toEqual({ name: 'n', date: '', seed: '', sims: [] });
		expect(decodeLearner('nope')).toEqual({ name: '', number: '', session: '' });
		expect(decodeLearner('null')).toEqual({ name: '', number: '', session: '' });
		expect(decodeLearner(JSON.stringify({ name: '张三', number: 7, session: 'x' }))).toEqual({ name: '张三', number: '', session: 'x' });
	});

	test('the learner is kept locally', () => {
		updateLearner({ name: '张三', session: 'A班-2026-05-12' });
		expect(JSON.parse(storage[LEARNER_KEY] ?? '{}')).toMatchObject({ name: '张三', session: 'A班-2026-05-12' });
	});

	test('export, import and debrief', () => {
		const a = exportResult(progress, { name: '张三', number: '' }, 'A班-2026-05-12', 100);
		expect(a.code).toMatch(/^KT1\./);
		expect(JSON.parse(a.fileText)).toMatchObject({ code: a.code, name: '张三' });
		expect(a.fileName).toBe('class-results-A班-2026-05-12-张三.json');
		const b = exportResult(progress, { name: '李四', number: '' }, 'A班-2026-05-12', 100);
		keepMount($debrief);
		updateSession({ name: 'A班', date: '2026-05-12', seed: 'abc' });
		importIntoDashboard([{ kind: 'paste', label: '', text: `${a.code}\n${b.code}\nKT1.zz.00000000` }]);
		expect($classResults.get()).toHaveLength(2);
		expect($lastAdded.get()).toBe(2);
		expect($importMessages.get().map((m) => m.issue)).toEqual(['bad-checksum']);
		expect($debrief.get()).toBeNull();
		$debriefKeys.set({ quizzes: {}, simOrder: [], catalogue: loadCatalogue(), seed: null });
		expect($debrief.get()).toMatchObject({ count: 2, segmentation: { seed: 'abc' } });
		updateSession({ seed: '' });
		expect($debrief.get()?.segmentation?.seed).toBe('abc');
		clearDashboard();
		expect($debrief.get()).toBeNull();
		expect($lastAdded.get()).toBeNull();
	});
});
