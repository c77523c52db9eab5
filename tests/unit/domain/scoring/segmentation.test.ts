import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Client } from '../../../../src/domain/client';
import { generateClients } from '../../../../src/domain/generator';
import {
	DEFAULT_SEGMENTATION_WEIGHTS,
	scoreSegmentation,
	segmentationAccuracyBySegment,
	type SegmentationAnswer,
} from '../../../../src/domain/scoring/segmentation';
import { explainRiskTier, explainSizeSegment } from '../../../../src/domain/segments';
import { client } from '../client-fixture';

/** 甲 (small, high), 丙-like individual tea shop (individual, moderate-inexperienced), 丁-like wholesaler (small, low). */
const jia = client({ id: 'jia' });
const bing = client({
	id: 'bing',
	legalForm: 'individual-business',
	industry: 'catering',
	track: 'services',
	employees: 6,
	revenueWan: 120,
	assetsWan: 40,
	netMargin: 0.12,
	existingDebtWan: 0,
	existingWorkingCapitalLoansWan: 0,
	yearsInBusiness: 2,
	statements: 'none',
	collateral: [],
	creditHistory: 'thin-file',
	owner: { borrowedBefore: false, yearsInTrade: 2 },
});
const ding = client({
	id: 'ding',
	industry: 'wholesale',
	track: 'trade',
	employees: 8,
	revenueWan: 2000,
	assetsWan: 800,
	netMargin: 0.015,
	existingDebtWan: 560,
});
const clients = [jia, bing, ding];

describe('scoreSegmentation', () => {
	test('gives full marks and "good" findings for all-correct answers', () => {
		const fb = scoreSegmentation(
			{
				jia: { segment: 'small', riskTier: 'high' },
				bing: { segment: 'individual', riskTier: 'moderate-inexperienced' },
				ding: { segment: 'small', riskTier: 'low' },
			},
			clients,
		);
		expect(fb.kind).toBe('segmentation');
		expect(fb.score).toBe(6);
		expect(fb.max).toBe(6);
		expect(fb.dimensions).toEqual([
			{ id: 'size-segment', score: 3, max: 3 },
			{ id: 'risk-tier', score: 3, max: 3 },
		]);
		expect(fb.findings.every((f) => f.severity === 'good')).toBe(true);
		const bingSize = fb.findings.find((f) => f.subject === 'bing' && f.dimension === 'size-segment');
		expect(bingSize).toMatchObject({
			code: 'segmentation.size-correct',
			topic: 'individual-business',
			data: { answer: 'individual', expected: 'individual', sizeClass: 'micro', reason: 'size.micro', indicator: 'employees', value: 6, threshold: 10 },
		});
		const jiaRisk = fb.findings.find((f) => f.subject === 'jia' && f.dimension === 'risk-tier');
		expect(jiaRisk).toMatchObject({ code: 'segmentation.risk-correct', topic: 'risk-tier', data: { reason: 'risk.high.margin' } });
	});

	test('marks a wrong answer major with the answer, the expected code and the rule numbers', () => {
		const fb = scoreSegmentation({ ding: { segment: 'micro', riskTier: 'moderate-experienced' } }, clients);
		const size = fb.findings.find((f) => f.subject === 'ding' && f.dimension === 'size-segment');
		expect(size).toEqual({
			code: 'segmentation.size-wrong',
			severity: 'major',
			dimension: 'size-segment',
			topic: 'size-standard',
			subject: 'ding',
			data: {
				part: 'size',
				answer: 'micro',
				expected: 'small',
				sizeClass: 'small',
				legalForm: 'limited-company',
				industry: 'wholesale',
				employees: 8,
				revenueWan: 2000,
				assetsWan: 800,
				reason: 'size.below-medium',
				indicator: 'employees',
				value: 8,
				threshold: 20,
			},
		});
		const risk = fb.findings.find((f) => f.subject === 'ding' && f.dimension === 'risk-tier');
		expect(risk).toMatchObject({
			code: 'segmentation.risk-wrong',
			severity: 'major',
			data: { answer: 'moderate-experienced', expected: 'low', reason: 'risk.low.thin-margin', valuePct: 1.5, thresholdPct: 2 },
		});
		expect(fb.score).toBe(0);
	});

	test('marks unanswered parts minor and scores the rest', () => {
		const fb = scoreSegmentation({ jia: { segment: 'small' } }, clients);
		expect(fb.dimensions).toEqual([
			{ id: 'size-segment', score: 1, max: 3 },
			{ id: 'risk-tier', score: 0, max: 3 },
		]);
		const unanswered = fb.findings.filter((f) => f.code === 'segmentation.unanswered');
		expect(unanswered).toHaveLength(5);
		expect(unanswered.every((f) => f.severity === 'minor')).toBe(true);
		expect(unanswered.find((f) => f.subject === 'jia')?.data['part']).toBe('risk');
	});

	test('applies the weights per client', () => {
		const fb = scoreSegmentation({ jia: { segment: 'small', riskTier: 'high' } }, clients, { size: 2, riskTier: 3 });
		expect(fb.dimensions).toEqual([
			{ id: 'size-segment', score: 2, max: 6 },
			{ id: 'risk-tier', score: 3, max: 9 },
		]);
		expect(DEFAULT_SEGMENTATION_WEIGHTS).toEqual({ size: 1, riskTier: 1 });
	});

	test('reports invalid answers and answers for unknown clients without scoring them', () => {
		const answers = {
			jia: { segment: 'medium', riskTier: 42 },
			ghost: { segment: 'small' },
		} as unknown as Record<string, SegmentationAnswer>;
		const fb = scoreSegmentation(answers, clients);
		const jiaSize = fb.findings.find((f) => f.subject === 'jia' && f.dimension === 'size-segment');
		expect(jiaSize).toMatchObject({ code: 'segmentation.invalid-answer', severity: 'minor', data: { answer: 'medium' } });
		const jiaRisk = fb.findings.find((f) => f.subject === 'jia' && f.dimension === 'risk-tier');
		expect(jiaRisk?.data['answer']).toBe('42');
		expect(fb.findings.find((f) => f.subject === 'ghost')).toMatchObject({ code: 'segmentation.unknown-client', severity: 'info' });
		expect(fb.max).toBe(6);
	});

	test('never throws on junk input', () => {
		const junkClients = [
			null,
			42,
			{ id: 'x' },
			{ ...jia, id: 'bad-industry', industry: 'mining' },
			{ ...jia, id: 'bad-collateral', collateral: [null] },
			{ ...jia, id: 'no-owner', owner: null },
			jia,
			jia,
		] as unknown as Client[];
		const fb = scoreSegmentation({ jia: null, x: 'small' } as unknown as Record<string, SegmentationAnswer>, junkClients, {
			size: Number.NaN,
			riskTier: -1,
		});
		expect(fb.dimensions).toEqual([
			{ id: 'size-segment', score: 0, max: 1 },
			{ id: 'risk-tier', score: 0, max: 1 },
		]);
		expect(() => scoreSegmentation(null as never, null as never, null as never)).not.toThrow();
		expect(scoreSegmentation(undefined as never, clients).score).toBe(0);
		expect(scoreSegmentation({ jia: { segment: '' as never } }, clients).findings[0]?.code).toBe('segmentation.unanswered');
		fc.assert(
			fc.property(fc.anything(), fc.anything(), (answers, cs) => {
				expect(() => scoreSegmentation(answers as never, cs as never)).not.toThrow();
			}),
		);
	});

	test('scores generated clients against their truth', () => {
		const cs = generateClients('score', 200);
		const perfect = Object.fromEntries(cs.map((c) => [c.id, { segment: c.truth.segment, riskTier: c.truth.riskTier }]));
		const fb = scoreSegmentation(perfect, cs);
		expect(fb.score).toBe(fb.max);
		expect(fb.max).toBe(400);
	});
});

