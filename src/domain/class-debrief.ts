/**
 * The instructor's debrief of a class: from the trainees' imported results (class-results.ts),
 * score distributions per knowledge check and simulation, error rates per question, per client of
 * the segmentation pool and the most common wrong segment, tier and product choices, and the class
 * table (with its CSV). Pure functions: numbers and codes only; the page words them.
 *
 * Expected answers come from the same rules the simulations score with: quiz keys through
 * scoring/quiz.ts `questionCredit`, the segmentation pool regenerated from the seed
 * (generator.ts) and judged by segments.ts, the product-matching scenario and expert decision
 * through product-matching-scenario.ts `scenarioFor`.
 */
import type { Client, RiskTier, SizeSegment } from './client';
import { generateClients } from './generator';
import { scenarioFor } from './product-matching-scenario';
import type { Catalogue } from './products';
import { riskTierOf, sizeSegmentOf } from './segments';
import { questionCredit, type QuizQuestion } from './scoring/quiz';
import {
	PRODUCT_MATCHING_ID,
	SEGMENTATION_ID,
	cleanProductMatchingDetail,
	cleanQuizAnswers,
	cleanSegmentationDetail,
	toCsv,
	type ClassResult,
	type ResultEntry,
} from './class-results';

/** Largest common maximum for which the histogram counts whole points (else 10 % bins). */
export const POINT_BINS_MAX = 20;

export type ItemKind = 'quiz' | 'sim';

/** One histogram bar: results with `from ≤ value < to` (the last bar includes `to`). */
export interface Bin {
	from: number;
	to: number;
	count: number;
}

/** Score distribution of one knowledge check or simulation. */
export interface ItemStats {
	kind: ItemKind;
	id: string;
	/** Trainees with a result. */
	n: number;
	/** Mean points scored. */
	meanScore: number;
	/** Mean share of the maximum, 0–1. */
	meanShare: number;
	/** The maximum when every result has the same one, else null. */
	max: number | null;
	/** 'points': bins of whole points 0..max; 'share': ten bins of 10 % each. */
	unit: 'points' | 'share';
	bins: Bin[];
	/** Simulations: results made with another seed than the class seed. */
	otherSeed: number;
}

/** Error rate of one knowledge-check question (a question not fully right counts as an error). */
export interface QuestionStats {
	quizId: string;
	questionId: string;
	/** 1-based position in the quiz. */
	number: number;
	/** Results with answers. */
	n: number;
	errors: number;
	rate: number;
	/** The wrong option chosen most often (single/multiple), null when none. */
	commonWrong: string | null;
	commonWrongCount: number;
}

/** How often trainees got one client of the segmentation pool wrong. */
export interface ClientStats {
	id: string;
	/** 0-based position in the pool. */
	index: number;
	name: string;
	expectedSegment: SizeSegment;
	expectedRisk: RiskTier;
	/** Results whose pool contained this client. */
	n: number;
	segmentErrors: number;
	riskErrors: number;
	/** Share of results with either part wrong or missing. */
	rate: number;
}

/** A wrong choice and how many made it. */
export interface Confusion<T extends string> {
	expected: T;
	chosen: T;
	count: number;
}

export interface SegmentationStats {
	seed: string;
	/** Results analysed (the class seed, with answers). */
	n: number;
	/** Results with another seed, left out of the per-client analysis. */
	otherSeed: number;
	clients: ClientStats[];
	/** Wrong segment choices, most common first. */
	wrongSegments: Confusion<SizeSegment>[];
	/** Wrong risk-tier choices, most common first. */
	wrongRisks: Confusion<RiskTier>[];
}

export interface ProductChoiceStats {
	/** Results analysed. */
	n: number;
	/** Results whose product was the expert's. */
	correct: number;
	/** Wrong product choices by track, most common first (expected '' when the expert declines). */
	wrong: (Confusion<string> & { track: string })[];
}

