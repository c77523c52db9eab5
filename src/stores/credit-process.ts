/**
 * State of the credit-factory vs loan-officer simulation: the seed, the demand and two plans as the
 * learner typed them, the last comparison run and the last plan submitted against the brief. The
 * quarters and the feedback come from src/domain/credit-process.ts.
 */
import { atom, computed } from 'nanostores';
import {
	DEFAULT_PLANS,
	DEFAULT_PROCESS_WEIGHTS,
	OPERATING_MODELS,
	PROCESS_BRIEF,
	checkProcessField,
	compareFindings,
	runBrief,
	simulateQuarter,
	teamsOf,
	type OperatingModel,
	type ProcessEnvironment,
	type ProcessField,
	type ProcessPlan,
	type ProcessWeights,
	type TeamKind,
} from '../domain/credit-process';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const CREDIT_PROCESS_SIM_ID = 'credit-process';

/** Parse a typed number: blank or non-numeric text is NaN (reported as an error). */
export function parseNumber(text: string): number {
	const s = String(text ?? '').trim().replace(/[,，]/g, '');
	return s === '' ? NaN : Number(s);
}

/** One plan as typed: the model and each team's staff and automation (%) as text. */
export interface PlanForm {
	model: OperatingModel;
	factoryStaff: string;
	factoryAutomationPct: string;
	officerStaff: string;
	officerAutomationPct: string;
}

/** Demand as typed. */
export interface EnvForm {
	applicationsPerDay: string;
	thinFilePct: string;
}

export type PlanTextField = Exclude<keyof PlanForm, 'model'>;
export type EnvField = keyof EnvForm;

/** The form of a plan. */
export function planFormOf(p: ProcessPlan): PlanForm {
	return {
		model: p.model,
		factoryStaff: String(p.factory.staff),
		factoryAutomationPct: String(Math.round(p.factory.automation * 100)),
		officerStaff: String(p.officer.staff),
		officerAutomationPct: String(Math.round(p.officer.automation * 100)),
	};
}

/** The brief's demand as a form. */
export const BRIEF_ENV_FORM: EnvForm = { applicationsPerDay: String(PROCESS_BRIEF.applicationsPerDay), thinFilePct: String(Math.round(PROCESS_BRIEF.thinFileShare * 100)) };

/** The plan a form describes (numbers may be NaN; check planErrors first). */
export function planOf(f: PlanForm): ProcessPlan {
	return {
		model: f.model,
		factory: { staff: parseNumber(f.factoryStaff), automation: parseNumber(f.factoryAutomationPct) / 100 },
		officer: { staff: parseNumber(f.officerStaff), automation: parseNumber(f.officerAutomationPct) / 100 },
	};
}

/** The environment a form describes. */
export function envOf(f: EnvForm): ProcessEnvironment {
	return { applicationsPerDay: parseNumber(f.applicationsPerDay), thinFileShare: parseNumber(f.thinFilePct) / 100 };
}

const FIELD_KIND: Record<PlanTextField, { team: TeamKind; field: ProcessField }> = {
	factoryStaff: { team: 'factory', field: 'staff' },
	factoryAutomationPct: { team: 'factory', field: 'automationPct' },
	officerStaff: { team: 'officer', field: 'staff' },
	officerAutomationPct: { team: 'officer', field: 'automationPct' },
};

/** Problems of a plan form, by field; only the teams the model uses are checked. */
export function planErrors(f: PlanForm): Partial<Record<PlanTextField, string>> {
	const out: Partial<Record<PlanTextField, string>> = {};
	const teams = teamsOf(f.model);
	for (const k of Object.keys(FIELD_KIND) as PlanTextField[]) {
		const { team, field } = FIELD_KIND[k];
		if (!teams.includes(team)) continue;
		const r = checkProcessField(field, parseNumber(f[k]));
		if (r !== 'ok') out[k] = r;
	}
	return out;
}

/** Problems of the demand form, by field. */
export function envErrors(f: EnvForm): Partial<Record<EnvField, string>> {
	const out: Partial<Record<EnvField, string>> = {};
	const a = checkProcessField('applicationsPerDay', parseNumber(f.applicationsPerDay));
	if (a !== 'ok') out.applicationsPerDay = a;
	const t = checkProcessField('thinFilePct', parseNumber(f.thinFilePct));
	if (t !== 'ok') out.thinFilePct = t;
	return out;
}

