/**
 * Score a learner's client segmentation (syllabus 4.四): for each client, a size segment
 * (小企业 / 微型企业 / 个体工商户 / 不属于小微) and a risk-tolerance tier, against the rules in
 * segments.ts (MIIT 2011 size standard, course risk-tier rule).
 *
 * Points: each dimension is worth `weight × number of clients`; a correct answer earns `weight`,
 * a wrong or missing one earns 0. Findings carry the client id as `subject` and the numbers of the
 * rule that decided the expected answer, so the UI can say why. Junk input (unknown ids, missing
 * or invalid answers, malformed clients) never throws: it yields findings or is skipped.
 */
import { INDUSTRIES, RISK_TIERS, SIZE_SEGMENTS, type Client, type RiskTier, type SizeSegment } from '../client';
import { explainRiskTier, explainSizeSegment, type RiskInput, type RiskReason, type SegmentInput } from '../segments';
import type { SizeReason } from '../sme-size';
import { makeFeedback, type Feedback, type Finding, type FindingData } from './feedback';

/** Points per client on each dimension. */
export interface SegmentationWeights {
	/** Points for a correct size segment, per client. */
	size: number;
	/** Points for a correct risk-tolerance tier, per client. */
	riskTier: number;
}

/** One point per client on each dimension. */
export const DEFAULT_SEGMENTATION_WEIGHTS: SegmentationWeights = { size: 1, riskTier: 1 };

/** A learner's answer for one client; either part may be missing. */
export interface SegmentationAnswer {
	segment?: SizeSegment;
	riskTier?: RiskTier;
}

/** Dimension ids (i18n key `dimension.<id>`). */
export const SEGMENTATION_DIMENSIONS = { size: 'size-segment', risk: 'risk-tier' } as const;

/** Whether `c` has the fields the rules read, with usable types. */
function isScorable(c: unknown): c is Client {
	if (typeof c !== 'object' || c === null) return false;
	const x = c as Partial<Client>;
	return (
		typeof x.id === 'string' &&
		typeof x.industry === 'string' &&
		(INDUSTRIES as readonly string[]).includes(x.industry) &&
		typeof x.employees === 'number' &&
		typeof x.revenueWan === 'number' &&
		typeof x.assetsWan === 'number' &&
		typeof x.netMargin === 'number' &&
		typeof x.existingDebtWan === 'number' &&
		typeof x.yearsInBusiness === 'number' &&
		typeof x.requestedAmountWan === 'number' &&
		Array.isArray(x.collateral) &&
		x.collateral.every(isCollateralLike) &&
		typeof x.owner === 'object' &&
		x.owner !== null
	);
}

function isCollateralLike(c: unknown): boolean {
	return typeof c === 'object' && c !== null && typeof (c as { valueWan?: unknown }).valueWan === 'number';
}

function weightOr(x: unknown, fallback: number): number {
	return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback;
}

function answerOf(answers: unknown, id: string): Record<string, unknown> {
	if (typeof answers !== 'object' || answers === null || !Object.hasOwn(answers, id)) return {};
	const a = (answers as Record<string, unknown>)[id];
	return typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : {};
}

/** Flatten a reason into finding data: its code becomes `reason`, its numbers are kept. */
function addReason(data: FindingData, reason: { code: string } & object): FindingData {
	// Reasons are flat records of strings, numbers and booleans (see SizeReason, RiskReason).
	const r = reason as Record<string, string | number | boolean>;
	for (const k in r) data[k === 'code' ? 'reason' : k] = r[k] as string | number | boolean;
	return data;
}

