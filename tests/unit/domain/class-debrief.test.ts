import { describe, expect, test } from 'vitest';
import { classTableCsv, debrief, histogram, productChoiceStats, questionStats, segmentationStats, type DebriefKeys } from '../../../src/domain/class-debrief';
import type { ClassResult, ResultEntry } from '../../../src/domain/class-results';
import { generateClients } from '../../../src/domain/generator';
import { explainRiskTier, explainSizeSegment } from '../../../src/domain/segments';
import { orderCatalogue } from '../../../src/domain/product-matching';
import { scenarioFor } from '../../../src/domain/product-matching-scenario';
import { SIZE_SEGMENTS, RISK_TIERS } from '../../../src/domain/client';
import type { QuizQuestion } from '../../../src/domain/scoring/quiz';
import { loadCatalogue } from './b-fixtures';

const catalogue = orderCatalogue(loadCatalogue());
const SESSION = 'A班-2026-05-12';
const quiz: QuizQuestion[] = [
	{ id: 'q1', type: 'single', options: [{ id: 'a', correct: true }, { id: 'b' }, { id: 'c' }] },
	{ id: 'q2', type: 'multiple', options: [{ id: 'a', correct: true }, { id: 'b', correct: true }, { id: 'c' }] },
	{ id: 'q3', type: 'order', items: [{ id: 'x' }, { id: 'y' }, { id: 'z' }] },
];
const keys: DebriefKeys = { quizzes: { 'm1-01': quiz, 'm4-04': quiz }, simOrder: ['kash', 'segmentation', 'product-matching'], catalogue, seed: 'abc' };
const e = (score: number, max: number, extra: Partial<ResultEntry> = {}): ResultEntry => ({ score, max, best: score, attempts: 1, at: 1, ...extra });
const person = (name: string, quizzes: ClassResult['quizzes'], sims: ClassResult['sims'] = {}, number = ''): ClassResult => ({ session: SESSION, name, number, exportedAt: 1000, quizzes, sims });

const pool = generateClients('abc', 6);
const truth = pool.map((c) => ({ segment: explainSizeSegment(c).segment, riskTier: explainRiskTier(c).riskTier }));
const other = <T extends string>(all: readonly T[], x: T): T => all.find((v) => v !== x) as T;
const allRight = Object.fromEntries(pool.map((c, i) => [c.id, { ...truth[i]! }]));

describe('histogram', () => {
	test('whole points when every result has the same small maximum', () => {
		expect(histogram([e(0, 3), e(2.5, 3), e(3, 3), e(3, 3)])).toEqual({
			unit: 'points',
			max: 3,
			bins: [
				{ from: 0, to: 1, count: 1 },
				{ from: 1, to: 2, count: 0 },
				{ from: 2, to: 3, count: 1 },
				{ from: 3, to: 3, count: 2 },
			],
		});
	});
	test('ten 10 % bins when maxima differ or are large', () => {
		const h = histogram([e(5, 10), e(1, 4), e(4, 4)]);
		expect(h.unit).toBe('share');
		expect(h.max).toBeNull();
		expect(h.bins.map((b) => b.count)).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
		expect(histogram([e(70, 100)]).bins[7]?.count).toBe(1);
		expect(histogram([e(0.5, 1.5)]).unit).toBe('share');
	});
});

describe('question error rates', () => {
	test('a question not fully right is an error; the most common wrong option is named', () => {
		const results = [
			person('a', { 'm1-01': e(3, 3, { detail: { q1: ['a'], q2: ['a', 'b'], q3: ['x', 'y', 'z'] } }) }),
			person('b', { 'm1-01': e(0, 3, { detail: { q1: ['b'], q2: ['a', 'c'], q3: ['z', 'y', 'x'] } }) }),
			person('c', { 'm1-01': e(1, 3, { detail: { q1: ['b'], q2: ['a'] } }) }),
			person('d', { 'm1-01': e(1, 3) }),
			person('e', { 'm1-01': e(1, 3, { detail: { q1: ['a'], q3: ['x', 'y', 'z'] } }) }),
		];
		const stats = questionStats(results, keys.quizzes);
		expect(stats).toEqual([
			{ quizId: 'm1-01', questionId: 'q1', number: 1, n: 4, errors: 2, rate: 2 / 4, commonWrong: 'b', commonWrongCount: 2 },
			{ quizId: 'm1-01', questionId: 'q2', number: 2, n: 4, errors: 3, rate: 3 / 4, commonWrong: 'c', commonWrongCount: 1 },
			{ quizId: 'm1-01', questionId: 'q3', number: 3, n: 4, errors: 2, rate: 2 / 4, commonWrong: null, commonWrongCount: 0 },
		]);
	});
});

