import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	ANNUAL_STAFF_COST_YUAN,
	CHANNEL_HOURS,
	COST_LIMITS,
	DEFAULT_COST_TASK_WEIGHTS,
	EFFECTIVE_HOURS_PER_YEAR,
	HOURLY_COST_YUAN,
	LESSON_TASK,
	LESSON_TASK_SEED,
	breakEvenLoanYuan,
	channelResult,
	chartSizes,
	checkRange,
	compareChannels,
	copyHours,
	hourlyCost,
	lessonCostInput,
	loanEconomics,
	loansPerYear,
	netSpread,
	niceCeil,
	operatingCost,
	profitCurve,
	riskCostRate,
	solveCostTask,
	taskInput,
	validateCostInput,
	type CostInput,
} from '../../../src/domain/cost-to-serve';
import { costTask } from '../../../src/domain/cost-task';
import { ANSWER_TOLERANCE, COST_TASK_DIMENSIONS, closeEnough, scoreCostTask } from '../../../src/domain/scoring/cost-to-serve';
import { CHANNELS } from '../../../src/domain/rates';

/** The lesson's corporate example: 3000 万元 at 3.6%, PD 1%, 40 + 120 + 40 hours. */
const corporate = (): CostInput => ({
	...lessonCostInput(),
	loanWan: 3000,
	rate: 0.036,
	pd: 0.01,
	hours: { ...copyHours(CHANNEL_HOURS), 'branch-visit': { marketing: 40, investigation: 120, 'post-loan': 40 } },
});

describe('lesson m2/01 worked numbers', () => {
	test('hourly cost is 300,000 ÷ 1,500 = 200 元', () => {
		expect(HOURLY_COST_YUAN).toBe(200);
		expect(hourlyCost(ANNUAL_STAFF_COST_YUAN, EFFECTIVE_HOURS_PER_YEAR)).toBe(200);
		expect(hourlyCost(300_000, 0)).toBe(0);
	});

	test('the 30 万元 small loan: C = 4,800 元, spread income 6,600, risk cost 1,800, profit 0', () => {
		const r = channelResult(lessonCostInput(), 'branch-visit');
		expect(r.cost.totalHours).toBe(24);
		expect(r.cost.costYuan).toEqual({ marketing: 1600, investigation: 2000, 'post-loan': 1200 });
		expect(r.cost.totalYuan).toBe(4800);
		expect(r.economics.interestYuan - r.economics.fundingCostYuan).toBeCloseTo(6600, 6);
		expect(riskCostRate(0.015, 0.4)).toBeCloseTo(0.006, 10);
		expect(r.economics.expectedLossYuan).toBe(1800);
		expect(r.economics.profitYuan).toBe(0);
		expect(r.economics.costRatio).toBeCloseTo(0.016, 10);
		expect(r.profitPerHourYuan).toBe(0);
		expect(r.breakEvenWan).toBeCloseTo(30, 6);
		expect(r.breakEvenCheckYuan).toBeCloseTo(0, 2);
	});

	test('the 3000 万元 corporate loan: C = 40,000, profit 230,000, 0.13% cost, 1,150 元 an hour, L* ≈ 444 万元', () => {
		const r = channelResult(corporate(), 'branch-visit');
		expect(r.cost.totalHours).toBe(200);
		expect(r.cost.totalYuan).toBe(40_000);
		expect(r.economics.interestYuan - r.economics.fundingCostYuan).toBeCloseTo(390_000, 4);
		expect(r.economics.expectedLossYuan).toBe(120_000);
		expect(r.economics.profitYuan).toBe(230_000);
		expect(Math.round(r.economics.costRatio * 10_000) / 100).toBe(0.13);
		expect(r.profitPerHourYuan).toBe(1150);
		expect(Math.round(r.breakEvenWan as number)).toBe(444);
		expect(r.breakEvenCheckYuan).toBeCloseTo(0, 1);
		// 100 times the amount, about 8.3 times the hours
		expect(Math.round((200 / 24) * 10) / 10).toBe(8.3);
	});

	test('profit by loan size on the 24-hour process (160 元 per 万元 a year)', () => {
		const curve = profitCurve(lessonCostInput(), 'branch-visit', [1, 10, 20, 30, 50, 100]);
		expect(curve.map((p) => p.profitYuan)).toEqual([160 - 4800, -3200, -1600, 0, 3200, 11_200]);
	});

	test('a half-year loan on the same process breaks even at 60 万元', () => {
		const r = channelResult({ ...lessonCostInput(), termMonths: 6 }, 'branch-visit');
		expect(r.cost.totalYuan).toBe(4800);
		expect(r.breakEvenWan).toBeCloseTo(60, 6);
	});

	test('10-hour and 6-hour processes break even at 12.5 and 7.5 万元', () => {
		const [branch, batch, online] = compareChannels(lessonCostInput());
		expect(branch?.breakEvenWan).toBeCloseTo(30, 6);
		expect(batch?.cost.totalHours).toBe(10);
		expect(batch?.cost.totalYuan).toBe(2000);
		expect(batch?.breakEvenWan).toBeCloseTo(12.5, 6);
		expect(online?.cost.totalHours).toBe(6);
		expect(online?.cost.totalYuan).toBe(1200);
		expect(online?.breakEvenWan).toBeCloseTo(7.5, 6);
	});

	test('skimping on investigation: e = 1.5% and 10 hours gives L* ≈ 28.6 万元', () => {
		// PD 3.75% × LGD 40% = 1.5%
		const r = channelResult({ ...lessonCostInput(), pd: 0.0375 }, 'batch-scenario');
		expect(r.economics.netSpread).toBeCloseTo(0.007, 10);
		expect(Math.round((r.breakEvenWan as number) * 10) / 10).toBe(28.6);
	});

	test('the branch team case: 4,500 hours make 22 corporate or 187 small loans', () => {
		expect(loansPerYear(4500, 200)).toBe(22);
		expect(loansPerYear(4500, 24)).toBe(187);
		expect(loansPerYear(4500, 0)).toBe(0);
		const ratio = (22 * 3000) / (187 * 30);
		expect(Math.round(ratio * 10) / 10).toBe(11.8);
	});
});

