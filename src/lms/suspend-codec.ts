/**
 * The learner's progress as SCORM suspend_data: compressed, ASCII-only and bounded (pure functions).
 *
 * Encoding: JSON → raw DEFLATE (fflate, level 9) → URL-safe base64 (A–Z a–z 0–9 - _, no padding),
 * behind a one-letter format tag. Any LMS stores that alphabet unchanged (no quotes, no markup).
 *
 * The limit is 4,096 characters in SCORM 1.2 (CMIString4096) and 64,000 in SCORM 2004. The encoder
 * tries, in order, and returns the first rung that fits:
 *   1. `full`      — the whole progress document (tag F);
 *   2. `no-detail` — the same without each attempt's `detail` (answers, decisions) (tag F);
 *   3. `compact`   — essentials of the course only: completed and visited lessons, best score / max /
 *                    attempts of each course quiz and simulation, the last lesson (tag C);
 *   4. `minimal`   — compact without visited lessons, attempt counts and timestamps (tag C);
 *   5. `truncated` — minimal, dropping simulation, quiz and then lesson entries from the end until
 *                    it fits; an empty record always fits (any limit ≥ MIN_LIMIT), so the bound holds
 *                    for every input, however large.
 * Rungs 3–5 keep only ids of the course outline, so data for unknown ids cannot grow them. The unit
 * test tests/unit/lms/suspend-codec.test.ts fills every lesson, quiz and simulation with maximal data
 * and shows where each rung ends up for this course.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { decodeProgress, emptyProgress, type AttemptRecord, type ProgressState } from '../stores/progress-codec';
import type { CourseOutline } from './outline';

export const SUSPEND_LIMIT = { '1.2': 4096, '2004': 64000 } as const;
/** The smallest limit the encoder accepts (an empty compact record is ~20 characters). */
export const MIN_LIMIT = 64;

export type Rung = 'full' | 'no-detail' | 'compact' | 'minimal' | 'truncated';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** URL-safe base64 without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i]! << 16;
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
	} else if (rest === 2) {
		const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
		out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
	}
	return out;
}

/** Inverse of toBase64Url; throws on a character outside the alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array {
	if (text.length % 4 === 1) throw new Error('bad base64 length');
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let o = 0;
	for (let i = 0; i < text.length; i += 4) {
		const chunk = text.slice(i, i + 4);
		let n = 0;
		for (let j = 0; j < 4; j++) {
			const v = j < chunk.length ? ALPHABET.indexOf(chunk[j]!) : 0;
			if (v < 0) throw new Error('bad base64 character');
			n = (n << 6) | v;
		}
		out[o++] = (n >> 16) & 255;
		if (chunk.length > 2) out[o++] = (n >> 8) & 255;
		if (chunk.length > 3) out[o++] = n & 255;
	}
	return out;
}

const pack = (tag: string, value: unknown): string => tag + toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
const unpack = (text: string): unknown => JSON.parse(strFromU8(inflateSync(fromBase64Url(text.slice(1)))));

/** [best, max, attempts] of a course quiz or simulation; attempts omitted on the minimal rung. */
type CompactScore = [number, number] | [number, number, number];
interface Compact {
	/** Completed lesson ids. */
	c: string[];
	/** Lessons visited but not completed (compact rung only). */
	v?: string[];
	q: Record<string, CompactScore>;
	s: Record<string, CompactScore>;
	/** Last lesson id. */
	l?: string;
	/** Time of the last activity in seconds (compact rung only). */
	t?: number;
}

function stripDetail(state: ProgressState): ProgressState {
	const strip = (rs: Record<string, AttemptRecord>) =>
		Object.fromEntries(Object.entries(rs).map(([id, { detail: _d, ...rest }]) => [id, rest]));
	return { ...state, quizzes: strip(state.quizzes), sims: strip(state.sims) };
}

function compact(state: ProgressState, outline: Pick<CourseOutline, 'lessons' | 'quizzes' | 'sims'>, minimal: boolean): Compact {
	const scores = (ids: readonly string[], rs: Record<string, AttemptRecord>) => {
		const out: Record<string, CompactScore> = {};
		for (const id of ids) {
			const r = rs[id];
			if (r) out[id] = minimal ? [r.best, r.max] : [r.best, r.max, r.attempts];
		}
		return out;
	};
	const c = outline.lessons.filter((id) => state.lessons[id]?.completedAt !== undefined);
	const out: Compact = { c, q: scores(outline.quizzes, state.quizzes), s: scores(outline.sims, state.sims) };
	if (state.last && outline.lessons.includes(state.last.lessonId)) out.l = state.last.lessonId;
	if (!minimal) {
		out.v = outline.lessons.filter((id) => state.lessons[id] && state.lessons[id].completedAt === undefined);
		const times = [
			state.last?.at ?? 0,
			...Object.values(state.lessons).map((l) => l.completedAt ?? l.visitedAt),
			...Object.values(state.quizzes).map((r) => r.at),
			...Object.values(state.sims).map((r) => r.at),
		];
		out.t = Math.floor(Math.max(0, ...times.filter(Number.isFinite)) / 1000);
	}
	return out;
}

