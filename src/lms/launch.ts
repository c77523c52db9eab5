/**
 * The package's launch page (scorm-launch.html): the one document that lives for the whole launch.
 * It finds the LMS API, calls Initialize once, restores the learner's state from suspend_data (the
 * LMS copy wins; without one, this learner's browser copy), marks the attempt incomplete on a first
 * launch, opens the bookmarked lesson (or the course home) in its frame and, on pagehide, writes
 * exit = suspend and the session time, commits and calls Terminate. The course pages use the API
 * through the session it leaves on this window (session.ts, runtime.ts).
 * Without an LMS it simply opens the course home.
 */
import { encodeProgress } from '../stores/progress-codec';
import { createDriver, discoverLms, ELEMENTS } from './api';
import { bookmarkTarget } from './outline';
import { mirrorKeyFor, SESSION_KEY, type LmsSession } from './session';
import { decodeSuspend } from './suspend-codec';
import { timespan12, timespan2004 } from './interactions';

interface LaunchData {
	courseId: string;
	lessons: string[];
}

function readMirror(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

function launch(): void {
	const frame = document.getElementById('sme-course') as HTMLIFrameElement;
	const data = JSON.parse(document.getElementById('sme-lms-launch')?.textContent ?? '{}') as LaunchData;
	const found = discoverLms(window);
	if (!found) {
		frame.src = 'index.html';
		return;
	}
	const { version, api } = found;
	const el = ELEMENTS[version];
	const session: LmsSession = {
		version,
		api,
		connected: false,
		terminated: false,
		review: false,
		state: null,
		restoredFrom: 'none',
		mirrorKey: mirrorKeyFor(data.courseId, ''),
		masteryScore: null,
		errors: 0,
		noticeDismissed: false,
		startedAt: Date.now(),
		written: {},
		commits: 0,
	};
	const driver = createDriver(version, api, () => session.errors++);
	session.connected = driver.initialize();
	let start = 'index.html';
	if (session.connected) {
		session.mirrorKey = mirrorKeyFor(data.courseId, driver.get(el.learnerId, true));
		const mode = driver.get(el.mode, true);
		session.review = mode === 'review' || mode === 'browse';
		const mastery = Number.parseFloat(driver.get(el.mastery, true));
		if (Number.isFinite(mastery)) {
			const scaled = version === '1.2' ? mastery / 100 : mastery;
			if (scaled >= 0 && scaled <= 1) session.masteryScore = scaled;
		}
		const restored = decodeSuspend(driver.get(el.suspend));
		const mirror = readMirror(session.mirrorKey);
		session.state = restored ? encodeProgress(restored.state) : mirror;
		session.restoredFrom = restored ? 'lms' : mirror ? 'browser' : 'none';
		if (!session.review) {
			if (version === '1.2') {
				const status = driver.get('cmi.core.lesson_status');
				if (status === '' || status === 'not attempted') driver.set('cmi.core.lesson_status', 'incomplete');
			} else {
				const status = driver.get('cmi.completion_status');
				if (status === '' || status === 'unknown' || status === 'not attempted') driver.set('cmi.completion_status', 'incomplete');
			}
			driver.set(el.exit, 'suspend');
			if (driver.commit()) session.commits++;
		}
		start = bookmarkTarget(driver.get(el.location), data.lessons) ?? start;
		// What the LMS holds already, so pages write (and commit) only real changes.
		const known =
			version === '1.2'
				? ['cmi.core.lesson_status', 'cmi.core.score.raw', el.location, el.suspend]
				: ['cmi.completion_status', 'cmi.success_status', 'cmi.score.scaled', 'cmi.progress_measure', el.location, el.suspend];
		for (const k of known) {
			const v = driver.get(k, true);
			if (v !== '') session.written[k] = v;
		}
	} else {
		session.state = readMirror(session.mirrorKey);
		session.restoredFrom = session.state ? 'browser' : 'none';
	}
	(window as unknown as Record<string, unknown>)[SESSION_KEY] = session;

	addEventListener('pagehide', () => {
		if (!session.connected || session.terminated) return;
		if (!session.review) {
			const elapsed = Date.now() - session.startedAt;
			driver.set(el.exit, 'suspend');
			driver.set(el.sessionTime, version === '1.2' ? timespan12(elapsed) : timespan2004(elapsed));
			if (driver.commit()) session.commits++;
		}
		driver.terminate();
		session.terminated = true;
	});
	frame.src = start;
}

launch();