describe('operatingCost', () => {
	test('counts post-loan hours per year and at least one year', () => {
		const h = { marketing: 8, investigation: 10, 'post-loan': 6 };
		expect(operatingCost(h, 200, 0.5).hours['post-loan']).toBe(6);
		expect(operatingCost(h, 200, 2).hours['post-loan']).toBe(12);
		expect(operatingCost(h, 200, 2).totalYuan).toBe(6000);
	});

	test('treats non-finite numbers as zero', () => {
		const c = operatingCost({ marketing: Number.NaN, investigation: 1, 'post-loan': Infinity }, Number.NaN, Number.NaN);
		expect(c.totalYuan).toBe(0);
		expect(c.totalHours).toBe(1);
	});
});

describe('loanEconomics and breakEvenLoanYuan', () => {
	test('zero amount gives zero ratios', () => {
		const e = loanEconomics({ loanYuan: 0, rate: 0.05, fundingRate: 0.02, pd: 0, lgd: 0, termYears: 1, operatingCostYuan: 100 });
		expect(e.costRatio).toBe(0);
		expect(e.profitRatio).toBe(0);
		expect(e.profitYuan).toBe(-100);
	});

	test('no break-even when the net spread is not positive', () => {
		expect(breakEvenLoanYuan(4800, 0, 1)).toBeNull();
		expect(breakEvenLoanYuan(4800, -0.01, 1)).toBeNull();
		expect(breakEvenLoanYuan(4800, 0.016, 0)).toBeNull();
		expect(netSpread(0.02, 0.023, 0.015, 0.4)).toBeCloseTo(-0.009, 10);
		const r = channelResult({ ...lessonCostInput(), rate: 0.02 }, 'online-data');
		expect(r.breakEvenWan).toBeNull();
		expect(r.breakEvenCheckYuan).toBeNull();
	});

	test('profit per hour is 0 when a channel takes no hours', () => {
		const input = lessonCostInput();
		input.hours['online-data'] = { marketing: 0, investigation: 0, 'post-loan': 0 };
		const r = channelResult(input, 'online-data');
		expect(r.profitPerHourYuan).toBe(0);
		expect(r.breakEvenWan).toBe(0);
	});
});

describe('chartSizes and niceCeil', () => {
	test('spans zero to a round top that shows every break-even point', () => {
		const sizes = chartSizes(lessonCostInput());
		expect(sizes[0]).toBe(0);
		expect(sizes.at(-1)).toBe(50); // 30 × 1.5 = 45 → 50
		expect(sizes).toHaveLength(21);
		expect(chartSizes({ ...lessonCostInput(), loanWan: 3000 }, 1)).toEqual([0, 2500, 5000]);
		expect(chartSizes({ ...lessonCostInput(), loanWan: 1, rate: 0 })).toContain(10);
	});

	test('rounds up to 1, 2 or 5 times a power of ten', () => {
		expect(niceCeil(45)).toBe(50);
		expect(niceCeil(10)).toBe(10);
		expect(niceCeil(11)).toBe(20);
		expect(niceCeil(0.3)).toBeCloseTo(0.5, 10);
		expect(niceCeil(600)).toBe(1000);
	});
});

