/**
 * Turning progress changes into SCORM interactions and formatting SCORM times (pure functions).
 * One interaction per scored attempt of a simulation or knowledge check, appended as the learner
 * submits it (interactions are a journal: an LMS keeps every entry).
 */
import type { ProgressState } from '../stores/progress-codec';

export interface AttemptEvent {
	/** Interaction id: `sim-<id>-<attempt>` or `quiz-<id>-<attempt>` (CMIIdentifier-safe). */
	id: string;
	kind: 'sim' | 'quiz';
	itemId: string;
	attempt: number;
	score: number;
	max: number;
	/** Score as a percentage, 0..100, one decimal. */
	percent: number;
	/** Epoch ms of the attempt. */
	at: number;
	seed?: string;
}

const safeId = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 200);

/** Attempts present in `next` that were not in `prev` (a new attempt count or a new time), oldest first. */
export function newAttempts(prev: ProgressState, next: ProgressState): AttemptEvent[] {
	const out: AttemptEvent[] = [];
	for (const kind of ['quiz', 'sim'] as const) {
		const before = kind === 'quiz' ? prev.quizzes : prev.sims;
		const after = kind === 'quiz' ? next.quizzes : next.sims;
		for (const [itemId, r] of Object.entries(after)) {
			const p = before[itemId];
			if (p && p.attempts === r.attempts && p.at === r.at) continue;
			const ev: AttemptEvent = {
				id: `${kind}-${safeId(itemId)}-${r.attempts}`,
				kind,
				itemId,
				attempt: r.attempts,
				score: r.score,
				max: r.max,
				percent: r.max > 0 ? Math.round((r.score / r.max) * 1000) / 10 : 0,
				at: r.at,
			};
			if (r.seed !== undefined) ev.seed = r.seed;
			out.push(ev);
		}
	}
	return out.sort((a, b) => a.at - b.at);
}

const pad = (n: number, w = 2): string => String(Math.floor(n)).padStart(w, '0');

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (hours capped at 9999). */
export function timespan12(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const h = Math.min(9999, Math.floor(cs / 360_000));
	const m = Math.floor(cs / 6000) % 60;
	const s = Math.floor(cs / 100) % 60;
	return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. `PT1H2M3.4S`; `PT0S` for nothing. */
export function timespan2004(ms: number): string {
	const cs = Math.max(0, Math.round(ms / 10));
	const h = Math.floor(cs / 360_000);
	const m = Math.floor(cs / 6000) % 60;
	const s = (cs % 6000) / 100;
	const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${Number(s.toFixed(2))}S` : ''}`;
	return `PT${parts || '0S'}`;
}

/** SCORM 1.2 CMITime (time of day, local) `HH:MM:SS`. */
export function time12(epochMs: number): string {
	const d = new Date(epochMs);
	return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * SCORM 2004 time(second,10,0) in UTC with hundredths, e.g. `2026-11-20T08:15:00.25Z` (the
 * standard's format only allows a time zone after fractional seconds).
 */
export function timestamp2004(epochMs: number): string {
	return new Date(epochMs).toISOString().replace(/\.(\d{2})\d*Z$/, '.$1Z');
}
