import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { TOPICS } from '../../../src/domain/scoring/feedback';
import { CONTENT_DIR, headingsOf, readLessonFiles } from '../../support/lesson-files';

const topics = JSON.parse(readFileSync(join(CONTENT_DIR, 'topics.json'), 'utf8')) as Record<string, { lesson: string; section: string }>;
const lessons = new Map(readLessonFiles().map((l) => [l.id, l]));

test('every scoring topic points at an existing lesson heading', () => {
	const problems: string[] = [];
	for (const topic of TOPICS) {
		const ref = topics[topic];
		if (!ref) {
			problems.push(`${topic}: missing from content/topics.json`);
			continue;
		}
		const lesson = lessons.get(ref.lesson);
		if (!lesson) problems.push(`${topic}: no lesson ${ref.lesson}`);
		else if (!headingsOf(lesson.body).includes(ref.section)) problems.push(`${topic}: no heading "${ref.section}" in ${ref.lesson}`);
	}
	expect(problems).toEqual([]);
});
