/**
 * The client a product-matching class sees for a seed and an industry track (syllabus 5.三; lessons
 * m5/04 and m5/05): the first client of a seeded pool the expert would lend to. Kept apart from
 * product-matching.ts because it needs the client generator and the expert's rules, which a page
 * fetches only when a learner opens a scenario it was not built with.
 */
import type { Client } from './client';
import { generateClients } from './generator';
import type { MatchingScenario, MatchingTrack } from './product-matching';
import { expertDecision } from './product-rules';
import type { Catalogue } from './products';

/** Segment mix of the scenario pool: in scope only (小企业, 微型企业, 个体工商户), equally likely. */
export const SCENARIO_MIX = { small: 1, micro: 1, individual: 1 } as const;

/** Clients drawn per seed and track; the first the expert would lend to is shown. */
export const SCENARIO_POOL = 30; // clients

/**
 * The scenario of a seed and track: the first client of the seeded pool the expert lends to, so
 * every scenario has a product to match (declining is practised elsewhere). When no client of the
 * pool is lendable — only with an unusual catalogue — the first client is shown anyway.
 */
export function scenarioFor(seed: string, track: MatchingTrack, catalogue: Catalogue): MatchingScenario {
	const pool = generateClients(seed, SCENARIO_POOL, { tracks: [track], mix: { ...SCENARIO_MIX } });
	for (const [index, client] of pool.entries()) {
		const expert = expertDecision(client, catalogue);
		if (expert.action === 'lend') return { client, expert, index };
	}
	const client = pool[0] as Client;
	return { client, expert: expertDecision(client, catalogue), index: 0 };
}
