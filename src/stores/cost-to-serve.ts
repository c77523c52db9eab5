/**
 * State of the cost-to-serve calculator: the inputs as the learner typed them (drafts), the last
 * valid input the results are computed from, the seeded three-question task and its answers.
 * Percent fields are typed in percent (4.5) and stored in the domain as fractions (0.045).
 *
 * The lesson's own task comes with the page; the generator of seeded variants (domain/cost-task) is
 * fetched when the learner opens another seed (new task, typed or shared seed): until it is there
 * the task is null (`$ctsTaskLoad` says loading or failed; `retryTaskLoad()` tries again).
 *
 * The task's scorer (domain/scoring/cost-to-serve) is needed only once the learner submits, so it
 * is fetched then, not with the page. Each submit click is kept (task, answers and weights as they
 * were at the click) until the scorer is there, then scored and recorded exactly once, in order; a
 * failed download keeps the pending clicks for `retryCostScoring()`.
 */
import { atom, computed, map } from 'nanostores';
import {
	DEFAULT_COST_TASK_WEIGHTS,
	LESSON_TASK_SEED,
	STAGES,
	compareChannels,
	LESSON_TASK,
	lessonCostInput,
	validateCostInput,
	type CostError,
	type CostField,
	type CostInput,
	type CostTask,
	type CostTaskAnswers,
	type CostTaskWeights,
	type Stage,
} from '../domain/cost-to-serve';
import { CHANNELS, type Channel } from '../domain/rates';
import { lazyModule } from '../lib/lazy';
import { deferredScoring } from './deferred-scoring';
import { onDemand } from './on-demand';
import { parseNumber } from './parse-number';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const COST_SIM_ID = 'cost-to-serve';
export const DEFAULT_COST_SEED = LESSON_TASK_SEED;

type Scorer = typeof import('../domain/scoring/cost-to-serve');
const loadScorer = lazyModule(() => import('../domain/scoring/cost-to-serve'));
type TaskGenerator = typeof import('../domain/cost-task');
const loadGenerator = lazyModule(() => import('../domain/cost-task'));

/** Key of a draft field: a scalar field or `hours.<channel>.<stage>`. */
export type DraftKey = CostField | `hours.${Channel}.${Stage}`;

/** Scalar fields typed in percent. */
export const PERCENT_FIELDS: readonly CostField[] = ['rate', 'fundingRate', 'pd', 'lgd'];
/** Scalar fields in display order. */
export const SCALAR_FIELDS: readonly CostField[] = ['loanWan', 'rate', 'termMonths', 'fundingRate', 'pd', 'lgd'];

/** Every hours key, channel by channel. */
export const HOURS_KEYS = CHANNELS.flatMap((c) => STAGES.map((s) => `hours.${c}.${s}` as const));

/** Parse a typed number (see ./parse-number; re-exported here for the calculator's callers). */
export { parseNumber };

/** Round away binary noise for display (0.045 × 100 = 4.5, not 4.499999…). */
const tidy = (x: number) => String(Math.round(x * 1e8) / 1e8);

/** Drafts showing an input. */
export function draftOf(input: CostInput): Record<DraftKey, string> {
	const out = {} as Record<DraftKey, string>;
	for (const f of [...SCALAR_FIELDS, 'hourlyCostYuan'] as CostField[]) out[f] = tidy(PERCENT_FIELDS.includes(f) ? input[f] * 100 : input[f]);
	for (const c of CHANNELS) for (const s of STAGES) out[`hours.${c}.${s}`] = tidy(input.hours[c][s]);
	return out;
}

/** Read drafts into an input and its errors, keyed by draft key. */
export function parseDraft(draft: Record<DraftKey, string>): { input: CostInput; errors: Partial<Record<DraftKey, CostError>> } {
	const base = lessonCostInput();
	const input: CostInput = { ...base, hours: base.hours };
	for (const f of [...SCALAR_FIELDS, 'hourlyCostYuan'] as CostField[]) {
		const v = parseNumber(draft[f]);
		input[f] = PERCENT_FIELDS.includes(f) ? v / 100 : v;
	}
	for (const c of CHANNELS) for (const s of STAGES) input.hours[c][s] = parseNumber(draft[`hours.${c}.${s}`]);
	const errors: Partial<Record<DraftKey, CostError>> = {};
	for (const e of validateCostInput(input)) errors[e.field] = e;
	return { input, errors };
}

export const $ctsDraft = map<Record<DraftKey, string>>(draftOf(lessonCostInput()));
/** The last valid input; the results and the chart follow it. */
export const $ctsInput = atom<CostInput>(lessonCostInput());
export const $ctsErrors = computed($ctsDraft, (d) => parseDraft(d).errors);
export const $ctsResults = computed($ctsInput, (input) => compareChannels(input));

/** Type into one field; the results move only when every field is valid. */
export function setDraft(key: DraftKey, raw: string): void {
	$ctsDraft.setKey(key, raw);
	const { input, errors } = parseDraft($ctsDraft.get());
	if (Object.keys(errors).length === 0) $ctsInput.set(input);
}

/** Put back the lesson's assumptions. */
export function resetAssumptions(): void {
	$ctsDraft.set(draftOf(lessonCostInput()));
	$ctsInput.set(lessonCostInput());
}

// The task.

