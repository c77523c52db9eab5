/**
 * Branching role-play: a scenario is a directed graph of situations (nodes). A node with choices
 * is a decision point (2–4 choices); a node without choices is an ending. Every choice leads to
 * another node and adds points to named scores (e.g. `communication`, `reading-person`); it may
 * carry a finding code that explains its consequence in the debrief.
 *
 * Units and conventions:
 * - Effects are points (integers in the course's scenarios; any finite number works), positive
 *   for good practice and negative for harm. A score on a path is the sum of its choices' effects.
 * - A path is the list of choice ids the learner took from `start`; its length is the number of
 *   decisions. `maxSteps` bounds every path (and, for cyclic scenarios, the paths a learner may
 *   still take); `minSteps` is the shortest a complete play-through may be.
 * - The maximum of a score is the best sum of that score over any complete path; the scenario is
 *   only valid when one path reaches every maximum at once (so a perfect run exists).
 * - A choice's quality is the total it allows: its own effects plus the best total reachable after
 *   it. Its gap is the best quality at its node minus its own; the gap in points sets the severity
 *   of its finding (0 → good, below `major` → minor, below `critical` → major, else critical).
 *
 * Pure functions, no prose: the text of situations, choices and consequences lives in the scenario
 * content files; this module returns codes and numbers only.
 */
import { makeFeedback, type Feedback, type Finding, type Severity, type Topic } from './scoring/feedback';

/** Choices a decision point may offer. */
export const CHOICES_PER_NODE = { min: 2, max: 4 } as const;

/** Default gaps (in points below the best choice at a node) at which a choice is a major or critical mistake. */
export const DEFAULT_SEVERITY_GAPS = { major: 3, critical: 6 } as const; // points

/** One option at a decision point. */
export interface RoleplayChoice {
	/** Unique in the scenario; saved in the learner's path. */
	id: string;
	/** Id of the node this choice leads to. */
	to: string;
	/** Points added to named scores (missing scores: 0). */
	effects: Readonly<Record<string, number>>;
	/** Code of the consequence explained in the debrief; unique in the scenario. */
	finding?: string;
	/** What the finding is about (defaults to the scenario's topic). */
	topic?: Topic;
}

/** A situation: a decision point (with choices) or an ending (without). */
export interface RoleplayNode {
	id: string;
	choices: readonly RoleplayChoice[];
}

/** The structure of a branching role-play (content files add the text). */
export interface RoleplayScenario {
	id: string;
	start: string;
	/** Named scores, e.g. `communication`; each becomes a feedback dimension `roleplay.<score>`. */
	scores: readonly string[];
	nodes: readonly RoleplayNode[];
	/** Topic of findings whose choice names none. */
	topic: Topic;
	/** Most decisions on any path. */
	maxSteps: number;
	/** Fewest decisions on any complete path (default 1). */
	minSteps?: number;
	/** Whether a choice may lead back to an earlier node (default false). */
	allowCycles?: boolean;
	/** Gaps in points at which a choice is a major or critical mistake. */
	severityGaps?: { major: number; critical: number };
}

/** Why a scenario is invalid. */
export type ScenarioErrorCode =
	| 'no-scores'
	| 'duplicate-score'
	| 'bad-steps'
	| 'bad-gaps'
	| 'duplicate-node'
	| 'start-missing'
	| 'choice-count'
	| 'duplicate-choice'
	| 'duplicate-finding'
	| 'target-missing'
	| 'unknown-score'
	| 'bad-effect'
	| 'unreachable'
	| 'cycle'
	| 'no-ending'
	| 'path-too-long'
	| 'path-too-short'
	| 'score-never-earned'
	| 'max-not-attainable';

/** One problem in a scenario, with the node (and choice, score) where it was found. */
export interface ScenarioError {
	code: ScenarioErrorCode;
	node?: string;
	choice?: string;
	score?: string;
	data?: Record<string, string | number>;
}

/** Where a learner is in a scenario. `scores` are raw sums (not clamped). */
export interface RoleplayState {
	node: string;
	path: string[];
	scores: Record<string, number>;
	ended: boolean;
}

/** One decision on a path: the node where it was taken and the choice. */
export interface RoleplayDecision {
	/** 1-based. */
	step: number;
	node: RoleplayNode;
	choice: RoleplayChoice;
}

