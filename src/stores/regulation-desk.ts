/**
 * State of the regulation case desk: the cases (content data from the wrapper), the scenario seed
 * that orders them, the learner's draft verdict per case, the verdicts filed so far and the case on
 * the desk. Per-case and total feedback are derived by the domain (regulation-desk.ts).
 */
import { atom, computed, map } from 'nanostores';
import { DEFAULT_COMPLIANCE_WEIGHTS, type ComplianceVerdict, type ComplianceWeights } from '../domain/compliance';
import { deskOrder, scoreDesk, scoreDeskCase, type DeskCase } from '../domain/regulation-desk';
import type { Feedback } from '../domain/scoring/feedback';
import { recordSim } from './progress';

export const REGULATION_DESK_SIM_ID = 'regulation-desk';
export const DEFAULT_DESK_SEED = 'desk-2026';

/** The learner's unfiled judgement of one case. */
export interface DeskDraft {
	compliant?: boolean;
	cited: string[];
}

export const $deskCases = atom<DeskCase[]>([]);
export const $deskSeed = atom(DEFAULT_DESK_SEED);
export const $deskWeights = atom<ComplianceWeights>(DEFAULT_COMPLIANCE_WEIGHTS);
export const $deskDrafts = map<Record<string, DeskDraft>>({});
export const $deskFiled = map<Record<string, ComplianceVerdict>>({});
/** Index (in the seeded order) of the case on the desk. */
export const $deskCurrent = atom(0);

export const $deskOrder = computed([$deskCases, $deskSeed], (cases, seed) => deskOrder(cases, seed));
export const $deskCaseFeedback = computed([$deskCases, $deskFiled, $deskWeights], (cases, filed, weights) => {
	const out: Record<string, Feedback> = {};
	for (const c of cases) {
		const v = filed[c.id];
		if (v) out[c.id] = scoreDeskCase(c, v, weights);
	}
	return out;
});
export const $deskDone = computed([$deskCases, $deskFiled], (cases, filed) => cases.length > 0 && cases.every((c) => filed[c.id] !== undefined));
export const $deskFeedback = computed([$deskDone, $deskCases, $deskFiled, $deskWeights], (done, cases, filed, weights) =>
	done ? scoreDesk(cases, filed, weights) : null,
);

/** Put the cases on the desk and start the scenario `seed`. */
export function initDesk(cases: DeskCase[], seed: string): void {
	$deskCases.set(cases);
	setDeskSeed(seed);
}

/** Start a scenario: new order, nothing judged. */
export function setDeskSeed(seed: string): void {
	$deskSeed.set(seed);
	clearDesk();
}

/** Forget every judgement and go back to the first case. */
export function clearDesk(): void {
	$deskDrafts.set({});
	$deskFiled.set({});
	$deskCurrent.set(0);
}

const draftOf = (id: string): DeskDraft => $deskDrafts.get()[id] ?? { cited: [] };

/** Set the draft verdict of a case. */
export function setDraftVerdict(id: string, compliant: boolean): void {
	$deskDrafts.setKey(id, { ...draftOf(id), compliant });
}

/** Cite or uncite a rule in a case's draft. */
export function toggleCitation(id: string, rule: string, on: boolean): void {
	const d = draftOf(id);
	const cited = on ? [...new Set([...d.cited, rule])] : d.cited.filter((r) => r !== rule);
	$deskDrafts.setKey(id, { ...d, cited });
}

/** Show the case at `index` of the seeded order (clamped). */
export function goToCase(index: number): void {
	const n = $deskCases.get().length;
	$deskCurrent.set(Number.isInteger(index) ? Math.min(Math.max(0, index), Math.max(0, n - 1)) : 0);
}

/**
 * File the draft of case `id`: refused ('no-verdict') until compliant / not compliant is chosen;
 * a filed case stays filed ('already'). When the last case is filed, the desk's total is saved.
 */
export function fileCase(id: string): 'filed' | 'no-verdict' | 'already' | 'unknown' {
	if (!$deskCases.get().some((c) => c.id === id)) return 'unknown';
	if ($deskFiled.get()[id]) return 'already';
	const d = draftOf(id);
	if (d.compliant === undefined) return 'no-verdict';
	$deskFiled.setKey(id, { compliant: d.compliant, citedRules: d.compliant ? [] : [...d.cited] });
	const fb = $deskFeedback.get();
	if (fb) recordSim(REGULATION_DESK_SIM_ID, { score: fb.score, max: fb.max, seed: $deskSeed.get(), detail: { verdicts: $deskFiled.get() } });
	return 'filed';
}

/** Index of the next case not filed yet after the current one (wrapping), or -1 when all are filed. */
export function nextOpenCase(): number {
	const order = $deskOrder.get();
	const filed = $deskFiled.get();
	const cur = $deskCurrent.get();
	for (let k = 1; k <= order.length; k++) {
		const i = (cur + k) % order.length;
		if (!filed[(order[i] as DeskCase).id]) return i;
	}
	return -1;
}
