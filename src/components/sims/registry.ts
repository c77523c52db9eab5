/**
 * Simulations that lessons can embed by name (no import needed in MDX). Each entry is an Astro
 * wrapper that prepares serialisable props on the server and hydrates the island when visible.
 */
export const MDX_SIMULATIONS = {};
