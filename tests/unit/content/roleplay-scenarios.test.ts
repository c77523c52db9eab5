/** The role-play scenario files: valid, playable to a perfect score, named in both locales, and kindly rejected when broken. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bestPath, scoreRoleplay, validateScenario } from '../../../src/domain/roleplay';
import { loadScenario, parseScenarioFile, SCENARIO_IDS, type ScenarioContent } from '../../../src/components/sims/roleplay/scenario';
import { scenarioStrings } from '../../../src/components/sims/roleplay/strings';

const I18N = join(import.meta.dirname, '..', '..', '..', 'src', 'i18n');
const dict = (lang: string) => JSON.parse(readFileSync(join(I18N, `sim-roleplay.${lang}.json`), 'utf8')) as Record<string, string>;

/** Every complete path (choice ids) of a scenario. */
function allPaths(s: ScenarioContent): string[][] {
	const nodes = new Map(s.nodes.map((n) => [n.id, n]));
	const out: string[][] = [];
	const walk = (id: string, path: string[]) => {
		const n = nodes.get(id)!;
		if (n.choices.length === 0) out.push(path);
		for (const c of n.choices) walk(c.to, [...path, c.id]);
	};
	walk(s.start, []);
	return out;
}

test('the two course scenarios are present', () => {
	expect(SCENARIO_IDS).toEqual(['first-visit', 'shock-support']);
});

describe.each(SCENARIO_IDS)('scenario %s', (id) => {
	const s = loadScenario(id);

	test('validates and its best path scores the maximum', () => {
		expect(validateScenario(s)).toEqual([]);
		const fb = scoreRoleplay(s, bestPath(s));
		expect(fb.score).toBe(fb.max);
		expect(fb.findings.every((f) => f.severity === 'good')).toBe(true);
	});

	test('every play-through takes 6–10 decisions and ends in one of 2–4 endings', () => {
		const paths = allPaths(s);
		for (const p of paths) expect(p.length).toBeGreaterThanOrEqual(6);
		for (const p of paths) expect(p.length).toBeLessThanOrEqual(10);
		const endings = s.nodes.filter((n) => n.choices.length === 0);
		expect(endings.length).toBeGreaterThanOrEqual(2);
		expect(endings.length).toBeLessThanOrEqual(4);
		expect(new Set(endings.map((n) => n.ending))).toContain('good');
	});

	test('every choice explains its consequence and what happened next', () => {
		const strings = scenarioStrings(s);
		for (const n of s.nodes)
			for (const c of n.choices) {
				expect(c.outcome, c.id).toBeTruthy();
				expect(strings[`finding.roleplay.${s.id}.${c.finding}`], c.id).toBe(c.consequence);
			}
	});

	test('a poor path (the worst-looking choice at every step) gets serious findings', () => {
		const nodes = new Map(s.nodes.map((n) => [n.id, n]));
		const sum = (e: Record<string, number>) => Object.values(e).reduce((a, b) => a + b, 0);
		const path: string[] = [];
		for (let n = nodes.get(s.start)!; n.choices.length > 0; ) {
			const c = [...n.choices].sort((a, b) => sum(a.effects) - sum(b.effects))[0]!;
			path.push(c.id);
			n = nodes.get(c.to)!;
		}
		const fb = scoreRoleplay(s, path);
		expect(fb.score).toBeLessThan(fb.max / 2);
		expect(fb.findings.some((f) => f.severity === 'critical')).toBe(true);
	});

	test('names every score in both locales', () => {
		for (const lang of ['zh-CN', 'en']) for (const k of s.scores) expect(dict(lang)[`dimension.roleplay.${k}`], `${lang} ${k}`).toBeTruthy();
		for (const lang of ['zh-CN', 'en']) for (const k of ['title', 'summary', 'intro']) expect(dict(lang)[`sim.roleplay-${id}.${k}`]).toBeTruthy();
	});

	test('cites no document number other than 金规〔2024〕13 号 (facts.md §10.1)', () => {
		const text = JSON.stringify(s);
		const cited = [...text.matchAll(/(.{2})〔(\d{4})〕(\d+)\s*号/gu)].map((m) => `${m[1]}〔${m[2]}〕${m[3]}号`);
		for (const c of cited) expect(c).toBe('金规〔2024〕13号');
	});
});

