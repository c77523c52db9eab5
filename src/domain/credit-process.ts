/**
 * Credit factory vs loan officer (lesson m3/03-organisational-innovation, 「信贷工厂与信贷员模式」):
 * a seeded quarter of applications handled by one of three operating models —
 *
 *   factory  信贷工厂: a standardised line (scorecards, specialised steps); fast and cheap, but its
 *            scorecard rejects many thin-file applicants and misprices the ones it approves;
 *   officer  信贷员模式 (IPC-style): one officer investigates each file end to end on site and
 *            reads soft information; handles thin files well, but slowly and at a higher cost;
 *   hybrid   混合分流: data-rich applicants go to a factory team, thin-file ones to an officer team.
 *
 * Each working day: applications arrive (Poisson, mean `applicationsPerDay`), each thin-file with
 * probability `thinFileShare`, and join their team's first-in-first-out queue. A team decides up to
 * its daily capacity (staff × decisions per staff-day × automation gain; fractional capacity
 * carries over while work is waiting). A decided file's turnaround is its wait in the queue plus
 * the team's lead time (investigation → approval → disbursement); files still queued at quarter end
 * count with the wait so far (a lower bound). Approval is a seeded draw at the team's approval rate
 * for the file's class; the loss rate is the expected annual loss (PD × LGD) of the approved loans,
 * all of one average amount.
 *
 * Units: days are working days (20 a month, 60 a quarter); money in 万元; rates and shares as
 * fractions; automation as a fraction 0..1 (the UI shows %).
 *
 * Every number in PROCESS_PARAMS is a TEACHING ASSUMPTION taken from the lesson's illustration
 * (20 people at 2.5万 a month; factory 240 decisions a month in 3 days, officers 120 in 5 days; loss
 * 0.8% / 2.5% for data-rich / thin-file files through the factory, 0.6% / 0.9% through officers),
 * plus assumed approval rates, automation effects and system costs. No regulation sets them.
 */
import { createRng, type Rng } from './random';
import { finiteOr } from './risk';
import { makeFeedback, type Feedback, type Finding, type FindingData, type Severity, type Topic } from './scoring/feedback';

/** The operating models. */
export const OPERATING_MODELS = ['factory', 'officer', 'hybrid'] as const;
export type OperatingModel = (typeof OPERATING_MODELS)[number];

