/**
 * Content collections. Data lives under content/ (not src/) so authors and banks edit one folder.
 * Every file is validated here by zod; cross-references (syllabus ids, headings, quizzes, topics)
 * are checked in src/lib/course.ts, which names the file and field that is wrong.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { GlossaryTermSchema, LessonSchema, ModuleSchema, SettingsSchema, TopicLinkSchema } from './schemas/course';
import { QuizSchema } from './schemas/quiz';
import { ProductSchema } from './schemas/product';
import { CaseSchema } from './schemas/case';

const modules = defineCollection({
	loader: glob({ pattern: '*.json', base: './content/modules' }),
	schema: ModuleSchema,
});

const lessons = defineCollection({
	loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
	schema: LessonSchema,
});

const quizzes = defineCollection({
	loader: glob({ pattern: '*.json', base: './content/quizzes' }),
	schema: QuizSchema,
});

const syllabus = defineCollection({
	loader: file('./content/syllabus.json', {
		parser: (text) => (JSON.parse(text) as { items: { id: string }[] }).items,
	}),
	schema: z.object({ title: z.string(), part: z.number().int().min(0).max(5) }),
});

const glossary = defineCollection({
	loader: {
		name: 'glossary-files',
		load: async ({ store, parseData }) => {
			store.clear();
			const dir = './content/glossary';
			for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
				const entries = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as { id: string }[];
				for (const entry of entries) {
					const data = await parseData({ id: entry.id, data: entry, filePath: `content/glossary/${name}` });
					store.set({ id: entry.id, data, filePath: `content/glossary/${name}` });
				}
			}
		},
	},
	schema: GlossaryTermSchema,
});

const topics = defineCollection({
	loader: file('./content/topics.json'),
	schema: TopicLinkSchema,
});

/** The bank's loan-product catalogue (five elements, eligibility). One file per product. */
const products = defineCollection({
	loader: glob({ pattern: '*.json', base: './content/products' }),
	schema: ProductSchema,
});

/** Hand-written golden client cases with the expert decision. One file per case. */
const cases = defineCollection({
	loader: glob({ pattern: '*.json', base: './content/cases' }),
	schema: CaseSchema,
});

const settings = defineCollection({
	loader: glob({ pattern: '*.json', base: './content/settings' }),
	schema: SettingsSchema,
});

export const collections = { modules, lessons, quizzes, syllabus, glossary, topics, products, cases, settings };