describe('parseScenarioFile', () => {
	const good = () => JSON.parse(JSON.stringify(loadScenario('first-visit'))) as ScenarioContent;
	const where = 'scenarios/x.json';

	test('names the file, node and choice of a shape error', () => {
		const bad = good() as unknown as { nodes: { choices: { label: unknown; effects: unknown }[] }[] };
		bad.nodes[0]!.choices[1]!.label = '';
		bad.nodes[0]!.choices[2]!.effects = { communication: 'lots' };
		expect(() => parseScenarioFile(bad, where, 'first-visit')).toThrowError(/x\.json is not valid:[\s\S]*node "arrive", choice "arrive-closed" → label[\s\S]*node "arrive", choice "arrive-forms" → effects\.communication/);
		const noTitle = good() as unknown as { nodes: { title?: unknown }[] };
		delete noTitle.nodes[1]!.title;
		expect(() => parseScenarioFile(noTitle, where, 'first-visit')).toThrowError(/node "purpose-open" → title/);
		expect(() => parseScenarioFile({ id: 'first-visit' }, where, 'first-visit')).toThrowError(/- brief: /);
		expect(() => parseScenarioFile(null, where, 'first-visit')).toThrowError(/\(top level\)/);
		const anonymous = good() as unknown as { nodes: { id?: unknown; choices: { id?: unknown }[] }[] };
		delete anonymous.nodes[0]!.choices[0]!.id;
		delete anonymous.nodes[1]!.id;
		expect(() => parseScenarioFile(anonymous, where, 'first-visit')).toThrowError(/node "arrive", choice "#0" → id[\s\S]*node "#1" → id/);
	});

	test('names the node of content and graph errors', () => {
		const s = good();
		s.nodes[0]!.choices[0]!.to = 'nowhere';
		delete s.nodes[0]!.choices[1]!.consequence;
		delete s.nodes[0]!.choices[2]!.finding;
		s.nodes.find((n) => n.id === 'end-lost')!.ending = undefined;
		s.nodes[1]!.ending = 'good';
		const message = (() => {
			try {
				parseScenarioFile(s, where, 'other');
			} catch (e) {
				return (e as Error).message;
			}
			return '';
		})();
		expect(message).toContain('[roleplay] scenarios/x.json is not valid');
		expect(message).toContain('id: expected "other"');
		expect(message).toContain('node "arrive", choice "arrive-open": target-missing {"target":"nowhere"}');
		expect(message).toContain('node "arrive", choice "arrive-closed": a finding needs its "consequence" text');
		expect(message).toContain('node "arrive", choice "arrive-forms": a "consequence" needs a finding code');
		expect(message).toContain('node "end-lost": an ending (no choices) needs "ending"');
		expect(message).toContain('node "purpose-open": only endings (no choices) may set "ending"');
	});

	test('reports scenario-wide problems without a node', () => {
		const s = good();
		s.minSteps = 20;
		expect(() => parseScenarioFile(s, where, 'first-visit')).toThrowError(/- \(scenario\): bad-steps/);
		const t = good();
		t.scores.push('luck');
		expect(() => parseScenarioFile(t, where, 'first-visit')).toThrowError(/score "luck": score-never-earned/);
	});

	test('refuses an unknown scenario id with the expected file name', () => {
		expect(() => loadScenario('nope')).toThrowError(/no scenario "nope": expected src\/components\/sims\/roleplay\/scenarios\/nope\.json \(known: first-visit, shock-support\)/);
	});
});
