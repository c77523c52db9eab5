/**
 * KASH self-assessment (syllabus 1.三.(六); lesson m1/06-professional-qualities, section 「KASH 模型」).
 * A loan officer rates themself on every item of the four KASH dimensions — Knowledge (知识),
 * Attitude (态度), Skills (技巧), Habits (习惯), the items of the lesson's table — and gets a
 * development plan: the weakest items first.
 *
 * There is no right or wrong answer. The "score" is the sum of the self-ratings (max = 5 × items);
 * the findings describe gaps (rating below the target), strengths (top rating), the weakest
 * dimension and, for a returning learner, the change of each dimension since the last assessment.
 *
 * Units: a rating is an integer 1..5; a dimension mean is rounded to 0.1 point.
 * Teaching assumptions, not rules of any regulation or bank: the target level (4), the "large gap"
 * threshold (≤ 2) and the plan size (5 items: about what one month of deliberate practice holds).
 */
import { makeFeedback, type Feedback, type Finding, type Topic } from './scoring/feedback';

/** The four KASH dimensions, in the lesson's order. */
export const KASH_DIMENSIONS = ['knowledge', 'attitude', 'skills', 'habits'] as const;
export type KashDimension = (typeof KASH_DIMENSIONS)[number];

/**
 * Every item of the lesson's KASH table, as a stable code (i18n `kashItem.<id>`), in table order.
 * Renaming a code breaks saved self-assessments: add new codes instead.
 */
export const KASH_ITEMS = [
	{ id: 'k-retail-credit', dimension: 'knowledge' }, // 零售信贷业务知识
	{ id: 'k-territory', dimension: 'knowledge' }, // 辖区社区、商圈分布，各行业资金需求淡旺季
	{ id: 'k-systems', dimension: 'knowledge' }, // 办公系统及常用软件
	{ id: 'k-risk-process', dimension: 'knowledge' }, // 本行风险合规及业务流程
	{ id: 'k-management', dimension: 'knowledge' }, // 基础管理知识
	{ id: 'k-talking-points', dimension: 'knowledge' }, // 为营销积累的各种谈资
	{ id: 'a-positive', dimension: 'attitude' }, // 健康向上、正向反馈
	{ id: 'a-mission', dimension: 'attitude' }, // 使命必达
	{ id: 'a-collective', dimension: 'attitude' }, // 重视集体荣誉
	{ id: 'a-responsibility', dimension: 'attitude' }, // 责任心、做团队榜样
	{ id: 'a-execution', dimension: 'attitude' }, // 执行力
	{ id: 'a-cohesion', dimension: 'attitude' }, // 团队凝聚力
	{ id: 's-closing', dimension: 'skills' }, // 客户沟通及促成技巧
	{ id: 's-screening', dimension: 'skills' }, // 客户筛选及评估
	{ id: 's-internal', dimension: 'skills' }, // 内部沟通协调
	{ id: 's-key-accounts', dimension: 'skills' }, // 大客户沟通
	{ id: 's-batch', dimension: 'skills' }, // 批量客户营销沟通
	{ id: 's-negotiation', dimension: 'skills' }, // 谈判能力
	{ id: 's-new-needs', dimension: 'skills' }, // 发掘市场新金融服务需求
	{ id: 'h-client-contact', dimension: 'habits' }, // 与客户及潜在客户保持良好沟通
	{ id: 'h-time', dimension: 'habits' }, // 时间管理
	{ id: 'h-crm', dimension: 'habits' }, // 客户关系管理
	{ id: 'h-territory-loop', dimension: 'habits' }, // 坚持辖区内循环拓展
	{ id: 'h-tracking', dimension: 'habits' }, // 自我控制、追踪业务动态
	{ id: 'h-sharing', dimension: 'habits' }, // 及时分享业务经验
] as const satisfies readonly { id: string; dimension: KashDimension }[];
export type KashItemId = (typeof KASH_ITEMS)[number]['id'];

