/**
 * A class session (课堂): the code an instructor reads out, the seed every trainee's simulations
 * use, and the links that open each chosen simulation with that seed. Pure functions; codes only.
 *
 * Session code = `<name>-<YYYY-MM-DD>`, e.g. `杭州分行A班-2026-05-12`: the name is 1–24 letters
 * (CJK included), digits, `_` or `-` (not starting or ending with `-`), the date a real calendar
 * date. The seed follows the simulations' own rule (src/stores/sim-params.ts SEED_PATTERN: letters
 * incl. CJK, digits, `_` and `-`, 1–40 characters); a test keeps the two rules identical.
 */

/** Longest trainee name and staff number, characters. */
export const TRAINEE_NAME_MAX = 40;
export const TRAINEE_NUMBER_MAX = 20;

/** Longest class name part of a session code, characters. */
export const SESSION_NAME_MAX = 24;

const NAME_PATTERN = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_-]{0,22}[\p{L}\p{N}_])?$/u;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE_PATTERN = /^(.+)-(\d{4}-\d{2}-\d{2})$/u;
/** Same rule as the simulations' seed (src/stores/sim-params.ts). */
export const CLASS_SEED_PATTERN = /^[\p{L}\p{N}_-]{1,40}$/u;

/** Why a session field is refused (i18n `classroom.sessionError.<code>`). */
export type SessionFieldError = 'name-required' | 'name-too-long' | 'name-chars' | 'date-required' | 'date-invalid' | 'seed-required' | 'seed-invalid';

/** Whether a calendar date exists (leap years included). */
export function isRealDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1 || year < 2000 || year > 2999) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
	return day <= days;
}

/** Check the class name part; null when fine. */
export function checkSessionName(raw: string): SessionFieldError | null {
	const name = raw.trim();
	if (name === '') return 'name-required';
	if ([...name].length > SESSION_NAME_MAX) return 'name-too-long';
	return NAME_PATTERN.test(name) ? null : 'name-chars';
}

/** Check a `YYYY-MM-DD` date (what `<input type="date">` gives); null when fine. */
export function checkSessionDate(raw: string): SessionFieldError | null {
	const s = raw.trim();
	if (s === '') return 'date-required';
	const m = DATE_PATTERN.exec(s);
	if (!m) return 'date-invalid';
	return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'date-invalid';
}

/** Check a seed; null when fine. */
export function checkSeed(raw: string): SessionFieldError | null {
	const s = raw.trim();
	if (s === '') return 'seed-required';
	return CLASS_SEED_PATTERN.test(s) ? null : 'seed-invalid';
}

/** The session code of a valid name and date, or the errors of each field. */
export function makeSessionCode(name: string, date: string): { ok: true; code: string } | { ok: false; errors: { name?: SessionFieldError; date?: SessionFieldError } } {
	const nameError = checkSessionName(name);
	const dateError = checkSessionDate(date);
	if (nameError || dateError) {
		const errors: { name?: SessionFieldError; date?: SessionFieldError } = {};
		if (nameError) errors.name = nameError;
		if (dateError) errors.date = dateError;
		return { ok: false, errors };
	}
	return { ok: true, code: `${name.trim()}-${date.trim()}` };
}

/** Split a session code into its name and date; null when it is not a valid code. */
export function parseSessionCode(raw: string): { name: string; date: string; code: string } | null {
	const code = raw.trim();
	const m = CODE_PATTERN.exec(code);
	if (!m) return null;
	const name = m[1] as string;
	const date = m[2] as string;
	if (checkSessionName(name) !== null || checkSessionDate(date) !== null) return null;
	return { name, date, code };
}

/** Where a simulation lives: its lesson page path (with base and locale) and section anchor. */
export interface SimTarget {
	id: string;
	/** Path of the lesson page, e.g. `/lessons/m4/04-segmentation/`. */
	path: string;
	/** Section anchor without `#`, or '' for the top of the lesson. */
	anchor: string;
}

/**
 * The link that opens a simulation for the class: lesson path + `?seed=<seed>&session=<code>` +
 * `#anchor`, absolute against `origin` (e.g. `https://intranet.example`). Everything is
 * percent-encoded, so the link is plain ASCII (short QR codes, safe to paste).
 */
export function sessionLink(origin: string, target: SimTarget, seed: string, session: string): string {
	const q = new URLSearchParams({ seed, session });
	const hash = target.anchor ? `#${encodeURIComponent(target.anchor)}` : '';
	return `${origin.replace(/\/$/, '')}${encodeURI(target.path)}?${q.toString()}${hash}`;
}

/** The link of the trainees' results page with the session filled in. */
export function resultsPageLink(origin: string, path: string, session: string): string {
	return `${origin.replace(/\/$/, '')}${encodeURI(path)}?${new URLSearchParams({ session }).toString()}`;
}

/** A short readable seed for a new class ("new seed"): six letters without look-alikes. */
export function classSeed(random: () => number): string {
	const letters = 'abcdefghjkmnpqrstuvwxyz';
	let s = '';
	for (let i = 0; i < 6; i++) s += letters[Math.min(letters.length - 1, Math.floor(random() * letters.length))];
	return s;
}

/** Why a trainee field is refused (i18n `classroom.traineeError.<code>`). */
export type TraineeFieldError = 'name-required' | 'name-too-long' | 'name-control' | 'number-too-long' | 'number-chars';

const CONTROL = /\p{Cc}/u;
const NUMBER_PATTERN = /^[\p{L}\p{N}_-]*$/u;

/** Check a trainee's name: 1–40 characters, no control characters; any markup is plain text. */
export function checkTraineeName(raw: string): TraineeFieldError | null {
	const name = raw.normalize('NFC').trim();
	if (name === '') return 'name-required';
	if ([...name].length > TRAINEE_NAME_MAX) return 'name-too-long';
	return CONTROL.test(name) ? 'name-control' : null;
}

/** Check an optional staff number: up to 20 letters, digits, `_` or `-`. */
export function checkTraineeNumber(raw: string): TraineeFieldError | null {
	const n = raw.trim();
	if ([...n].length > TRAINEE_NUMBER_MAX) return 'number-too-long';
	return NUMBER_PATTERN.test(n) ? null : 'number-chars';
}
