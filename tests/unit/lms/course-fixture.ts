/** The real course outline read from content/ and the simulation catalogue, plus maximal learners. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseOutline } from '../../../src/lms/outline';
import { emptyProgress, type ProgressState } from '../../../src/stores/progress-codec';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export function realOutline(): CourseOutline {
	const lessons = readdirSync(join(ROOT, 'content', 'lessons'))
		.sort()
		.flatMap((m) =>
			readdirSync(join(ROOT, 'content', 'lessons', m))
				.filter((f) => f.endsWith('.mdx'))
				.sort()
				.map((f) => `${m}/${f.replace(/\.mdx$/, '')}`.toLowerCase()),
		);
	const quizzes = readdirSync(join(ROOT, 'content', 'quizzes'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.replace(/\.json$/, ''))
		.sort();
	const simsDir = join(ROOT, 'src', 'components', 'sims');
	const sims = readdirSync(simsDir, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => {
			try {
				const meta = readFileSync(join(simsDir, d.name, 'meta.ts'), 'utf8');
				return [/\bid:\s*'([^']+)'/.exec(meta)?.[1] ?? d.name];
			} catch {
				return [];
			}
		});
	const settings = JSON.parse(readFileSync(join(ROOT, 'content', 'settings', 'site.json'), 'utf8')) as { course: { id: string }; masteryScore: number };
	return { courseId: settings.course.id, lessons, quizzes, sims, masteryScore: settings.masteryScore, titles: {} };
}

/** A string of `n` characters that deflate cannot shrink much (a deterministic pseudo-random walk). */
export function noise(n: number, seed = 1): string {
	let x = seed >>> 0 || 1;
	let s = '';
	for (let i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		s += String.fromCharCode(0x4e00 + ((x >>> 0) % 2000));
	}
	return s;
}

/**
 * A learner who did everything, as much as possible: every lesson visited and completed, every
 * knowledge check and simulation taken 999,999 times with a non-round best score, a 40-character
 * seed, and `detailChars` characters of hard-to-compress detail per attempt; last lesson set.
 */
export function maximalLearner(o: Pick<CourseOutline, 'lessons' | 'quizzes' | 'sims'>, detailChars = 2000): ProgressState {
	const s = emptyProgress();
	let t = 1_893_456_000_123; // 2030, 13-digit timestamps
	for (const id of o.lessons) s.lessons[id] = { visitedAt: t++, completedAt: t++ };
	o.quizzes.forEach((id, i) => {
		s.quizzes[id] = { score: 5.5, max: 6, best: 5.9, attempts: 999_999, at: t++, detail: { answers: noise(detailChars, i + 1) } };
	});
	o.sims.forEach((id, i) => {
		s.sims[id] = { score: 87.3, max: 100, best: 99.9, attempts: 999_999, at: t++, seed: 'x'.repeat(39) + i, detail: { decisions: noise(detailChars, 1000 + i) } };
	});
	s.last = { lessonId: o.lessons[o.lessons.length - 1]!, at: t };
	return s;
}
