/**
 * The product-matching scenario of a seed and track (`scenarioFor`: the client generator and the
 * expert's decision), fetched only when a learner opens a scenario the page was not built with:
 * another seed, a new client, another track. The default scenario is computed at build time
 * (Embed.astro, with the same function) and passed to the island.
 *
 * Note: while src/domain/product-matching.ts, which the page needs at load for input checks and
 * chart figures, also holds `scenarioFor` (used by class-debrief.ts too), the generator stays in
 * the page's own bundle; moving `scenarioFor` to a module of its own would take it out.
 */
export { scenarioFor as scenarioOf } from '../domain/product-matching';
