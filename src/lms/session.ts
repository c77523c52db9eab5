/**
 * One LMS session per launch. The package's launch page (scorm-launch.html, src/lms/launch.ts)
 * finds the API, calls Initialize once, restores the learner's state and keeps this object on its
 * window while the course pages load one after another in its frame; every page's adapter
 * (runtime.ts) finds it by walking up its parents, so no page ever initialises or terminates
 * the LMS itself. The launch page calls Terminate when it goes away (pagehide).
 */
import type { ScormApi, ScormVersion } from './api';

export const SESSION_KEY = '__smeLmsSession';

export interface LmsSession {
	version: ScormVersion;
	api: ScormApi;
	/** Initialize returned true. */
	connected: boolean;
	/** Terminate was called: no more calls to the API. */
	terminated: boolean;
	/** Review / browse mode: the LMS records nothing, so the pages send nothing. */
	review: boolean;
	/** The progress document (JSON) as last restored or written in this launch; null before any. */
	state: string | null;
	/** Where the state came from at launch. */
	restoredFrom: 'lms' | 'browser' | 'none';
	/** localStorage key of this learner's browser copy. */
	mirrorKey: string;
	/** Mastery score (0..1) sent by the LMS, null when it sends none (the settings value applies). */
	masteryScore: number | null;
	/** LMS errors in this launch; the pages show the notice while this is > 0. */
	errors: number;
	noticeDismissed: boolean;
	/** Epoch ms of Initialize, for the session time. */
	startedAt: number;
	/** Last value written to each element in this launch, to skip identical writes. */
	written: Record<string, string>;
	/** Commits sent in this launch (pages read it in tests and diagnostics). */
	commits: number;
}

/** The session of the launch page above `win`, if any (same origin only). */
export function findSession(win: Window, maxSteps = 7): LmsSession | null {
	let w: Window = win;
	for (let i = 0; i <= maxSteps; i++) {
		try {
			const s = (w as unknown as Record<string, unknown>)[SESSION_KEY] as LmsSession | undefined;
			if (s && typeof s === 'object' && 'api' in s) return s;
		} catch {
			/* another origin */
		}
		let parent: Window | null = null;
		try {
			parent = w.parent;
		} catch {
			parent = null;
		}
		if (!parent || parent === w) break;
		w = parent;
	}
	return null;
}

/** localStorage key of a learner's browser copy inside an LMS (never the plain web key). */
export function mirrorKeyFor(courseId: string, learnerId: string): string {
	return `sme-course:progress:lms:${courseId}:${learnerId || 'unknown'}`;
}
