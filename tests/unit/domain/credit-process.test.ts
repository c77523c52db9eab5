import { describe, expect, test } from 'vitest';
import {
	DEFAULT_PLANS,
	DEFAULT_PROCESS_WEIGHTS,
	IDLE_UTILISATION,
	MISS_CREDIT,
	PROCESS_BRIEF,
	PROCESS_PARAMS,
	capacityPerDay,
	checkProcessField,
	compareFindings,
	leadDays,
	poisson,
	routeOf,
	runBrief,
	scoreProcess,
	simulateQuarter,
	targetCredit,
	teamCostWan,
	teamsOf,
	type ProcessPlan,
} from '../../../src/domain/credit-process';
import { createRng } from '../../../src/domain/random';

const plan = (model: ProcessPlan['model'], factory: [number, number] = [20, 0], officer: [number, number] = [20, 0]): ProcessPlan => ({
	model,
	factory: { staff: factory[0], automation: factory[1] },
	officer: { staff: officer[0], automation: officer[1] },
});
const busy = (thinFileShare: number) => ({ applicationsPerDay: 40, thinFileShare });
const find = (fb: { findings: { code: string; data: Record<string, unknown>; severity: string }[] }, code: string) => fb.findings.find((f) => f.code === code);

describe('the lesson illustration', () => {
	test('20 people: the factory decides 240 files a month, officers 120, at 0.208 / 0.417 万元 a file', () => {
		const f = simulateQuarter(DEFAULT_PLANS[0], busy(0), 'lesson');
		const o = simulateQuarter(DEFAULT_PLANS[1], busy(0), 'lesson');
		expect(f.decided).toBe(240 * 3);
		expect(o.decided).toBe(120 * 3);
		expect(f.costPerDecisionWan).toBeCloseTo(50 / 240, 5);
		expect(o.costPerDecisionWan).toBeCloseTo(50 / 120, 5);
		expect(f.costShareOfLoan).toBeCloseTo(0.0042, 4);
		expect(o.costShareOfLoan).toBeCloseTo(0.0083, 4);
	});

	test('cost + loss: 1.22% / 1.43% for clients with data, 2.92% / 1.73% for soft-information clients', () => {
		const rows: [ProcessPlan, number, number][] = [
			[DEFAULT_PLANS[0], 0, 0.0122],
			[DEFAULT_PLANS[1], 0, 0.0143],
			[DEFAULT_PLANS[0], 1, 0.0292],
			[DEFAULT_PLANS[1], 1, 0.0173],
		];
		for (const [p, thin, total] of rows) {
			const r = simulateQuarter(p, busy(thin), 'lesson');
			expect(r.costPlusLoss).toBeCloseTo(total, 4);
		}
		expect(simulateQuarter(DEFAULT_PLANS[0], busy(0), 'x').lossRate).toBe(0.008);
		expect(simulateQuarter(DEFAULT_PLANS[1], busy(1), 'x').lossRate).toBe(0.009);
	});

	test('without a queue the factory disburses in 3 working days and officers in 5', () => {
		const quiet = { applicationsPerDay: 2, thinFileShare: 0.5 };
		const f = simulateQuarter(DEFAULT_PLANS[0], quiet, 'quiet');
		const o = simulateQuarter(DEFAULT_PLANS[1], quiet, 'quiet');
		expect(f.turnaroundMeanDays).toBe(3);
		expect(f.turnaroundP90Days).toBe(3);
		expect(o.turnaroundMeanDays).toBe(5);
		expect(f.backlog).toBe(0);
		expect(f.decidedShare).toBe(1);
	});
});

