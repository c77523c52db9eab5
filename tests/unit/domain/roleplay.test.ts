import { describe, expect, test } from 'vitest';
import {
	availableChoices,
	bestPath,
	decisionsOf,
	initialState,
	replay,
	scoreMaxima,
	scoreRoleplay,
	step,
	validateScenario,
	type RoleplayChoice,
	type RoleplayNode,
	type RoleplayScenario,
} from '../../../src/domain/roleplay';

const ch = (id: string, to: string, effects: Record<string, number> = {}, extra: Partial<RoleplayChoice> = {}): RoleplayChoice => ({ id, to, effects, ...extra });
const end = (id: string): RoleplayNode => ({ id, choices: [] });

/** Two decisions; the second node is reached three ways (so memoised values are reused). */
function visit(over: Partial<RoleplayScenario> = {}): RoleplayScenario {
	return {
		id: 'visit',
		start: 'open',
		scores: ['comm', 'risk', 'rel'],
		topic: 'soft-information',
		maxSteps: 4,
		minSteps: 2,
		nodes: [
			{
				id: 'open',
				choices: [
					ch('o-good', 'probe', { comm: 2, rel: 1 }, { finding: 'open-good' }),
					ch('o-bad', 'probe', { comm: -1 }, { finding: 'open-bad' }),
					ch('o-plain', 'probe', {}, { finding: 'open-plain' }),
				],
			},
			{
				id: 'probe',
				choices: [
					ch('p-good', 'end-good', { risk: 2 }, { finding: 'probe-good', topic: 'loan-purpose' }),
					ch('p-bad', 'end-bad', { risk: -4, comm: -1 }, { finding: 'probe-bad' }),
					ch('p-mid', 'end-good', { risk: 1 }),
				],
			},
			end('end-good'),
			end('end-bad'),
		],
		...over,
	};
}

const codes = (s: RoleplayScenario) => validateScenario(s).map((e) => e.code);

