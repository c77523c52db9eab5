/**
 * Class results without a server: a trainee's quiz and simulation results for one class session,
 * packed into a compact text code they can paste into a chat (or a .json file), and the
 * instructor's import of many codes and files, validated. Pure functions: no DOM, no storage.
 *
 * Code format, version 1: `KT1.<payload>.<crc>`
 * - `KT` (课堂) and the format version; a code of another version is refused by name.
 * - payload: the result as JSON (short keys, below), UTF-8, raw DEFLATE (fflate), base64url.
 * - crc: CRC-32 (IEEE) of the payload characters, 8 lowercase hex digits, so a code damaged in a
 *   chat is refused before it is decompressed.
 * Payload JSON: `{ v: 1, s: session, n: name, id: number, t: exportedAtMs, q: {quizId: E}, m: {simId: E} }`
 * with `E = { s: score, m: max, b: best, a: attempts, t: atMs, e?: seed, d?: detail }`.
 * Detail is kept only where the debrief reads it: quiz answers (question id → option/item ids),
 * the segmentation sim's pool size and answers, and the product-matching sim's track and product.
 *
 * File format: `{ format: FILE_FORMAT, version: 1, code, ...a readable copy }`; importing reads only
 * `code` (the readable copy is for people and is not trusted).
 *
 * Everything imported is checked: sizes and counts are capped (LIMITS), ids and seeds must match
 * their patterns, scores must lie in [0, max], names are plain text (shown as text, never as HTML).
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { RISK_TIERS, SIZE_SEGMENTS, type RiskTier, type SizeSegment } from './client';
import { CLASS_SEED_PATTERN, TRAINEE_NAME_MAX, TRAINEE_NUMBER_MAX, checkTraineeName, checkTraineeNumber, parseSessionCode } from './class-session';

export { checkTraineeName, checkTraineeNumber };

export const CLASS_RESULTS_VERSION = 1;
export const CODE_PREFIX = 'KT';
export const FILE_FORMAT = 'sme-course-class-results';
/** Simulation ids whose detail the debrief reads (see src/components/sims/<id>/meta.ts). */
export const SEGMENTATION_ID = 'segmentation';
export const PRODUCT_MATCHING_ID = 'product-matching';

/** Caps on what an import reads. */
export const LIMITS = {
	/** Characters of one code. */
	codeChars: 16_000,
	/** Characters of one paste (the whole text box). */
	pasteChars: 1_000_000,
	/** Bytes of one file. */
	fileBytes: 256 * 1024,
	/** Files in one import. */
	files: 100,
	/** Codes read in one import (further codes are refused). */
	records: 200,
	/** Bytes of one decompressed payload. */
	inflatedBytes: 64 * 1024,
	quizzes: 100,
	sims: 60,
	nameChars: TRAINEE_NAME_MAX,
	numberChars: TRAINEE_NUMBER_MAX,
	questions: 50,
	answerIds: 12,
	clients: 40,
} as const;

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;
const ANSWER_ID_PATTERN = /^[a-z0-9-]{1,40}$/;
const CLIENT_ID_PATTERN = /^c\d{4}$/;
const TRACKS = ['trade', 'services', 'manufacturing'] as const;

// ---------------------------------------------------------------- shapes

/** One scored quiz or simulation as a class result carries it. */
export interface ResultEntry {
	score: number;
	max: number;
	best: number;
	attempts: number;
	/** Epoch ms of the last attempt. */
	at: number;
	seed?: string;
	detail?: QuizAnswers | SegmentationDetail | ProductMatchingDetail;
}

/** Quiz answers: question id → chosen option ids (or item ids in the learner's order). */
export type QuizAnswers = Record<string, string[]>;
/** Segmentation sim: pool size and the answer per client id. */
export interface SegmentationDetail {
	count: number;
	answers: Record<string, { segment?: SizeSegment; riskTier?: RiskTier }>;
}
/** Product-matching sim: the industry track and the product the learner chose. */
export interface ProductMatchingDetail {
	track: (typeof TRACKS)[number];
	productId: string;
}