describe('team arithmetic', () => {
	test('capacity, lead time and cost follow staff and automation', () => {
		expect(capacityPerDay('factory', { staff: 20, automation: 0 })).toBeCloseTo(12, 10);
		expect(capacityPerDay('factory', { staff: 20, automation: 1 })).toBeCloseTo(30, 10);
		expect(capacityPerDay('officer', { staff: 20, automation: 1 })).toBeCloseTo(7.8, 10);
		expect(capacityPerDay('officer', { staff: Number.NaN, automation: 2 })).toBe(0);
		expect(leadDays('factory', { staff: 1, automation: 0.5 })).toBe(2);
		expect(leadDays('officer', { staff: 1, automation: 1 })).toBe(4);
		expect(teamCostWan({ staff: 20, automation: 0.5 }, 3)).toEqual({ staffWan: 150, systemWan: 22.5 });
	});

	test('teams and routing by model', () => {
		expect(teamsOf('factory')).toEqual(['factory']);
		expect(teamsOf('officer')).toEqual(['officer']);
		expect(teamsOf('hybrid')).toEqual(['factory', 'officer']);
		expect(routeOf('hybrid', 'thin')).toBe('officer');
		expect(routeOf('hybrid', 'data')).toBe('factory');
		expect(routeOf('factory', 'thin')).toBe('factory');
	});

	test('Poisson draws average their mean and never go negative', () => {
		const rng = createRng('poisson');
		let sum = 0;
		for (let i = 0; i < 2000; i++) sum += poisson(rng, 40);
		expect(sum / 2000).toBeGreaterThan(39);
		expect(sum / 2000).toBeLessThan(41);
		expect(poisson(rng, 0)).toBe(0);
		expect(poisson(rng, Number.NaN)).toBe(0);
		expect(poisson(rng, 200)).toBeGreaterThan(100);
	});

	test('form fields are whole numbers within bounds', () => {
		expect(checkProcessField('staff', 20)).toBe('ok');
		expect(checkProcessField('staff', 0)).toBe('out-of-range');
		expect(checkProcessField('automationPct', 101)).toBe('out-of-range');
		expect(checkProcessField('applicationsPerDay', 2.5)).toBe('not-whole');
		expect(checkProcessField('thinFilePct', Number.NaN)).toBe('not-number');
		expect(checkProcessField('thinFilePct', '40')).toBe('not-number');
	});
});

describe('simulateQuarter', () => {
	test('the same seed gives the same quarter, and both plans see the same applicants', () => {
		const a = simulateQuarter(DEFAULT_PLANS[0], busy(0.4), 'seed');
		expect(simulateQuarter(DEFAULT_PLANS[0], busy(0.4), 'seed')).toEqual(a);
		const b = simulateQuarter(DEFAULT_PLANS[1], busy(0.4), 'seed');
		expect(b.arrivedPerWeek).toEqual(a.arrivedPerWeek);
		expect(a.arrivedPerWeek).toHaveLength(12);
		expect(simulateQuarter(DEFAULT_PLANS[0], busy(0.4), 'other').arrived).not.toBe(a.arrived);
	});

	test('an overloaded team builds a queue; waiting files count in the turnaround', () => {
		const r = simulateQuarter(DEFAULT_PLANS[0], busy(0.4), 'queue');
		expect(r.backlog).toBe(r.arrived - r.decided);
		expect(r.backlog).toBeGreaterThan(1000);
		expect(r.waitMeanDays).toBeGreaterThan(10);
		expect(r.turnaroundMeanDays).toBeGreaterThan(r.waitMeanDays);
		expect(r.teams[0]?.utilisation).toBe(1);
		expect(r.decidedPerWeek.reduce((s, x) => s + x, 0)).toBe(r.decided);
	});

	test('the factory approves fewer thin files and loses more on them; the hybrid routes them to officers', () => {
		const f = simulateQuarter(plan('factory', [80, 0]), busy(0.4), 'mix');
		const h = simulateQuarter(plan('hybrid', [50, 0], [60, 0]), busy(0.4), 'mix');
		expect(f.thinApprovalRate).toBeLessThan(0.55);
		expect(h.thinApprovalRate).toBeGreaterThan(0.6);
		expect(f.lossRate).toBeGreaterThan(h.lossRate);
		expect(h.teams.map((t) => t.kind)).toEqual(['factory', 'officer']);
		expect(h.teams[1]?.arrived).toBeGreaterThan(0);
		expect(h.thinShareApproved).toBeGreaterThan(0);
	});

	test('bad plans and environments do not crash', () => {
		const r = simulateQuarter({ model: 'nope' as never, factory: { staff: Number.NaN, automation: Number.NaN }, officer: { staff: 1, automation: 0 } }, { applicationsPerDay: Number.NaN, thinFileShare: 7 }, 's');
		expect(r.plan.model).toBe('nope');
		expect(r.arrived).toBe(0);
		expect(r.decidedShare).toBe(1);
		expect(r.turnaroundMeanDays).toBe(0);
		expect(r.turnaroundP90Days).toBe(0);
		expect(r.costPerDecisionWan).toBe(0);
		expect(r.costPerLoanWan).toBe(0);
		expect(r.lossRate).toBe(0);
		expect(r.approvalRate).toBe(0);
		expect(r.thinApprovalRate).toBe(0);
		expect(r.dataApprovalRate).toBe(0);
		expect(r.thinShareApproved).toBe(0);
		expect(r.waitMeanDays).toBe(0);
		expect(r.teams[0]?.utilisation).toBe(0);
		const none = simulateQuarter(plan('factory', [0, 0]), busy(0), 's');
		expect(none.decided).toBe(0);
		expect(none.decidedShare).toBe(0);
	});

	// Speed is a benchmark concern (about 1 ms a quarter measured by hand), not a unit-test assertion.
	test('gives the same quarter for the same seed', () => {
		const a = simulateQuarter(plan('hybrid', [20, 1], [60, 0]), busy(0.4), 'same');
		const b = simulateQuarter(plan('hybrid', [20, 1], [60, 0]), busy(0.4), 'same');
		expect(b).toEqual(a);
	});
});