export interface TableRow {
	name: string;
	number: string;
	exportedAt: number;
	cells: Record<string, ResultEntry | undefined>;
	/** Sum over the table's columns. */
	score: number;
	max: number;
}

export interface Debrief {
	count: number;
	/** Mean share of the maximum over all trainees' totals, 0–1 (0 when no results). */
	meanShare: number;
	items: ItemStats[];
	questions: QuestionStats[];
	segmentation: SegmentationStats | null;
	products: ProductChoiceStats | null;
	/** Columns of the class table: `quiz:<id>` / `sim:<id>` in course order. */
	columns: { key: string; kind: ItemKind; id: string }[];
	rows: TableRow[];
}

/** What the debrief needs besides the results. */
export interface DebriefKeys {
	/** Answer keys of the knowledge checks by quiz id, in course order. */
	quizzes: Record<string, readonly QuizQuestion[]>;
	/** Simulation ids in course order (others sort after them). */
	simOrder: readonly string[];
	/** The product catalogue the product-matching sim uses. */
	catalogue: Catalogue;
	/** The class seed; null: the most common seed among the segmentation results. */
	seed: string | null;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Histogram of scores: whole points when the maximum is shared and small, else 10 % bins. */
export function histogram(entries: readonly Pick<ResultEntry, 'score' | 'max'>[]): { unit: 'points' | 'share'; max: number | null; bins: Bin[] } {
	const maxes = new Set(entries.map((e) => e.max));
	const max = maxes.size === 1 ? (entries[0] as ResultEntry).max : null;
	if (max !== null && Number.isInteger(max) && max <= POINT_BINS_MAX) {
		const bins: Bin[] = Array.from({ length: max + 1 }, (_, k) => ({ from: k, to: k === max ? k : k + 1, count: 0 }));
		for (const e of entries) (bins[Math.min(max, Math.floor(e.score))] as Bin).count++;
		return { unit: 'points', max, bins };
	}
	const bins: Bin[] = Array.from({ length: 10 }, (_, k) => ({ from: k / 10, to: (k + 1) / 10, count: 0 }));
	for (const e of entries) (bins[Math.min(9, Math.floor((e.score / e.max) * 10 + 1e-9))] as Bin).count++;
	return { unit: 'share', max, bins };
}

function countPairs<T extends string>(pairs: [T, T][]): Confusion<T>[] {
	const m = new Map<string, Confusion<T>>();
	for (const [expected, chosen] of pairs) {
		const k = `${expected}\u0000${chosen}`;
		const c = m.get(k) ?? { expected, chosen, count: 0 };
		c.count++;
		m.set(k, c);
	}
	return [...m.values()].sort((a, b) => b.count - a.count || (a.expected + a.chosen < b.expected + b.chosen ? -1 : 1));
}

function mostCommon(values: string[]): string | null {
	const m = new Map<string, number>();
	for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
	let best: string | null = null;
	let count = 0;
	for (const [v, c] of m) if (c > count) [best, count] = [v, c];
	return best;
}

/** Error rates per question of each knowledge check the results answered. */
export function questionStats(results: readonly ClassResult[], quizzes: DebriefKeys['quizzes']): QuestionStats[] {
	const out: QuestionStats[] = [];
	for (const [quizId, questions] of Object.entries(quizzes)) {
		const answerSets = results.map((r) => cleanQuizAnswers(r.quizzes[quizId]?.detail)).filter((a) => a !== undefined);
		if (answerSets.length === 0) continue;
		questions.forEach((q, i) => {
			let errors = 0;
			const wrongPicks: string[] = [];
			for (const answers of answerSets) {
				const a = answers[q.id];
				if (questionCredit(q, a) < 1) errors++;
				if (q.type !== 'order') for (const id of a ?? []) if (!q.options.some((o) => o.id === id && o.correct === true)) wrongPicks.push(id);
			}
			const commonWrong = mostCommon(wrongPicks);
			out.push({
				quizId,
				questionId: q.id,
				number: i + 1,
				n: answerSets.length,
				errors,
				rate: errors / answerSets.length,
				commonWrong,
				commonWrongCount: wrongPicks.filter((w) => w === commonWrong).length,
			});
		});
	}
	return out;
}

/** Per-client error rates and common wrong choices of the segmentation sim for the class seed. */
export function segmentationStats(results: readonly ClassResult[], seed: string | null): SegmentationStats | null {
	const entries = results.map((r) => r.sims[SEGMENTATION_ID]).filter((e): e is ResultEntry => e !== undefined);
	const withDetail = entries.map((e) => ({ seed: e.seed, detail: cleanSegmentationDetail(e.detail) })).filter((e) => e.detail !== undefined && e.seed !== undefined);
	const classSeed = seed ?? mostCommon(withDetail.map((e) => e.seed as string));
	if (classSeed === null) return null;
	const used = withDetail.filter((e) => e.seed === classSeed).map((e) => e.detail!);
	const poolSize = Math.max(0, ...used.map((d) => d.count));
	const pool: Client[] = poolSize > 0 ? generateClients(classSeed, poolSize) : [];
	const segPairs: [SizeSegment, SizeSegment][] = [];
	const riskPairs: [RiskTier, RiskTier][] = [];
	const clients = pool.map((c, index): ClientStats => {
		const expectedSegment = sizeSegmentOf(c);
		const expectedRisk = riskTierOf(c);
		const inPool = used.filter((d) => d.count > index);
		let segmentErrors = 0;
		let riskErrors = 0;
		let either = 0;
		for (const d of inPool) {
			const a = d.answers[c.id] ?? {};
			const segWrong = a.segment !== expectedSegment;
			const riskWrong = a.riskTier !== expectedRisk;
			if (segWrong) segmentErrors++;
			if (riskWrong) riskErrors++;
			if (segWrong || riskWrong) either++;
			if (a.segment !== undefined && segWrong) segPairs.push([expectedSegment, a.segment]);
			if (a.riskTier !== undefined && riskWrong) riskPairs.push([expectedRisk, a.riskTier]);
		}
		return { id: c.id, index, name: c.name, expectedSegment, expectedRisk, n: inPool.length, segmentErrors, riskErrors, rate: either / inPool.length }; // every client is in the largest pool, so n ≥ 1
	});
	return {
		seed: classSeed,
		n: used.length,
		otherSeed: entries.length - used.length,
		clients,
		wrongSegments: countPairs(segPairs),
		wrongRisks: countPairs(riskPairs),
	};
}

/** How trainees' product choices in the product-matching sim compare with the expert's. */
export function productChoiceStats(results: readonly ClassResult[], catalogue: Catalogue): ProductChoiceStats | null {
	const cache = new Map<string, string>();
	const rows = results
		.map((r) => r.sims[PRODUCT_MATCHING_ID])
		.map((e) => ({ seed: e?.seed, detail: cleanProductMatchingDetail(e?.detail) }))
		.filter((x) => x.seed !== undefined && x.detail !== undefined);
	if (rows.length === 0) return null;
	let correct = 0;
	const wrong: (Confusion<string> & { track: string })[] = [];
	for (const { seed, detail } of rows) {
		const { track, productId } = detail!;
		const key = `${seed}\u0000${track}`;
		if (!cache.has(key)) cache.set(key, scenarioFor(seed as string, track, catalogue).expert.decision?.productId ?? '');
		const expected = cache.get(key) as string;
		if (productId === expected) {
			correct++;
			continue;
		}
		const found = wrong.find((w) => w.track === track && w.expected === expected && w.chosen === productId);
		if (found) found.count++;
		else wrong.push({ track, expected, chosen: productId, count: 1 });
	}
	wrong.sort((a, b) => b.count - a.count);
	return { n: rows.length, correct, wrong };
}

/** The whole debrief of a class. */
export function debrief(results: readonly ClassResult[], keys: DebriefKeys): Debrief {
	const quizOrder = Object.keys(keys.quizzes);
	const rank = (order: readonly string[], id: string) => {
		const i = order.indexOf(id);
		return i < 0 ? order.length : i;
	};
	const ids = (kind: ItemKind) => {
		const set = new Set(results.flatMap((r) => Object.keys(kind === 'quiz' ? r.quizzes : r.sims)));
		const order = kind === 'quiz' ? quizOrder : keys.simOrder;
		return [...set].sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : 1));
	};
	const columns = [...ids('quiz').map((id) => ({ key: `quiz:${id}`, kind: 'quiz' as const, id })), ...ids('sim').map((id) => ({ key: `sim:${id}`, kind: 'sim' as const, id }))];
	const entry = (r: ClassResult, kind: ItemKind, id: string) => (kind === 'quiz' ? r.quizzes[id] : r.sims[id]);
	const segmentation = segmentationStats(results, keys.seed);
	const classSeed = keys.seed ?? segmentation?.seed ?? null;
	const items: ItemStats[] = columns.map(({ kind, id }) => {
		const entries = results.map((r) => entry(r, kind, id)).filter((e): e is ResultEntry => e !== undefined);
		const h = histogram(entries);
		return {
			kind,
			id,
			n: entries.length,
			meanScore: mean(entries.map((e) => e.score)),
			meanShare: mean(entries.map((e) => e.score / e.max)),
			...h,
			otherSeed: kind === 'sim' && classSeed !== null ? entries.filter((e) => e.seed !== undefined && e.seed !== classSeed).length : 0,
		};
	});
	const rows: TableRow[] = results.map((r) => {
		const cells: Record<string, ResultEntry | undefined> = {};
		let score = 0;
		let max = 0;
		for (const c of columns) {
			const e = entry(r, c.kind, c.id);
			cells[c.key] = e;
			if (e) {
				score += e.score;
				max += e.max;
			}
		}
		return { name: r.name, number: r.number, exportedAt: r.exportedAt, cells, score, max };
	});
	return {
		count: results.length,
		meanShare: mean(rows.map((r) => (r.max > 0 ? r.score / r.max : 0))),
		items,
		questions: questionStats(results, keys.quizzes),
		segmentation,
		products: productChoiceStats(results, keys.catalogue),
		columns,
		rows,
	};
}

