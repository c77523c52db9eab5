/**
 * Every simulation of the course: its progress id and the lesson section it is embedded in. The
 * practice page, the progress page and the syllabus map read this list; titles come from i18n
 * (`sim.<id>.title`, `sim.<id>.summary`).
 */
export interface SimInfo {
	id: string;
	lesson: string;
	section: string;
}

export const SIM_CATALOGUE: SimInfo[] = [];
