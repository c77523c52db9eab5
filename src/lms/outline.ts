/**
 * What the LMS adapter needs to know about the course: the required lessons, the knowledge checks
 * and simulations that make up the score, and the mastery score. LmsHeadActive.astro writes it
 * into every page of the LMS build as JSON (`<script type="application/json" id="sme-lms">`), so
 * the browser side never needs the content collections.
 */

export interface CourseOutline {
	/** content/settings/site.json `course.id`. */
	courseId: string;
	/** Every lesson id in course order; all of them are required for completion. */
	lessons: string[];
	/** Knowledge-check ids (content/quizzes), in course order. */
	quizzes: string[];
	/** Simulation ids (SIM_CATALOGUE), in practice-page order. */
	sims: string[];
	/** Scaled passing score from settings (0..1); the LMS's own value wins when it sends one. */
	masteryScore: number;
	/** Titles of quizzes and simulations by `quiz:<id>` / `sim:<id>`, for interaction descriptions. */
	titles: Record<string, string>;
}

/** Everything the page passes to the browser half of the adapter. */
export interface LmsPageData {
	outline: CourseOutline;
	/** The page language (for URLs of bookmarks and the interaction descriptions). */
	lang: 'zh-CN' | 'en';
	/** The notice strings (src/i18n/lms.<lang>.json). */
	strings: { notice: string; dismiss: string };
}

export const LMS_DATA_ID = 'sme-lms';

const isStrArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Read and check the page data; null when absent or malformed (the adapter then stays off). */
export function parseLmsPageData(text: string | null | undefined): LmsPageData | null {
	if (!text) return null;
	try {
		const d = JSON.parse(text) as Partial<LmsPageData> & { outline?: Partial<CourseOutline> };
		const o = d.outline;
		if (!o || typeof o.courseId !== 'string' || !isStrArray(o.lessons) || !isStrArray(o.quizzes) || !isStrArray(o.sims)) return null;
		if (typeof o.masteryScore !== 'number' || !(o.masteryScore >= 0 && o.masteryScore <= 1)) return null;
		if (!d.strings || typeof d.strings.notice !== 'string' || typeof d.strings.dismiss !== 'string') return null;
		return {
			outline: { courseId: o.courseId, lessons: o.lessons, quizzes: o.quizzes, sims: o.sims, masteryScore: o.masteryScore, titles: o.titles ?? {} },
			lang: d.lang === 'en' ? 'en' : 'zh-CN',
			strings: d.strings,
		};
	} catch {
		return null;
	}
}

/** Path of a lesson page from the package root, the form used as the LMS bookmark. */
export function lessonPath(lessonId: string, lang: 'zh-CN' | 'en'): string {
	return `${lang === 'en' ? 'en/' : ''}lessons/${lessonId}/index.html`;
}

/** A bookmark back to a lesson path, when it names a lesson of the outline; otherwise null. */
export function bookmarkTarget(location: string, lessons: readonly string[]): string | null {
	const m = /^(en\/)?lessons\/([a-z0-9][a-z0-9/-]*)\/index\.html$/.exec(location);
	return m && lessons.includes(m[2]!) ? location : null;
}
