import { describe, expect, test } from 'vitest';
import {
	NEED_CUES,
	NEED_TRAITS,
	confusionKey,
	isNeedTrait,
	orderStatements,
	scoreNeedsMatching,
	traitOf,
	type NeedsStatement,
} from '../../../src/domain/needs-matching';
import { NEEDS_STATEMENTS } from '../../../src/components/sims/needs-matching/statements';
import { NEEDS_TRAIT_SECTIONS } from '../../../src/components/sims/needs-matching/trait-sections';

const statements: NeedsStatement[] = [
	{ id: 'a', cue: 'seasonal-swing' },
	{ id: 'b', cue: 'scaling-up' },
	{ id: 'c', cue: 'household-use' },
];

describe('traitOf and isNeedTrait', () => {
	test('map every cue to one of the five traits', () => {
		for (const cue of Object.keys(NEED_CUES)) expect(NEED_TRAITS).toContain(traitOf(cue));
		expect(traitOf('seasonal-swing')).toBe('variability');
		expect(traitOf('form-upgrade')).toBe('development');
	});
	test('return null for unknown cues, including inherited names', () => {
		expect(traitOf('nope')).toBeNull();
		expect(traitOf('toString')).toBeNull();
		expect(traitOf(3)).toBeNull();
		expect(isNeedTrait('object')).toBe(true);
		expect(isNeedTrait('Object')).toBe(false);
		expect(isNeedTrait(undefined)).toBe(false);
	});
});

describe('orderStatements', () => {
	test('gives the same order for the same seed and keeps every statement', () => {
		const a = orderStatements(NEEDS_STATEMENTS, 'classA').map((s) => s.id);
		expect(orderStatements(NEEDS_STATEMENTS, 'classA').map((s) => s.id)).toEqual(a);
		expect([...a].sort()).toEqual(NEEDS_STATEMENTS.map((s) => s.id).sort());
		expect(orderStatements(NEEDS_STATEMENTS, 'classB').map((s) => s.id)).not.toEqual(a);
	});
});

describe('scoreNeedsMatching', () => {
	test('gives one point per right trait, with a dimension per trait present', () => {
		const fb = scoreNeedsMatching(statements, { a: 'variability', b: 'development', c: 'object' });
		expect(fb.kind).toBe('needs-matching');
		expect(fb.score).toBe(3);
		expect(fb.max).toBe(3);
		expect(fb.dimensions).toEqual([
			{ id: 'needs-object', score: 1, max: 1 },
			{ id: 'needs-variability', score: 1, max: 1 },
			{ id: 'needs-development', score: 1, max: 1 },
		]);
		expect(fb.findings.map((f) => f.code)).toEqual(['needs.matched', 'needs.matched', 'needs.matched']);
	});
	test('explains a wrong trait with the chosen and the expected trait and the cue', () => {
		const fb = scoreNeedsMatching(statements, { a: 'development', b: 'development', c: 'object' });
		expect(fb.score).toBe(2);
		expect(fb.findings[0]).toEqual({
			code: 'needs.mismatched',
			severity: 'major',
			dimension: 'needs-variability',
			topic: 'customer-needs',
			subject: 'a',
			data: { needsChosen: 'development', needsTrait: 'variability', needsCue: 'seasonal-swing' },
		});
	});
	test('reports missing and invalid answers, skips unknown cues and junk', () => {
		const junk = [...statements, { id: 'x', cue: 'bogus' }, null, { cue: 'scaling-up' }] as unknown as NeedsStatement[];
		const fb = scoreNeedsMatching(junk, { a: 'nonsense', b: 'development' });
		expect(fb.max).toBe(3);
		expect(fb.findings.map((f) => [f.subject, f.code])).toEqual([
			['a', 'needs.unanswered'],
			['b', 'needs.matched'],
			['c', 'needs.unanswered'],
		]);
		expect(scoreNeedsMatching(statements, null as unknown as Record<string, string>).score).toBe(0);
		expect(scoreNeedsMatching(null as unknown as NeedsStatement[], {}).max).toBe(0);
	});
	test('uses the weight, falling back to 1 for bad weights', () => {
		expect(scoreNeedsMatching(statements, { a: 'variability' }, { match: 2 })).toMatchObject({ score: 2, max: 6 });
		expect(scoreNeedsMatching(statements, { a: 'variability' }, { match: -1 })).toMatchObject({ score: 1, max: 3 });
		expect(scoreNeedsMatching(statements, {}, undefined as unknown as { match: number }).max).toBe(3);
	});
});

describe('confusionKey', () => {
	test('orders the two traits as in the lesson', () => {
		expect(confusionKey('development', 'variability')).toBe('variability.development');
		expect(confusionKey('object', 'hierarchy')).toBe('object.hierarchy');
	});
});

describe('the statements of the exercise', () => {
	test('are 8–10, with unique ids, known cues, and cover all five traits', () => {
		expect(NEEDS_STATEMENTS.length).toBeGreaterThanOrEqual(8);
		expect(NEEDS_STATEMENTS.length).toBeLessThanOrEqual(10);
		expect(new Set(NEEDS_STATEMENTS.map((s) => s.id)).size).toBe(NEEDS_STATEMENTS.length);
		const traits = NEEDS_STATEMENTS.map((s) => traitOf(s.cue));
		expect(traits).not.toContain(null);
		expect(new Set(traits)).toEqual(new Set(NEED_TRAITS));
		for (const s of NEEDS_STATEMENTS) {
			expect(s.text['zh-CN'].length, s.id).toBeGreaterThan(10);
			expect(s.text.en.length, s.id).toBeGreaterThan(10);
		}
	});
	test('link every trait to its section of the lesson', () => {
		for (const t of NEED_TRAITS) expect(NEEDS_TRAIT_SECTIONS[t].lesson).toBe('m4/03-five-needs');
	});
});
