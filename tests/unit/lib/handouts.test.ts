import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import katex from 'katex';
import { displayMath, firstCaseId, focusableMath, moduleFormulas, type LessonText } from '../../../src/lib/handouts';

const LESSONS = join(import.meta.dirname, '..', '..', '..', 'content', 'lessons');
const all: (LessonText & { module: string })[] = readdirSync(LESSONS)
	.sort()
	.flatMap((m) =>
		readdirSync(join(LESSONS, m))
			.sort()
			.map((f) => ({ module: m, id: `${m}/${f.replace(/\.mdx$/, '')}`, title: f, body: readFileSync(join(LESSONS, m, f), 'utf8') })),
	);
const of = (m: string) => all.filter((l) => l.module === m);

describe('handouts', () => {
	test('display formulas are read in order, inline math is not', () => {
		expect(displayMath('a $x$ b\n\n$$\nE = mc^2\n$$\n\ntext\n$$\n\\frac{a}{b}\n$$\n$$\n\n$$')).toEqual(['E = mc^2', '\\frac{a}{b}']);
	});

	test('the course modules get their formulas: cost per loan (m2), working capital, EL and RAROC (m3)', () => {
		const m2 = moduleFormulas(of('m2'), all).flatMap((g) => g.tex);
		expect(m2.some((t) => t.includes('单笔利润'))).toBe(true);
		expect(m2.some((t) => t.includes('L^{*}'))).toBe(true);
		const m3 = moduleFormulas(of('m3'), all).flatMap((g) => g.tex);
		expect(m3.some((t) => t.includes('营运资金量'))).toBe(true);
		expect(m3.some((t) => t.startsWith('EL'))).toBe(true);
		expect(m3.some((t) => t.startsWith('RAROC'))).toBe(true);
	});

	test('a module that applies the working-capital formula borrows it from the lesson that teaches it', () => {
		const m5 = moduleFormulas(of('m5'), all);
		const borrowed = m5.find((g) => g.from);
		expect(borrowed?.from?.lessonId).toBe('m3/01-product-innovation');
		expect(borrowed?.tex).toHaveLength(3);
		expect(moduleFormulas(of('m5'), of('m5')).filter((g) => g.from)).toEqual([]);
		const lesson = { id: 'x', title: 'x', body: '$$\nRAROC = 1\n$$\n<WorkedRaroc />' };
		expect(moduleFormulas([lesson], [lesson])).toEqual([{ lessonId: 'x', lessonTitle: 'x', tex: ['RAROC = 1'] }]);
	});

	test('every formula of every module renders with KaTeX (MathML), keyboard-scrollable', () => {
		for (const m of ['m1', 'm2', 'm3', 'm4', 'm5']) {
			for (const g of moduleFormulas(of(m), all)) {
				for (const tex of g.tex) {
					const html = focusableMath(katex.renderToString(tex, { output: 'mathml', displayMode: true, throwOnError: true }));
					expect(html).toContain('display="block" tabindex="0"');
				}
			}
		}
	});

	test('golden case: the first CaseCard of the module', () => {
		expect(firstCaseId(of('m4'))).toBe('case-010');
		expect(firstCaseId(of('m2'))).toBeNull();
	});
});