/** Answers as typed: Q1 choices and the Q2/Q3 numbers as text. */
export interface TaskDraft {
	profitable: Partial<Record<Channel, 'profit' | 'loss'>>;
	breakEven: string;
	drop: string;
}

const emptyAnswers = (): TaskDraft => ({ profitable: {}, breakEven: '', drop: '' });

export const $ctsSeed = atom<string>(DEFAULT_COST_SEED);
const generator = onDemand<TaskGenerator>(loadGenerator);
/** The generator of seeded tasks once fetched. */
export const $ctsGenerator = generator.$module;
/** Fetching the generator: 'loading' while a seed other than the lesson's waits for it, 'failed' when the download failed. */
export const $ctsTaskLoad = generator.$status;
/** The task of the seed (costTask); null while the generator of a seed other than the lesson's loads. */
export const $ctsTask = computed([$ctsSeed, $ctsGenerator], (seed, gen): CostTask | null =>
	seed === LESSON_TASK_SEED ? { ...LESSON_TASK } : gen ? gen.costTask(seed) : null,
);
export const $ctsAnswers = atom<TaskDraft>(emptyAnswers());
export const $ctsSubmitted = atom(false);
export const $ctsWeights = atom<CostTaskWeights>(DEFAULT_COST_TASK_WEIGHTS);

interface PendingSubmit {
	task: CostTask;
	answers: TaskDraft;
	weights: CostTaskWeights;
	seed: string;
}
const scoring = deferredScoring<Scorer, PendingSubmit>(loadScorer, (scorer, s) => {
	const fb = scorer.scoreCostTask(s.task, taskAnswers(s.answers), s.weights);
	recordSim(COST_SIM_ID, { score: fb.score, max: fb.max, seed: s.seed, detail: taskAnswers(s.answers) });
});
/** The scorer module once fetched. */
const $ctsScorer = scoring.$module;
/** Fetching the scorer: 'loading' while a submit waits for it, 'failed' when the download failed. */
export const $ctsScoring = scoring.$status;

/** The typed answers as the scorer reads them. */
export function taskAnswers(d: TaskDraft): CostTaskAnswers {
	const num = (s: string) => (s.trim() === '' ? null : parseNumber(s));
	return { profitable: d.profitable, breakEvenWan: num(d.breakEven), dropWan: num(d.drop) };
}

/** Which task answers are missing or not a number ≥ 0 (Q1 channel codes, 'breakEven', 'drop'). */
export function taskProblems(d: TaskDraft): { missing: Channel[]; breakEven: 'missing' | 'invalid' | null; drop: 'missing' | 'invalid' | null } {
	const check = (s: string) => {
		if (s.trim() === '') return 'missing' as const;
		const v = parseNumber(s);
		return Number.isFinite(v) && v >= 0 ? null : ('invalid' as const);
	};
	return { missing: CHANNELS.filter((c) => !d.profitable[c]), breakEven: check(d.breakEven), drop: check(d.drop) };
}

export const $ctsFeedback = computed([$ctsSubmitted, $ctsAnswers, $ctsTask, $ctsWeights, $ctsScorer], (submitted, answers, task, weights, scorer) =>
	submitted && task && scorer ? scorer.scoreCostTask(task, taskAnswers(answers), weights) : null,
);

/** Start the task for a seed (clears the answers); a seed other than the lesson's fetches the generator. */
export function setCostSeed(seed: string): void {
	$ctsSeed.set(seed);
	clearCostAnswers();
	if (seed !== LESSON_TASK_SEED) void retryTaskLoad();
}

/** Fetch the generator of seeded tasks (again, after a failed download). */
export function retryTaskLoad(): Promise<void> {
	return generator.fetch().then(() => {});
}

/** A new random task. */
export function newCostTask(random?: () => number): void {
	setCostSeed(randomSeed(random));
}

/** Retry the same task. */
export function clearCostAnswers(): void {
	$ctsAnswers.set(emptyAnswers());
	$ctsSubmitted.set(false);
}

/** Answer Q1 for one channel; changing an answer reopens the attempt. */
export function answerProfitable(channel: Channel, value: 'profit' | 'loss'): void {
	if ($ctsAnswers.get().profitable[channel] === value) return; // a repeated event must not reopen a submitted attempt
	$ctsAnswers.set({ ...$ctsAnswers.get(), profitable: { ...$ctsAnswers.get().profitable, [channel]: value } });
	$ctsSubmitted.set(false);
}

/** Type the Q2 or Q3 answer. */
export function answerNumber(part: 'breakEven' | 'drop', raw: string): void {
	if ($ctsAnswers.get()[part] === raw) return;
	$ctsAnswers.set({ ...$ctsAnswers.get(), [part]: raw });
	$ctsSubmitted.set(false);
}

/** Submit: show the feedback and save the result to progress (once the scorer is loaded). */
export function submitCostTask(): Promise<void> {
	const task = $ctsTask.get();
	if (!task) return Promise.resolve(); // no questions are shown before the task is there
	const click = { task, answers: $ctsAnswers.get(), weights: $ctsWeights.get(), seed: $ctsSeed.get() };
	$ctsSubmitted.set(true);
	return scoring.submit(click);
}

/** After a failed download of the scorer: try again, then score and record the waiting submits. */
export const retryCostScoring = scoring.retry;