/** Headings the CSV needs, in the page's language. */
export interface CsvLabels {
	name: string;
	number: string;
	exportedAt: string;
	total: string;
	/** Column heading of a quiz or simulation; `max` is shared by every result or null. */
	item: (kind: ItemKind, id: string, max: number | null) => string;
	/** Format an epoch-ms time. */
	time: (ms: number) => string;
}

/** Round to at most two decimals (CSV numbers stay short). */
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The class table as CSV (see toCsv: BOM, CRLF, RFC 4180, formula-safe text). A column shows
 * points when every trainee's maximum is the same, else the percentage of the maximum.
 */
export function classTableCsv(d: Debrief, labels: CsvLabels): string {
	const maxOf = new Map(d.items.map((i) => [`${i.kind}:${i.id}`, i.max]));
	const header = [labels.name, labels.number, labels.exportedAt, ...d.columns.map((c) => labels.item(c.kind, c.id, maxOf.get(c.key) ?? null)), labels.total];
	const body = d.rows.map((r) => [
		r.name,
		r.number,
		labels.time(r.exportedAt),
		...d.columns.map((c) => {
			const e = r.cells[c.key];
			if (!e) return '';
			return maxOf.get(c.key) !== null ? r2(e.score) : r2((e.score / e.max) * 100);
		}),
		r.max > 0 ? r2((r.score / r.max) * 100) : '',
	]);
	return toCsv([header, ...body]);
}

