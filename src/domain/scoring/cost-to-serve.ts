/**
 * Scoring of the cost-to-serve task (lesson m2/01): the learner's three answers — profit or loss
 * per channel, the break-even size of a branch-visit loan, how far it falls when one stage's hours
 * are cut — against the domain's own solution (`solveCostTask` in ../cost-to-serve.ts, which the
 * calculator shows at once). Needed only once the learner submits, so the simulation fetches it then.
 */
import {
	DEFAULT_COST_TASK_WEIGHTS,
	LESSON_FUNDING_RATE,
	LESSON_LGD,
	LESSON_PD,
	WAN,
	r8,
	riskCostRate,
	solveCostTask,
	type CostTask,
	type CostTaskAnswers,
	type CostTaskWeights,
} from '../cost-to-serve';
import { makeFeedback, type Feedback, type Finding } from './feedback';

/** Dimension ids (i18n `dimension.<id>`). */
export const COST_TASK_DIMENSIONS = { profitable: 'cts-profitable', breakEven: 'cts-break-even', processCut: 'cts-process-cut' } as const;

/** A numeric answer is right within this share of the expected value, or this many 万元, whichever is larger. */
export const ANSWER_TOLERANCE = { share: 0.02, wan: 0.1 } as const;

/** Whether `answer` is within tolerance of `expected` (both 万元). */
export function closeEnough(answer: number, expected: number): boolean {
	return Math.abs(answer - expected) <= Math.max(ANSWER_TOLERANCE.wan, Math.abs(expected) * ANSWER_TOLERANCE.share);
}

function weightOr(x: unknown, fallback: number): number {
	return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback;
}

const yuanToWan = (y: number) => r8(y / WAN);

/** Score the three questions against the domain's own solution. */
export function scoreCostTask(task: CostTask, answers: CostTaskAnswers, weights: Partial<CostTaskWeights> = DEFAULT_COST_TASK_WEIGHTS): Feedback {
	const w: CostTaskWeights = {
		profitable: weightOr(weights?.profitable, DEFAULT_COST_TASK_WEIGHTS.profitable),
		breakEven: weightOr(weights?.breakEven, DEFAULT_COST_TASK_WEIGHTS.breakEven),
		processCut: weightOr(weights?.processCut, DEFAULT_COST_TASK_WEIGHTS.processCut),
	};
	const sol = solveCostTask(task);
	const a = answers ?? {};
	const findings: Finding[] = [];
	const termYears = r8(task.termMonths / 12);

	// Q1: profit or loss per channel.
	let q1 = 0;
	for (const r of sol.q1) {
		const expected = r.economics.profitYuan > 0 ? 'profit' : 'loss';
		const given = a.profitable?.[r.channel];
		const data = {
			channel: r.channel,
			loanWan: task.loanWan,
			rate: task.rate,
			termMonths: task.termMonths,
			termYears,
			spread: r.economics.netSpread,
			contributionYuan: r.economics.contributionYuan,
			hours: r.cost.totalHours,
			costYuan: r.cost.totalYuan,
			profitYuan: r.economics.profitYuan,
			absProfitYuan: Math.abs(r.economics.profitYuan),
			breakEvenWan: r.breakEvenWan ?? 0,
		};
		let code: string;
		let severity: Finding['severity'];
		if (given !== 'profit' && given !== 'loss') {
			code = 'cts.q1-unanswered';
			severity = 'minor';
		} else if (given === expected) {
			code = `cts.q1-right-${expected}`;
			severity = 'good';
			q1 += w.profitable;
		} else {
			code = `cts.q1-wrong-${expected}`;
			severity = 'major';
		}
		findings.push({ code, severity, dimension: COST_TASK_DIMENSIONS.profitable, topic: 'cost-to-serve', subject: 'q1', data });
	}

	// Q2: break-even size of a branch-visit loan.
	let q2 = 0;
	const be = sol.q2.breakEvenWan as number; // task rates always exceed f + e, so L* exists
	const q2Data = {
		expectedWan: be,
		costYuan: sol.q2.cost.totalYuan,
		hours: sol.q2.cost.totalHours,
		spread: sol.q2.economics.netSpread,
		termYears,
		rate: task.rate,
		fundingRate: LESSON_FUNDING_RATE,
		riskRate: riskCostRate(LESSON_PD, LESSON_LGD),
	};
	const b = a.breakEvenWan;
	if (typeof b !== 'number' || !Number.isFinite(b)) {
		findings.push({ code: 'cts.q2-unanswered', severity: 'minor', dimension: COST_TASK_DIMENSIONS.breakEven, topic: 'cost-to-serve', subject: 'q2', data: q2Data });
	} else if (closeEnough(b, be)) {
		q2 = w.breakEven;
		findings.push({ code: 'cts.q2-right', severity: 'good', dimension: COST_TASK_DIMENSIONS.breakEven, topic: 'cost-to-serve', subject: 'q2', data: { ...q2Data, answerWan: b } });
	} else {
		// A common slip: the answer in 元 instead of 万元.
		const inYuan = closeEnough(yuanToWan(b), be);
		findings.push({
			code: inYuan ? 'cts.q2-unit' : 'cts.q2-wrong',
			severity: 'major',
			dimension: COST_TASK_DIMENSIONS.breakEven,
			topic: 'cost-to-serve',
			subject: 'q2',
			data: { ...q2Data, answerWan: b },
		});
	}

	// Q3: how far L* falls when one stage's hours are cut.
	let q3 = 0;
	const drop = sol.q3DropWan as number;
	const q3Data = {
		ctsStage: task.cutStage,
		hoursBefore: sol.q3HoursBefore,
		hoursAfter: sol.q3HoursAfter,
		costBeforeYuan: sol.q2.cost.totalYuan,
		costAfterYuan: sol.q3.cost.totalYuan,
		beforeWan: be,
		afterWan: sol.q3.breakEvenWan as number,
		expectedWan: drop,
	};
	const d = a.dropWan;
	if (typeof d !== 'number' || !Number.isFinite(d)) {
		findings.push({ code: 'cts.q3-unanswered', severity: 'minor', dimension: COST_TASK_DIMENSIONS.processCut, topic: 'cost-to-serve', subject: 'q3', data: q3Data });
	} else if (closeEnough(d, drop)) {
		q3 = w.processCut;
		findings.push({ code: 'cts.q3-right', severity: 'good', dimension: COST_TASK_DIMENSIONS.processCut, topic: 'cost-to-serve', subject: 'q3', data: { ...q3Data, answerWan: d } });
	} else {
		// A common slip: the new break-even size instead of how far it moved.
		const gaveLevel = closeEnough(d, q3Data.afterWan);
		findings.push({
			code: gaveLevel ? 'cts.q3-gave-level' : 'cts.q3-wrong',
			severity: 'major',
			dimension: COST_TASK_DIMENSIONS.processCut,
			topic: 'cost-to-serve',
			subject: 'q3',
			data: { ...q3Data, answerWan: d },
		});
	}

	return makeFeedback(
		'cost-to-serve',
		[
			{ id: COST_TASK_DIMENSIONS.profitable, score: q1, max: w.profitable * sol.q1.length },
			{ id: COST_TASK_DIMENSIONS.breakEven, score: q2, max: w.breakEven },
			{ id: COST_TASK_DIMENSIONS.processCut, score: q3, max: w.processCut },
		],
		findings,
	);
}