describe('validateScenario', () => {
	test('accepts a well-formed scenario', () => {
		expect(validateScenario(visit())).toEqual([]);
	});

	test('reports missing and duplicate scores, bad step bounds and bad severity gaps', () => {
		expect(codes(visit({ scores: [] }))).toContain('no-scores');
		expect(validateScenario(visit({ scores: ['comm', 'risk', 'rel', 'comm'] }))).toContainEqual({ code: 'duplicate-score', score: 'comm' });
		expect(codes(visit({ minSteps: 5, maxSteps: 4 }))).toEqual(['bad-steps']);
		expect(codes(visit({ maxSteps: 2.5 }))).toEqual(['bad-steps']);
		expect(codes(visit({ minSteps: 0 }))).toEqual(['bad-steps']);
		expect(codes(visit({ severityGaps: { major: 0, critical: 3 } }))).toEqual(['bad-gaps']);
		expect(codes(visit({ severityGaps: { major: 4, critical: 3 } }))).toEqual(['bad-gaps']);
		expect(codes(visit({ severityGaps: { major: 1, critical: Infinity } }))).toEqual(['bad-gaps']);
	});

	test('names the node and choice of each broken reference', () => {
		const s = visit();
		const broken: RoleplayScenario = {
			...s,
			start: 'nowhere',
			nodes: [
				...s.nodes,
				end('end-good'),
				{ id: 'lonely', choices: [ch('l1', 'end-good')] },
				{ id: 'crowded', choices: ['a', 'b', 'c', 'd', 'e'].map((x) => ch(`c-${x}`, 'end-good')) },
				{ id: 'dupes', choices: [ch('p-good', 'end-good', {}, { finding: 'open-good' }), ch('d2', 'missing', { luck: 1, comm: NaN })] },
			],
		};
		const errors = validateScenario(broken);
		expect(errors).toContainEqual({ code: 'duplicate-node', node: 'end-good' });
		expect(errors).toContainEqual({ code: 'start-missing', node: 'nowhere' });
		expect(errors).toContainEqual({ code: 'choice-count', node: 'lonely', data: { count: 1 } });
		expect(errors).toContainEqual({ code: 'choice-count', node: 'crowded', data: { count: 5 } });
		expect(errors).toContainEqual({ code: 'duplicate-choice', node: 'dupes', choice: 'p-good' });
		expect(errors).toContainEqual({ code: 'duplicate-finding', node: 'dupes', choice: 'p-good', data: { finding: 'open-good' } });
		expect(errors).toContainEqual({ code: 'target-missing', node: 'dupes', choice: 'd2', data: { target: 'missing' } });
		expect(errors).toContainEqual({ code: 'unknown-score', node: 'dupes', choice: 'd2', score: 'luck' });
		expect(errors).toContainEqual({ code: 'bad-effect', node: 'dupes', choice: 'd2', score: 'comm' });
	});

	test('reports unreachable nodes and forbidden cycles', () => {
		const s = visit();
		expect(validateScenario({ ...s, nodes: [...s.nodes, { id: 'island', choices: [ch('i1', 'end-good'), ch('i2', 'end-bad')] }] })).toEqual([{ code: 'unreachable', node: 'island' }]);
		const loop: RoleplayScenario = {
			...s,
			nodes: [s.nodes[0]!, { id: 'probe', choices: [ch('p-good', 'end-good', { risk: 2 }), ch('p-back', 'open')] }, end('end-good'), end('end-bad')],
		};
		expect(validateScenario(loop)).toEqual([{ code: 'unreachable', node: 'end-bad' }, { code: 'cycle', node: 'probe' }]);
	});

	test('with cycles allowed, reports nodes that can never end and starts that cannot end in time', () => {
		const trap: RoleplayScenario = {
			...visit(),
			allowCycles: true,
			minSteps: 1,
			nodes: [
				{ id: 'open', choices: [ch('to-end', 'end-good', { comm: 1, risk: 1, rel: 1 }), ch('to-trap', 'trap-a')] },
				{ id: 'trap-a', choices: [ch('ta', 'trap-b'), ch('ta2', 'trap-b')] },
				{ id: 'trap-b', choices: [ch('tb', 'trap-a'), ch('tb2', 'trap-a')] },
				end('end-good'),
			],
		};
		expect(validateScenario(trap)).toEqual([
			{ code: 'no-ending', node: 'trap-a' },
			{ code: 'no-ending', node: 'trap-b' },
		]);
		const far: RoleplayScenario = {
			...visit(),
			allowCycles: true,
			minSteps: 1,
			maxSteps: 1,
			nodes: [
				{ id: 'open', choices: [ch('o1', 'mid', { comm: 1, risk: 1, rel: 1 }), ch('o2', 'mid')] },
				{ id: 'mid', choices: [ch('m1', 'end-good'), ch('m2', 'open')] },
				end('end-good'),
			],
		};
		expect(validateScenario(far)).toEqual([{ code: 'path-too-long', node: 'open', data: { max: 1 } }]);
	});

	test('reports paths longer than maxSteps or shorter than minSteps at their ending', () => {
		expect(validateScenario(visit({ maxSteps: 1, minSteps: 1 }))).toEqual([
			{ code: 'path-too-long', node: 'end-good', data: { steps: 2, max: 1 } },
			{ code: 'path-too-long', node: 'end-bad', data: { steps: 2, max: 1 } },
		]);
		expect(validateScenario(visit({ minSteps: 3 }))).toEqual([
			{ code: 'path-too-short', node: 'end-good', data: { steps: 2, min: 3 } },
			{ code: 'path-too-short', node: 'end-bad', data: { steps: 2, min: 3 } },
		]);
	});

	test('defaults minSteps to one decision, so a start that is already an ending is too short', () => {
		const { minSteps: _drop, ...rest } = visit();
		expect(validateScenario(rest)).toEqual([]);
		expect(validateScenario({ ...rest, start: 'end-good' })).toContainEqual({ code: 'path-too-short', node: 'end-good', data: { steps: 0, min: 1 } });
	});

	test('reports scores nobody can earn and maxima no single path reaches', () => {
		const s = visit({ scores: ['comm', 'risk', 'rel', 'luck'] });
		expect(validateScenario(s)).toEqual([{ code: 'score-never-earned', score: 'luck' }]);
		// comm and rel peak through p-bad, risk through p-good: 11 points are never reached on one path.
		const split = visit();
		const probe = split.nodes[1]!;
		const nodes = [split.nodes[0]!, { ...probe, choices: [probe.choices[0]!, ch('p-bad', 'end-bad', { risk: -1, rel: 3, comm: 3 }), probe.choices[2]!] }, ...split.nodes.slice(2)];
		expect(validateScenario({ ...split, nodes })).toEqual([{ code: 'max-not-attainable', node: 'open', data: { best: 8, max: 11 } }]);
	});
});