/** The first `k` entries of a minimal record, in priority order: completed lessons, last lesson, quizzes, simulations. */
function firstEntries(c: Compact, k: number): Compact {
	const out: Compact = { c: c.c.slice(0, k), q: {}, s: {} };
	let left = k - out.c.length;
	if (left > 0 && c.l !== undefined) {
		out.l = c.l;
		left--;
	}
	for (const [id, v] of Object.entries(c.q)) if (left-- > 0) out.q[id] = v;
	for (const [id, v] of Object.entries(c.s)) if (left-- > 0) out.s[id] = v;
	return out;
}

/**
 * Encode progress for suspend_data within `limit` characters (see the module comment for the rungs).
 * Never returns more than `limit` characters.
 */
export function encodeSuspend(
	state: ProgressState,
	outline: Pick<CourseOutline, 'lessons' | 'quizzes' | 'sims'>,
	limit: number,
): { data: string; rung: Rung } {
	if (limit < MIN_LIMIT) throw new RangeError(`suspend_data limit ${limit} is below ${MIN_LIMIT}`);
	const full = pack('F', state);
	if (full.length <= limit) return { data: full, rung: 'full' };
	const noDetail = pack('F', stripDetail(state));
	if (noDetail.length <= limit) return { data: noDetail, rung: 'no-detail' };
	const c = pack('C', compact(state, outline, false));
	if (c.length <= limit) return { data: c, rung: 'compact' };
	const min = compact(state, outline, true);
	let data = pack('C', min);
	if (data.length <= limit) return { data, rung: 'minimal' };
	// Keep as many entries as fit: binary search on the count, then step down in case deflate
	// is not monotonic at the boundary. Zero entries (an empty record) always fits.
	const total = min.c.length + (min.l === undefined ? 0 : 1) + Object.keys(min.q).length + Object.keys(min.s).length;
	let lo = 0;
	let hi = total;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (pack('C', firstEntries(min, mid)).length <= limit) lo = mid;
		else hi = mid - 1;
	}
	for (let k = lo; k >= 0; k--) {
		data = pack('C', firstEntries(min, k));
		if (data.length <= limit) break;
	}
	return { data: data.length <= limit ? data : pack('C', { c: [], q: {}, s: {} }), rung: 'truncated' };
}

function fromCompact(raw: unknown): ProgressState | null {
	if (typeof raw !== 'object' || raw === null) return null;
	const c = raw as Partial<Compact>;
	if (!Array.isArray(c.c)) return null;
	const at = typeof c.t === 'number' ? c.t * 1000 : 0;
	const state = emptyProgress();
	for (const id of c.v ?? []) if (typeof id === 'string') state.lessons[id] = { visitedAt: at };
	for (const id of c.c) if (typeof id === 'string') state.lessons[id] = { visitedAt: at, completedAt: at };
	const scores = (rs: unknown): Record<string, AttemptRecord> => {
		const out: Record<string, AttemptRecord> = {};
		if (typeof rs !== 'object' || rs === null) return out;
		for (const [id, v] of Object.entries(rs as Record<string, unknown>)) {
			if (!Array.isArray(v)) continue;
			const [best, max, attempts] = v as number[];
			out[id] = { score: best!, max: max!, best: best!, attempts: attempts ?? 1, at };
		}
		return out;
	};
	state.quizzes = scores(c.q);
	state.sims = scores(c.s);
	if (typeof c.l === 'string') state.last = { lessonId: c.l, at };
	return state;
}

/**
 * Decode suspend_data written by encodeSuspend (or plain progress JSON). Null when empty or
 * unreadable, so the caller falls back to the browser's copy; entries that fail the progress
 * checks are dropped (decodeProgress).
 */
export function decodeSuspend(data: string | null | undefined): { state: ProgressState; format: 'full' | 'compact' | 'json' } | null {
	if (!data) return null;
	try {
		let raw: unknown;
		let format: 'full' | 'compact' | 'json';
		if (data.startsWith('{')) {
			raw = JSON.parse(data);
			format = 'json';
		} else if (data[0] === 'F') {
			raw = unpack(data);
			format = 'full';
		} else if (data[0] === 'C') {
			raw = fromCompact(unpack(data));
			format = 'compact';
		} else return null;
		if (raw === null) return null;
		const { state, status } = decodeProgress(JSON.stringify(raw));
		if (status === 'reset') return null;
		return { state, format };
	} catch {
		return null;
	}
}