export const $cpSeed = atom('sme-2026');
export const $cpEnv = atom<EnvForm>(BRIEF_ENV_FORM);
export const $cpPlans = atom<[PlanForm, PlanForm]>([planFormOf(DEFAULT_PLANS[0]), planFormOf(DEFAULT_PLANS[1])]);
export const $cpWeights = atom<ProcessWeights>(DEFAULT_PROCESS_WEIGHTS);
/** The inputs of the last comparison run, or null. */
export const $cpRun = atom<{ seed: string; env: ProcessEnvironment; plans: [ProcessPlan, ProcessPlan] } | null>(null);
/** The plan submitted against the brief (index and inputs), or null. */
export const $cpSubmitted = atom<{ index: 0 | 1; seed: string; plan: ProcessPlan } | null>(null);

export const $cpPlanErrors = computed($cpPlans, (ps) => [planErrors(ps[0]), planErrors(ps[1])] as const);
export const $cpEnvErrors = computed($cpEnv, envErrors);
export const $cpResults = computed($cpRun, (run) => {
	if (!run) return null;
	const a = simulateQuarter(run.plans[0], run.env, run.seed);
	const b = simulateQuarter(run.plans[1], run.env, run.seed);
	return { results: [a, b] as const, findings: compareFindings(a, b) };
});
export const $cpBrief = computed([$cpSubmitted, $cpWeights], (s, w) => (s ? runBrief(s.plan, s.seed, w) : null));

/** Change the seed (clears results). */
export function setSeed(seed: string): void {
	$cpSeed.set(seed);
	$cpRun.set(null);
	$cpSubmitted.set(null);
}

/** A random seed. */
export function newSeed(random?: () => number): void {
	setSeed(randomSeed(random));
}

/** Type into a demand field (clears the comparison). */
export function setEnvField(field: EnvField, text: string): void {
	$cpEnv.set({ ...$cpEnv.get(), [field]: text });
	$cpRun.set(null);
}

/** Change one plan's model or a number (clears results). */
export function setPlanField(index: 0 | 1, field: keyof PlanForm, value: string): void {
	const plans = [...$cpPlans.get()] as [PlanForm, PlanForm];
	const next = { ...plans[index] };
	if (field === 'model') {
		if ((OPERATING_MODELS as readonly string[]).includes(value)) next.model = value as OperatingModel;
	} else next[field] = value;
	plans[index] = next;
	$cpPlans.set(plans);
	$cpRun.set(null);
	$cpSubmitted.set(null);
}

const hasErrors = (e: object): boolean => Object.keys(e).length > 0;

/** Run both plans in the typed demand; false when a field is invalid. */
export function runComparison(): boolean {
	const [ea, eb] = $cpPlanErrors.get();
	if (hasErrors(ea) || hasErrors(eb) || hasErrors($cpEnvErrors.get())) return false;
	const [a, b] = $cpPlans.get();
	$cpRun.set({ seed: $cpSeed.get(), env: envOf($cpEnv.get()), plans: [planOf(a), planOf(b)] });
	return true;
}

/** Submit one plan against the brief and save the score; false when its fields are invalid. */
export function submitPlan(index: 0 | 1): boolean {
	if (hasErrors($cpPlanErrors.get()[index])) return false;
	const plan = planOf($cpPlans.get()[index]);
	const seed = $cpSeed.get();
	$cpSubmitted.set({ index, seed, plan });
	const r = $cpBrief.get();
	if (r) recordSim(CREDIT_PROCESS_SIM_ID, { score: r.feedback.score, max: r.feedback.max, seed, detail: { plan } });
	return true;
}

/** Back to the lesson's two teams and the brief's demand. */
export function resetPlans(): void {
	$cpPlans.set([planFormOf(DEFAULT_PLANS[0]), planFormOf(DEFAULT_PLANS[1])]);
	$cpEnv.set(BRIEF_ENV_FORM);
	$cpRun.set(null);
	$cpSubmitted.set(null);
}