type Weight = (c: RoleplayChoice) => number;

const nodeIndex = (s: RoleplayScenario): Map<string, RoleplayNode> => new Map(s.nodes.map((n) => [n.id, n]));
const totalOf: Weight = (c) => Object.values(c.effects).reduce((a, b) => a + b, 0);
const minStepsOf = (s: RoleplayScenario): number => s.minSteps ?? 1;

/**
 * The best sum of `weight` from a node to an ending within `remaining` decisions, or −∞ when no
 * ending can be reached in time. Memoised per (node, remaining).
 */
function bestFrom(s: RoleplayScenario, weight: Weight): (node: string, remaining: number) => number {
	const nodes = nodeIndex(s);
	const memo = new Map<string, number>();
	const best = (id: string, remaining: number): number => {
		const node = nodes.get(id);
		if (!node) return -Infinity;
		if (node.choices.length === 0) return 0;
		if (remaining <= 0) return -Infinity;
		const key = `${id}\u0000${remaining}`;
		const hit = memo.get(key);
		if (hit !== undefined) return hit;
		let value = -Infinity;
		for (const c of node.choices) value = Math.max(value, weight(c) + best(c.to, remaining - 1));
		memo.set(key, value);
		return value;
	};
	return best;
}

/** The highest value each score can reach on any complete path. */
export function scoreMaxima(s: RoleplayScenario): Record<string, number> {
	return Object.fromEntries(s.scores.map((k) => [k, bestFrom(s, (c) => c.effects[k] ?? 0)(s.start, s.maxSteps)]));
}

