/**
 * Loads every collection once per build and checks what zod cannot: that references between files
 * hold (a lesson's module, its syllabus ids and section headings, its quiz; glossary and topic links).
 * A broken reference fails the build with the file, the field and what was expected.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import syllabusFile from '../../content/syllabus.json';

export interface CourseLesson {
	id: string;
	entry: CollectionEntry<'lessons'>;
	data: CollectionEntry<'lessons'>['data'];
	moduleId: string;
	/** 1-based position inside its module. */
	number: number;
	headings: MarkdownHeading[];
	quizId: string | null;
	readingMinutes: number;
	prev: CourseLesson | null;
	next: CourseLesson | null;
}

export interface CourseModule {
	id: string;
	data: CollectionEntry<'modules'>['data'];
	lessons: CourseLesson[];
}

export interface SectionRef {
	lesson: CourseLesson;
	heading: MarkdownHeading;
}

export interface Course {
	modules: CourseModule[];
	lessons: CourseLesson[];
	lessonById: Map<string, CourseLesson>;
	syllabus: CollectionEntry<'syllabus'>[];
	syllabusParts: { part: number; title: string }[];
	glossary: CollectionEntry<'glossary'>[];
	settings: CollectionEntry<'settings'>['data'];
	topics: Map<string, SectionRef>;
	/** Syllabus id → the lesson sections that teach it. */
	coverage: Map<string, SectionRef[]>;
	/** Find a lesson section by its heading text. */
	section(lessonId: string, text: string): SectionRef | null;
}

/** A content reference that does not resolve; the message names file, field and expectation. */
export class ContentError extends Error {
	constructor(file: string, field: string, expected: string) {
		super(`[content] ${file}: field "${field}" — ${expected}`);
		this.name = 'ContentError';
	}
}

const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 200;

/** Minutes to read a body of mixed Chinese and Latin text, at least 1. */
export function readingMinutes(body: string): number {
	const cjk = (body.match(/[\u4e00-\u9fff]/g) ?? []).length;
	const words = (body.replace(/[\u4e00-\u9fff]/g, ' ').match(/[A-Za-z]+/g) ?? []).length;
	return Math.max(1, Math.round(cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}

let cached: Promise<Course> | null = null;

/** The whole course, loaded and cross-checked once per build. */
export function getCourse(): Promise<Course> {
	cached ??= loadCourse();
	return cached;
}

async function loadCourse(): Promise<Course> {
	const [moduleEntries, lessonEntries, quizEntries, syllabus, glossary, topicEntries, settingsEntries] =
		await Promise.all([
			getCollection('modules'),
			getCollection('lessons'),
			getCollection('quizzes'),
			getCollection('syllabus'),
			getCollection('glossary'),
			getCollection('topics'),
			getCollection('settings'),
		]);
	const settings = settingsEntries.find((s) => s.id === 'site')?.data;
	if (!settings) throw new ContentError('content/settings/site.json', '(file)', 'the site settings file must exist');

	const syllabusIds = new Set(syllabus.map((s) => s.id));
	const quizIds = new Set(quizEntries.map((q) => q.id));
	const modules: CourseModule[] = moduleEntries
		.sort((a, b) => a.data.order - b.data.order)
		.map((m) => ({ id: m.id, data: m.data, lessons: [] }));
	const moduleById = new Map(modules.map((m) => [m.id, m]));

	const lessons: CourseLesson[] = [];
	for (const entry of lessonEntries) {
		const file = `content/lessons/${entry.id}.mdx`;
		const mod = moduleById.get(entry.data.module);
		if (!mod) throw new ContentError(file, 'module', `one of ${[...moduleById.keys()].join(', ')} (a file in content/modules/)`);
		if (!entry.id.startsWith(`${mod.id}/`)) throw new ContentError(file, 'module', `"${entry.id.split('/')[0]}" (the lesson's folder)`);
		const { headings } = await render(entry);
		const body = entry.body ?? '';
		const quizId = /<KnowledgeCheck\s+id="([^"]+)"/.exec(body)?.[1] ?? null;
		if (quizId && !quizIds.has(quizId)) throw new ContentError(file, 'KnowledgeCheck id', `a quiz file content/quizzes/${quizId}.json`);
		entry.data.covers.forEach((c, i) => {
			if (!syllabusIds.has(c.id)) throw new ContentError(file, `covers[${i}].id`, `a syllabus id from content/syllabus.json, got "${c.id}"`);
			if (!headings.some((h) => h.text === c.section))
				throw new ContentError(file, `covers[${i}].section`, `the exact text of a heading in the lesson, got "${c.section}"`);
		});
		const lesson: CourseLesson = {
			id: entry.id,
			entry,
			data: entry.data,
			moduleId: mod.id,
			number: 0,
			headings,
			quizId,
			readingMinutes: readingMinutes(body),
			prev: null,
			next: null,
		};
		mod.lessons.push(lesson);
	}
	for (const mod of modules) {
		mod.lessons.sort((a, b) => a.data.order - b.data.order);
		mod.lessons.forEach((l, i) => {
			l.number = i + 1;
			lessons.push(l);
		});
	}
	lessons.forEach((l, i) => {
		l.prev = lessons[i - 1] ?? null;
		l.next = lessons[i + 1] ?? null;
	});
	const lessonById = new Map(lessons.map((l) => [l.id, l]));

	const section = (lessonId: string, text: string): SectionRef | null => {
		const lesson = lessonById.get(lessonId);
		const heading = lesson?.headings.find((h) => h.text === text);
		return lesson && heading ? { lesson, heading } : null;
	};

	for (const q of quizEntries) {
		const owner = lessons.find((l) => l.quizId === q.id);
		if (!owner) continue;
		q.data.questions.forEach((question, i) => {
			if (question.section && !section(owner.id, question.section))
				throw new ContentError(`content/quizzes/${q.id}.json`, `questions[${i}].section`, `a heading of ${owner.id}, got "${question.section}"`);
		});
	}

	for (const g of glossary) {
		if (!section(g.data.lesson, g.data.section))
			throw new ContentError(g.filePath ?? 'content/glossary', `${g.id}.lesson/section`, `an existing lesson and one of its headings, got ${g.data.lesson} § "${g.data.section}"`);
	}

	const topics = new Map<string, SectionRef>();
	for (const t of topicEntries) {
		const ref = section(t.data.lesson, t.data.section);
		if (!ref) throw new ContentError('content/topics.json', t.id, `an existing lesson and one of its headings, got ${t.data.lesson} § "${t.data.section}"`);
		topics.set(t.id, ref);
	}

	const coverage = new Map<string, SectionRef[]>();
	for (const l of lessons) {
		for (const c of l.data.covers) {
			const ref = section(l.id, c.section);
			if (ref) coverage.set(c.id, [...(coverage.get(c.id) ?? []), ref]);
		}
	}

	return {
		modules,
		lessons,
		lessonById,
		syllabus: syllabus.sort((a, b) => compareIds(a.id, b.id)),
		syllabusParts: syllabusFile.parts,
		glossary: glossary.sort((a, b) => a.data.term.localeCompare(b.data.term, 'zh-CN')),
		settings,
		topics,
		coverage,
		section,
	};
}

/** Order syllabus ids numerically: p1.1.2.10 after p1.1.2.9. */
export function compareIds(a: string, b: string): number {
	const pa = a.slice(1).split('.').map(Number);
	const pb = b.slice(1).split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? -1) - (pb[i] ?? -1);
		if (d !== 0) return d;
	}
	return 0;
}