describe('validateCostInput', () => {
	test('accepts the lesson input', () => {
		expect(validateCostInput(lessonCostInput())).toEqual([]);
	});

	test('names every refused field with its range', () => {
		const bad: CostInput = { ...lessonCostInput(), loanWan: Number.NaN, rate: 0.5, termMonths: 6.5, pd: -0.1 };
		bad.hours['online-data'] = { ...bad.hours['online-data'], investigation: -1 };
		const errors = validateCostInput(bad);
		expect(errors).toEqual([
			{ field: 'loanWan', code: 'not-number', min: 0.1, max: 100_000 },
			{ field: 'rate', code: 'above-max', min: 0, max: 0.36 },
			{ field: 'termMonths', code: 'not-integer', min: 1, max: 120 },
			{ field: 'pd', code: 'below-min', min: 0, max: 1 },
			{ field: 'hours.online-data.investigation', code: 'below-min', min: 0, max: 1000 },
		]);
	});

	test('refuses missing hours tables', () => {
		const bad = { ...lessonCostInput(), hours: {} } as unknown as CostInput;
		expect(validateCostInput(bad)).toHaveLength(9);
	});

	test('checkRange', () => {
		expect(checkRange(5, COST_LIMITS.termMonths)).toBeNull();
		expect(checkRange(Infinity, COST_LIMITS.rate)).toBe('not-number');
		expect(checkRange('3' as unknown as number, COST_LIMITS.rate)).toBe('not-number');
	});
});

describe('costTask', () => {
	test('the lesson seed gives the lesson numbers', () => {
		expect(costTask(LESSON_TASK_SEED)).toEqual(LESSON_TASK);
		expect(taskInput(LESSON_TASK).loanWan).toBe(20);
	});

	test('other seeds are deterministic and never put a channel on its break-even point', () => {
		expect(costTask('classA')).toEqual(costTask('classA'));
		const seen = new Set<string>();
		for (let i = 0; i < 60; i++) {
			const t = costTask(`s${i}`);
			seen.add(`${t.loanWan}-${t.rate}-${t.termMonths}-${t.cutStage}`);
			for (const r of solveCostTask(t).q1) expect(Math.abs(r.economics.profitYuan)).toBeGreaterThanOrEqual(200);
			expect(solveCostTask(t).q3DropWan).toBeGreaterThan(0);
		}
		expect(seen.size).toBeGreaterThan(20);
	});

	test('solves the lesson task: only batch and online pay at 20 万元; L* 30; halving investigation moves it 6.25', () => {
		const s = solveCostTask(LESSON_TASK);
		expect(s.q1.map((r) => r.economics.profitYuan)).toEqual([-1600, 1200, 2000]);
		expect(s.q2.breakEvenWan).toBeCloseTo(30, 6);
		expect(s.q3HoursBefore).toBe(10);
		expect(s.q3HoursAfter).toBe(5);
		expect(s.q3.cost.totalYuan).toBe(3800);
		expect(s.q3.breakEvenWan).toBeCloseTo(23.75, 6);
		expect(s.q3DropWan).toBeCloseTo(6.25, 6);
	});

	test('q3DropWan is null when no break-even exists', () => {
		expect(solveCostTask({ ...LESSON_TASK, rate: 0.02 }).q3DropWan).toBeNull();
	});
});