/** Check a scenario's structure; an empty list means it is valid. */
export function validateScenario(s: RoleplayScenario): ScenarioError[] {
	const errors: ScenarioError[] = [];
	if (s.scores.length === 0) errors.push({ code: 'no-scores' });
	const seenScores = new Set<string>();
	for (const k of s.scores) {
		if (seenScores.has(k)) errors.push({ code: 'duplicate-score', score: k });
		seenScores.add(k);
	}
	const min = minStepsOf(s);
	if (!Number.isInteger(s.maxSteps) || !Number.isInteger(min) || min < 1 || s.maxSteps < min) errors.push({ code: 'bad-steps', data: { min, max: s.maxSteps } });
	const gaps = s.severityGaps;
	if (gaps && !(gaps.major > 0 && gaps.critical >= gaps.major && Number.isFinite(gaps.critical))) errors.push({ code: 'bad-gaps', data: { ...gaps } });

	const nodes = new Map<string, RoleplayNode>();
	for (const n of s.nodes) {
		if (nodes.has(n.id)) errors.push({ code: 'duplicate-node', node: n.id });
		else nodes.set(n.id, n);
	}
	if (!nodes.has(s.start)) errors.push({ code: 'start-missing', node: s.start });
	const choiceIds = new Set<string>();
	const findings = new Set<string>();
	for (const n of s.nodes) {
		const count = n.choices.length;
		if (count !== 0 && (count < CHOICES_PER_NODE.min || count > CHOICES_PER_NODE.max)) errors.push({ code: 'choice-count', node: n.id, data: { count } });
		for (const c of n.choices) {
			if (choiceIds.has(c.id)) errors.push({ code: 'duplicate-choice', node: n.id, choice: c.id });
			choiceIds.add(c.id);
			if (c.finding !== undefined) {
				if (findings.has(c.finding)) errors.push({ code: 'duplicate-finding', node: n.id, choice: c.id, data: { finding: c.finding } });
				findings.add(c.finding);
			}
			if (!nodes.has(c.to)) errors.push({ code: 'target-missing', node: n.id, choice: c.id, data: { target: c.to } });
			for (const [k, v] of Object.entries(c.effects)) {
				if (!seenScores.has(k)) errors.push({ code: 'unknown-score', node: n.id, choice: c.id, score: k });
				if (!Number.isFinite(v)) errors.push({ code: 'bad-effect', node: n.id, choice: c.id, score: k });
			}
		}
	}
	// The graph checks below need every reference to resolve and sane step bounds.
	if (errors.length > 0) return errors;

	const reached = new Set<string>();
	const order: string[] = []; // post-order of the reachable nodes
	const onStack = new Set<string>();
	let cycleAt: string | null = null;
	const visit = (id: string): void => {
		reached.add(id);
		onStack.add(id);
		for (const c of nodes.get(id)!.choices) {
			if (onStack.has(c.to)) cycleAt ??= id;
			else if (!reached.has(c.to)) visit(c.to);
		}
		onStack.delete(id);
		order.push(id);
	};
	visit(s.start);
	for (const n of s.nodes) if (!reached.has(n.id)) errors.push({ code: 'unreachable', node: n.id });
	if (cycleAt !== null && !s.allowCycles) {
		errors.push({ code: 'cycle', node: cycleAt });
		return errors;
	}

	// Which reachable nodes can still reach an ending (only fails when cycles are allowed).
	const canEnd = new Set<string>();
	let grew = true;
	while (grew) {
		grew = false;
		for (const id of reached) {
			const n = nodes.get(id)!;
			if (!canEnd.has(id) && (n.choices.length === 0 || n.choices.some((c) => canEnd.has(c.to)))) {
				canEnd.add(id);
				grew = true;
			}
		}
	}
	for (const id of reached) if (!canEnd.has(id)) errors.push({ code: 'no-ending', node: id });

	// Shortest (and, without cycles, longest) number of decisions from the start to each node.
	const shortest = new Map<string, number>([[s.start, 0]]);
	const queue = [s.start];
	while (queue.length > 0) {
		const id = queue.shift()!;
		for (const c of nodes.get(id)!.choices) {
			if (!shortest.has(c.to)) {
				shortest.set(c.to, shortest.get(id)! + 1);
				queue.push(c.to);
			}
		}
	}
	const endings = [...reached].filter((id) => nodes.get(id)!.choices.length === 0);
	for (const id of endings) {
		const steps = shortest.get(id)!;
		if (steps < min) errors.push({ code: 'path-too-short', node: id, data: { steps, min } });
	}
	if (cycleAt === null) {
		const longest = new Map<string, number>();
		for (const id of [...order].reverse()) {
			const d = longest.get(id) ?? 0;
			for (const c of nodes.get(id)!.choices) longest.set(c.to, Math.max(longest.get(c.to) ?? 0, d + 1));
		}
		for (const id of endings) {
			const steps = longest.get(id) ?? 0;
			if (steps > s.maxSteps) errors.push({ code: 'path-too-long', node: id, data: { steps, max: s.maxSteps } });
		}
	} else if (Math.min(...endings.map((id) => shortest.get(id)!)) > s.maxSteps) {
		errors.push({ code: 'path-too-long', node: s.start, data: { max: s.maxSteps } });
	}
	if (errors.length > 0) return errors;

	const maxima = scoreMaxima(s);
	for (const k of s.scores) if (!(maxima[k]! > 0)) errors.push({ code: 'score-never-earned', score: k });
	const best = bestFrom(s, totalOf)(s.start, s.maxSteps);
	const sumMax = s.scores.reduce((a, k) => a + maxima[k]!, 0);
	if (errors.length === 0 && best < sumMax) errors.push({ code: 'max-not-attainable', node: s.start, data: { best, max: sumMax } });
	return errors;
}

/** The state before the first decision. */
export function initialState(s: RoleplayScenario): RoleplayState {
	const start = nodeIndex(s).get(s.start);
	return { node: s.start, path: [], scores: Object.fromEntries(s.scores.map((k) => [k, 0])), ended: start !== undefined && start.choices.length === 0 };
}

/** The choices a learner may take now: those that can still reach an ending within `maxSteps`. */
export function availableChoices(s: RoleplayScenario, state: RoleplayState): RoleplayChoice[] {
	const node = nodeIndex(s).get(state.node);
	if (!node || state.ended) return [];
	const best = bestFrom(s, totalOf);
	const remaining = s.maxSteps - state.path.length;
	return node.choices.filter((c) => best(c.to, remaining - 1) > -Infinity);
}

/** Take one choice; `null` when it is not available at the current node. Never mutates `state`. */
export function step(s: RoleplayScenario, state: RoleplayState, choiceId: string): RoleplayState | null {
	const choice = availableChoices(s, state).find((c) => c.id === choiceId);
	if (!choice) return null;
	const scores = { ...state.scores };
	for (const [k, v] of Object.entries(choice.effects)) scores[k] = (scores[k] ?? 0) + v;
	const to = nodeIndex(s).get(choice.to)!;
	return { node: to.id, path: [...state.path, choice.id], scores, ended: to.choices.length === 0 };
}