describe('segmentation', () => {
	test('per-client error rates and the most common wrong choices, for the class seed only', () => {
		const c1 = pool[0]!.id;
		const wrongSeg = other(SIZE_SEGMENTS, truth[0]!.segment);
		const wrongRisk = other(RISK_TIERS, truth[1]!.riskTier);
		const results = [
			person('a', {}, { segmentation: e(12, 12, { seed: 'abc', detail: { count: 6, answers: allRight } }) }),
			person('b', {}, { segmentation: e(9, 12, { seed: 'abc', detail: { count: 6, answers: { ...allRight, [c1]: { segment: wrongSeg }, [pool[1]!.id]: { segment: truth[1]!.segment, riskTier: wrongRisk } } } }) }),
			person('c', {}, { segmentation: e(5, 6, { seed: 'abc', detail: { count: 3, answers: { ...allRight, [c1]: { segment: wrongSeg, riskTier: truth[0]!.riskTier } } } }) }),
			person('d', {}, { segmentation: e(6, 12, { seed: 'xyz', detail: { count: 6, answers: {} } }) }),
			person('e', {}, { segmentation: e(6, 12) }),
		];
		const s = segmentationStats(results, 'abc')!;
		expect(s.seed).toBe('abc');
		expect(s.n).toBe(3);
		expect(s.otherSeed).toBe(2);
		expect(s.clients).toHaveLength(6);
		expect(s.clients[0]).toMatchObject({ id: c1, index: 0, n: 3, segmentErrors: 2, riskErrors: 1, rate: 2 / 3, expectedSegment: truth[0]!.segment });
		expect(s.clients[1]).toMatchObject({ n: 3, segmentErrors: 0, riskErrors: 1 });
		expect(s.clients[5]).toMatchObject({ n: 2, segmentErrors: 0, riskErrors: 0, rate: 0 });
		expect(s.wrongSegments).toEqual([{ expected: truth[0]!.segment, chosen: wrongSeg, count: 2 }]);
		expect(s.wrongRisks).toEqual([{ expected: truth[1]!.riskTier, chosen: wrongRisk, count: 1 }]);
		expect(segmentationStats(results, null)?.seed).toBe('abc');
		expect(segmentationStats([person('x', {})], null)).toBeNull();
		const empty = segmentationStats(results, 'nobody')!;
		expect(empty).toMatchObject({ n: 0, otherSeed: 5, clients: [] });
	});
	test('ties between wrong choices sort by code', () => {
		const wrongA = Object.fromEntries(pool.map((c, i) => [c.id, { segment: SIZE_SEGMENTS.find((x) => x !== truth[i]!.segment && x !== 'out-of-scope') ?? 'out-of-scope' }]));
		const s = segmentationStats([person('a', {}, { segmentation: e(1, 12, { seed: 'abc', detail: { count: 6, answers: wrongA } }) })], 'abc')!;
		const order = s.wrongSegments.map((w) => `${String(99 - w.count).padStart(2, '0')}${w.expected}${w.chosen}`);
		expect(s.wrongSegments.length).toBeGreaterThan(2);
		expect([...order].sort()).toEqual(order);
		expect(s.clients.every((c) => c.riskErrors === 1)).toBe(true);
	});
});

describe('product choices', () => {
	test('compared with the expert product for each seed and track', () => {
		const expected = scenarioFor('abc', 'trade', catalogue).expert.decision!.productId;
		const wrong = catalogue.find((p) => p.id !== expected)!.id;
		const pm = (productId: string, seed = 'abc', track = 'trade') => ({ 'product-matching': e(50, 100, { seed, detail: { track, productId } as never }) });
		const results = [person('a', {}, pm(expected)), person('b', {}, pm(wrong)), person('c', {}, pm(wrong)), person('d', {}, pm(expected, 'abc', 'services')), person('e', {}, { 'product-matching': e(1, 2) })];
		const s = productChoiceStats(results, catalogue)!;
		const servicesExpected = scenarioFor('abc', 'services', catalogue).expert.decision!.productId;
		expect(s.n).toBe(4);
		expect(s.correct).toBe(expected === servicesExpected ? 2 : 1);
		expect(s.wrong[0]).toEqual({ track: 'trade', expected, chosen: wrong, count: 2 });
		expect(productChoiceStats([person('x', {})], catalogue)).toBeNull();
		const declined = productChoiceStats([person('a', {}, pm(expected))], [])!;
		expect(declined.wrong[0]).toMatchObject({ expected: '', chosen: expected, count: 1 });
	});
});

