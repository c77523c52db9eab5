import { describe, expect, test, vi } from 'vitest';
import { createDriver, discoverLms, findApi, MAX_PARENT_STEPS, type Scorm12Api, type Scorm2004Api } from '../../../src/lms/api';
import { findSession, SESSION_KEY } from '../../../src/lms/session';

type FakeWin = Record<string, unknown> & { parent?: FakeWin; opener?: FakeWin | null; top?: FakeWin };

const api12 = (): Scorm12Api => ({
	LMSInitialize: () => 'true',
	LMSFinish: () => 'true',
	LMSGetValue: () => '',
	LMSSetValue: () => 'true',
	LMSCommit: () => 'true',
	LMSGetLastError: () => '0',
	LMSGetErrorString: () => '',
	LMSGetDiagnostic: () => '',
});
const api2004 = (): Scorm2004Api => ({
	Initialize: () => 'true',
	Terminate: () => 'true',
	GetValue: () => '',
	SetValue: () => 'true',
	Commit: () => 'true',
	GetLastError: () => '0',
	GetErrorString: () => '',
	GetDiagnostic: () => '',
});

/** A chain of `n` nested windows: chain[0] is the innermost, chain[n-1] the top. */
function chain(n: number): FakeWin[] {
	const wins: FakeWin[] = Array.from({ length: n }, () => ({}));
	wins.forEach((w, i) => (w.parent = wins[i + 1] ?? w));
	for (const w of wins) w.top = wins[n - 1]!;
	return wins;
}
const asWin = (w: FakeWin) => w as unknown as Window;

describe('API discovery (ADL search algorithm)', () => {
	test('finds the API up to 7 parents up, not further', () => {
		const wins = chain(10);
		wins[MAX_PARENT_STEPS]!['API'] = api12();
		expect(findApi(asWin(wins[0]!), '1.2')).toBe(wins[MAX_PARENT_STEPS]!['API']);
		delete wins[MAX_PARENT_STEPS]!['API'];
		wins[MAX_PARENT_STEPS + 1]!['API'] = api12();
		expect(findApi(asWin(wins[0]!), '1.2')).toBeNull();
	});

	test('skips frames of another origin and objects that are not an API', () => {
		const wins = chain(4);
		Object.defineProperty(wins[1], 'API', { get: () => { throw new DOMException('cross-origin', 'SecurityError'); } });
		wins[2]!['API'] = { LMSInitialize: 'not a function' };
		wins[3]!['API'] = api12();
		expect(findApi(asWin(wins[0]!), '1.2')).toBe(wins[3]!['API']);
	});

	test('looks in the opener (and its parents) when the frames have none', () => {
		const lms = chain(3);
		lms[2]!['API_1484_11'] = api2004();
		const popup = chain(2);
		popup[0]!.opener = lms[0]!;
		expect(findApi(asWin(popup[0]!), '2004')).toBe(lms[2]!['API_1484_11']);
		const nested = chain(2);
		nested[1]!.opener = lms[0]!; // opened window whose content is framed
		expect(findApi(asWin(nested[0]!), '2004')).toBe(lms[2]!['API_1484_11']);
	});

	test('prefers SCORM 2004 when both APIs exist, and finds nothing without an LMS', () => {
		const wins = chain(2);
		wins[1]!['API'] = api12();
		wins[1]!['API_1484_11'] = api2004();
		expect(discoverLms(asWin(wins[0]!))?.version).toBe('2004');
		delete wins[1]!['API_1484_11'];
		expect(discoverLms(asWin(wins[0]!))?.version).toBe('1.2');
		expect(discoverLms(asWin(chain(3)[0]!))).toBeNull();
	});

	test('course pages find the launch page session above them', () => {
		const wins = chain(3);
		wins[1]![SESSION_KEY] = { api: api12() };
		expect(findSession(asWin(wins[0]!))).toBe(wins[1]![SESSION_KEY]);
		expect(findSession(asWin(chain(2)[0]!))).toBeNull();
	});
});

describe('driver', () => {
	test('reports non-zero LMSGetLastError / GetLastError, and exceptions, as errors', () => {
		const onError = vi.fn();
		let code = '0';
		const a = { ...api12(), LMSSetValue: () => 'false', LMSGetLastError: () => code };
		const d = createDriver('1.2', a, onError);
		code = '405';
		expect(d.set('cmi.core.lesson_status', 'x')).toBe(false);
		expect(onError).toHaveBeenCalledWith('405', 'SetValue cmi.core.lesson_status');
		const throwing = createDriver('2004', { ...api2004(), Commit: () => { throw new Error('gone'); } }, onError);
		expect(throwing.commit()).toBe(false);
		expect(onError).toHaveBeenLastCalledWith('101', 'Commit');
	});

	test('"not initialised" on a SCORM 2004 read and optional reads are not errors', () => {
		const onError = vi.fn();
		const a = { ...api2004(), GetValue: () => '', GetLastError: () => '403' };
		const d = createDriver('2004', a, onError);
		expect(d.get('cmi.location')).toBe('');
		expect(d.get('cmi.learner_id', true)).toBe('');
		expect(onError).not.toHaveBeenCalled();
		const broken = createDriver('1.2', { ...api12(), LMSGetValue: () => { throw new Error('x'); }, LMSGetLastError: () => { throw new Error('y'); } }, onError);
		expect(broken.get('cmi.core.student_id', true)).toBe('');
		expect(broken.get('cmi.suspend_data')).toBe('');
		expect(onError).toHaveBeenCalledTimes(1);
	});

	test('both versions map to their own calls', () => {
		const calls: string[] = [];
		const a12 = { ...api12(), LMSInitialize: () => (calls.push('LMSInitialize'), 'true'), LMSFinish: () => (calls.push('LMSFinish'), 'true') };
		const a04 = { ...api2004(), Initialize: () => (calls.push('Initialize'), 'true'), Terminate: () => (calls.push('Terminate'), 'true') };
		const d12 = createDriver('1.2', a12, () => undefined);
		const d04 = createDriver('2004', a04, () => undefined);
		expect([d12.initialize(), d12.terminate(), d04.initialize(), d04.terminate()]).toEqual([true, true, true, true]);
		expect(calls).toEqual(['LMSInitialize', 'LMSFinish', 'Initialize', 'Terminate']);
	});
});
