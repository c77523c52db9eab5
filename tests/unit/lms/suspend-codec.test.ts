import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeSuspend, encodeSuspend, fromBase64Url, MIN_LIMIT, SUSPEND_LIMIT, toBase64Url } from '../../../src/lms/suspend-codec';
import { emptyProgress, type ProgressState } from '../../../src/stores/progress-codec';
import { maximalLearner, noise, realOutline } from './course-fixture';

const outline = realOutline();
const ASCII_SAFE = /^[FC][A-Za-z0-9_-]*$/;

/** What must survive any rung but the last: completion, best scores, the last lesson. */
function expectEssentials(decoded: ProgressState, original: ProgressState): void {
	for (const id of outline.lessons) expect(decoded.lessons[id]?.completedAt !== undefined, id).toBe(original.lessons[id]?.completedAt !== undefined);
	for (const id of outline.quizzes) expect([decoded.quizzes[id]?.best, decoded.quizzes[id]?.max], id).toEqual([original.quizzes[id]?.best, original.quizzes[id]?.max]);
	for (const id of outline.sims) expect([decoded.sims[id]?.best, decoded.sims[id]?.max], id).toEqual([original.sims[id]?.best, original.sims[id]?.max]);
	expect(decoded.last?.lessonId).toBe(original.last?.lessonId);
}

/** Stress inputs (thousands of ids, each rung deflated): seconds under coverage on a busy 2-core machine. */
const STRESS_TIMEOUT = 30_000;

describe('URL-safe base64', () => {
	test('round-trips any bytes and uses only A-Z a-z 0-9 - _', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const s = toBase64Url(bytes);
				expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
				expect(s.length).toBe(Math.ceil((bytes.length * 4) / 3));
				expect([...fromBase64Url(s)]).toEqual([...bytes]);
			}),
		);
	});
	test('rejects characters outside the alphabet and impossible lengths', () => {
		expect(() => fromBase64Url('ab+c')).toThrow();
		expect(() => fromBase64Url('abcde')).toThrow();
	});
});

