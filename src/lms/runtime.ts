/**
 * The LMS adapter of a course page (LMS build only). src/stores/progress.ts calls
 * installLmsPersistence() before it creates the progress store; when the page runs inside the
 * package's launch page (see session.ts) the store's storage becomes the LMS:
 *
 * - reading gives the state of this launch (restored from suspend_data by the launch page);
 * - every write keeps a browser copy for this learner, writes suspend_data (bounded, see
 *   suspend-codec.ts), the bookmark (last lesson), completion, score and success (score.ts) and
 *   one interaction per new quiz or simulation attempt (interactions.ts);
 * - a commit follows 2 s after the last significant change (a lesson completed or reopened, a
 *   scored attempt, a status change) and on pagehide; bookmarks alone wait for the next commit.
 *
 * Without a launch page above it (the web build, or a package opened outside an LMS) nothing changes.
 */
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import { decodeProgress, type ProgressState } from '../stores/progress-codec';
import { createDriver, ELEMENTS, type LmsDriver } from './api';
import { findSession, type LmsSession } from './session';
import { LMS_DATA_ID, lessonPath, parseLmsPageData, type LmsPageData } from './outline';
import { courseResult, lessonStatus12, status2004, type CourseResult } from './score';
import { encodeSuspend, SUSPEND_LIMIT } from './suspend-codec';
import { newAttempts, time12, timestamp2004, type AttemptEvent } from './interactions';

/** Delay between the last significant change and the commit. */
export const COMMIT_DELAY_MS = 2000;

const completedCount = (s: ProgressState): number => Object.values(s.lessons).filter((l) => l.completedAt !== undefined).length;
const fixed = (x: number, digits: number): string => String(Math.round(x * 10 ** digits) / 10 ** digits);

export class LmsRuntime {
	readonly driver: LmsDriver;
	private prev: ProgressState;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private readonly errorListeners = new Set<() => void>();

	constructor(
		readonly session: LmsSession,
		readonly page: LmsPageData,
		private readonly storage: Pick<Storage, 'setItem'> | null,
		private readonly commitDelay = COMMIT_DELAY_MS,
	) {
		this.driver = createDriver(session.version, session.api, () => {
			session.errors++;
			for (const f of this.errorListeners) f();
		});
		this.prev = decodeProgress(session.state).state;
	}

	/** Connected and not yet terminated. */
	get live(): boolean {
		return this.session.connected && !this.session.terminated;
	}

	/** Call `fn` on every LMS error of this page. */
	onError(fn: () => void): void {
		this.errorListeners.add(fn);
	}

	/** A @nanostores/persistent storage engine whose `key` reads and writes this launch's state. */
	engine(key: string): Record<string, string> {
		const engine: Record<string, string> = {};
		Object.defineProperty(engine, key, {
			enumerable: true,
			configurable: true,
			get: () => this.session.state ?? undefined,
			set: (v: string) => this.write(v),
		});
		return engine;
	}

	/** Keep a new progress document (the store's encoded JSON) and report it. */
	write(json: string): void {
		this.session.state = json;
		try {
			this.storage?.setItem(this.session.mirrorKey, json);
		} catch {
			/* storage full or blocked: the LMS copy still counts */
		}
		this.report(decodeProgress(json).state);
	}

	/** Report `next` to the LMS (only what changed since the last report of this launch). */
	report(next: ProgressState): void {
		const prev = this.prev;
		this.prev = next;
		// Review / browse mode: the LMS records nothing, so nothing is sent (the browser copy stays).
		if (!this.live || this.session.review) return;
		const el = ELEMENTS[this.session.version];
		const { outline, lang } = this.page;
		this.put(el.suspend, encodeSuspend(next, outline, SUSPEND_LIMIT[this.session.version]).data);
		if (next.last) this.put(el.location, lessonPath(next.last.lessonId, lang));
		let significant = completedCount(prev) !== completedCount(next);
		if (this.putResult(courseResult(next, outline, this.session.masteryScore ?? outline.masteryScore))) significant = true;
		for (const ev of newAttempts(prev, next)) {
			this.writeInteraction(ev);
			significant = true;
		}
		if (significant) this.scheduleCommit();
	}

