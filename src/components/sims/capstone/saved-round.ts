/** What the start/resume panel knows of a saved capstone game without loading the game's code. */

/** Where the game is saved: the same key as stores/capstone.ts (CAPSTONE_KEY; a unit test checks it). */
export const SAVED_GAME_KEY = 'sme-course:capstone';
/** Quarters in a game (CAPSTONE_ROUNDS of domain/capstone.ts; a unit test checks it). */
export const ROUNDS = 4;

/** The saved game's quarter and phase, read without the game's code; null when there is none or it is unreadable. */
export function savedRound(raw: string | undefined | null): { round: number; debrief: boolean } | null {
	if (!raw) return null;
	try {
		const g = JSON.parse(raw) as { v?: unknown; round?: unknown; phase?: unknown };
		if (g?.v !== 1 || !Number.isInteger(g.round) || (g.round as number) < 1 || (g.round as number) > ROUNDS) return null;
		if (g.phase !== 'deciding' && g.phase !== 'report' && g.phase !== 'debrief') return null;
		return { round: g.round as number, debrief: g.phase === 'debrief' };
	} catch {
		return null;
	}
}
