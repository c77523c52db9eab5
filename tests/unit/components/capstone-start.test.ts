import { describe, expect, test } from 'vitest';
import { CAPSTONE_ROUNDS as ROUNDS } from '../../../src/domain/capstone-rounds';
import { CAPSTONE_KEY as SAVED_GAME_KEY, savedRound } from '../../../src/stores/capstone-save';
import { CAPSTONE_ROUNDS } from '../../../src/domain/capstone';
import { CAPSTONE_KEY, decodeGame } from '../../../src/stores/capstone';

describe('capstone start panel', () => {
	test('reads the saved game under the store’s key, with the game’s number of quarters', () => {
		expect(SAVED_GAME_KEY).toBe(CAPSTONE_KEY);
		expect(ROUNDS).toBe(CAPSTONE_ROUNDS);
	});

	test('shows the quarter of every game the store would resume, and nothing for what it would not', () => {
		const games = [
			{ v: 1, seed: 'abc', round: 2, phase: 'deciding', drafts: {} },
			{ v: 1, seed: 'abc', round: 4, phase: 'report', drafts: {} },
			{ v: 1, seed: 'abc', round: 4, phase: 'debrief', drafts: {} },
		];
		for (const g of games) {
			const raw = JSON.stringify(g);
			expect(decodeGame(raw).game).not.toBeNull();
			expect(savedRound(raw)).toEqual({ round: g.round, debrief: g.phase === 'debrief' });
		}
		for (const raw of [undefined, null, '', '{"v":1,"seed":"x","round":', '{"v":2,"round":1,"phase":"deciding"}', '{"v":1,"round":5,"phase":"deciding"}', '{"v":1,"round":1,"phase":"x"}', 'null']) {
			expect(savedRound(raw)).toBeNull();
		}
		// saves the store treats as corrupted are not offered for resuming either
		for (const g of [
			{ v: 1, seed: 'bad seed!', round: 2, phase: 'deciding', drafts: {} },
			{ v: 1, seed: 'abc', round: 2, phase: 'debrief', drafts: {} },
			{ v: 1, seed: 'abc', round: 2, phase: 'deciding' },
		]) {
			const raw = JSON.stringify(g);
			expect(decodeGame(raw)).toEqual({ game: null, corrupted: true });
			expect(savedRound(raw)).toBeNull();
		}
	});
});
