/**
 * State of the IPC cross-check simulation: the case seed, the learner's worksheet as typed, and
 * whether it was submitted. The case, the expected work and the feedback come from the domain.
 */
import { atom, computed } from 'nanostores';
import { DEFAULT_IPC_WEIGHTS, generateIpcCase, scoreIpc, solveIpcCase, type FlagCode, type IpcAnswers, type IpcWeights } from '../domain/ipc-crosscheck';
import { parseNumber } from './parse-number';
import { recordSim } from './progress';
import { randomSeed } from './sim-params';

export const IPC_SIM_ID = 'ipc-crosscheck';
/** A building-materials shop whose owner overstates his takings, like the lesson's case. */
export const DEFAULT_IPC_SEED = 'ipc-9';

/** Numeric worksheet fields, in display order (万元). */
export const IPC_NUMBER_FIELDS = ['takingsWan', 'inflowsWan', 'purchasesWan', 'estimateWan', 'loanWan'] as const;
export type IpcNumberField = (typeof IPC_NUMBER_FIELDS)[number];

/** The worksheet as typed. */
export type IpcDraft = Record<IpcNumberField, string> & { flag: FlagCode | '' };

const emptyDraft = (): IpcDraft => ({ takingsWan: '', inflowsWan: '', purchasesWan: '', estimateWan: '', loanWan: '', flag: '' });

export const $ipcSeed = atom<string>(DEFAULT_IPC_SEED);
export const $ipcCase = computed($ipcSeed, (seed) => generateIpcCase(seed));
export const $ipcDraft = atom<IpcDraft>(emptyDraft());
export const $ipcSubmitted = atom(false);
export const $ipcWeights = atom<IpcWeights>(DEFAULT_IPC_WEIGHTS);

/** Why a worksheet field is refused: empty, not a number, or negative. */
export type IpcFieldProblem = 'missing' | 'invalid';

/** Problems of the typed worksheet, by field (flag: only 'missing'). */
export function ipcProblems(d: IpcDraft): Partial<Record<IpcNumberField | 'flag', IpcFieldProblem>> {
	const out: Partial<Record<IpcNumberField | 'flag', IpcFieldProblem>> = {};
	for (const f of IPC_NUMBER_FIELDS) {
		if (d[f].trim() === '') out[f] = 'missing';
		else {
			const v = parseNumber(d[f]);
			if (!(Number.isFinite(v) && v >= 0)) out[f] = 'invalid';
		}
	}
	if (!d.flag) out.flag = 'missing';
	return out;
}

/** The typed worksheet as the scorer reads it. */
export function ipcAnswers(d: IpcDraft): IpcAnswers {
	const num = (s: string) => (s.trim() === '' ? null : parseNumber(s));
	return {
		takingsWan: num(d.takingsWan),
		inflowsWan: num(d.inflowsWan),
		purchasesWan: num(d.purchasesWan),
		estimateWan: num(d.estimateWan),
		flag: d.flag === '' ? null : d.flag,
		loanWan: num(d.loanWan),
	};
}

export const $ipcSolution = computed($ipcCase, (c) => solveIpcCase(c));
export const $ipcFeedback = computed([$ipcSubmitted, $ipcDraft, $ipcCase, $ipcWeights], (submitted, draft, c, weights) =>
	submitted ? scoreIpc(c, ipcAnswers(draft), weights) : null,
);

/** Open the case of a seed (clears the worksheet). */
export function setIpcSeed(seed: string): void {
	$ipcSeed.set(seed);
	clearIpcWorksheet();
}

/** A new random case. */
export function newIpcCase(random?: () => number): void {
	setIpcSeed(randomSeed(random));
}

/** Retry the same case from scratch. */
export function clearIpcWorksheet(): void {
	$ipcDraft.set(emptyDraft());
	$ipcSubmitted.set(false);
}

/** Type into one worksheet field; a change after submitting reopens the attempt. */
export function setIpcField(field: IpcNumberField | 'flag', value: string): void {
	if ($ipcDraft.get()[field] === value) return; // a repeated event must not reopen a submitted attempt
	$ipcDraft.set({ ...$ipcDraft.get(), [field]: value } as IpcDraft);
	$ipcSubmitted.set(false);
}

/** Submit: score and save to progress. */
export function submitIpc(): void {
	$ipcSubmitted.set(true);
	const fb = $ipcFeedback.get();
	if (fb) recordSim(IPC_SIM_ID, { score: fb.score, max: fb.max, seed: $ipcSeed.get(), detail: ipcAnswers($ipcDraft.get()) });
}