describe('scoreCostTask', () => {
	const right = { profitable: { 'branch-visit': 'loss', 'batch-scenario': 'profit', 'online-data': 'profit' }, breakEvenWan: 30, dropWan: 6.25 } as const;

	test('full marks for the right answers', () => {
		const fb = scoreCostTask(LESSON_TASK, right);
		expect(fb.kind).toBe('cost-to-serve');
		expect(fb.score).toBe(7);
		expect(fb.max).toBe(7);
		expect(fb.dimensions.map((d) => d.id)).toEqual(Object.values(COST_TASK_DIMENSIONS));
		expect(fb.findings.map((f) => f.code)).toEqual(['cts.q1-right-loss', 'cts.q1-right-profit', 'cts.q1-right-profit', 'cts.q2-right', 'cts.q3-right']);
		expect(fb.findings.every((f) => f.topic === 'cost-to-serve')).toBe(true);
	});

	test('explains a wrong profit call with the channel numbers', () => {
		const fb = scoreCostTask(LESSON_TASK, { ...right, profitable: { ...right.profitable, 'branch-visit': 'profit', 'online-data': 'loss' } });
		const wrong = fb.findings.filter((f) => f.severity === 'major');
		expect(wrong.map((f) => f.code)).toEqual(['cts.q1-wrong-loss', 'cts.q1-wrong-profit']);
		expect(wrong[0]?.data).toMatchObject({ channel: 'branch-visit', contributionYuan: 3200, costYuan: 4800, profitYuan: -1600, hours: 24 });
		expect(fb.score).toBe(5);
	});

	test('tolerates rounding and spots answers in 元 or the new level', () => {
		expect(closeEnough(30.05, 30)).toBe(true);
		expect(closeEnough(31, 30)).toBe(false);
		expect(ANSWER_TOLERANCE.share).toBe(0.02);
		const fb = scoreCostTask(LESSON_TASK, { ...right, breakEvenWan: 300_000, dropWan: 23.75 });
		expect(fb.findings.find((f) => f.subject === 'q2')?.code).toBe('cts.q2-unit');
		const q3 = fb.findings.find((f) => f.subject === 'q3');
		expect(q3?.code).toBe('cts.q3-gave-level');
		expect(q3?.data).toMatchObject({ ctsStage: 'investigation', hoursBefore: 10, hoursAfter: 5, costBeforeYuan: 4800, costAfterYuan: 3800, expectedWan: 6.25 });
		const fb2 = scoreCostTask(LESSON_TASK, { ...right, breakEvenWan: 12, dropWan: 2 });
		expect(fb2.findings.filter((f) => f.severity === 'major').map((f) => f.code)).toEqual(['cts.q2-wrong', 'cts.q3-wrong']);
		expect(fb2.score).toBe(3);
	});

	test('unanswered parts are minor findings worth nothing', () => {
		const fb = scoreCostTask(LESSON_TASK, { breakEvenWan: Number.NaN, dropWan: null });
		expect(fb.score).toBe(0);
		expect(fb.findings.map((f) => f.code)).toEqual(['cts.q1-unanswered', 'cts.q1-unanswered', 'cts.q1-unanswered', 'cts.q2-unanswered', 'cts.q3-unanswered']);
		expect(scoreCostTask(LESSON_TASK, null as unknown as object).score).toBe(0);
	});

	test('weights override the defaults; junk weights fall back', () => {
		expect(scoreCostTask(LESSON_TASK, right, { profitable: 2, breakEven: -1 }).max).toBe(2 * 3 + 2 + 2);
		expect(scoreCostTask(LESSON_TASK, right, null as unknown as object).max).toBe(7);
		expect(DEFAULT_COST_TASK_WEIGHTS.profitable).toBe(1);
	});

	test('every channel is scored', () => {
		expect(scoreCostTask(costTask('x1'), {}).findings.filter((f) => f.subject === 'q1')).toHaveLength(CHANNELS.length);
	});
});

describe('messages', () => {
	const load = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', `sim-cost-to-serve.${lang}.json`), 'utf8')) as Record<string, string>;
	const dicts = [load('zh-CN'), load('en')];
	const fillable = (data: Record<string, unknown>, name: string) => name in data || (name.endsWith('Pct') && name.slice(0, -3) in data) || (name.endsWith('Name') && name.slice(0, -4) in data);

	test('every finding code and dimension has a message whose placeholders the finding fills', () => {
		const variants = [
			{},
			{ profitable: { 'branch-visit': 'profit', 'batch-scenario': 'loss', 'online-data': 'loss' }, breakEvenWan: 1, dropWan: 1 },
			{ profitable: { 'branch-visit': 'loss', 'batch-scenario': 'profit', 'online-data': 'profit' }, breakEvenWan: 30, dropWan: 6.25 },
			{ breakEvenWan: 300_000, dropWan: 23.75 },
		] as const;
		const seen = new Set<string>();
		for (const seed of [LESSON_TASK_SEED, 'a', 'b', 'c', 'd', 'e', 'f']) {
			for (const v of variants) {
				const fb = scoreCostTask(costTask(seed), v as never);
				for (const d of fb.dimensions) for (const dict of dicts) expect(dict[`dimension.${d.id}`], d.id).toBeTypeOf('string');
				for (const f of fb.findings) {
					seen.add(f.code);
					for (const dict of dicts) {
						const msg = dict[`finding.${f.code}`];
						expect(msg, f.code).toBeTypeOf('string');
						for (const m of (msg as string).matchAll(/\{\{(\w+)\}\}/g)) expect(fillable(f.data, m[1] as string), `${f.code}: ${m[1]}`).toBe(true);
						if (typeof f.data['ctsStage'] === 'string') expect(dict[`ctsStage.${f.data['ctsStage']}`]).toBeTypeOf('string');
					}
				}
			}
		}
		expect(seen.size).toBe(13);
	});
});
