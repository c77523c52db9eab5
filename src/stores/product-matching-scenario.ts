/**
 * The product-matching scenario of a seed and track (`scenarioFor`: the client generator and the
 * expert's decision), fetched only when a learner opens a scenario the page was not built with:
 * another seed, a new client, another track. The default scenario is computed at build time
 * (Embed.astro, with the same function) and passed to the island.
 */
export { scenarioFor as scenarioOf } from '../domain/product-matching-scenario';