describe('playing a scenario', () => {
	const s = visit();

	test('starts at the start with zero scores', () => {
		expect(initialState(s)).toEqual({ node: 'open', path: [], scores: { comm: 0, risk: 0, rel: 0 }, ended: false });
		expect(initialState({ ...s, start: 'end-good' }).ended).toBe(true);
		expect(initialState({ ...s, start: 'gone' }).ended).toBe(false);
	});

	test('steps through choices, adding effects, until an ending', () => {
		const a = step(s, initialState(s), 'o-good')!;
		expect(a).toEqual({ node: 'probe', path: ['o-good'], scores: { comm: 2, risk: 0, rel: 1 }, ended: false });
		const b = step(s, a, 'p-bad')!;
		expect(b).toEqual({ node: 'end-bad', path: ['o-good', 'p-bad'], scores: { comm: 1, risk: -4, rel: 1 }, ended: true });
		expect(step(s, b, 'p-good')).toBeNull();
		expect(availableChoices(s, b)).toEqual([]);
	});

	test('refuses a choice that is not at the current node and never mutates the state', () => {
		const st = initialState(s);
		expect(step(s, st, 'p-good')).toBeNull();
		expect(step(s, st, 'nope')).toBeNull();
		expect(st.path).toEqual([]);
		expect(availableChoices(s, { ...st, node: 'gone' })).toEqual([]);
		const lost = visit({ nodes: [{ id: 'open', choices: [...visit().nodes[0]!.choices, ch('o-lost', 'missing')] }, ...visit().nodes.slice(1)] });
		expect(availableChoices(lost, initialState(lost)).map((c) => c.id)).toEqual(['o-good', 'o-bad', 'o-plain']);
	});

	test('adds effects on scores the state does not track yet', () => {
		const odd = visit({ nodes: [{ id: 'open', choices: [ch('x', 'end-good', { extra: 2 }), ch('y', 'end-good')] }, end('end-good')] });
		expect(step(odd, initialState(odd), 'x')!.scores['extra']).toBe(2);
	});

	test('replays saved paths and rejects anything else', () => {
		expect(replay(s, ['o-bad', 'p-good'])).toMatchObject({ node: 'end-good', ended: true, scores: { comm: -1, risk: 2, rel: 0 } });
		expect(replay(s, [])).toEqual(initialState(s));
		expect(replay(s, 'o-good')).toBeNull();
		expect(replay(s, ['o-good', 42])).toBeNull();
		expect(replay(s, ['p-good'])).toBeNull();
		expect(replay(s, ['o-good', 'p-good', 'p-good'])).toBeNull();
	});

	test('lists the decisions of the valid prefix of a path', () => {
		const d = decisionsOf(s, ['o-plain', 'p-mid', 'junk']);
		expect(d.map((x) => [x.step, x.node.id, x.choice.id])).toEqual([
			[1, 'open', 'o-plain'],
			[2, 'probe', 'p-mid'],
		]);
	});

	test('only offers choices that can still end within maxSteps when cycles are allowed', () => {
		const loop: RoleplayScenario = {
			...s,
			allowCycles: true,
			minSteps: 1,
			maxSteps: 3,
			nodes: [
				{ id: 'open', choices: [ch('o-end', 'end-good', { comm: 1, risk: 1, rel: 1 }), ch('o-mid', 'mid', { comm: 1 })] },
				{ id: 'mid', choices: [ch('m-end', 'end-good', { risk: 1, rel: 1 }), ch('m-back', 'open', { comm: 1 })] },
				end('end-good'),
			],
		};
		expect(validateScenario(loop)).toEqual([]);
		const st = replay(loop, ['o-mid', 'm-back'])!;
		expect(st.node).toBe('open');
		expect(availableChoices(loop, st).map((c) => c.id)).toEqual(['o-end']);
		expect(step(loop, st, 'o-mid')).toBeNull();
		expect(scoreMaxima(loop)).toEqual({ comm: 3, risk: 1, rel: 1 });
		expect(bestPath(loop)).toEqual(['o-mid', 'm-back', 'o-end']);
	});
});