/** The two kinds of team. */
export const TEAM_KINDS = ['factory', 'officer'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** Applicant classes: with tax / settlement data (lesson class A) or thin-file on soft information (class B). */
export type ApplicantClass = 'data' | 'thin';

/** One team's parameters. */
export interface TeamParams {
	/** Decisions per person per working day without automation. */
	decisionsPerStaffDay: number;
	/** Working days from complete file to disbursement without a queue. */
	leadDays: number;
	/** Capacity multiplier at 100% automation is 1 + this. */
	automationCapacityGain: number;
	/** Lead days saved at 100% automation. */
	automationLeadCutDays: number;
	/** Share of applications approved, by class. */
	approvalRate: Record<ApplicantClass, number>;
	/** Expected annual loss rate (PD × LGD) of approved loans, by class. */
	lossRate: Record<ApplicantClass, number>;
}

/** TEACHING ASSUMPTIONS of the model (see the file comment). */
export const PROCESS_PARAMS = {
	workingDaysPerMonth: 20,
	/** A quarter, working days. */
	quarterDays: 60,
	/** 每人每月综合人力成本, 万元 (lesson). */
	staffCostWanPerMonth: 2.5,
	/** 笔均金额, 万元 (lesson). */
	averageLoanWan: 50,
	/** System cost of a team at 100% automation, 万元 a month (licences, models, data fees); scales linearly. */
	systemCostWanPerMonthAtFullAutomation: 15,
	teams: {
		factory: {
			// 240 decisions a month ÷ 20 people ÷ 20 days.
			decisionsPerStaffDay: 0.6,
			leadDays: 3,
			// 信贷工厂 2.0: automatic approval lets the same line decide 2.5× as many files.
			automationCapacityGain: 1.5,
			automationLeadCutDays: 2,
			approvalRate: { data: 0.75, thin: 0.45 },
			lossRate: { data: 0.008, thin: 0.025 },
		},
		officer: {
			// 120 decisions a month ÷ 20 people ÷ 20 days.
			decisionsPerStaffDay: 0.3,
			leadDays: 5,
			// Field work does not automate much: tablets and pre-filled data save a little.
			automationCapacityGain: 0.3,
			automationLeadCutDays: 1,
			approvalRate: { data: 0.75, thin: 0.7 },
			lossRate: { data: 0.006, thin: 0.009 },
		},
	} satisfies Record<TeamKind, TeamParams>,
} as const;

/** One team's configuration. */
export interface TeamConfig {
	staff: number;
	/** Share of steps automated, 0..1. */
	automation: number;
}

/** A plan: the model and its teams (hybrid uses both; the others use their own). */
export interface ProcessPlan {
	model: OperatingModel;
	factory: TeamConfig;
	officer: TeamConfig;
}

/** The quarter's demand. */
export interface ProcessEnvironment {
	applicationsPerDay: number;
	/** Share of applicants that are thin-file, 0..1. */
	thinFileShare: number;
}

/** Form bounds. */
export const PROCESS_LIMITS = {
	staff: { min: 1, max: 300 },
	automationPct: { min: 0, max: 100 },
	applicationsPerDay: { min: 1, max: 200 },
	thinFilePct: { min: 0, max: 100 },
} as const;

/** The lesson's two teams of 20, no automation. */
export const DEFAULT_TEAM: TeamConfig = { staff: 20, automation: 0 };
export const DEFAULT_PLANS: readonly [ProcessPlan, ProcessPlan] = [
	{ model: 'factory', factory: DEFAULT_TEAM, officer: DEFAULT_TEAM },
	{ model: 'officer', factory: DEFAULT_TEAM, officer: DEFAULT_TEAM },
];

/** The scored brief: demand and the targets a plan must meet (TEACHING ASSUMPTIONS). */
export const PROCESS_BRIEF = {
	applicationsPerDay: 40,
	thinFileShare: 0.4,
	/** Decide at least this share of the quarter's applications. */
	minDecidedShare: 0.95,
	maxMeanTurnaroundDays: 3,
	maxLossRate: 0.01,
	maxCostPerDecisionWan: 0.3,
} as const;

/** Which teams a model staffs. */
export function teamsOf(model: OperatingModel): TeamKind[] {
	return model === 'hybrid' ? ['factory', 'officer'] : [model];
}

/** The team that handles an applicant under a model. */
export function routeOf(model: OperatingModel, cls: ApplicantClass): TeamKind {
	if (model === 'hybrid') return cls === 'thin' ? 'officer' : 'factory';
	return model;
}

const clamp01 = (x: unknown): number => Math.min(1, Math.max(0, finiteOr(x, 0)));
const staffOf = (x: unknown): number => Math.min(PROCESS_LIMITS.staff.max, Math.max(0, Math.floor(finiteOr(x, 0))));

/** Decisions a team makes per working day. */
export function capacityPerDay(kind: TeamKind, team: TeamConfig): number {
	const p = PROCESS_PARAMS.teams[kind];
	return staffOf(team.staff) * p.decisionsPerStaffDay * (1 + p.automationCapacityGain * clamp01(team.automation));
}

/** A team's lead time without a queue, working days. */
export function leadDays(kind: TeamKind, team: TeamConfig): number {
	const p = PROCESS_PARAMS.teams[kind];
	return p.leadDays - p.automationLeadCutDays * clamp01(team.automation);
}

/** A team's cost over `months`: staff cost + system cost, 万元. */
export function teamCostWan(team: TeamConfig, months: number): { staffWan: number; systemWan: number } {
	return {
		staffWan: staffOf(team.staff) * PROCESS_PARAMS.staffCostWanPerMonth * months,
		systemWan: clamp01(team.automation) * PROCESS_PARAMS.systemCostWanPerMonthAtFullAutomation * months,
	};
}

/** A Poisson draw (Knuth; the mean is at most 200, so e^−mean stays a normal double). */
export function poisson(rng: Rng, mean: number): number {
	const lambda = Math.max(0, finiteOr(mean, 0));
	const limit = Math.exp(-lambda);
	let k = 0;
	let prod = rng.next();
	while (prod > limit) {
		k++;
		prod *= rng.next();
	}
	return k;
}

/** One team's quarter. */
export interface TeamResult {
	kind: TeamKind;
	staff: number;
	automation: number;
	capacityPerDay: number;
	leadDays: number;
	arrived: number;
	/** Applications routed to the team per working day, on average. */
	demandPerDay: number;
	decided: number;
	approved: number;
	backlog: number;
	/** Mean days a decided file waited in this team's queue. */
	waitMeanDays: number;
	/** decided ÷ (capacity × days). */
	utilisation: number;
	staffCostWan: number;
	systemCostWan: number;
}

/** A quarter's outcome for a plan. */
export interface ProcessResult {
	plan: ProcessPlan;
	environment: ProcessEnvironment;
	days: number;
	arrived: number;
	decided: number;
	/** decided ÷ arrived. */
	decidedShare: number;
	approved: number;
	backlog: number;
	arrivedPerWeek: number[];
	decidedPerWeek: number[];
	capacityPerDay: number;
	turnaroundMeanDays: number;
	turnaroundP90Days: number;
	waitMeanDays: number;
	/** Approved ÷ decided, overall and by class. */
	approvalRate: number;
	thinApprovalRate: number;
	dataApprovalRate: number;
	/** Thin-file share of the approved loans. */
	thinShareApproved: number;
	/** Expected annual loss rate of the approved loans. */
	lossRate: number;
	staffCostWan: number;
	systemCostWan: number;
	totalCostWan: number;
	/** Total cost ÷ decided applications (the lesson's 单笔成本). */
	costPerDecisionWan: number;
	/** Total cost ÷ approved loans. */
	costPerLoanWan: number;
	/** Cost per decision ÷ average loan. */
	costShareOfLoan: number;
	/** costShareOfLoan + lossRate: the lesson's 成本 + 损失. */
	costPlusLoss: number;
	teams: TeamResult[];
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000;
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Pending {
	day: number;
	cls: ApplicantClass;
}

/** Simulate a quarter of `plan` in `environment` with a seeded stream. */
export function simulateQuarter(plan: ProcessPlan, environment: ProcessEnvironment, seed: string): ProcessResult {
	const days = PROCESS_PARAMS.quarterDays;
	const months = days / PROCESS_PARAMS.workingDaysPerMonth;
	const model: OperatingModel = (OPERATING_MODELS as readonly string[]).includes(plan.model) ? plan.model : 'factory';
	const mean = Math.min(PROCESS_LIMITS.applicationsPerDay.max, Math.max(0, finiteOr(environment.applicationsPerDay, 0)));
	const thin = clamp01(environment.thinFileShare);
	const kinds = teamsOf(model);
	const rng = createRng(`${seed}/credit-process`);
	// Arrivals and classes come from one stream, decisions from another, so two plans in the same
	// environment and seed see exactly the same applicants.
	const arrivals = rng.fork('arrivals');
	const decisions = rng.fork('decisions');
	const teams = kinds.map((kind) => {
		const cfg = plan[kind];
		const cap = capacityPerDay(kind, cfg);
		return { kind, cfg, cap, lead: leadDays(kind, cfg), queue: [] as Pending[], head: 0, credit: 0, arrived: 0, decided: 0, approved: 0, waitSum: 0 };
	});
	const byKind = (k: TeamKind) => teams.find((t) => t.kind === k) as (typeof teams)[number];
	const turnaround: number[] = [];
	let waitSum = 0;
	const arrivedPerWeek = new Array<number>(Math.ceil(days / 5)).fill(0);
	const decidedPerWeek = new Array<number>(Math.ceil(days / 5)).fill(0);
	const decidedBy = { data: 0, thin: 0 };
	const approvedBy = { data: 0, thin: 0 };
	let lossSum = 0;
	for (let day = 1; day <= days; day++) {
		const week = Math.floor((day - 1) / 5);
		const n = poisson(arrivals, mean);
		arrivedPerWeek[week] = (arrivedPerWeek[week] as number) + n;
		for (let i = 0; i < n; i++) {
			const cls: ApplicantClass = arrivals.bool(thin) ? 'thin' : 'data';
			const t = byKind(routeOf(model, cls));
			t.queue.push({ day, cls });
			t.arrived++;
		}
		for (const t of teams) {
			t.credit += t.cap;
			while (t.credit >= 1 && t.head < t.queue.length) {
				const a = t.queue[t.head++] as Pending;
				t.credit -= 1;
				const wait = day - a.day;
				waitSum += wait;
				t.waitSum += wait;
				turnaround.push(wait + t.lead);
				t.decided++;
				decidedBy[a.cls]++;
				decidedPerWeek[week] = (decidedPerWeek[week] as number) + 1;
				const p = PROCESS_PARAMS.teams[t.kind];
				if (decisions.bool(p.approvalRate[a.cls])) {
					t.approved++;
					approvedBy[a.cls]++;
					lossSum += p.lossRate[a.cls];
				}
			}
			// Idle capacity is lost; only the fraction of a file carries to the next day.
			if (t.head >= t.queue.length) t.credit -= Math.floor(t.credit);
		}
	}
	// Files still waiting: their wait so far plus the lead time (a lower bound).
	for (const t of teams) for (let i = t.head; i < t.queue.length; i++) turnaround.push(days + 1 - (t.queue[i] as Pending).day + t.lead);
	const arrived = teams.reduce((s, t) => s + t.arrived, 0);
	const decided = teams.reduce((s, t) => s + t.decided, 0);
	const approved = approvedBy.data + approvedBy.thin;
	const teamResults: TeamResult[] = teams.map((t) => {
		const c = teamCostWan(t.cfg, months);
		return {
			kind: t.kind,
			staff: staffOf(t.cfg.staff),
			automation: clamp01(t.cfg.automation),
			capacityPerDay: r4(t.cap),
			leadDays: r4(t.lead),
			arrived: t.arrived,
			demandPerDay: r4(t.arrived / days),
			decided: t.decided,
			approved: t.approved,
			backlog: t.queue.length - t.head,
			waitMeanDays: t.decided > 0 ? r4(t.waitSum / t.decided) : 0,
			utilisation: t.cap > 0 ? r4(t.decided / (t.cap * days)) : 0,
			staffCostWan: r4(c.staffWan),
			systemCostWan: r4(c.systemWan),
		};
	});
	const staffCostWan = r4(teamResults.reduce((s, t) => s + t.staffCostWan, 0));
	const systemCostWan = r4(teamResults.reduce((s, t) => s + t.systemCostWan, 0));
	const totalCostWan = r4(staffCostWan + systemCostWan);
	const sorted = [...turnaround].sort((a, b) => a - b);
	const costPerDecisionWan = decided > 0 ? r6(totalCostWan / decided) : 0;
	const lossRate = approved > 0 ? r6(lossSum / approved) : 0;
	const costShareOfLoan = r6(costPerDecisionWan / PROCESS_PARAMS.averageLoanWan);
	return {
		plan,
		environment: { applicationsPerDay: mean, thinFileShare: thin },
		days,
		arrived,
		decided,
		decidedShare: arrived > 0 ? r4(decided / arrived) : 1,
		approved,
		backlog: arrived - decided,
		arrivedPerWeek,
		decidedPerWeek,
		capacityPerDay: r4(teams.reduce((s, t) => s + t.cap, 0)),
		turnaroundMeanDays: sorted.length > 0 ? r4(sorted.reduce((s, x) => s + x, 0) / sorted.length) : 0,
		turnaroundP90Days: sorted.length > 0 ? r4(sorted[Math.ceil(0.9 * sorted.length) - 1] as number) : 0,
		waitMeanDays: decided > 0 ? r4(waitSum / decided) : 0,
		approvalRate: decided > 0 ? r4(approved / decided) : 0,
		thinApprovalRate: decidedBy.thin > 0 ? r4(approvedBy.thin / decidedBy.thin) : 0,
		dataApprovalRate: decidedBy.data > 0 ? r4(approvedBy.data / decidedBy.data) : 0,
		thinShareApproved: approved > 0 ? r4(approvedBy.thin / approved) : 0,
		lossRate,
		staffCostWan,
		systemCostWan,
		totalCostWan,
		costPerDecisionWan,
		costPerLoanWan: approved > 0 ? r6(totalCostWan / approved) : 0,
		costShareOfLoan,
		costPlusLoss: r6(costShareOfLoan + lossRate),
		teams: teamResults,
	};
}

// ---------------------------------------------------------------- validation

/** Fields of the form a validation error can point at. */
export type ProcessField = 'staff' | 'automationPct' | 'applicationsPerDay' | 'thinFilePct';

/** Whether a form value is acceptable: a whole number within the field's bounds. */
export function checkProcessField(field: ProcessField, value: unknown): 'ok' | 'not-number' | 'out-of-range' | 'not-whole' {
	if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-number';
	const lim = PROCESS_LIMITS[field];
	if (value < lim.min || value > lim.max) return 'out-of-range';
	if (!Number.isInteger(value)) return 'not-whole';
	return 'ok';
}

// ---------------------------------------------------------------- comparison findings

/** What the learner should notice when two plans are compared (all `info`; plans are numbered 1 and 2). */
export function compareFindings(a: ProcessResult, b: ProcessResult): Finding[] {
	const out: Finding[] = [];
	const note = (code: string, topic: Topic, data: FindingData) => out.push({ code: `process.compare.${code}`, severity: 'info', dimension: 'compare', topic, data });
	const rs = [a, b] as const;
	const yuanOf = (wan: number) => Math.round(wan * 10000);
	const lower = (f: (r: ProcessResult) => number) => (f(a) <= f(b) ? 1 : 2);
	const same = a.turnaroundMeanDays === b.turnaroundMeanDays && a.costPerDecisionWan === b.costPerDecisionWan && a.lossRate === b.lossRate;
	if (same) note('same', 'credit-organisation', { turnaround: a.turnaroundMeanDays });
	else {
		const fast = lower((r) => r.turnaroundMeanDays);
		const cheap = lower((r) => r.costPerDecisionWan);
		const safe = lower((r) => r.lossRate);
		const best = lower((r) => r.costPlusLoss);
		const pick = (n: number) => rs[n - 1] as ProcessResult;
		const other = (n: number) => rs[2 - n] as ProcessResult;
		note('speed', 'credit-organisation', { fasterPlan: fast, fasterDays: pick(fast).turnaroundMeanDays, slowerDays: other(fast).turnaroundMeanDays, fasterDecided: pick(fast).decided, slowerDecided: other(fast).decided });
		note('cost-loss', 'expected-loss', {
			cheaperPlan: cheap,
			cheaperYuan: yuanOf(pick(cheap).costPerDecisionWan),
			dearerYuan: yuanOf(other(cheap).costPerDecisionWan),
			saferPlan: safe,
			saferLoss: pick(safe).lossRate,
			riskierLoss: other(safe).lossRate,
			betterPlan: best,
			betterTotal: pick(best).costPlusLoss,
			worseTotal: other(best).costPlusLoss,
		});
	}
	rs.forEach((r, i) => {
		const plan = i + 1;
		for (const t of r.teams) {
			if (t.backlog > t.capacityPerDay) {
				note('queue', 'credit-organisation', { plan, processTeam: t.kind, backlog: t.backlog, capacityPerDay: t.capacityPerDay, demandPerDay: t.demandPerDay, waitMeanDays: t.waitMeanDays });
			}
		}
		if (r.plan.model === 'factory' && r.thinShareApproved > 0) {
			note('factory-thin', 'soft-information', { plan, thinApproval: r.thinApprovalRate, dataApproval: r.dataApprovalRate, thinLoss: PROCESS_PARAMS.teams.factory.lossRate.thin, officerThinLoss: PROCESS_PARAMS.teams.officer.lossRate.thin });
		}
		for (const t of r.teams) {
			if (t.utilisation < IDLE_UTILISATION) note('idle', 'credit-organisation', { plan, processTeam: t.kind, utilisation: t.utilisation, staff: t.staff });
		}
	});
	return out;
}

/** A team busy less than this share of its capacity is carrying idle staff (TEACHING DEFAULT). */
export const IDLE_UTILISATION = 0.7;

// ---------------------------------------------------------------- scoring

/** Points per target of the brief. */
export interface ProcessWeights {
	throughput: number;
	turnaround: number;
	loss: number;
	cost: number;
}

/** Default weights: 10 points, 2.5 per target. */
export const DEFAULT_PROCESS_WEIGHTS: ProcessWeights = { throughput: 2.5, turnaround: 2.5, loss: 2.5, cost: 2.5 };

/** A missed target earns at most this share of its points, falling to 0 at 30% past the target (TEACHING DEFAULT). */
export const MISS_CREDIT = { max: 0.6, zeroAtExcess: 0.3 } as const;

/** Points share for a value against a target: 1 when met; a near miss keeps some. `ratio` = how far past the target (1 = on it). */
export function targetCredit(ratio: number): number {
	if (!(ratio > 1)) return 1;
	return Math.max(0, MISS_CREDIT.max * (1 - (ratio - 1) / MISS_CREDIT.zeroAtExcess));
}

const weightOf = (w: unknown): number => (typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 0);

/** Score a plan's quarter against the brief → Feedback kind 'credit-process'. */
export function scoreProcess(r: ProcessResult, weights: ProcessWeights = DEFAULT_PROCESS_WEIGHTS): Feedback {
	const b = PROCESS_BRIEF;
	const findings: Finding[] = [];
	const add = (code: string, severity: Severity, dimension: string, topic: Topic, data: FindingData) => findings.push({ code: `process.${code}`, severity, dimension, topic, data });
	const model = r.plan.model;

	// Throughput: decide (almost) everything that arrived.
	const tRatio = r.decidedShare > 0 ? b.minDecidedShare / r.decidedShare : Infinity;
	// The bottleneck: the team with the most files left waiting.
	const neck = r.teams.reduce((a, t) => (t.backlog > a.backlog ? t : a));
	const tData = { decided: r.decided, arrived: r.arrived, decidedShare: r.decidedShare, target: b.minDecidedShare, backlog: r.backlog, processTeam: neck.kind, capacityPerDay: neck.capacityPerDay, demandPerDay: neck.demandPerDay };
	add(tRatio <= 1 ? 'throughput-met' : 'throughput-missed', tRatio <= 1 ? 'good' : 'major', 'process-throughput', 'credit-organisation', tData);

	// Turnaround: mean days, explained by the queue or the lead time.
	const lead = r.teams.reduce((s, t) => s + t.leadDays * t.decided, 0) / Math.max(1, r.decided);
	const taRatio = r.turnaroundMeanDays / b.maxMeanTurnaroundDays;
	const taData = { meanDays: r.turnaroundMeanDays, p90Days: r.turnaroundP90Days, target: b.maxMeanTurnaroundDays, waitDays: r.waitMeanDays, leadDays: r4(lead) };
	if (taRatio <= 1) add('turnaround-met', 'good', 'process-turnaround', 'credit-organisation', taData);
	else add('turnaround-missed', 'major', 'process-turnaround', 'credit-organisation', { ...taData, reason: r.waitMeanDays >= lead ? 'process.queue' : 'process.lead-time' });

	// Loss: thin files through the factory's scorecard are the usual cause.
	const lossRatio = r.lossRate / b.maxLossRate;
	const lossData = { lossRate: r.lossRate, target: b.maxLossRate, thinShareApproved: r.thinShareApproved, thinApproval: r.thinApprovalRate, processModel: model };
	if (r.approved === 0) add('no-loans', 'critical', 'process-loss', 'expected-loss', { decided: r.decided });
	else if (lossRatio <= 1) add('loss-met', 'good', 'process-loss', 'soft-information', lossData);
	else add('loss-missed', 'major', 'process-loss', 'soft-information', { ...lossData, reason: model === 'officer' ? 'process.officer-loss' : 'process.factory-thin' });

	// Cost per decision.
	const costRatio = r.costPerDecisionWan / b.maxCostPerDecisionWan;
	const idle = r.teams.filter((t) => t.utilisation < IDLE_UTILISATION).map((t) => t.kind);
	const costData = { costPerDecisionWan: r.costPerDecisionWan, costYuan: Math.round(r.costPerDecisionWan * 10000), targetYuan: Math.round(b.maxCostPerDecisionWan * 10000), target: b.maxCostPerDecisionWan, totalCostWan: r.totalCostWan, staffCostWan: r.staffCostWan, systemCostWan: r.systemCostWan, decided: r.decided };
	if (r.decided === 0) add('no-decisions', 'critical', 'process-cost', 'cost-to-serve', { arrived: r.arrived });
	else if (costRatio <= 1) add('cost-met', 'good', 'process-cost', 'cost-to-serve', costData);
	else add('cost-missed', 'major', 'process-cost', 'cost-to-serve', { ...costData, reason: idle.length > 0 ? 'process.idle' : model === 'factory' ? 'process.system-cost' : 'process.officer-cost' });

	// Context the learner should see whatever the score.
	for (const t of r.teams) {
		add('team', 'info', 'process-throughput', 'cost-to-serve', { processTeam: t.kind, staff: t.staff, automation: t.automation, capacityPerDay: t.capacityPerDay, leadDays: t.leadDays, decided: t.decided, backlog: t.backlog, utilisation: t.utilisation });
	}
	add('cost-plus-loss', 'info', 'process-cost', 'expected-loss', { costShareOfLoan: r.costShareOfLoan, lossRate: r.lossRate, costPlusLoss: r.costPlusLoss, averageLoanWan: PROCESS_PARAMS.averageLoanWan });

	const w = { throughput: weightOf(weights.throughput), turnaround: weightOf(weights.turnaround), loss: weightOf(weights.loss), cost: weightOf(weights.cost) };
	return makeFeedback(
		'credit-process',
		[
			{ id: 'process-throughput', score: targetCredit(tRatio) * w.throughput, max: w.throughput },
			{ id: 'process-turnaround', score: targetCredit(taRatio) * w.turnaround, max: w.turnaround },
			{ id: 'process-loss', score: (r.approved > 0 ? targetCredit(lossRatio) : 0) * w.loss, max: w.loss },
			{ id: 'process-cost', score: (r.decided > 0 ? targetCredit(costRatio) : 0) * w.cost, max: w.cost },
		],
		findings,
	);
}

/** Run a plan in the brief's environment and score it. */
export function runBrief(plan: ProcessPlan, seed: string, weights?: ProcessWeights): { result: ProcessResult; feedback: Feedback } {
	const result = simulateQuarter(plan, { applicationsPerDay: PROCESS_BRIEF.applicationsPerDay, thinFileShare: PROCESS_BRIEF.thinFileShare }, seed);
	return { result, feedback: scoreProcess(result, weights) };
}