/** Follow a saved path from the start; `null` when it is not a list of choices this scenario allows. */
export function replay(s: RoleplayScenario, path: unknown): RoleplayState | null {
	if (!Array.isArray(path)) return null;
	let state = initialState(s);
	for (const id of path) {
		const next = typeof id === 'string' ? step(s, state, id) : null;
		if (!next) return null;
		state = next;
	}
	return state;
}

/** The decisions of the longest valid prefix of a path, with the node each was taken at. */
export function decisionsOf(s: RoleplayScenario, path: readonly string[]): RoleplayDecision[] {
	const nodes = nodeIndex(s);
	const out: RoleplayDecision[] = [];
	let state = initialState(s);
	for (const id of path) {
		const next = step(s, state, id);
		if (!next) break;
		const node = nodes.get(state.node)!;
		out.push({ step: out.length + 1, node, choice: node.choices.find((c) => c.id === id)! });
		state = next;
	}
	return out;
}

/**
 * A path with the highest total (the first best choice at each node on ties); with a valid
 * `prefix`, the prefix followed by its best continuation (an invalid prefix is ignored).
 */
export function bestPath(s: RoleplayScenario, prefix: readonly string[] = []): string[] {
	const best = bestFrom(s, totalOf);
	let state = replay(s, prefix) ?? initialState(s);
	while (!state.ended) {
		const remaining = s.maxSteps - state.path.length;
		const options = availableChoices(s, state);
		if (options.length === 0) break;
		let pick = options[0]!;
		for (const c of options) if (totalOf(c) + best(c.to, remaining - 1) > totalOf(pick) + best(pick.to, remaining - 1)) pick = c;
		state = step(s, state, pick.id)!;
	}
	return state.path;
}

function severityOf(gap: number, gaps: { major: number; critical: number }): Severity {
	if (gap <= 1e-9) return 'good';
	if (gap >= gaps.critical) return 'critical';
	if (gap >= gaps.major) return 'major';
	return 'minor';
}

/** The score a choice mostly affects: its worst effect when it fell short, else its best one. */
function dimensionOf(s: RoleplayScenario, c: RoleplayChoice, short: boolean): string {
	const entries = Object.entries(c.effects).filter(([k]) => s.scores.includes(k));
	if (entries.length === 0) return s.scores[0]!;
	const sorted = [...entries].sort((a, b) => (short ? a[1] - b[1] : b[1] - a[1]));
	return sorted[0]![0];
}

/**
 * Score a path: one dimension per named score (max = the best reachable on any path) and, for
 * each decision whose choice carries a finding code, a finding `roleplay.<scenario>.<code>` whose
 * severity comes from the gap to the best choice at that node. Invalid choices end the scored
 * prefix; an unfinished path is scored as far as it goes.
 */
export function scoreRoleplay(s: RoleplayScenario, path: readonly string[]): Feedback {
	const gaps = s.severityGaps ?? DEFAULT_SEVERITY_GAPS;
	const maxima = scoreMaxima(s);
	const best = bestFrom(s, totalOf);
	const decisions = decisionsOf(s, path);
	const state = replay(s, decisions.map((d) => d.choice.id))!;
	const findings: Finding[] = [];
	for (const d of decisions) {
		if (d.choice.finding === undefined) continue;
		const remaining = s.maxSteps - (d.step - 1);
		const gap = best(d.node.id, remaining) - (totalOf(d.choice) + best(d.choice.to, remaining - 1));
		const rounded = Math.round(gap * 10) / 10;
		findings.push({
			code: `roleplay.${s.id}.${d.choice.finding}`,
			severity: severityOf(gap, gaps),
			dimension: `roleplay.${dimensionOf(s, d.choice, gap > 1e-9)}`,
			topic: d.choice.topic ?? s.topic,
			subject: `step-${d.step}`,
			data: { step: d.step, gap: rounded },
		});
	}
	const dimensions = s.scores.map((k) => ({ id: `roleplay.${k}`, score: state.scores[k]!, max: maxima[k]! }));
	return makeFeedback(`roleplay.${s.id}`, dimensions, findings);
}
