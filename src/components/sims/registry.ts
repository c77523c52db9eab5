/**
 * Simulations that lessons embed by name (no import needed in MDX). Each simulation lives in its own
 * folder `src/components/sims/<name>/` with an `Embed.astro` (server-side wrapper that prepares
 * serialisable props and hydrates the island) and a `meta.ts` (see catalogue.ts). The MDX tag is
 * the `mdxName` in meta.ts.
 */
import type { SimInfo } from './catalogue';

const embeds = import.meta.glob<{ default: unknown }>('./*/Embed.astro', { eager: true });
const metas = import.meta.glob<{ default: SimInfo }>('./*/meta.ts', { eager: true });

/** MDX component name → Astro wrapper. */
export const MDX_SIMULATIONS: Record<string, unknown> = Object.fromEntries(
	Object.entries(metas).map(([path, m]) => {
		const embed = embeds[path.replace('meta.ts', 'Embed.astro')];
		if (!embed) throw new Error(`[sims] ${path}: no Embed.astro beside meta.ts`);
		return [m.default.mdxName, embed.default];
	}),
);