/** One trainee's results for one class session. */
export interface ClassResult {
	session: string;
	name: string;
	/** Staff number; '' when not given. */
	number: string;
	exportedAt: number;
	quizzes: Record<string, ResultEntry>;
	sims: Record<string, ResultEntry>;
}

/** What an attempt in saved progress looks like (src/stores/progress-codec.ts AttemptRecord). */
export interface AttemptLike {
	score: number;
	max: number;
	best: number;
	attempts: number;
	at: number;
	seed?: string;
	detail?: unknown;
}

// ---------------------------------------------------------------- small helpers

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

// ---------------------------------------------------------------- CRC-32 and base64url

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

/** CRC-32 (IEEE 802.3, as in zip and PNG) of some bytes. */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((ch, i) => [ch, i]));

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i] as number;
		const b = bytes[i + 1];
		const c = bytes[i + 2];
		const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
		out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
		if (b !== undefined) out += B64[(n >> 6) & 63]!;
		if (c !== undefined) out += B64[n & 63]!;
	}
	return out;
}

/** Bytes of a base64url text (no padding); null when it is not valid base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (text.length % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let o = 0;
	for (let i = 0; i < text.length; i += 4) {
		const group = text.slice(i, i + 4);
		let n = 0;
		for (let j = 0; j < 4; j++) {
			const v = j < group.length ? B64_INDEX.get(group[j] as string) : 0;
			if (v === undefined) return null;
			n = (n << 6) | v;
		}
		out[o++] = (n >> 16) & 255;
		if (group.length > 2) out[o++] = (n >> 8) & 255;
		if (group.length > 3) out[o++] = n & 255;
	}
	return out;
}

/** Inflate raw DEFLATE, refusing output above `cap` bytes (a small code cannot become megabytes). */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | null {
	if (data.length === 0) return null;
	const parts: Uint8Array[] = [];
	let total = 0;
	const inflater = new Inflate((chunk) => {
		total += chunk.length;
		if (total > cap) throw new Error('too large');
		parts.push(chunk.slice());
	});
	try {
		const step = 512;
		for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
	} catch {
		return null;
	}
	const out = new Uint8Array(total);
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

// ---------------------------------------------------------------- details

/** Quiz answers in the shape quizzes save (question id → ids); undefined when malformed. */
export function cleanQuizAnswers(raw: unknown): QuizAnswers | undefined {
	if (!isObj(raw)) return undefined;
	const entries = Object.entries(raw);
	if (entries.length > LIMITS.questions) return undefined;
	const out: QuizAnswers = {};
	for (const [k, v] of entries) {
		if (!ANSWER_ID_PATTERN.test(k) || !Array.isArray(v) || v.length > LIMITS.answerIds) return undefined;
		if (!v.every((x): x is string => typeof x === 'string' && ANSWER_ID_PATTERN.test(x))) return undefined;
		out[k] = [...v];
	}
	return out;
}

/** The segmentation sim's detail (pool size, answers per client); undefined when malformed. */
export function cleanSegmentationDetail(raw: unknown): SegmentationDetail | undefined {
	if (!isObj(raw) || !isNum(raw['count']) || !Number.isInteger(raw['count']) || raw['count'] < 1 || raw['count'] > LIMITS.clients) return undefined;
	const answers = raw['answers'];
	if (!isObj(answers) || Object.keys(answers).length > LIMITS.clients) return undefined;
	const out: SegmentationDetail = { count: raw['count'], answers: {} };
	for (const [id, a] of Object.entries(answers)) {
		if (!CLIENT_ID_PATTERN.test(id) || !isObj(a)) return undefined;
		const { segment, riskTier } = a;
		if (segment !== undefined && !(SIZE_SEGMENTS as readonly unknown[]).includes(segment)) return undefined;
		if (riskTier !== undefined && !(RISK_TIERS as readonly unknown[]).includes(riskTier)) return undefined;
		const clean: { segment?: SizeSegment; riskTier?: RiskTier } = {};
		if (segment !== undefined) clean.segment = segment as SizeSegment;
		if (riskTier !== undefined) clean.riskTier = riskTier as RiskTier;
		out.answers[id] = clean;
	}
	return out;
}

/** The product-matching sim's detail (track, product id); undefined when malformed. */
export function cleanProductMatchingDetail(raw: unknown): ProductMatchingDetail | undefined {
	if (!isObj(raw)) return undefined;
	const { track, productId } = raw;
	if (!(TRACKS as readonly unknown[]).includes(track) || typeof productId !== 'string' || !ANSWER_ID_PATTERN.test(productId)) return undefined;
	return { track: track as ProductMatchingDetail['track'], productId };
}

/** The product-matching detail as progress saves it (`{ track, clientId, decision: { productId, … } }`). */
function productMatchingFromProgress(raw: unknown): ProductMatchingDetail | undefined {
	if (!isObj(raw) || !isObj(raw['decision'])) return undefined;
	return cleanProductMatchingDetail({ track: raw['track'], productId: raw['decision']['productId'] });
}

function cleanEntry(raw: Record<string, unknown>, kind: 'quiz' | 'sim', id: string): ResultEntry | null {
	const { score, max, best, attempts, at, seed, detail } = raw;
	if (!isNum(score) || !isNum(max) || max <= 0 || score < 0 || score > max || !isNum(at) || at < 0) return null;
	if (!isNum(best) || best < score || best > max || !isNum(attempts) || !Number.isInteger(attempts) || attempts < 1) return null;
	const entry: ResultEntry = { score, max, best, attempts, at };
	if (seed !== undefined) {
		if (typeof seed !== 'string' || !CLASS_SEED_PATTERN.test(seed)) return null;
		entry.seed = seed;
	}
	const d = kind === 'quiz' ? cleanQuizAnswers(detail) : id === SEGMENTATION_ID ? cleanSegmentationDetail(detail) : id === PRODUCT_MATCHING_ID ? cleanProductMatchingDetail(detail) : undefined;
	if (d !== undefined) entry.detail = d;
	return entry;
}

// ---------------------------------------------------------------- building and encoding

/**
 * A class result from saved progress: the latest attempt of every quiz and simulation, with the
 * details the debrief reads. Entries progress could not vouch for are left out.
 */
export function buildResult(
	progress: { quizzes: Record<string, AttemptLike>; sims: Record<string, AttemptLike> },
	who: { name: string; number: string },
	session: string,
	now: number,
): ClassResult {
	const pick = (records: Record<string, AttemptLike>, kind: 'quiz' | 'sim', cap: number) => {
		const out: Record<string, ResultEntry> = {};
		for (const [id, r] of Object.entries(records).slice(0, cap)) {
			if (!ID_PATTERN.test(id)) continue;
			const detail = kind === 'sim' && id === PRODUCT_MATCHING_ID ? productMatchingFromProgress(r.detail) : r.detail;
			const entry = cleanEntry({ ...r, detail }, kind, id);
			if (entry) out[id] = entry;
		}
		return out;
	};
	return {
		session: session.trim(),
		name: who.name.normalize('NFC').trim(),
		number: who.number.trim(),
		exportedAt: now,
		quizzes: pick(progress.quizzes, 'quiz', LIMITS.quizzes),
		sims: pick(progress.sims, 'sim', LIMITS.sims),
	};
}

function wireEntry(e: ResultEntry): Record<string, unknown> {
	const w: Record<string, unknown> = { s: e.score, m: e.max, b: e.best, a: e.attempts, t: e.at };
	if (e.seed !== undefined) w['e'] = e.seed;
	if (e.detail !== undefined) w['d'] = e.detail;
	return w;
}

const mapValues = <A, B>(o: Record<string, A>, f: (a: A) => B): Record<string, B> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** The text code of a result: `KT1.<base64url deflated JSON>.<crc32>`. */
export function encodeResultCode(r: ClassResult): string {
	const json = JSON.stringify({ v: CLASS_RESULTS_VERSION, s: r.session, n: r.name, id: r.number, t: r.exportedAt, q: mapValues(r.quizzes, wireEntry), m: mapValues(r.sims, wireEntry) });
	const payload = toBase64Url(deflateSync(strToU8(json), { level: 9 }));
	return `${CODE_PREFIX}${CLASS_RESULTS_VERSION}.${payload}.${crc32(strToU8(payload)).toString(16).padStart(8, '0')}`;
}

/** Why a code or file is refused (i18n `classroom.import.<code>`); `duplicate` is information. */
export type ImportIssue =
	| 'too-large'
	| 'too-many'
	| 'too-many-files'
	| 'no-code'
	| 'incomplete'
	| 'malformed'
	| 'bad-checksum'
	| 'wrong-version'
	| 'not-results-file'
	| 'bad-session'
	| 'bad-name'
	| 'session-mismatch'
	| 'duplicate';

export type DecodeOutcome = { ok: true; result: ClassResult } | { ok: false; issue: ImportIssue; version?: number };

function fromWire(raw: unknown): DecodeOutcome {
	if (!isObj(raw)) return { ok: false, issue: 'malformed' };
	if (raw['v'] !== CLASS_RESULTS_VERSION) return { ok: false, issue: 'wrong-version', version: isNum(raw['v']) ? raw['v'] : 0 };
	const { s, n, id, t, q, m } = raw;
	if (typeof s !== 'string' || !parseSessionCode(s)) return { ok: false, issue: 'bad-session' };
	if (typeof n !== 'string' || checkTraineeName(n) !== null || typeof id !== 'string' || checkTraineeNumber(id) !== null) return { ok: false, issue: 'bad-name' };
	if (!isNum(t) || t < 0) return { ok: false, issue: 'malformed' };
	const read = (o: unknown, kind: 'quiz' | 'sim', cap: number): Record<string, ResultEntry> | null => {
		if (o === undefined) return {};
		if (!isObj(o) || Object.keys(o).length > cap) return null;
		const out: Record<string, ResultEntry> = {};
		for (const [key, w] of Object.entries(o)) {
			if (!ID_PATTERN.test(key) || !isObj(w)) return null;
			const e = cleanEntry({ score: w['s'], max: w['m'], best: w['b'], attempts: w['a'], at: w['t'], seed: w['e'], detail: w['d'] }, kind, key);
			if (!e) return null;
			out[key] = e;
		}
		return out;
	};
	const quizzes = read(q, 'quiz', LIMITS.quizzes);
	const sims = read(m, 'sim', LIMITS.sims);
	if (!quizzes || !sims) return { ok: false, issue: 'malformed' };
	return { ok: true, result: { session: s, name: n.normalize('NFC').trim(), number: id.trim(), exportedAt: t, quizzes, sims } };
}

const CODE_SCAN = /KT(\d{1,6})\.([A-Za-z0-9_-]*)(?:\.([0-9A-Fa-f]{8})(?![0-9A-Za-z_-]))?/g;
const CODE_EXACT = /^KT(\d{1,6})\.([A-Za-z0-9_-]*)(?:\.([0-9A-Fa-f]{8}))?$/;

/** Decode one code (surrounding blanks ignored). Never throws. */
export function decodeResultCode(text: string): DecodeOutcome {
	const code = text.trim();
	if (code.length > LIMITS.codeChars) return { ok: false, issue: 'too-large' };
	const m = CODE_EXACT.exec(code);
	if (!m) return { ok: false, issue: 'malformed' };
	return decodeParts(Number(m[1]), m[2] as string, m[3]);
}

function decodeParts(version: number, payload: string, crc: string | undefined): DecodeOutcome {
	if (version !== CLASS_RESULTS_VERSION) return { ok: false, issue: 'wrong-version', version };
	if (crc === undefined) return { ok: false, issue: 'incomplete' };
	if (crc32(strToU8(payload)) !== parseInt(crc, 16)) return { ok: false, issue: 'bad-checksum' };
	const bytes = fromBase64Url(payload);
	const inflated = bytes ? inflateCapped(bytes, LIMITS.inflatedBytes) : null;
	if (!inflated) return { ok: false, issue: 'malformed' };
	let parsed: unknown;
	try {
		parsed = JSON.parse(strFromU8(inflated));
	} catch {
		return { ok: false, issue: 'malformed' };
	}
	return fromWire(parsed);
}

/** A results file's content: the code plus a readable copy (not trusted on import). */
export function resultFile(r: ClassResult, code: string): Record<string, unknown> {
	const readable = (e: ResultEntry) => ({ score: e.score, max: e.max, ...(e.seed !== undefined ? { seed: e.seed } : {}) });
	return {
		format: FILE_FORMAT,
		version: CLASS_RESULTS_VERSION,
		code,
		session: r.session,
		name: r.name,
		number: r.number,
		exportedAt: new Date(r.exportedAt).toISOString(),
		quizzes: mapValues(r.quizzes, readable),
		sims: mapValues(r.sims, readable),
	};
}

/** A safe file name for a result: `class-results-<session>-<name>.json` (other characters → `_`). */
export function resultFileName(r: ClassResult): string {
	const safe = (s: string) => s.replace(/[^\p{L}\p{N}_-]/gu, '_').slice(0, 40);
	return `class-results-${safe(r.session)}-${safe(r.name)}.json`;
}

/** Everything a trainee's export needs: the result, its code, the file body and a file name. */
export function exportResult(
	progress: { quizzes: Record<string, AttemptLike>; sims: Record<string, AttemptLike> },
	who: { name: string; number: string },
	session: string,
	now: number,
): { result: ClassResult; code: string; fileText: string; fileName: string } {
	const result = buildResult(progress, who, session, now);
	const code = encodeResultCode(result);
	return { result, code, fileText: JSON.stringify(resultFile(result, code), null, 2), fileName: resultFileName(result) };
}

// ---------------------------------------------------------------- import

/** One pasted text or one dropped/chosen file. `size` is the file size in bytes (files only). */
export interface ImportSource {
	kind: 'paste' | 'file';
	/** File name, or '' for the text box. Shown as plain text. */
	label: string;
	text: string;
	size?: number;
}

/** A refusal or note about one source (and which code in it, 1-based; 0 = the whole source). */
export interface ImportMessage {
	kind: 'paste' | 'file';
	label: string;
	index: number;
	issue: ImportIssue;
	severity: 'error' | 'info';
	data: Record<string, string | number>;
}

export interface ImportReport {
	/** Every result kept: earlier ones plus the new, one per trainee, sorted by name. */
	results: ClassResult[];
	/** How many of the new codes were kept. */
	added: number;
	messages: ImportMessage[];
	/** The session the results belong to. */
	session: string | null;
}

/** Same trainee (name, case and width folded, and staff number) in the same session. */
export function traineeKey(r: Pick<ClassResult, 'session' | 'name' | 'number'>): string {
	return [r.session, r.name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' '), r.number.toLowerCase()].join('\u0000');
}