describe('compareFindings', () => {
	test('names the faster, cheaper, safer plan and the queue, thin-file and idle problems', () => {
		const a = simulateQuarter(DEFAULT_PLANS[0], busy(0.4), 'cmp');
		const b = simulateQuarter(plan('officer', [20, 0], [200, 0]), busy(0.4), 'cmp');
		const fs = compareFindings(a, b);
		const code = (c: string) => fs.filter((f) => f.code === `process.compare.${c}`);
		expect(code('speed')[0]?.data).toMatchObject({ fasterPlan: 2, fasterDays: b.turnaroundMeanDays, slowerDays: a.turnaroundMeanDays });
		expect(code('cost-loss')[0]?.data).toMatchObject({ cheaperPlan: 1, saferPlan: 2, cheaperYuan: Math.round(a.costPerDecisionWan * 10000) });
		expect(code('queue')[0]?.data).toMatchObject({ plan: 1, processTeam: 'factory', backlog: a.backlog, capacityPerDay: 12, waitMeanDays: a.teams[0]?.waitMeanDays });
		expect(code('factory-thin')[0]?.data).toMatchObject({ plan: 1, thinLoss: 0.025, officerThinLoss: 0.009 });
		expect(code('idle')[0]?.data).toMatchObject({ plan: 2, processTeam: 'officer', staff: 200 });
		expect(b.teams[0]?.utilisation).toBeLessThan(IDLE_UTILISATION);
		expect(fs.every((f) => f.severity === 'info')).toBe(true);
	});

	test('identical plans are called identical', () => {
		const a = simulateQuarter(DEFAULT_PLANS[1], busy(0.4), 'same');
		const fs = compareFindings(a, a);
		expect(fs[0]?.code).toBe('process.compare.same');
		expect(fs.some((f) => f.code === 'process.compare.speed')).toBe(false);
	});
});

