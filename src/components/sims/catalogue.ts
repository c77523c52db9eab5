/**
 * Every simulation of the course, discovered from `src/components/sims/<name>/meta.ts`. The practice
 * page, the progress page and the syllabus tools read this list; titles come from i18n
 * (`sim.<id>.title`, `sim.<id>.summary`).
 */
export interface SimInfo {
	/** Progress id and i18n key part, e.g. `segmentation`. */
	id: string;
	/** Tag used in MDX, e.g. `SegmentationSim`. */
	mdxName: string;
	/** Lesson id and heading of the section where it is embedded (its home). */
	lesson: string;
	section: string;
	/** Position on the practice page. */
	order: number;
}

const metas = import.meta.glob<{ default: SimInfo }>('./*/meta.ts', { eager: true });

export const SIM_CATALOGUE: SimInfo[] = Object.values(metas)
	.map((m) => m.default)
	.sort((a, b) => a.order - b.order);