/** The lowest and highest self-rating. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Teaching assumption: the level a working loan officer should reach on every item. */
export const TARGET_RATING = 4;
/** Teaching assumption: a rating at or below this is a large gap (severity minor). */
export const LARGE_GAP_MAX_RATING = 2;
/** Teaching assumption: how many items one month's plan holds. */
export const PLAN_SIZE = 5;
/** Topic of every KASH finding (the lesson links are the sim's own item → section map). */
export const KASH_TOPIC: Topic = 'professional-qualities';

/** Self-ratings by item; an item may be missing (not rated yet). */
export type KashRatings = Partial<Record<KashItemId, number>>;

/** Dimension id of a KASH dimension in a Feedback (i18n `dimension.kash-<dimension>`). */
export const kashDimensionId = (d: KashDimension): string => `kash-${d}`;

const ITEM_IDS: readonly string[] = KASH_ITEMS.map((i) => i.id);

/** Whether `x` is a valid self-rating (integer 1..5). */
export function isRating(x: unknown): x is number {
	return typeof x === 'number' && Number.isInteger(x) && x >= RATING_MIN && x <= RATING_MAX;
}

/** Keep only known items with valid ratings (e.g. from saved progress); never throws. */
export function parseKashRatings(raw: unknown): KashRatings {
	const out: KashRatings = {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
	for (const [k, v] of Object.entries(raw)) {
		if (ITEM_IDS.includes(k) && isRating(v)) out[k as KashItemId] = v;
	}
	return out;
}

/** Items not rated yet, in table order. */
export function unratedItems(ratings: KashRatings): KashItemId[] {
	const r = parseKashRatings(ratings);
	return KASH_ITEMS.filter((i) => r[i.id] === undefined).map((i) => i.id);
}

/** Totals of one dimension: the sum of its ratings, its maximum and its mean (0 when nothing is rated). */
export interface KashDimensionSummary {
	dimension: KashDimension;
	sum: number;
	max: number;
	rated: number;
	mean: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Sum, maximum and mean self-rating of each dimension. */
export function kashDimensions(ratings: KashRatings): KashDimensionSummary[] {
	const r = parseKashRatings(ratings);
	return KASH_DIMENSIONS.map((dimension) => {
		const items = KASH_ITEMS.filter((i) => i.dimension === dimension);
		const values = items.map((i) => r[i.id]).filter((v): v is number => v !== undefined);
		const sum = values.reduce((s, v) => s + v, 0);
		return { dimension, sum, max: RATING_MAX * items.length, rated: values.length, mean: values.length ? round1(sum / values.length) : 0 };
	});
}

/** Sum of all self-ratings and its maximum (5 × items). */
export function kashTotal(ratings: KashRatings): { score: number; max: number } {
	const dims = kashDimensions(ratings);
	return { score: dims.reduce((s, d) => s + d.sum, 0), max: RATING_MAX * KASH_ITEMS.length };
}

/** One item of the development plan. */
export interface KashPlanItem {
	item: KashItemId;
	dimension: KashDimension;
	rating: number;
}

/**
 * The development plan: rated items below the top rating, weakest first; ties go to the weaker
 * dimension (lower mean), then to table order. At most `size` items.
 */
export function kashPlan(ratings: KashRatings, size: number = PLAN_SIZE): KashPlanItem[] {
	const r = parseKashRatings(ratings);
	const means = new Map(kashDimensions(r).map((d) => [d.dimension, d.mean]));
	const limit = Number.isFinite(size) ? Math.max(0, Math.floor(size)) : PLAN_SIZE;
	return KASH_ITEMS.map((i, order) => ({ item: i.id as KashItemId, dimension: i.dimension as KashDimension, rating: r[i.id], order }))
		.filter((x): x is KashPlanItem & { order: number } => x.rating !== undefined && x.rating < RATING_MAX)
		.sort((a, b) => a.rating - b.rating || (means.get(a.dimension) as number) - (means.get(b.dimension) as number) || a.order - b.order)
		.slice(0, limit)
		.map(({ item, dimension, rating }) => ({ item, dimension, rating }));
}

/** The dimension with the lowest mean among rated dimensions (first in KASH order on a tie), or null. */
export function weakestDimension(ratings: KashRatings): KashDimensionSummary | null {
	let weakest: KashDimensionSummary | null = null;
	for (const d of kashDimensions(ratings)) if (d.rated > 0 && (weakest === null || d.mean < weakest.mean)) weakest = d;
	return weakest;
}

/**
 * Turn a self-assessment into Feedback. Dimensions: the sum of each KASH dimension's ratings.
 * Findings: the plan items (rating ≤ 2 → `kash.gap-large` minor; 3 → `kash.gap` info;
 * 4 → `kash.stretch` info), unrated items (`kash.unrated` minor), the weakest dimension
 * (`kash.focus-dimension`), every item at the top rating (`kash.strength` good), and — when
 * `previous` ratings are given — each dimension's change of mean (`kash.improved` good,
 * `kash.declined` / `kash.unchanged` info). Everything carries the learner's own numbers.
 */
export function assessKash(ratings: KashRatings, previous?: KashRatings | null): Feedback {
	const r = parseKashRatings(ratings);
	const dims = kashDimensions(r);
	const findings: Finding[] = [];
	const topic = KASH_TOPIC;
	kashPlan(r).forEach((p, i) => {
		const code = p.rating <= LARGE_GAP_MAX_RATING ? 'kash.gap-large' : p.rating < TARGET_RATING ? 'kash.gap' : 'kash.stretch';
		const target = p.rating < TARGET_RATING ? TARGET_RATING : RATING_MAX;
		findings.push({
			code,
			severity: code === 'kash.gap-large' ? 'minor' : 'info',
			dimension: kashDimensionId(p.dimension),
			topic,
			subject: p.item,
			data: { kashItem: p.item, rating: p.rating, target, gap: target - p.rating, rank: i + 1 },
		});
	});
	for (const id of unratedItems(r)) {
		const dimension = KASH_ITEMS.find((i) => i.id === id)?.dimension as KashDimension;
		findings.push({ code: 'kash.unrated', severity: 'minor', dimension: kashDimensionId(dimension), topic, subject: id, data: { kashItem: id } });
	}
	const weakest = weakestDimension(r);
	if (weakest) {
		findings.push({
			code: 'kash.focus-dimension',
			severity: weakest.mean < 3 ? 'minor' : 'info',
			dimension: kashDimensionId(weakest.dimension),
			topic,
			data: { dimension: kashDimensionId(weakest.dimension), mean: weakest.mean },
		});
	}
	for (const i of KASH_ITEMS) {
		if (r[i.id] === RATING_MAX) findings.push({ code: 'kash.strength', severity: 'good', dimension: kashDimensionId(i.dimension), topic, subject: i.id, data: { kashItem: i.id, rating: RATING_MAX } });
	}
	if (previous) {
		const before = new Map(kashDimensions(parseKashRatings(previous)).map((d) => [d.dimension, d]));
		for (const d of dims) {
			const b = before.get(d.dimension) as KashDimensionSummary;
			if (b.rated === 0 || d.rated === 0) continue;
			const delta = round1(d.mean - b.mean);
			const code = delta > 0 ? 'kash.improved' : delta < 0 ? 'kash.declined' : 'kash.unchanged';
			findings.push({
				code,
				severity: delta > 0 ? 'good' : 'info',
				dimension: kashDimensionId(d.dimension),
				topic,
				data: { dimension: kashDimensionId(d.dimension), before: b.mean, after: d.mean, delta: Math.abs(delta) },
			});
		}
	}
	return makeFeedback(
		'kash',
		dims.map((d) => ({ id: kashDimensionId(d.dimension), score: d.sum, max: d.max })),
		findings,
	);
}