function codesInText(text: string): { version: number; payload: string; crc: string | undefined; length: number }[] {
	return [...text.matchAll(CODE_SCAN)].map((m) => ({ version: Number(m[1]), payload: m[2] as string, crc: m[3], length: m[0].length }));
}

/**
 * Read pasted text and files: find the codes (in text, or the `code` of a results file), decode
 * them, refuse what is broken, too big, of another version or of another session, and keep one
 * result per trainee (the latest export; the older one is reported). `existing` are results
 * already on the dashboard; `session` is the instructor's session (null: the first code's).
 */
export function importResults(sources: readonly ImportSource[], existing: readonly ClassResult[], session: string | null): ImportReport {
	const messages: ImportMessage[] = [];
	const say = (src: ImportSource, index: number, issue: ImportIssue, data: Record<string, string | number> = {}, severity: 'error' | 'info' = 'error') =>
		messages.push({ kind: src.kind, label: src.label.slice(0, 80), index, issue, severity, data });
	const decoded: { src: ImportSource; index: number; result: ClassResult }[] = [];
	let target = session ?? existing[0]?.session ?? null;
	let read = 0;
	let files = 0;
	for (const src of sources) {
		if (src.kind === 'file' && ++files > LIMITS.files) {
			say(src, 0, 'too-many-files', { max: LIMITS.files });
			continue;
		}
		const limit = src.kind === 'file' ? LIMITS.fileBytes : LIMITS.pasteChars;
		if ((src.size ?? 0) > limit || src.text.length > limit) {
			say(src, 0, 'too-large', { max: limit });
			continue;
		}
		const text = src.text.trim();
		if (text === '') continue;
		let found: { version: number; payload: string; crc: string | undefined; length: number }[];
		if (text.startsWith('{')) {
			let file: unknown;
			try {
				file = JSON.parse(text);
			} catch {
				say(src, 0, 'malformed');
				continue;
			}
			if (!isObj(file) || file['format'] !== FILE_FORMAT) {
				say(src, 0, 'not-results-file');
				continue;
			}
			if (file['version'] !== CLASS_RESULTS_VERSION) {
				say(src, 0, 'wrong-version', { version: isNum(file['version']) ? file['version'] : 0 });
				continue;
			}
			found = codesInText(typeof file['code'] === 'string' ? file['code'] : '');
		} else found = codesInText(text);
		if (found.length === 0) {
			say(src, 0, 'no-code');
			continue;
		}
		for (const [i, f] of found.entries()) {
			if (read >= LIMITS.records) {
				say(src, i + 1, 'too-many', { max: LIMITS.records });
				break;
			}
			read++;
			const outcome: DecodeOutcome = f.length > LIMITS.codeChars ? { ok: false, issue: 'too-large' } : decodeParts(f.version, f.payload, f.crc);
			if (!outcome.ok) {
				say(src, i + 1, outcome.issue, outcome.issue === 'too-large' ? { max: LIMITS.codeChars } : outcome.version !== undefined ? { version: outcome.version } : {});
				continue;
			}
			target ??= outcome.result.session;
			if (outcome.result.session !== target) {
				say(src, i + 1, 'session-mismatch', { session: outcome.result.session, expected: target, name: outcome.result.name });
				continue;
			}
			decoded.push({ src, index: i + 1, result: outcome.result });
		}
	}
	const kept = new Map<string, { result: ClassResult; fresh: boolean }>();
	for (const r of existing) kept.set(traineeKey(r), { result: r, fresh: false });
	for (const d of decoded) {
		const key = traineeKey(d.result);
		const prev = kept.get(key);
		if (prev) {
			const newer = d.result.exportedAt >= prev.result.exportedAt;
			const keep = newer ? d.result : prev.result;
			const drop = newer ? prev.result : d.result;
			say(d.src, d.index, 'duplicate', { name: keep.name, number: keep.number, kept: keep.exportedAt, dropped: drop.exportedAt }, 'info');
			if (newer) kept.set(key, { result: d.result, fresh: true });
		} else kept.set(key, { result: d.result, fresh: true });
	}
	const results = [...kept.values()].map((k) => k.result).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.number.localeCompare(b.number));
	const added = [...kept.values()].filter((k) => k.fresh).length;
	return { results, added, messages, session: target };
}

// ---------------------------------------------------------------- CSV

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: numbers as they are; text guarded against formulas (`'` before = + - @) and quoted per RFC 4180. */
export function csvCell(v: string | number): string {
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	const guarded = FORMULA_START.test(v) ? `'${v}` : v;
	return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A CSV document for Excel: UTF-8 byte-order mark, CRLF line ends, RFC 4180 quoting. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
	return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
