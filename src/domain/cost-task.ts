/**
 * Seeded variants of the cost-to-serve task (lesson m2/01): `costTask(seed)` gives the lesson's own
 * task (LESSON_TASK) for LESSON_TASK_SEED and a seeded variant otherwise. The lesson's task is in
 * ./cost-to-serve.ts, which the calculator shows at once; this module is needed only when the
 * learner opens another seed (a new task, a typed or shared seed), so the simulation fetches it then.
 */
import { LESSON_TASK, LESSON_TASK_SEED, STAGES, compareChannels, lessonCostInput, type CostTask } from './cost-to-serve';
import { createRng } from './random';

const TASK_SIZES_WAN = [8, 10, 15, 20, 25, 40, 50] as const;
const TASK_RATES = [0.04, 0.045, 0.05, 0.055] as const;
const TASK_TERMS = [12, 12, 6, 24] as const;
/** Smallest |profit| at the task size, 元, so no channel sits on its break-even point. */
const MIN_MARGIN_YUAN = 200;

/** The task for a seed: the lesson's numbers for LESSON_TASK_SEED, a seeded variant otherwise. */
export function costTask(seed: string): CostTask {
	if (seed === LESSON_TASK_SEED) return { ...LESSON_TASK };
	const rng = createRng(`cost-to-serve/${seed}`);
	const rate = rng.pick(TASK_RATES);
	const termMonths = rng.pick(TASK_TERMS);
	const cutStage = rng.pick(STAGES);
	const sizes = rng.shuffle(TASK_SIZES_WAN);
	const clear = (loanWan: number) =>
		compareChannels({ ...lessonCostInput(), loanWan, rate, termMonths }).every((r) => Math.abs(r.economics.profitYuan) >= MIN_MARGIN_YUAN);
	const loanWan = sizes.find(clear) ?? (sizes[0] as number);
	return { loanWan, rate, termMonths, cutStage, cutShare: 0.5 };
}
