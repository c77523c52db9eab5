/**
 * Role-play scenario files (`./scenarios/<id>.json`): their schema and a loader that validates each
 * file at build time, first its shape (zod) and then its graph (`validateScenario`), and throws an
 * error naming the file and the node (and choice) at fault.
 *
 * The Chinese text of situations, choices and consequences is content and lives in the files; the
 * island's own labels come from i18n (`sim.roleplay.*`).
 */
import { z } from 'astro/zod';
import { TOPICS } from '../../../domain/scoring/feedback';
import { CHOICES_PER_NODE, validateScenario, type ScenarioError } from '../../../domain/roleplay';

const text = z.string().trim().min(1, 'must be a non-empty string');
const code = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case code with dashes, e.g. "open-question"')
	.max(60, 'expected at most 60 characters');

/** The endings' tone, shown as a badge: how the story ended for the client and the bank. */
export const ENDING_TONES = ['good', 'mixed', 'poor'] as const;
export type EndingTone = (typeof ENDING_TONES)[number];

/** One option at a decision point. */
export const ChoiceSchema = z.strictObject({
	/** Unique in the scenario; saved in the learner's path. @example "arrive-open" */
	id: code,
	/** What the loan officer says or does, in the first person. */
	label: text,
	/** Id of the node the choice leads to. */
	to: code,
	/** Points per named score. @example { "communication": 2, "relationship": 1 } */
	effects: z.record(code, z.number({ error: 'expected a number of points, e.g. 2 or -1' }).int('expected whole points')),
	/** What happens right after, shown at the top of the next situation. */
	outcome: text.optional(),
	/** Code of the consequence explained in the debrief; unique in the scenario. @example "open-question" */
	finding: code.optional(),
	/** The trainer's explanation of the consequence (required with `finding`). */
	consequence: text.optional(),
	/** What the finding is about; defaults to the scenario's topic. */
	topic: z.enum(TOPICS).optional(),
});

/** A situation: a decision point with 2–4 choices, or an ending (no choices, with a tone). */
export const NodeSchema = z.strictObject({
	id: code,
	/** A short title shown in the decision log. @example "谈用途" */
	title: text,
	/** The situation; blank lines separate paragraphs. */
	narrative: text,
	/** What the client says or does. */
	client: text.optional(),
	choices: z.array(ChoiceSchema).max(CHOICES_PER_NODE.max, `expected at most ${CHOICES_PER_NODE.max} choices`),
	/** Set on endings only. */
	ending: z.enum(ENDING_TONES).optional(),
});

/** A whole scenario file. */
export const ScenarioSchema = z.strictObject({
	/** Same as the file name. @example "first-visit" */
	id: code,
	/** Facts the learner is given before the first decision (client, request, setting). */
	brief: z.array(z.strictObject({ label: text, value: text })).min(1, 'expected at least one brief line'),
	topic: z.enum(TOPICS),
	/** Named scores, each with an i18n name `dimension.roleplay.<score>`. */
	scores: z.array(code).min(1, 'expected at least one score'),
	start: code,
	minSteps: z.number().int().min(1),
	maxSteps: z.number().int().min(1),
	severityGaps: z.strictObject({ major: z.number().positive(), critical: z.number().positive() }).optional(),
	nodes: z.array(NodeSchema).min(2, 'expected at least a start and an ending'),
});
export type ScenarioContent = z.output<typeof ScenarioSchema>;
export type ScenarioNodeContent = ScenarioContent['nodes'][number];
export type ScenarioChoiceContent = ScenarioNodeContent['choices'][number];

/** A scenario problem as one readable line naming the node and choice. */
export function describeScenarioError(e: ScenarioError): string {
	const where = [e.node && `node "${e.node}"`, e.choice && `choice "${e.choice}"`, e.score && `score "${e.score}"`].filter(Boolean).join(', ');
	const data = e.data ? ` ${JSON.stringify(e.data)}` : '';
	return `- ${where || '(scenario)'}: ${e.code}${data}`;
}

/** Where a zod issue sits, in the scenario's own terms (node and choice ids). */
function locate(data: unknown, path: readonly PropertyKey[]): string {
	const root = data as { nodes?: { id?: unknown; choices?: { id?: unknown }[] }[] };
	if (path[0] === 'nodes' && typeof path[1] === 'number') {
		const node = root.nodes?.[path[1]];
		const nodeName = `node "${String(node?.id ?? `#${path[1]}`)}"`;
		if (path[2] === 'choices' && typeof path[3] === 'number') {
			const choice = node?.choices?.[path[3]];
			const rest = path.slice(4).map(String).join('.');
			return `${nodeName}, choice "${String(choice?.id ?? `#${path[3]}`)}"${rest ? ` → ${rest}` : ''}`;
		}
		const rest = path.slice(2).map(String).join('.');
		return `${nodeName}${rest ? ` → ${rest}` : ''}`;
	}
	return path.length > 0 ? path.map(String).join('.') : '(top level)';
}

/**
 * Parse and validate one scenario file; throws an error naming the file and the node at fault.
 * @example parseScenarioFile(json, 'src/components/sims/roleplay/scenarios/first-visit.json', 'first-visit')
 */
export function parseScenarioFile(data: unknown, where: string, expectedId: string): ScenarioContent {
	const parsed = ScenarioSchema.safeParse(data);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `- ${locate(data, i.path)}: ${i.message}`);
		throw new Error(`[roleplay] ${where} is not valid:\n${lines.join('\n')}`);
	}
	const s = parsed.data;
	const problems: string[] = [];
	if (s.id !== expectedId) problems.push(`- id: expected "${expectedId}" (the file name), got "${s.id}"`);
	for (const n of s.nodes) {
		if (n.choices.length === 0 && !n.ending) problems.push(`- node "${n.id}": an ending (no choices) needs "ending": "good" | "mixed" | "poor"`);
		if (n.choices.length > 0 && n.ending) problems.push(`- node "${n.id}": only endings (no choices) may set "ending"`);
		for (const c of n.choices) {
			if (c.finding && !c.consequence) problems.push(`- node "${n.id}", choice "${c.id}": a finding needs its "consequence" text`);
			if (c.consequence && !c.finding) problems.push(`- node "${n.id}", choice "${c.id}": a "consequence" needs a finding code`);
		}
	}
	problems.push(...validateScenario(s).map(describeScenarioError));
	if (problems.length > 0) throw new Error(`[roleplay] ${where} is not valid:\n${problems.join('\n')}`);
	return s;
}

const FILES = import.meta.glob<unknown>('./scenarios/*.json', { eager: true, import: 'default' });
const DIR = 'src/components/sims/roleplay/scenarios';

/** Ids of the scenario files. */
export const SCENARIO_IDS: string[] = Object.keys(FILES)
	.map((p) => p.replace(/^\.\/scenarios\//, '').replace(/\.json$/, ''))
	.sort();

/** Load one scenario by id (its file name), validated; throws a clear error for an unknown id or a bad file. */
export function loadScenario(id: string): ScenarioContent {
	const data = FILES[`./scenarios/${id}.json`];
	if (data === undefined) throw new Error(`[roleplay] no scenario "${id}": expected ${DIR}/${id}.json (known: ${SCENARIO_IDS.join(', ')})`);
	return parseScenarioFile(data, `${DIR}/${id}.json`, id);
}
