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
import { decideRiskTierInto, newFlatRiskDecision, segmentOfClass, sizeSegmentOf, type FlatRiskDecision } from '../segments';
import { DECIDING_SIZE_CODE, SIZE_TABLE, classifyEnterpriseSize, decidingSizeBound, indicatorValue } from '../sme-size';
import { makeFeedback, type Feedback, type Finding, type FindingData, type Severity } from './feedback';

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

/** The industry codes, for the scorability check (one lookup instead of a scan of the list). */
const INDUSTRY_SET: ReadonlySet<string> = new Set(INDUSTRIES);

/** Whether `c` has the fields the rules read, with usable types. */
function isScorable(c: unknown): c is Client {
	if (typeof c !== 'object' || c === null) return false;
	const x = c as Partial<Client>;
	return (
		typeof x.id === 'string' &&
		typeof x.industry === 'string' &&
		INDUSTRY_SET.has(x.industry) &&
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

/** What a missing or junk answer reads as (shared: it is only read). */
const NO_ANSWER: Readonly<Record<string, unknown>> = Object.freeze({});

/** The answer for `id` in `answers` (null when there is no answer object at all): own keys only. */
function answerOf(answers: Record<string, unknown> | null, id: string): Readonly<Record<string, unknown>> {
	if (answers === null || !Object.hasOwn(answers, id)) return NO_ANSWER;
	const a = answers[id];
	return typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : NO_ANSWER;
}

/**
 * Finding data of a risk answer: the client's figures, then the deciding reason's code and the
 * numbers that kind of reason carries (value, threshold, valuePct, thresholdPct, debtWan, assetsWan,
 * statements, in that order); a credit reason puts its own `creditHistory` in that key's place.
 * One object literal per kind of reason, so each finding is built at once in its final shape
 * (adding keys afterwards took every object through several shapes, 10,000 at a time).
 */
function riskData(answer: string, r: FlatRiskDecision, client: Client): FindingData {
	const expected = r.riskTier;
	const creditHistory = String(client.creditHistory);
	switch (r.code) {
		case 'risk.low.serious-default':
		case 'risk.not-high.credit':
			return {
				part: 'risk',
				answer,
				expected,
				netMargin: client.netMargin,
				debtRatio: r.debtRatio,
				yearsInBusiness: client.yearsInBusiness,
				// The reason carries the raw value (junk stays as it is); a missing one leaves the text.
				creditHistory: r.creditHistory !== undefined ? r.creditHistory : creditHistory,
				reason: r.code,
			};
		case 'risk.low.thin-margin':
		case 'risk.high.margin':
		case 'risk.not-high.margin':
			return {
				part: 'risk',
				answer,
				expected,
				netMargin: client.netMargin,
				debtRatio: r.debtRatio,
				yearsInBusiness: client.yearsInBusiness,
				creditHistory,
				reason: r.code,
				value: r.value,
				threshold: r.threshold,
				valuePct: r.valuePct,
				thresholdPct: r.thresholdPct,
			};
		case 'risk.low.high-debt':
		case 'risk.not-high.debt':
			return {
				part: 'risk',
				answer,
				expected,
				netMargin: client.netMargin,
				debtRatio: r.debtRatio,
				yearsInBusiness: client.yearsInBusiness,
				creditHistory,
				reason: r.code,
				value: r.value,
				threshold: r.threshold,
				valuePct: r.valuePct,
				thresholdPct: r.thresholdPct,
				debtWan: r.debtWan,
				assetsWan: r.assetsWan,
			};
		case 'risk.low.new-business':
		case 'risk.not-high.years':
			return {
				part: 'risk',
				answer,
				expected,
				netMargin: client.netMargin,
				debtRatio: r.debtRatio,
				yearsInBusiness: client.yearsInBusiness,
				creditHistory,
				reason: r.code,
				value: r.value,
				threshold: r.threshold,
			};
		case 'risk.not-high.security':
			return {
				part: 'risk',
				answer,
				expected,
				netMargin: client.netMargin,
				debtRatio: r.debtRatio,
				yearsInBusiness: client.yearsInBusiness,
				creditHistory,
				reason: r.code,
				value: r.value,
				threshold: r.threshold,
				statements: r.statements,
			};
	}
}

/** Refilled for each client by decideRiskTierInto (scoring is synchronous and keeps none of it). */
const RISK_DECISION: FlatRiskDecision = newFlatRiskDecision();

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
	const answerMap = typeof answers === 'object' && answers !== null ? (answers as Record<string, unknown>) : null;
	const list: readonly unknown[] = Array.isArray(clients) ? clients : [];
	const findings: Finding[] = [];
	let sizeScore = 0;
	let riskScore = 0;
	const seen = new Set<string>();

	for (let i = 0; i < list.length; i++) {
		const client = list[i];
		if (!isScorable(client) || seen.has(client.id)) continue;
		seen.add(client.id);
		const answer = answerOf(answerMap, client.id);

		// Size segment.
		const sizeRow = SIZE_TABLE[client.industry];
		const sizeClass = classifyEnterpriseSize(client, sizeRow);
		const segment = segmentOfClass(sizeClass, client.legalForm === 'individual-business');
		const sizeBound = decidingSizeBound(client, sizeClass, sizeRow);
		const sizeAnswer = answer['segment'];
		const sizeVerdict = verdict(sizeAnswer, SIZE_SEGMENTS, segment, SIZE_CORRECT, SIZE_WRONG);
		findings.push({
			code: sizeVerdict.code,
			severity: sizeVerdict.severity,
			dimension: SEGMENTATION_DIMENSIONS.size,
			topic: client.legalForm === 'individual-business' ? 'individual-business' : 'size-standard',
			subject: client.id,
			data: {
				part: 'size',
				answer: answerText(sizeAnswer),
				expected: segment,
				sizeClass,
				legalForm: String(client.legalForm),
				industry: client.industry,
				employees: client.employees,
				revenueWan: client.revenueWan,
				assetsWan: client.assetsWan,
				reason: DECIDING_SIZE_CODE[sizeClass],
				indicator: sizeBound.indicator,
				value: indicatorValue(client, sizeBound.indicator),
				threshold: sizeBound.threshold,
			},
		});
		if (sizeVerdict === SIZE_CORRECT) sizeScore += w.size;

		// Risk tier.
		const risk = decideRiskTierInto(client, RISK_DECISION);
		const riskAnswer = answer['riskTier'];
		const riskVerdict = verdict(riskAnswer, RISK_TIERS, risk.riskTier, RISK_CORRECT, RISK_WRONG);
		findings.push({
			code: riskVerdict.code,
			severity: riskVerdict.severity,
			dimension: SEGMENTATION_DIMENSIONS.risk,
			topic: 'risk-tier',
			subject: client.id,
			data: riskData(answerText(riskAnswer), risk, client),
		});
		if (riskVerdict === RISK_CORRECT) riskScore += w.riskTier;
	}

	// Answers for clients that are not in the list are reported, not scored.
	if (answerMap !== null) {
		for (const id of Object.keys(answerMap)) {
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
 * A finding code with its severity. Each verdict is one shared constant, so scoring compares
 * objects instead of looking a severity up by code for 20,000 findings.
 */
interface Verdict {
	readonly code: string;
	readonly severity: Severity;
}

const UNANSWERED: Verdict = { code: 'segmentation.unanswered', severity: 'minor' };
const INVALID_ANSWER: Verdict = { code: 'segmentation.invalid-answer', severity: 'minor' };
const SIZE_CORRECT: Verdict = { code: 'segmentation.size-correct', severity: 'good' };
const SIZE_WRONG: Verdict = { code: 'segmentation.size-wrong', severity: 'major' };
const RISK_CORRECT: Verdict = { code: 'segmentation.risk-correct', severity: 'good' };
const RISK_WRONG: Verdict = { code: 'segmentation.risk-wrong', severity: 'major' };

/** The verdict on one answer compared with the expected code: `correct`, `wrong` or a minor one. */
function verdict(answer: unknown, allowed: readonly string[], expected: string, correct: Verdict, wrong: Verdict): Verdict {
	if (answer === undefined || answer === null || answer === '') return UNANSWERED;
	if (typeof answer !== 'string' || !allowed.includes(answer)) return INVALID_ANSWER;
	return answer === expected ? correct : wrong;
}

/** The answer as the finding shows it: '' when missing, junk as text. */
function answerText(answer: unknown): string {
	return answer === undefined || answer === null ? '' : String(answer);
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
		const bucket = out[sizeSegmentOf(c)];
		bucket.total++;
		if (correct.has(c.id)) bucket.correct++;
	}
	return out;
}