describe('segmentationAccuracyBySegment', () => {
	test('counts correct and total size answers per expected segment', () => {
		const fb = scoreSegmentation({ jia: { segment: 'small' }, bing: { segment: 'micro' }, ding: { segment: 'small' } }, clients);
		expect(segmentationAccuracyBySegment(fb, [...clients, jia])).toEqual({
			small: { correct: 2, total: 2 },
			micro: { correct: 0, total: 0 },
			individual: { correct: 0, total: 1 },
			'out-of-scope': { correct: 0, total: 0 },
		});
	});

	test('tolerates junk', () => {
		const empty = { small: { correct: 0, total: 0 }, micro: { correct: 0, total: 0 }, individual: { correct: 0, total: 0 }, 'out-of-scope': { correct: 0, total: 0 } };
		expect(segmentationAccuracyBySegment(null as never, null as never)).toEqual(empty);
		expect(segmentationAccuracyBySegment({ findings: [] } as never, clients).small.total).toBe(2);
	});
});

describe('finding data carries the deciding reason', () => {
	test('every number of the first size and risk reason reaches the finding, for every kind of client', () => {
		const pool = generateClients('reason-keys', 600);
		const fb = scoreSegmentation({}, pool);
		const byClient = new Map(pool.map((c) => [c.id, c]));
		const seenRiskCodes = new Set<string>();
		for (const f of fb.findings) {
			const c = byClient.get(f.subject as string) as Client;
			const reason =
				f.dimension === 'risk-tier' ? explainRiskTier(c).reasons[0] : explainSizeSegment(c).reasons[0];
			const { code, ...numbers } = reason as { code: string } & Record<string, unknown>;
			expect(f.data['reason']).toBe(code);
			expect(f.data).toMatchObject(numbers);
			if (f.dimension === 'risk-tier') seenRiskCodes.add(code);
		}
		// The pool reaches reasons of every step of the rule (low, high, both middle tiers).
		expect([...seenRiskCodes].some((c) => c.startsWith('risk.low.'))).toBe(true);
		expect(seenRiskCodes.has('risk.high.margin')).toBe(true);
		expect([...seenRiskCodes].some((c) => c.startsWith('risk.not-high.'))).toBe(true);
	});
});