describe('suspend_data encoding', () => {
	test('a typical learner is stored whole and comes back identical', () => {
		const s = emptyProgress();
		s.lessons['m1/01-macro-2023'] = { visitedAt: 1, completedAt: 2 };
		s.quizzes['m1-01'] = { score: 5, max: 6, best: 6, attempts: 2, at: 3, detail: { q1: ['a'], q2: ['b', 'c'] } };
		s.sims['segmentation'] = { score: 12, max: 12, best: 12, attempts: 1, at: 4, seed: 'sme-2026', detail: { count: 12 } };
		s.last = { lessonId: 'm1/01-macro-2023', at: 5 };
		const { data, rung } = encodeSuspend(s, outline, SUSPEND_LIMIT['1.2']);
		expect(rung).toBe('full');
		expect(data).toMatch(ASCII_SAFE);
		expect(decodeSuspend(data)).toEqual({ state: s, format: 'full' });
	});

	test('an empty state is tiny', () => {
		expect(encodeSuspend(emptyProgress(), outline, SUSPEND_LIMIT['1.2']).data.length).toBeLessThan(80);
	});

	test('THE BOUND: a learner who did everything with maximal data fits 4,096 (SCORM 1.2) and 64,000 (2004) characters', () => {
		const learner = maximalLearner(outline, 2000);
		for (const version of ['1.2', '2004'] as const) {
			const limit = SUSPEND_LIMIT[version];
			const { data, rung } = encodeSuspend(learner, outline, limit);
			expect(data.length, `${version} (${rung})`).toBeLessThanOrEqual(limit);
			expect(data).toMatch(ASCII_SAFE);
			// For this course the essentials always survive: the ladder never has to truncate.
			expect(rung, version).not.toBe('truncated');
			expectEssentials(decodeSuspend(data)!.state, learner);
		}
	});

	test('the ladder: detail goes first, then everything but the course essentials', () => {
		const learner = maximalLearner(outline, 2000);
		const full = encodeSuspend(learner, outline, 10_000_000);
		expect(full.rung).toBe('full');
		expect(full.data.length).toBeGreaterThan(SUSPEND_LIMIT['2004']);
		const noDetail = encodeSuspend(learner, outline, full.data.length - 1);
		expect(noDetail.rung).toBe('no-detail');
		const restored = decodeSuspend(noDetail.data)!.state;
		expect(restored.sims['segmentation']?.detail).toBeUndefined();
		expect(restored.sims['segmentation']?.seed).toBe(learner.sims['segmentation']?.seed);
		const compact = encodeSuspend(learner, outline, noDetail.data.length - 1);
		expect(compact.rung).toBe('compact');
		const c = decodeSuspend(compact.data)!;
		expect(c.format).toBe('compact');
		expectEssentials(c.state, learner);
		expect(c.state.quizzes[outline.quizzes[0]!]?.attempts).toBe(999_999);
		const minimal = encodeSuspend(learner, outline, compact.data.length - 1);
		expect(minimal.rung).toBe('minimal');
		expectEssentials(decodeSuspend(minimal.data)!.state, learner);
	});

	test('data for ids outside the course cannot grow the compact rungs', () => {
		const learner = maximalLearner(outline, 10);
		for (let i = 0; i < 3000; i++) learner.sims[`junk-${i}-${'z'.repeat(100)}`] = { score: 1, max: 2, best: 1, attempts: 1, at: i, detail: noise(50, i + 7) };
		const { data, rung } = encodeSuspend(learner, outline, SUSPEND_LIMIT['1.2']);
		expect(data.length).toBeLessThanOrEqual(4096);
		expect(['compact', 'minimal']).toContain(rung);
		expectEssentials(decodeSuspend(data)!.state, learner);
	}, STRESS_TIMEOUT);

	test('the bound holds for any course size: a 3,000-lesson course is truncated, never over the limit', () => {
		const huge = {
			lessons: Array.from({ length: 3000 }, (_, i) => `m${i % 50}/${String(i).padStart(4, '0')}-${noise(8, i).length}-lesson-${i * 7919}`),
			quizzes: Array.from({ length: 1000 }, (_, i) => `quiz-${i * 104729}`),
			sims: Array.from({ length: 200 }, (_, i) => `sim-${i * 1299709}`),
		};
		const learner = maximalLearner(huge, 5);
		for (const limit of [SUSPEND_LIMIT['1.2'], MIN_LIMIT]) {
			const { data, rung } = encodeSuspend(learner, huge, limit);
			expect(data.length, String(limit)).toBeLessThanOrEqual(limit);
			expect(rung).toBe('truncated');
			const back = decodeSuspend(data)!.state;
			// Completed lessons are kept first, in course order.
			const kept = huge.lessons.filter((id) => back.lessons[id]?.completedAt);
			expect(kept).toEqual(huge.lessons.slice(0, kept.length));
		}
		expect(() => encodeSuspend(learner, huge, MIN_LIMIT - 1)).toThrow(RangeError);
	}, STRESS_TIMEOUT);

	test('any random progress encodes within the limit and the full rung round-trips', () => {
		const rec = fc.record({ score: fc.nat(100), max: fc.integer({ min: 100, max: 200 }), attempts: fc.integer({ min: 1, max: 1e6 }), at: fc.nat() });
		fc.assert(
			fc.property(
				fc.dictionary(fc.constantFrom(...outline.lessons, 'other'), fc.record({ visitedAt: fc.nat(), completedAt: fc.option(fc.nat(), { nil: undefined }) })),
				fc.dictionary(fc.constantFrom(...outline.quizzes), rec),
				fc.dictionary(fc.constantFrom(...outline.sims), rec),
				fc.string({ maxLength: 3000 }),
				(lessons, quizzes, sims, detail) => {
					const s = emptyProgress();
					for (const [id, l] of Object.entries(lessons)) s.lessons[id] = l.completedAt === undefined ? { visitedAt: l.visitedAt } : { visitedAt: l.visitedAt, completedAt: l.completedAt };
					for (const [id, r] of Object.entries(quizzes)) s.quizzes[id] = { ...r, best: r.score, detail };
					for (const [id, r] of Object.entries(sims)) s.sims[id] = { ...r, best: r.score };
					const { data, rung } = encodeSuspend(s, outline, 4096);
					expect(data.length).toBeLessThanOrEqual(4096);
					if (rung === 'full') expect(decodeSuspend(data)?.state).toEqual(s);
				},
			),
			{ numRuns: 60 },
		);
	});

	test('unreadable data decodes to null (the browser copy is used instead)', () => {
		for (const bad of ['', 'X123', 'F!!!', 'Fabc', 'C' + toBase64Url(new Uint8Array([1, 2, 3])), '{"v":99}', '{nope']) expect(decodeSuspend(bad), bad).toBeNull();
		expect(decodeSuspend(undefined)).toBeNull();
	});

	test('plain progress JSON (as the web build stores it) is accepted too', () => {
		const s = emptyProgress();
		s.lessons['a'] = { visitedAt: 1 };
		expect(decodeSuspend(JSON.stringify(s))).toEqual({ state: s, format: 'json' });
	});
});