	/** Commit now if a commit is pending (pagehide, hidden tab). */
	flush(): void {
		if (this.timer === null) return;
		clearTimeout(this.timer);
		this.timer = null;
		if (this.live && this.driver.commit()) this.session.commits++;
	}

	private scheduleCommit(): void {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = null;
			if (this.live && this.driver.commit()) this.session.commits++;
		}, this.commitDelay);
	}

	/** SetValue unless this launch already wrote the same value; true when the value changed. */
	private put(element: string, value: string): boolean {
		if (this.session.written[element] === value) return false;
		if (this.driver.set(element, value)) this.session.written[element] = value;
		return true;
	}

	private putResult(r: CourseResult): boolean {
		let changed = false;
		const score = r.score;
		if (this.session.version === '1.2') {
			if (this.put('cmi.core.lesson_status', lessonStatus12(r))) changed = true;
			if (score) {
				this.put('cmi.core.score.min', '0');
				this.put('cmi.core.score.max', '100');
				if (this.put('cmi.core.score.raw', fixed(score.scaled * 100, 2))) changed = true;
			}
		} else {
			const st = status2004(r);
			if (this.put('cmi.completion_status', st.completion)) changed = true;
			if (this.put('cmi.success_status', st.success)) changed = true;
			if (r.lessonsTotal > 0) this.put('cmi.progress_measure', fixed(r.lessonsDone / r.lessonsTotal, 4));
			if (score) {
				this.put('cmi.score.min', '0');
				this.put('cmi.score.max', '100');
				this.put('cmi.score.raw', fixed(score.scaled * 100, 2));
				if (this.put('cmi.score.scaled', fixed(score.scaled, 4))) changed = true;
			}
		}
		return changed;
	}

	private writeInteraction(ev: AttemptEvent): void {
		const count = Number(this.driver.get(ELEMENTS[this.session.version].interactionsCount));
		const p = `cmi.interactions.${Number.isInteger(count) && count >= 0 ? count : 0}.`;
		const title = this.page.outline.titles[`${ev.kind}:${ev.itemId}`] ?? ev.itemId;
		this.driver.set(`${p}id`, ev.id);
		this.driver.set(`${p}type`, 'performance');
		if (this.session.version === '1.2') {
			this.driver.set(`${p}time`, time12(ev.at));
			this.driver.set(`${p}weighting`, '1');
			this.driver.set(`${p}student_response`, `${ev.score}/${ev.max}${ev.seed ? ` seed=${ev.seed}` : ''}`.slice(0, 255));
			this.driver.set(`${p}result`, String(ev.percent));
		} else {
			this.driver.set(`${p}timestamp`, timestamp2004(ev.at));
			this.driver.set(`${p}weighting`, '1');
			this.driver.set(`${p}result`, String(ev.percent));
			this.driver.set(`${p}description`, `{lang=${this.page.lang}}${title}: ${ev.score}/${ev.max}`.slice(0, 250));
		}
	}
}

let current: LmsRuntime | null = null;

/** This page's adapter, when it runs inside the launch page of an LMS package. */
export function lmsRuntime(): LmsRuntime | null {
	return current;
}

/**
 * Make the progress store persist through the LMS session of the launch page above this page.
 * Called by src/stores/progress.ts in the LMS build, before the store is created. No-op elsewhere.
 */
export function installLmsPersistence(key: string): void {
	if (current || typeof window === 'undefined' || typeof document === 'undefined') return;
	const session = findSession(window);
	if (!session) return;
	const page = parseLmsPageData(document.getElementById(LMS_DATA_ID)?.textContent);
	if (!page) return;
	let storage: Storage | null = null;
	try {
		storage = window.localStorage;
	} catch {
		storage = null;
	}
	current = new LmsRuntime(session, page, storage);
	setPersistentEngine(current.engine(key), windowPersistentEvents);
}
