/**
 * Finding the LMS's SCORM API object and talking to it through one small interface for both
 * versions. The search is the one the standards give (SCORM 1.2 RTE 3.3.6.1, SCORM 2004 RTE 3.1.2.1):
 * look at this window, then up the chain of parents (at most 7 steps), then the same from
 * window.opener and window.top.opener. SCORM 2004 (`API_1484_11`) is preferred when both exist.
 */

export type ScormVersion = '1.2' | '2004';

export interface Scorm12Api {
	LMSInitialize(arg: ''): string;
	LMSFinish(arg: ''): string;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string;
	LMSCommit(arg: ''): string;
	LMSGetLastError(): string | number;
	LMSGetErrorString(code: string): string;
	LMSGetDiagnostic(code: string): string;
}

export interface Scorm2004Api {
	Initialize(arg: ''): string;
	Terminate(arg: ''): string;
	GetValue(element: string): string;
	SetValue(element: string, value: string): string;
	Commit(arg: ''): string;
	GetLastError(): string | number;
	GetErrorString(code: string): string;
	GetDiagnostic(code: string): string;
}

export type ScormApi = Scorm12Api | Scorm2004Api;

/** Maximum number of parent steps in the search, as in the ADL sample code. */
export const MAX_PARENT_STEPS = 7;

const API_NAME: Record<ScormVersion, 'API' | 'API_1484_11'> = { '1.2': 'API', '2004': 'API_1484_11' };
const REQUIRED: Record<ScormVersion, string[]> = {
	'1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'],
	'2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError'],
};

/** Read a property of a window that may belong to another origin (which throws). */
function peek(win: Window, name: string): unknown {
	try {
		return (win as unknown as Record<string, unknown>)[name];
	} catch {
		return undefined;
	}
}

function isApi(x: unknown, version: ScormVersion): boolean {
	return typeof x === 'object' && x !== null && REQUIRED[version].every((f) => typeof (x as Record<string, unknown>)[f] === 'function');
}

/** Search `start` and up to MAX_PARENT_STEPS parents for a window property that passes `test`. */
export function searchUp<T>(start: Window, name: string, test: (x: unknown) => boolean): T | null {
	let win: Window = start;
	for (let step = 0; step <= MAX_PARENT_STEPS; step++) {
		const found = peek(win, name);
		if (test(found)) return found as T;
		let parent: Window | null = null;
		try {
			parent = win.parent;
		} catch {
			parent = null;
		}
		if (!parent || parent === win) break;
		win = parent;
	}
	return null;
}

function openers(win: Window): Window[] {
	const out: Window[] = [];
	try {
		if (win.opener) out.push(win.opener as Window);
	} catch {
		/* cross-origin opener */
	}
	try {
		const top = win.top;
		if (top && top !== win && top.opener && !out.includes(top.opener as Window)) out.push(top.opener as Window);
	} catch {
		/* cross-origin top */
	}
	return out;
}

/** Find one version's API from `win` (parents first, then openers). */
export function findApi(win: Window, version: ScormVersion): ScormApi | null {
	const name = API_NAME[version];
	const test = (x: unknown) => isApi(x, version);
	const here = searchUp<ScormApi>(win, name, test);
	if (here) return here;
	for (const o of openers(win)) {
		const there = searchUp<ScormApi>(o, name, test);
		if (there) return there;
	}
	return null;
}

/** The LMS API reachable from `win`, SCORM 2004 first; null without an LMS. */
export function discoverLms(win: Window): { version: ScormVersion; api: ScormApi } | null {
	for (const version of ['2004', '1.2'] as const) {
		const api = findApi(win, version);
		if (api) return { version, api };
	}
	return null;
}

/** Data-model names that differ between the versions. */
export const ELEMENTS = {
	'1.2': {
		location: 'cmi.core.lesson_location',
		suspend: 'cmi.suspend_data',
		exit: 'cmi.core.exit',
		sessionTime: 'cmi.core.session_time',
		learnerId: 'cmi.core.student_id',
		mode: 'cmi.core.lesson_mode',
		mastery: 'cmi.student_data.mastery_score',
		interactionsCount: 'cmi.interactions._count',
	},
	'2004': {
		location: 'cmi.location',
		suspend: 'cmi.suspend_data',
		exit: 'cmi.exit',
		sessionTime: 'cmi.session_time',
		learnerId: 'cmi.learner_id',
		mode: 'cmi.mode',
		mastery: 'cmi.scaled_passing_score',
		interactionsCount: 'cmi.interactions._count',
	},
} as const;

/** Error codes that are not failures: none, and "element not initialised yet" (2004) on reads. */
const BENIGN_READ = new Set(['0', '403']);

/**
 * One interface over both API versions that checks LMSGetLastError / GetLastError after every
 * call and reports a failure through `onError` (the caller shows the notice). Never throws.
 */
export interface LmsDriver {
	version: ScormVersion;
	initialize(): boolean;
	terminate(): boolean;
	/** Read an element; `optional` reads report no error (elements an LMS may not implement). */
	get(element: string, optional?: boolean): string;
	set(element: string, value: string): boolean;
	commit(): boolean;
}

export function createDriver(version: ScormVersion, api: ScormApi, onError: (code: string, call: string) => void): LmsDriver {
	const a12 = api as Scorm12Api;
	const a04 = api as Scorm2004Api;
	const lastError = (): string => {
		try {
			return String(version === '1.2' ? a12.LMSGetLastError() : a04.GetLastError());
		} catch {
			return '101';
		}
	};
	const call = (name: string, fn: () => string, benign: Set<string> | null): string | null => {
		let result: string;
		try {
			result = String(fn());
		} catch {
			onError('101', name);
			return null;
		}
		const code = lastError();
		if (code !== '0' && code !== '' && !(benign && benign.has(code))) {
			onError(code, name);
			return null;
		}
		return result;
	};
	const ok = (r: string | null) => r === 'true';
	return {
		version,
		initialize: () => ok(call('Initialize', () => (version === '1.2' ? a12.LMSInitialize('') : a04.Initialize('')), null)),
		terminate: () => ok(call('Terminate', () => (version === '1.2' ? a12.LMSFinish('') : a04.Terminate('')), null)),
		commit: () => ok(call('Commit', () => (version === '1.2' ? a12.LMSCommit('') : a04.Commit('')), null)),
		get: (el, optional = false) => {
			const fn = () => (version === '1.2' ? a12.LMSGetValue(el) : a04.GetValue(el));
			if (optional) {
				try {
					const v = String(fn());
					lastError();
					return v;
				} catch {
					return '';
				}
			}
			return call(`GetValue ${el}`, fn, BENIGN_READ) ?? '';
		},
		set: (el, value) => ok(call(`SetValue ${el}`, () => (version === '1.2' ? a12.LMSSetValue(el, value) : a04.SetValue(el, value)), null)),
	};
}