/** Score size segments and risk tiers of `clients` against the rules. */
export function scoreSegmentation(
	answers: Record<string, SegmentationAnswer>,
	clients: Client[],
	weights: SegmentationWeights = DEFAULT_SEGMENTATION_WEIGHTS,
): Feedback {
	const w = {
		size: weightOr((weights as Partial<SegmentationWeights> | null)?.size, DEFAULT_SEGMENTATION_WEIGHTS.size),
		riskTier: weightOr((weights as Partial<SegmentationWeights> | null)?.riskTier, DEFAULT_SEGMENTATION_WEIGHTS.riskTier),
	};
	const list = Array.isArray(clients) ? clients.filter(isScorable) : [];
	const findings: Finding[] = [];
	let sizeScore = 0;
	let riskScore = 0;
	const seen = new Set<string>();

	for (const client of list) {
		if (seen.has(client.id)) continue;
		seen.add(client.id);
		const answer = answerOf(answers, client.id);

		// Size segment.
		const size = explainSizeSegment(client as SegmentInput);
		const sizeTopic = client.legalForm === 'individual-business' ? 'individual-business' : 'size-standard';
		const sizeData = addReason(
			{
				expected: size.segment,
				sizeClass: size.sizeClass,
				legalForm: String(client.legalForm),
				industry: client.industry,
				employees: client.employees,
				revenueWan: client.revenueWan,
				assetsWan: client.assetsWan,
			},
			size.reasons[0] as SizeReason, // explain always gives at least one reason
		);
		const sizeFinding = judge(answer['segment'], SIZE_SEGMENTS, size.segment, 'size', sizeData);
		findings.push({ code: sizeFinding.code, severity: sizeFinding.severity, data: sizeFinding.data, dimension: SEGMENTATION_DIMENSIONS.size, topic: sizeTopic, subject: client.id });
		if (sizeFinding.severity === 'good') sizeScore += w.size;

		// Risk tier.
		const risk = explainRiskTier(client as RiskInput);
		const riskData = addReason(
			{
				expected: risk.riskTier,
				netMargin: client.netMargin,
				debtRatio: risk.debtRatio,
				yearsInBusiness: client.yearsInBusiness,
				creditHistory: String(client.creditHistory),
			},
			risk.reasons[0] as RiskReason,
		);
		const riskFinding = judge(answer['riskTier'], RISK_TIERS, risk.riskTier, 'risk', riskData);
		findings.push({ code: riskFinding.code, severity: riskFinding.severity, data: riskFinding.data, dimension: SEGMENTATION_DIMENSIONS.risk, topic: 'risk-tier', subject: client.id });
		if (riskFinding.severity === 'good') riskScore += w.riskTier;
	}

	// Answers for clients that are not in the list are reported, not scored.
	if (typeof answers === 'object' && answers !== null) {
		for (const id of Object.keys(answers)) {
			if (seen.has(id)) continue;
			findings.push({
				code: 'segmentation.unknown-client',
				severity: 'info',
				dimension: SEGMENTATION_DIMENSIONS.size,
				topic: 'size-standard',
				subject: id,
				data: {},
			});
		}
	}

	const n = seen.size;
	return makeFeedback(
		'segmentation',
		[
			{ id: SEGMENTATION_DIMENSIONS.size, score: sizeScore, max: w.size * n },
			{ id: SEGMENTATION_DIMENSIONS.risk, score: riskScore, max: w.riskTier * n },
		],
		findings,
	);
}

/**
 * Compare one answer with the expected code. `data` is this finding's own fresh object, so it is
 * completed in place (no copies: scoring 10,000 clients stays fast).
 */
function judge(
	answer: unknown,
	allowed: readonly string[],
	expected: string,
	part: 'size' | 'risk',
	data: FindingData,
): Pick<Finding, 'code' | 'severity' | 'data'> {
	if (answer === undefined || answer === null || answer === '') {
		data['part'] = part;
		return { code: 'segmentation.unanswered', severity: 'minor', data };
	}
	if (typeof answer !== 'string' || !allowed.includes(answer)) {
		data['part'] = part;
		data['answer'] = String(answer);
		return { code: 'segmentation.invalid-answer', severity: 'minor', data };
	}
	data['answer'] = answer;
	if (answer === expected) return { code: `segmentation.${part}-correct`, severity: 'good', data };
	return { code: `segmentation.${part}-wrong`, severity: 'major', data };
}

/** Correct and total size-segment answers per expected segment, for a chart. */
export function segmentationAccuracyBySegment(
	feedback: Feedback,
	clients: Client[],
): Record<SizeSegment, { correct: number; total: number }> {
	const out = Object.fromEntries(SIZE_SEGMENTS.map((s) => [s, { correct: 0, total: 0 }])) as Record<
		SizeSegment,
		{ correct: number; total: number }
	>;
	const correct = new Set(
		(feedback?.findings ?? [])
			.filter((f) => f.code === 'segmentation.size-correct' && f.subject !== undefined)
			.map((f) => f.subject),
	);
	const seen = new Set<string>();
	for (const c of Array.isArray(clients) ? clients.filter(isScorable) : []) {
		if (seen.has(c.id)) continue;
		seen.add(c.id);
		const bucket = out[explainSizeSegment(c).segment];
		bucket.total++;
		if (correct.has(c.id)) bucket.correct++;
	}
	return out;
}