describe('debrief', () => {
	const results = [
		person('张三', { 'm4-04': e(3, 3, { detail: { q1: ['a'], q2: ['a', 'b'], q3: ['x', 'y', 'z'] } }), 'm1-01': e(2, 3) }, { segmentation: e(12, 12, { seed: 'abc', detail: { count: 6, answers: allRight } }), kash: e(4, 5), zzz: e(1, 1), aaa: e(0, 1) }, '7'),
		person('<img src=x onerror=alert(1)>', { 'm4-04': e(1, 3), 'extra-quiz': e(1, 2) }, { segmentation: e(6, 12, { seed: 'other' }) }),
		person('=cmd', {}, {}),
	];
	test('counts, means, columns in course order and the class table', () => {
		const d = debrief(results, keys);
		expect(d.count).toBe(3);
		expect(d.columns.map((c) => c.key)).toEqual(['quiz:m1-01', 'quiz:m4-04', 'quiz:extra-quiz', 'sim:kash', 'sim:segmentation', 'sim:aaa', 'sim:zzz']);
		const m404 = d.items.find((i) => i.id === 'm4-04')!;
		expect(m404).toMatchObject({ kind: 'quiz', n: 2, meanScore: 2, meanShare: 2 / 3, max: 3, unit: 'points', otherSeed: 0 });
		expect(d.items.find((i) => i.id === 'segmentation')).toMatchObject({ n: 2, otherSeed: 1, meanScore: 9 });
		expect(d.rows[0]).toMatchObject({ name: '张三', number: '7', score: 3 + 2 + 12 + 4 + 1, max: 3 + 3 + 12 + 5 + 1 + 1 });
		expect(d.rows[2]).toMatchObject({ score: 0, max: 0 });
		expect(d.meanShare).toBeCloseTo((22 / 25 + 8 / 17 + 0) / 3, 10);
		expect(d.questions.map((q) => q.quizId)).toEqual(['m4-04', 'm4-04', 'm4-04']);
		expect(d.segmentation?.n).toBe(1);
		expect(d.products).toBeNull();
		expect(debrief([], keys)).toMatchObject({ count: 0, meanShare: 0, items: [], rows: [] });
		expect(debrief(results, { ...keys, seed: null }).items.find((i) => i.id === 'segmentation')?.otherSeed).toBe(1);
		expect(debrief([results[2]!], { ...keys, seed: null }).items).toEqual([]);
	});
	test('CSV: headings in the page language, points or percent, formula-safe names', () => {
		const d = debrief(results, keys);
		const csv = classTableCsv(d, {
			name: '姓名',
			number: '工号',
			exportedAt: '导出时间',
			total: '总得分率（%）',
			item: (kind, id, max) => `${kind}:${id}${max === null ? '（%）' : `（满分 ${max}）`}`,
			time: (ms) => `t${ms}`,
		});
		const lines = csv.split('\r\n');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(lines[0]).toBe('\uFEFF姓名,工号,导出时间,quiz:m1-01（满分 3）,quiz:m4-04（满分 3）,quiz:extra-quiz（满分 2）,sim:kash（满分 5）,sim:segmentation（满分 12）,sim:aaa（满分 1）,sim:zzz（满分 1）,总得分率（%）');
		expect(lines[1]).toBe('张三,7,t1000,2,3,,4,12,0,1,88');
		expect(lines[2]).toBe('<img src=x onerror=alert(1)>,,t1000,,1,1,,6,,,47.06');
		expect(lines[3]).toBe("'=cmd,,t1000,,,,,,,,");
		const mixed = debrief([person('a', { q: e(1, 2) }), person('b', { q: e(1, 4) })], { ...keys, quizzes: {} });
		expect(classTableCsv(mixed, { name: 'n', number: 'no', exportedAt: 't', total: 'T', item: (_k, id, max) => `${id}/${max}`, time: String }).split('\r\n')[2]).toBe('b,,1000,25,25');
	});
});
