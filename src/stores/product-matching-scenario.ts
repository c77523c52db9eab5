/**
 * The product-matching scenario of a seed and track, fetched only when a learner opens a scenario
 * the page was not built with (another seed, a new client, another track): the client generator
 * and the expert's decision are not needed for the default scenario, which the lesson page
 * computes at build time (Embed.astro, with `scenarioFor`).
 *
 * Same steps as `scenarioFor` in src/domain/product-matching.ts (tests/unit/stores/
 * product-matching.test.ts checks both give the same scenario): that function cannot be imported
 * here without pulling the generator into the page's own bundle, because the module it lives in
 * is needed at load (input checks, chart figures).
 */
import type { Client } from '../domain/client';
import { generateClients } from '../domain/generator';
import { SCENARIO_MIX, SCENARIO_POOL, type MatchingScenario, type MatchingTrack } from '../domain/product-matching';
import { expertDecision } from '../domain/product-rules';
import type { Catalogue } from '../domain/products';

export function scenarioOf(seed: string, track: MatchingTrack, catalogue: Catalogue): MatchingScenario {
	const pool = generateClients(seed, SCENARIO_POOL, { tracks: [track], mix: { ...SCENARIO_MIX } });
	for (const [index, client] of pool.entries()) {
		const expert = expertDecision(client, catalogue);
		if (expert.action === 'lend') return { client, expert, index };
	}
	const client = pool[0] as Client;
	return { client, expert: expertDecision(client, catalogue), index: 0 };
}
