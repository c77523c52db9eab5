import { expect, test } from 'vitest';
import { bookmarkTarget, lessonPath, parseLmsPageData } from '../../../src/lms/outline';
import { explicitIndexUrl } from '../../../src/lms/search-client';

const good = { outline: { courseId: 'c', lessons: ['m1/01-a'], quizzes: ['m1-01'], sims: ['s'], masteryScore: 0.8 }, lang: 'en', strings: { notice: 'n', dismiss: 'd' } };

test('page data is parsed and checked; anything malformed switches the adapter off', () => {
	expect(parseLmsPageData(JSON.stringify(good))).toEqual({ ...good, outline: { ...good.outline, titles: {} } });
	expect(parseLmsPageData(JSON.stringify({ ...good, lang: 'fr' }))?.lang).toBe('zh-CN');
	for (const bad of [null, '', '{', '{}', JSON.stringify({ ...good, strings: {} }), JSON.stringify({ ...good, outline: { ...good.outline, masteryScore: 2 } }), JSON.stringify({ ...good, outline: { ...good.outline, lessons: [1] } })])
		expect(parseLmsPageData(bad)).toBeNull();
});

test('bookmarks are lesson paths of the course only', () => {
	expect(lessonPath('m1/01-a', 'zh-CN')).toBe('lessons/m1/01-a/index.html');
	expect(lessonPath('m1/01-a', 'en')).toBe('en/lessons/m1/01-a/index.html');
	expect(bookmarkTarget('lessons/m1/01-a/index.html', ['m1/01-a'])).toBe('lessons/m1/01-a/index.html');
	expect(bookmarkTarget('en/lessons/m1/01-a/index.html', ['m1/01-a'])).toBe('en/lessons/m1/01-a/index.html');
	for (const bad of ['', 'lessons/m9/x/index.html', 'https://evil.example/lessons/m1/01-a/index.html', '../lessons/m1/01-a/index.html', 'lessons/m1/01-a/'])
		expect(bookmarkTarget(bad, ['m1/01-a'])).toBeNull();
});

test('search results in a package link files, not folders', () => {
	expect(explicitIndexUrl('http://h/lms/c/lessons/m1/x/')).toBe('http://h/lms/c/lessons/m1/x/index.html');
	expect(explicitIndexUrl('http://h/lms/c/lessons/m1/x/#part')).toBe('http://h/lms/c/lessons/m1/x/index.html#part');
	expect(explicitIndexUrl('http://h/lms/c/a.html')).toBe('http://h/lms/c/a.html');
});
