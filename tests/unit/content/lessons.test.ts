import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { QuizSchema } from '../../../src/schemas/quiz';
import { CONTENT_DIR, countChineseChars, headingsOf, readLessonFiles } from '../../support/lesson-files';

const syllabus = JSON.parse(readFileSync(join(CONTENT_DIR, 'syllabus.json'), 'utf8')) as {
	items: { id: string; part: number }[];
};
const syllabusIds = new Set(syllabus.items.map((i) => i.id));
const lessons = readLessonFiles();
const moduleIds = readdirSync(join(CONTENT_DIR, 'modules')).map((f) => f.replace(/\.json$/, ''));
const MIN_CHINESE_CHARS = 1500;
const PLACEHOLDER = /待补充|待完善|内容待|TODO|TBD|lorem ipsum|占位/i;

describe.each(lessons.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
	const fm = lesson.frontmatter;
	const headings = headingsOf(lesson.body);

	test('belongs to an existing module', () => {
		expect(moduleIds, `${lesson.path}: field "module"`).toContain(fm['module']);
		expect(lesson.id.startsWith(`${String(fm['module'])}/`), `${lesson.path}: folder must match "module"`).toBe(true);
	});

	test('lists only known syllabus ids, each pointing at one of its own headings', () => {
		const covers = fm['covers'] as { id: string; section: string }[];
		expect(Array.isArray(covers) && covers.length > 0, `${lesson.path}: field "covers" must be a non-empty list`).toBe(true);
		for (const c of covers) {
			expect(syllabusIds.has(c.id), `${lesson.path}: covers id "${c.id}" is not in content/syllabus.json`).toBe(true);
			expect(headings, `${lesson.path}: covers section "${c.section}" is not a ## or ### heading`).toContain(c.section);
		}
	});

	test(`teaches at least ${MIN_CHINESE_CHARS} Chinese characters`, () => {
		expect(countChineseChars(lesson.body), lesson.path).toBeGreaterThanOrEqual(MIN_CHINESE_CHARS);
	});

	test('has no placeholder text', () => {
		expect(PLACEHOLDER.test(lesson.body), lesson.path).toBe(false);
	});

	test('ends with a valid knowledge check', () => {
		const m = /<KnowledgeCheck\s+id="([^"]+)"\s*\/>/.exec(lesson.body);
		expect(m, `${lesson.path}: needs <KnowledgeCheck id="..." />`).not.toBeNull();
		const file = join(CONTENT_DIR, 'quizzes', `${m?.[1]}.json`);
		expect(existsSync(file), `${file} missing`).toBe(true);
		const parsed = QuizSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		expect(parsed.success ? '' : JSON.stringify(parsed.error.issues), file).toBe('');
		for (const q of parsed.data?.questions ?? []) {
			if (q.section) expect(headings, `${file}: question ${q.id} section "${q.section}"`).toContain(q.section);
		}
	});
});

describe('syllabus coverage', () => {
	test('every syllabus item is taught by some lesson', () => {
		const covered = new Set(lessons.flatMap((l) => ((l.frontmatter['covers'] ?? []) as { id: string }[]).map((c) => c.id)));
		const missing = syllabus.items.map((i) => i.id).filter((id) => !covered.has(id));
		expect(missing).toEqual([]);
	});
});

describe('worked examples agree with the domain parameters', () => {
	test('a WorkedRaroc operating cost is one of the channel costs (OPERATING_COST_WAN, m2/01 hours × 200 元)', async () => {
		const { OPERATING_COST_WAN } = await import('../../../src/domain/rates');
		const costs = Object.values(OPERATING_COST_WAN);
		let seen = 0;
		for (const lesson of lessons) {
			for (const m of lesson.body.matchAll(/<WorkedRaroc\b[^>]*\boperatingCostWan=\{([\d.]+)\}/g)) {
				seen++;
				expect(costs, `${lesson.path}: WorkedRaroc operatingCostWan=${m[1]}`).toContain(Number(m[1]));
			}
		}
		expect(seen).toBeGreaterThan(0);
	});
});