describe('scoring against the brief', () => {
	test('the brief: 40 a day, 40% thin files, ≤ 3 days, ≤ 1% loss, ≤ 3000 元 a file', () => {
		expect(PROCESS_BRIEF).toMatchObject({ applicationsPerDay: 40, thinFileShare: 0.4, maxMeanTurnaroundDays: 3, maxLossRate: 0.01, maxCostPerDecisionWan: 0.3 });
	});

	test('a hybrid with an automated factory line and enough officers meets every target', () => {
		const { result, feedback } = runBrief(plan('hybrid', [20, 1], [60, 0]), 'sme-2026');
		expect(feedback.score).toBe(feedback.max);
		expect(feedback.max).toBe(10);
		expect(feedback.findings.filter((f) => f.severity === 'good').map((f) => f.code)).toEqual(['process.throughput-met', 'process.turnaround-met', 'process.loss-met', 'process.cost-met']);
		expect(feedback.findings.filter((f) => f.code === 'process.team')).toHaveLength(2);
		expect(find(feedback, 'process.cost-plus-loss')?.data).toMatchObject({ costPlusLoss: result.costPlusLoss });
	});

	test('the lesson teams are swamped: throughput and turnaround missed because of the queue', () => {
		const { result, feedback } = runBrief(DEFAULT_PLANS[0], 'sme-2026');
		expect(find(feedback, 'process.throughput-missed')?.data).toMatchObject({ processTeam: 'factory', capacityPerDay: 12, demandPerDay: result.teams[0]?.demandPerDay, backlog: result.backlog });
		expect(result.teams[0]?.demandPerDay).toBeCloseTo(result.arrived / 60, 3);
		expect(find(feedback, 'process.turnaround-missed')?.data['reason']).toBe('process.queue');
		expect(feedback.dimensions.map((d) => d.id)).toEqual(['process-throughput', 'process-turnaround', 'process-loss', 'process-cost']);
		expect(feedback.dimensions[0]?.score).toBe(0);
	});

	test('a big enough factory is fast and cheap but loses too much on thin files', () => {
		const { result, feedback } = runBrief(plan('factory', [40, 0.5]), 'sme-2026');
		const loss = find(feedback, 'process.loss-missed');
		expect(loss?.data).toMatchObject({ reason: 'process.factory-thin', processModel: 'factory', lossRate: result.lossRate });
		expect(result.lossRate).toBeGreaterThan(0.012);
		expect(feedback.dimensions[2]?.score).toBeLessThan(1);
		expect(find(feedback, 'process.turnaround-met')).toBeDefined();
	});

	test('officers alone keep losses low but are slow by nature and expensive', () => {
		const { feedback } = runBrief(plan('officer', [1, 0], [150, 0]), 'sme-2026');
		expect(find(feedback, 'process.loss-met')).toBeDefined();
		expect(find(feedback, 'process.turnaround-missed')?.data['reason']).toBe('process.lead-time');
		expect(find(feedback, 'process.cost-missed')?.data['reason']).toBe('process.officer-cost');
	});

	test('a hybrid short of factory staff names the factory line as the bottleneck', () => {
		const { result, feedback } = runBrief(plan('hybrid', [20, 0], [200, 0]), 'neck');
		expect(find(feedback, 'process.throughput-missed')?.data).toMatchObject({ processTeam: 'factory', backlog: result.backlog });
		expect(result.teams[1]?.backlog).toBe(0);
		expect(result.teams[1]?.waitMeanDays).toBe(0);
	});

	test('cost misses are explained: idle staff or system spend', () => {
		const idle = runBrief(plan('hybrid', [150, 1], [60, 0]), 'sme-2026').feedback;
		expect(find(idle, 'process.cost-missed')?.data['reason']).toBe('process.idle');
		const r = simulateQuarter(plan('factory', [30, 1]), busy(0.4), 'sys');
		const dear = scoreProcess({ ...r, costPerDecisionWan: 0.5 });
		expect(find(dear, 'process.cost-missed')?.data['reason']).toBe('process.system-cost');
		const officerLoss = scoreProcess({ ...simulateQuarter(plan('officer', [1, 0], [150, 0]), busy(0.4), 'ol'), lossRate: 0.02 });
		expect(find(officerLoss, 'process.loss-missed')?.data['reason']).toBe('process.officer-loss');
	});

	test('nothing decided or approved is critical, not a crash', () => {
		const none = scoreProcess(simulateQuarter(plan('factory', [0, 0]), busy(0.4), 'none'));
		expect(none.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['process.throughput-missed', 'process.no-loans', 'process.no-decisions']));
		expect(none.score).toBe(0);
	});

	test('a near miss keeps part of the points; weights are configurable and bad ones count 0', () => {
		expect(targetCredit(1)).toBe(1);
		expect(targetCredit(0.5)).toBe(1);
		expect(targetCredit(1.15)).toBeCloseTo(MISS_CREDIT.max * 0.5, 10);
		expect(targetCredit(2)).toBe(0);
		expect(targetCredit(Number.NaN)).toBe(1);
		const r = simulateQuarter(plan('hybrid', [20, 1], [60, 0]), busy(0.4), 'w');
		expect(scoreProcess(r, { throughput: 1, turnaround: 1, loss: Number.NaN, cost: -1 }).max).toBe(2);
		expect(scoreProcess(r).max).toBe(Object.values(DEFAULT_PROCESS_WEIGHTS).reduce((s, x) => s + x, 0));
	});

	test('the parameters stay the lesson figures', () => {
		expect(PROCESS_PARAMS.staffCostWanPerMonth * 20).toBe(50);
		expect(PROCESS_PARAMS.teams.factory.decisionsPerStaffDay * 20 * PROCESS_PARAMS.workingDaysPerMonth).toBe(240);
		expect(PROCESS_PARAMS.teams.officer.decisionsPerStaffDay * 20 * PROCESS_PARAMS.workingDaysPerMonth).toBe(120);
	});
});
