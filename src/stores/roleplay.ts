/**
 * State of a branching role-play: the learner's path (choice ids from the start), kept in a
 * persistent atom per scenario under `sme-course:roleplay:<scenario id>` so a half-played scenario
 * survives a reload. A saved path is decoded defensively: anything that is not a list of choices
 * this scenario allows is dropped (the learner starts over, with a notice) — never a crash.
 * Finishing records the result in progress as `roleplay-<scenario id>`.
 */
import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { initialState, replay, scoreRoleplay, step, type RoleplayScenario, type RoleplayState } from '../domain/roleplay';
import type { Feedback } from '../domain/scoring/feedback';
import { recordSim } from './progress';

export const ROLEPLAY_KEY_PREFIX = 'sme-course:roleplay:';
/** Longest path kept in storage (choices); longer saved values are dropped. */
export const MAX_SAVED_CHOICES = 64;
const MAX_ID_LENGTH = 80; // characters

/** Progress id of a scenario, e.g. `roleplay-first-visit`. */
export const roleplaySimId = (scenarioId: string): string => `roleplay-${scenarioId}`;

/** Parse a saved path: a JSON list of short strings, else `null`. */
export function decodeSavedPath(raw: string | undefined): string[] | null {
	if (raw === undefined || raw === '') return [];
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return null;
	}
	if (!Array.isArray(parsed) || parsed.length > MAX_SAVED_CHOICES) return null;
	return parsed.every((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_ID_LENGTH) ? parsed : null;
}

/** One scenario's session: its saved path, derived state and feedback, and the learner's actions. */
export interface RoleplaySession {
	scenario: RoleplayScenario;
	$path: WritableAtom<string[]>;
	$state: ReadableAtom<RoleplayState>;
	/** Feedback once an ending is reached, else null. */
	$feedback: ReadableAtom<Feedback | null>;
	/** Set when a saved path could not be used and was dropped. */
	$dropped: WritableAtom<boolean>;
	/** Number of decisions restored from storage when the session started. */
	resumedSteps: number;
	/** Take a choice at the current node; false when it is not available. Records the result on reaching an ending. */
	choose(choiceId: string): boolean;
	/** Start again from the first situation. */
	restart(): void;
	/** Go back to decision `n` (1-based), keeping the decisions before it; false when `n` is out of range. */
	replayFrom(n: number): boolean;
}

const sessions = new Map<string, RoleplaySession>();

/** The session of a scenario (one per scenario id per page). */
export function roleplaySession(scenario: RoleplayScenario): RoleplaySession {
	const existing = sessions.get(scenario.id);
	if (existing) return existing;
	const $dropped = atom(false);
	const decode = (raw: string): string[] => {
		const path = decodeSavedPath(raw);
		if (path !== null && replay(scenario, path) !== null) return path;
		$dropped.set(true);
		return [];
	};
	const $path = persistentAtom<string[]>(`${ROLEPLAY_KEY_PREFIX}${scenario.id}`, [], { encode: JSON.stringify, decode });
	// Overwrite an unusable saved value so it is not decoded again on the next visit.
	if ($dropped.get()) $path.set([]);
	const $state = computed($path, (path) => replay(scenario, path) ?? initialState(scenario));
	const $feedback = computed($state, (s) => (s.ended ? scoreRoleplay(scenario, s.path) : null));
	const session: RoleplaySession = {
		scenario,
		$path,
		$state,
		$feedback,
		$dropped,
		resumedSteps: $path.get().length,
		choose(choiceId) {
			const next = step(scenario, $state.get(), choiceId);
			if (!next) return false;
			$dropped.set(false);
			$path.set(next.path);
			if (next.ended) {
				const fb = scoreRoleplay(scenario, next.path);
				recordSim(roleplaySimId(scenario.id), { score: fb.score, max: fb.max, detail: { path: next.path } });
			}
			return true;
		},
		restart() {
			$dropped.set(false);
			$path.set([]);
		},
		replayFrom(n) {
			const path = $path.get();
			if (!Number.isInteger(n) || n < 1 || n > path.length) return false;
			$path.set(path.slice(0, n - 1));
			return true;
		},
	};
	sessions.set(scenario.id, session);
	return session;
}

/** Forget cached sessions (tests). */
export function resetRoleplaySessions(): void {
	sessions.clear();
}
