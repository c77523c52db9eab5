/**
 * The page adapter against scorm-again itself (its data-model validation is the LMS's), with fake
 * timers for the commit debounce.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as sa12 from 'scorm-again/scorm12';
import * as sa2004 from 'scorm-again/scorm2004';
import { LmsRuntime } from '../../../src/lms/runtime';
import type { LmsSession } from '../../../src/lms/session';
import type { ScormApi, ScormVersion } from '../../../src/lms/api';
import type { LmsPageData } from '../../../src/lms/outline';
import { decodeSuspend, SUSPEND_LIMIT } from '../../../src/lms/suspend-codec';
import { emptyProgress, encodeProgress, nextAttempt, type ProgressState } from '../../../src/stores/progress-codec';
import { maximalLearner, realOutline } from './course-fixture';

// scorm-again 3.4.3's ESM build exports the classes by name, its type declarations as default.
const Scorm12API = ((sa12 as unknown as { Scorm12API?: typeof sa12.default }).Scorm12API ?? sa12.default);
const Scorm2004API = ((sa2004 as unknown as { Scorm2004API?: typeof sa2004.default }).Scorm2004API ?? sa2004.default);
const outline = realOutline();
const page: LmsPageData = { outline: { ...outline, titles: { 'sim:segmentation': '客群细分模拟' } }, lang: 'zh-CN', strings: { notice: 'n', dismiss: 'd' } };
type Lms = { api: ScormApi & { getFlattenedCMI(): Record<string, unknown>; on(e: string, f: () => void): void }; commits: () => number };

function lms(version: ScormVersion): Lms {
	const settings = { logLevel: 5 as const, autocommit: false, lmsCommitUrl: false as const };
	const api = (version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings)) as unknown as Lms['api'];
	let commits = 0;
	api.on(version === '1.2' ? 'LMSCommit' : 'Commit', () => commits++);
	(version === '1.2' ? (api as unknown as { LMSInitialize(a: ''): string }).LMSInitialize('') : (api as unknown as { Initialize(a: ''): string }).Initialize(''));
	return { api, commits: () => commits };
}
/** A session as the launch page leaves it (status already incomplete, known to the pages). */
function session(version: ScormVersion, api: ScormApi, state: ProgressState | null = null): LmsSession {
	const status = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
	const set = (api as unknown as Record<string, (k: string, v: string) => string>)[version === '1.2' ? 'LMSSetValue' : 'SetValue'];
	set?.call(api, status, 'incomplete');
	return {
		version,
		api,
		connected: true,
		terminated: false,
		review: false,
		state: state ? encodeProgress(state) : null,
		restoredFrom: state ? 'lms' : 'none',
		mirrorKey: 'mirror',
		masteryScore: null,
		errors: 0,
		noticeDismissed: false,
		startedAt: 0,
		written: version === '1.2' ? { [status]: 'incomplete' } : { [status]: 'incomplete', 'cmi.success_status': 'unknown' },
		commits: 0,
	};
}
const flat = (l: Lms) => l.api.getFlattenedCMI();

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe.each(['1.2', '2004'] as const)('page adapter, SCORM %s', (version) => {
	test('writes suspend_data, bookmark, status, score and one interaction per attempt — all accepted by the LMS', () => {
		const l = lms(version);
		const s = session(version, l.api);
		const mirror: Record<string, string> = {};
		const rt = new LmsRuntime(s, page, { setItem: (k, v) => (mirror[k] = v) });
		let p = emptyProgress();
		p = { ...p, lessons: { [outline.lessons[0]!]: { visitedAt: 1, completedAt: 2 } }, last: { lessonId: outline.lessons[0]!, at: 2 } };
		rt.write(encodeProgress(p));
		p = { ...p, sims: { segmentation: nextAttempt(undefined, { score: 11, max: 12, seed: 'abc', detail: { n: 6 } }, Date.UTC(2026, 10, 20)) } };
		rt.write(encodeProgress(p));
		expect(s.errors, 'LMS errors').toBe(0);
		expect(mirror['mirror']).toBe(encodeProgress(p));
		const d = flat(l);
		expect(decodeSuspend(String(d['cmi.suspend_data']))?.state).toEqual(p);
		const location = version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
		expect(d[location]).toBe(`lessons/${outline.lessons[0]}/index.html`);
		const simPart = 11 / 12 / outline.sims.length;
		const scaled = Math.round((simPart / 2) * 1e4) / 1e4;
		if (version === '1.2') {
			expect(d['cmi.core.lesson_status']).toBe('incomplete');
			expect(Number(d['cmi.core.score.raw'])).toBeCloseTo(scaled * 100, 2);
			expect(d['cmi.interactions.0.id']).toBe('sim-segmentation-1');
			expect(d['cmi.interactions.0.result']).toBe('91.7');
			expect(d['cmi.interactions.0.student_response']).toBe('11/12 seed=abc');
		} else {
			expect(d['cmi.completion_status']).toBe('incomplete');
			expect(d['cmi.score.scaled']).toBe(String(scaled));
			expect(d['cmi.progress_measure']).toBe(String(Math.round((1 / outline.lessons.length) * 1e4) / 1e4));
			expect(d['cmi.interactions.0.timestamp']).toBe('2026-11-20T00:00:00.00Z');
			expect(d['cmi.interactions.0.description']).toBe('{lang=zh-CN}客群细分模拟: 11/12');
		}
	});

	test('commits 2 s after the last significant change, once; bookmarks alone wait; pagehide flushes', () => {
		const l = lms(version);
		const s = session(version, l.api);
		const rt = new LmsRuntime(s, page, null);
		let p = emptyProgress();
		const id = outline.lessons[1]!;
		p = { ...p, lessons: { [id]: { visitedAt: 1 } }, last: { lessonId: id, at: 1 } };
		rt.write(encodeProgress(p)); // a visit: no commit
		vi.advanceTimersByTime(5000);
		expect(l.commits()).toBe(0);
		p = { ...p, lessons: { [id]: { visitedAt: 1, completedAt: 2 } } };
		rt.write(encodeProgress(p));
		vi.advanceTimersByTime(1000);
		p = { ...p, quizzes: { 'm1-01': nextAttempt(undefined, { score: 1, max: 6 }, 3) } };
		rt.write(encodeProgress(p));
		vi.advanceTimersByTime(1999);
		expect(l.commits()).toBe(0);
		vi.advanceTimersByTime(1);
		expect(l.commits()).toBe(1);
		rt.flush(); // nothing pending
		expect(l.commits()).toBe(1);
		p = { ...p, quizzes: { 'm1-01': nextAttempt(p.quizzes['m1-01'], { score: 6, max: 6 }, 4) } };
		rt.write(encodeProgress(p));
		rt.flush(); // pagehide
		expect(l.commits()).toBe(2);
		expect(s.commits).toBe(2);
		vi.advanceTimersByTime(5000);
		expect(l.commits()).toBe(2);
	});

	test('restored state is the baseline: no duplicate interactions on a new page or relaunch', () => {
		const l = lms(version);
		const p = emptyProgress();
		p.sims['segmentation'] = nextAttempt(undefined, { score: 12, max: 12 }, 5);
		const rt = new LmsRuntime(session(version, l.api, p), page, null);
		rt.report(p);
		expect(Object.keys(flat(l)).some((k) => k.startsWith('cmi.interactions.'))).toBe(false);
	});

	test('a learner who did everything: suspend_data within the limit, status complete and passed', () => {
		const l = lms(version);
		const s = session(version, l.api);
		const rt = new LmsRuntime(s, page, null);
		const p = maximalLearner(outline, 2000);
		rt.write(encodeProgress(p));
		const d = flat(l);
		expect(s.errors).toBe(0);
		expect(String(d['cmi.suspend_data']).length).toBeLessThanOrEqual(SUSPEND_LIMIT[version]);
		if (version === '1.2') expect(d['cmi.core.lesson_status']).toBe('passed');
		else expect([d['cmi.completion_status'], d['cmi.success_status'], d['cmi.progress_measure']]).toEqual(['completed', 'passed', '1']);
		expect(Object.keys(d).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).toHaveLength(outline.quizzes.length + outline.sims.length);
	});

	test('LMS errors reach the listeners and the learner keeps a browser copy; nothing is sent after Terminate or in review', () => {
		const calls: string[] = [];
		const failing = {
			LMSGetValue: () => '',
			GetValue: () => '',
			LMSSetValue: (k: string) => (calls.push(k), 'false'),
			SetValue: (k: string) => (calls.push(k), 'false'),
			LMSCommit: () => 'false',
			Commit: () => 'false',
			LMSGetLastError: () => '101',
			GetLastError: () => '101',
		} as unknown as ScormApi;
		const s = session(version, failing);
		const mirror: Record<string, string> = {};
		const rt = new LmsRuntime(s, page, { setItem: (k, v) => (mirror[k] = v) });
		const seen = vi.fn();
		rt.onError(seen);
		const p = emptyProgress();
		p.lessons['x'] = { visitedAt: 1, completedAt: 1 };
		rt.write(encodeProgress(p));
		expect(seen).toHaveBeenCalled();
		expect(s.errors).toBeGreaterThan(0);
		expect(mirror['mirror']).toBe(encodeProgress(p));
		calls.length = 0;
		s.terminated = true;
		rt.write(encodeProgress(emptyProgress()));
		expect(calls).toEqual([]);
		s.terminated = false;
		s.review = true;
		rt.write(encodeProgress(p));
		expect(calls).toEqual([]);
		expect(mirror['mirror']).toBe(encodeProgress(p));
	});

	test('the storage engine reads and writes the launch state', () => {
		const l = lms(version);
		const s = session(version, l.api);
		const rt = new LmsRuntime(s, page, null);
		const engine = rt.engine('k');
		expect('k' in engine).toBe(true);
		expect(engine['k']).toBeUndefined();
		engine['k'] = encodeProgress(emptyProgress());
		expect(s.state).toBe(encodeProgress(emptyProgress()));
		expect(engine['k']).toBe(s.state);
	});
});
