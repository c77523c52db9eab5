/** Schemas of the course structure: modules, lessons, glossary, topics, site settings. */
import { z } from 'astro/zod';
import { ScoringWeightsSchema } from './scoring-weights';

const text = z.string().trim().min(1, 'must be a non-empty string');

/** A course module = one part of the syllabus. File: content/modules/m1.json. */
export const ModuleSchema = z.object({
	/** Position on the course home. @example 1 */
	order: z.number().int().positive(),
	/** Syllabus part it teaches (1–5). */
	part: z.number().int().min(0).max(5),
	title: text,
	summary: text,
	objectives: z.array(text).min(1, 'list at least one objective'),
	/** Total minutes of the module's lessons. */
	minutes: z.number().int().positive(),
});

/** A syllabus id such as `p1.1.1.1`, and the heading of the section that teaches it. */
export const CoverSchema = z.object({
	id: z.string().regex(/^p\d(\.\d+)+$/, 'a syllabus id such as "p1.1.1.1" (see content/syllabus.json)'),
	/** Exact text of a ## or ### heading in the lesson. @example "两增两控" */
	section: text,
});

/** Lesson frontmatter. File: content/lessons/m1/01-macro-2023.mdx. */
export const LessonSchema = z.object({
	title: text,
	/** Module id, which must also be the lesson's folder. @example "m1" */
	module: z.string().regex(/^m\d$/, 'a module id such as "m1"'),
	order: z.number().int().positive(),
	minutes: z.number().int().positive(),
	objectives: z.array(text).min(1),
	keyPoints: z.array(text).min(1),
	covers: z.array(CoverSchema).min(1, 'list the syllabus items this lesson teaches'),
	/** Speaker notes for instructors; never shown to learners. */
	notes: z.string().optional(),
});

/** One glossary term. Files: content/glossary/<module>.json (arrays). */
export const GlossaryTermSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, 'kebab-case ascii, e.g. "m2-cost-to-serve"'),
	term: text,
	en: text,
	definition: text,
	/** Lesson id that teaches it. @example "m1/03-regulation-evaluation" */
	lesson: z.string().regex(/^m\d\/[a-z0-9-]+$/, 'a lesson id such as "m1/03-regulation-evaluation"'),
	/** Heading text in that lesson. */
	section: text,
});

/** Where a topic (a scoring finding's subject) is taught. File: content/topics.json. */
export const TopicLinkSchema = z.object({ lesson: z.string(), section: text });

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#0b5cad"');

/** Branding and course settings a bank edits without code. File: content/settings/site.json. */
export const SettingsSchema = z.object({
	course: z.object({
		/** Used in package file names and LMS ids: lowercase ascii. @example "sme-lending" */
		id: z.string().regex(/^[a-z0-9-]+$/),
		title: text,
		titleEn: text,
	}),
	bank: z.object({
		name: text,
		nameEn: text,
		/** Path under public/, e.g. "/brand/logo.svg". */
		logo: z.string().regex(/^\/[^\s]+\.(svg|png)$/, 'a path under public/ ending in .svg or .png'),
		colours: z.object({ primary: hexColour, accent: hexColour }),
	}),
	/** Share of points needed to pass (LMS mastery score). @example 0.8 */
	masteryScore: z.number().min(0).max(1),
	/** Overrides of the scoring weights (see src/domain/README.md); omitted keys keep defaults. */
	scoring: ScoringWeightsSchema.default({}),
});

export type ModuleData = z.output<typeof ModuleSchema>;
export type LessonData = z.output<typeof LessonSchema>;
export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;
export type Settings = z.output<typeof SettingsSchema>;
