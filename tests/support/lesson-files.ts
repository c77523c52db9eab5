/**
 * Reads lesson and quiz files straight from disk for the content tests (no Astro runtime), so
 * authors get a precise message naming the file and field. The build validates the same files
 * again through the zod schemas in src/schemas.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const CONTENT_DIR = join(import.meta.dirname, '..', '..', 'content');

export interface LessonFile {
	/** Path relative to the repo root, for messages. */
	path: string;
	/** Collection id, e.g. `m1/01-macro-2023`. */
	id: string;
	frontmatter: Record<string, unknown>;
	body: string;
}

/** List every lesson file with its parsed frontmatter and body. */
export function readLessonFiles(): LessonFile[] {
	const root = join(CONTENT_DIR, 'lessons');
	if (!existsSync(root)) return [];
	const files: LessonFile[] = [];
	for (const mod of readdirSync(root).sort()) {
		for (const name of readdirSync(join(root, mod)).sort()) {
			if (!name.endsWith('.mdx')) continue;
			const full = join(root, mod, name);
			const text = readFileSync(full, 'utf8');
			const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
			const frontmatter = match ? (parseYaml(match[1] ?? '') as Record<string, unknown>) : {};
			files.push({
				path: relative(join(CONTENT_DIR, '..'), full),
				id: `${mod}/${name.replace(/\.mdx$/, '')}`,
				frontmatter: frontmatter ?? {},
				body: match ? (match[2] ?? '') : text,
			});
		}
	}
	return files;
}

/** Headings (## and ###) of an MDX body, as written. */
export function headingsOf(body: string): string[] {
	return [...body.matchAll(/^#{2,3}\s+(.+?)\s*$/gm)].map((m) => (m[1] ?? '').trim());
}

/** Count CJK characters of teaching text: the body without tags, code, math and comments. */
export function countChineseChars(body: string): number {
	const text = body
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.replace(/\$\$[\s\S]*?\$\$/g, '')
		.replace(/<[^>]+>/g, '');
	return (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
}