describe('bestPath and scoreMaxima', () => {
	test('find the path with the highest total and each score’s maximum', () => {
		const s = visit();
		expect(bestPath(s)).toEqual(['o-good', 'p-good']);
		expect(bestPath(s, ['o-bad'])).toEqual(['o-bad', 'p-good']);
		expect(bestPath(s, ['junk'])).toEqual(['o-good', 'p-good']);
		expect(scoreMaxima(s)).toEqual({ comm: 2, risk: 2, rel: 1 });
	});

	test('stop when no choice can end in time', () => {
		const s = visit({ maxSteps: 1, minSteps: 1 });
		expect(bestPath(s)).toEqual([]);
	});
});

describe('scoreRoleplay', () => {
	test('the best path scores the maximum with only good findings', () => {
		const s = visit();
		const fb = scoreRoleplay(s, bestPath(s));
		expect(fb.kind).toBe('roleplay.visit');
		expect(fb.score).toBe(fb.max);
		expect(fb.dimensions).toEqual([
			{ id: 'roleplay.comm', score: 2, max: 2 },
			{ id: 'roleplay.risk', score: 2, max: 2 },
			{ id: 'roleplay.rel', score: 1, max: 1 },
		]);
		expect(fb.findings).toEqual([
			{ code: 'roleplay.visit.open-good', severity: 'good', dimension: 'roleplay.comm', topic: 'soft-information', subject: 'step-1', data: { step: 1, gap: 0 } },
			{ code: 'roleplay.visit.probe-good', severity: 'good', dimension: 'roleplay.risk', topic: 'loan-purpose', subject: 'step-2', data: { step: 2, gap: 0 } },
		]);
	});

	test('grades each decision by its gap to the best choice at its node', () => {
		const s = visit();
		const fb = scoreRoleplay(s, ['o-bad', 'p-bad']);
		expect(fb.findings.map((f) => [f.code, f.severity, f.dimension, f.data['gap']])).toEqual([
			['roleplay.visit.open-bad', 'major', 'roleplay.comm', 4],
			['roleplay.visit.probe-bad', 'critical', 'roleplay.risk', 7],
		]);
		// raw scores -2, -4, 0 are clamped at 0
		expect(fb.dimensions.map((d) => d.score)).toEqual([0, 0, 0]);
		const soft = scoreRoleplay({ ...s, severityGaps: { major: 8, critical: 9 } }, ['o-plain', 'p-bad']);
		expect(soft.findings.map((f) => [f.severity, f.dimension])).toEqual([
			['minor', 'roleplay.comm'],
			['minor', 'roleplay.risk'],
		]);
	});

	test('skips choices without a finding code and scores an unfinished or broken path as far as it goes', () => {
		const s = visit();
		expect(scoreRoleplay(s, ['o-plain', 'p-mid']).findings.map((f) => f.code)).toEqual(['roleplay.visit.open-plain']);
		const partial = scoreRoleplay(s, ['o-good', 'nope', 'p-good']);
		expect(partial.findings).toHaveLength(1);
		expect(partial.score).toBe(3);
		expect(scoreRoleplay(s, []).score).toBe(0);
	});
});
