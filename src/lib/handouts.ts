/**
 * What a module handout (/handouts/<module>/) reuses from the lessons, read from their MDX source
 * at build time: the display formulas (`$$…$$`) each lesson teaches, the formulas a lesson applies
 * through a worked-example component (taken from the lesson that teaches them), and the module's
 * golden case (the first `<CaseCard id="…">`). Pure functions over text.
 */

export interface LessonText {
	id: string;
	title: string;
	body: string;
}

export interface FormulaGroup {
	lessonId: string;
	lessonTitle: string;
	/** TeX of each display formula. */
	tex: string[];
	/** Set when the formulas are taught in another lesson and applied in this one. */
	from?: { lessonId: string; lessonTitle: string };
}

/** Worked-example components and how to recognise the formulas they apply. */
export const WORKED_COMPONENTS: Record<string, RegExp> = {
	WorkedWorkingCapital: /营运资金/,
	WorkedRaroc: /RAROC|EL\s*=/,
};

/** The display formulas of an MDX body, in order (TeX without the `$$`). */
export function displayMath(body: string): string[] {
	return [...body.matchAll(/^\$\$\s*\n([\s\S]*?)\n\s*\$\$\s*$/gm)].map((m) => (m[1] as string).trim()).filter((t) => t !== '');
}

/**
 * The formula groups of a module: each lesson's own display formulas, then — for a worked-example
 * component the module uses without teaching its formulas — those formulas from the first course
 * lesson that teaches them (once per module).
 */
export function moduleFormulas(moduleLessons: readonly LessonText[], allLessons: readonly LessonText[]): FormulaGroup[] {
	const groups: FormulaGroup[] = [];
	for (const l of moduleLessons) {
		const tex = displayMath(l.body);
		if (tex.length) groups.push({ lessonId: l.id, lessonTitle: l.title, tex });
	}
	for (const l of moduleLessons) {
		for (const [component, pattern] of Object.entries(WORKED_COMPONENTS)) {
			if (!l.body.includes(`<${component}`)) continue;
			if (groups.some((g) => g.tex.some((t) => pattern.test(t)))) continue;
			const source = allLessons.find((s) => displayMath(s.body).some((t) => pattern.test(t)));
			if (!source) continue;
			groups.push({
				lessonId: l.id,
				lessonTitle: l.title,
				tex: displayMath(source.body).filter((t) => pattern.test(t)),
				from: { lessonId: source.id, lessonTitle: source.title },
			});
		}
	}
	return groups;
}

/** The first golden case a module's lessons show (`<CaseCard id="…" />`), or null. */
export function firstCaseId(moduleLessons: readonly LessonText[]): string | null {
	for (const l of moduleLessons) {
		const m = /<CaseCard\s+id="([^"]+)"/.exec(l.body);
		if (m) return m[1] as string;
	}
	return null;
}

/** Make KaTeX's display MathML keyboard-scrollable like the lessons' (tabindex on block math). */
export function focusableMath(html: string): string {
	return html.replace(/<math([^>]*) display="block"/g, '<math$1 display="block" tabindex="0"');
}

/**
 * The golden case of a module whose lessons show no case card. Module 2 teaches judging a
 * borrower without hard information (soft information, cross-checks, cost per loan): case-090, a
 * first-time borrower (a breakfast shop with no bank history), is that situation.
 */
export const CASE_FALLBACK: Record<string, string> = { m2: 'case-090' };
