/**
 * Seeded generator of mock SME clients: individual businesses (个体工商户), micro and small firms
 * and a few out-of-scope (medium, rarely large) borrowers, across the 16 industry rows of the
 * MIIT 2011 size standard, with the answer key filled by `truthOf`.
 *
 * Units: money in 万元 (rounded to 0.1; monthly revenue and aging buckets to 0.01); margins,
 * growth and shares as fractions; days in a 360-day year; terms in months; headcount in people.
 *
 * How one client is made (all draws from the injected `Rng`, so the same seed gives the same
 * clients on every machine; `generateClients` forks one child stream per client index, so client
 * i does not change when `count` changes):
 *   1. target segment from the mix, then a trade (industry + name parts) allowed by the filters;
 *   2. a target size class; headcount, revenue and assets from the industry profile, then nudged
 *      into the target class along the indicators of that industry's row (sme-size.ts);
 *   3. margins, growth, seasonal monthly revenue, working-capital days from the industry profile;
 *      AR/AP aging buckets whose totals equal revenue × receivable days ÷ 360 and cost of sales ×
 *      payable days ÷ 360; the owner, credit history, debt, funding, collateral, supply chain;
 *   4. purpose (a few prohibited ones on purpose), requested amount and term;
 *   5. `truth = truthOf(client)`.
 * Names and trades are mock data in Chinese; the UI never translates them.
 */
import type {
	AgingBuckets,
	Client,
	Collateral,
	CollateralKind,
	CreditHistory,
	GuarantorKind,
	Industry,
	IndustryTrack,
	LegalForm,
	LoanPurpose,
	OwnerProfile,
	SizeClass,
	SizeSegment,
	StatementQuality,
	SupplyChain,
	TaxGrade,
} from './client';
import { COLLATERAL_KINDS } from './client';
import { createRng, forEachFork, type Rng } from './random';
import { SIZE_TABLE, type SizeBound, type SizeIndicator, type SizeRow } from './sme-size';
import { trackOf, truthOf } from './segments';

/** Filters and proportions for generated clients. */
export interface GeneratorOptions {
	/**
	 * Relative weights of the target size segments. When given, omitted segments get weight 0;
	 * when absent or all zero, DEFAULT_MIX applies. @example { individual: 1 } (only 个体工商户)
	 */
	mix?: Partial<Record<SizeSegment, number>>;
	/** Only these industries (empty or absent = all). */
	industries?: Industry[];
	/** Only these product-matching tracks (empty or absent = all). */
	tracks?: IndustryTrack[];
}

/** Default shares of the target size segments. */
export const DEFAULT_MIX: Readonly<Record<SizeSegment, number>> = {
	individual: 0.35,
	micro: 0.35,
	small: 0.22,
	'out-of-scope': 0.08,
};

/** Largest number of clients one call makes. */
export const MAX_CLIENTS = 10000; // clients

// ---------------------------------------------------------------------------------------------
// Industry profiles: typical figures of Chinese SMEs by industry row (illustrative, for practice).

interface IndustryProfile {
	/** Median revenue per employee, 万元 a year. */
	rpe: number;
	/** Gross margin range, fraction. */
	gross: readonly [number, number];
	/** Median net margin, fraction. */
	net: number;
	/** Revenue ÷ total assets, times a year. */
	assetTurnover: number;
	inv: readonly [number, number];
	rec: readonly [number, number];
	pay: readonly [number, number];
	pre: readonly [number, number];
	adv: readonly [number, number];
	season: SeasonName;
}

/** Monthly revenue multipliers, Jan..Dec (normalised when used). */
const SEASONS = {
	// 秋收 (Sep–Nov) peak
	harvest: [0.6, 0.5, 0.6, 0.7, 0.9, 1.0, 1.0, 1.1, 1.5, 1.7, 1.4, 1.0],
	// Spring Festival dip in Feb, year-end orders
	factory: [1.0, 0.6, 1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 1.05, 1.05, 1.15, 1.25],
	// winter stop, spring and autumn building seasons
	building: [0.7, 0.4, 0.9, 1.1, 1.15, 1.1, 0.95, 0.95, 1.1, 1.15, 1.2, 1.2],
	// pre-festival stocking in Jan, Feb dip, autumn peak
	wholesale: [1.3, 0.6, 0.9, 0.95, 1.0, 0.95, 0.9, 0.95, 1.05, 1.1, 1.1, 1.2],
	// Spring Festival and Double 11 / year-end peaks
	retail: [1.35, 1.2, 0.85, 0.85, 0.9, 0.95, 0.9, 0.9, 1.0, 1.1, 1.3, 1.2],
	// pre-festival freight, Feb dip, Double 11 parcels
	logistics: [1.15, 0.6, 0.9, 0.95, 1.0, 1.0, 0.95, 0.95, 1.0, 1.05, 1.4, 1.2],
	// summer holidays, National Day, Spring Festival
	travel: [0.9, 1.1, 0.8, 0.9, 1.05, 1.0, 1.35, 1.4, 0.95, 1.25, 0.7, 0.6],
	// Spring Festival banquets and the summer peak
	catering: [1.3, 1.35, 0.85, 0.9, 0.95, 0.95, 1.15, 1.15, 0.9, 1.0, 0.85, 0.95],
	// cold drinks: summer peak
	summer: [0.6, 0.7, 0.8, 0.95, 1.1, 1.3, 1.45, 1.45, 1.15, 0.95, 0.8, 0.7],
	// hot pot, heating: winter peak
	winter: [1.45, 1.35, 1.0, 0.85, 0.75, 0.65, 0.65, 0.7, 0.85, 1.05, 1.25, 1.45],
	// year-end project acceptance
	projects: [0.8, 0.6, 0.9, 0.9, 0.95, 1.05, 0.9, 0.9, 1.0, 0.95, 1.1, 1.6],
	// 金三银四, 金九银十
	property: [0.8, 0.5, 1.0, 1.1, 1.05, 1.15, 0.85, 0.85, 1.2, 1.25, 1.05, 1.2],
	flat: [1, 0.95, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.05],
	// haircuts and weddings before Spring Festival, autumn weddings
	household: [1.3, 1.25, 0.9, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 1.05, 0.9, 1.0],
} as const;
type SeasonName = keyof typeof SEASONS;

const PROFILES: Readonly<Record<Industry, IndustryProfile>> = {
	agriculture: p(25, [0.15, 0.35], 0.08, 0.8, [60, 180], [15, 60], [10, 40], [5, 30], [0, 10], 'harvest'),
	industry: p(40, [0.15, 0.3], 0.055, 1.2, [40, 90], [45, 120], [30, 90], [5, 20], [0, 15], 'factory'),
	construction: p(45, [0.08, 0.18], 0.045, 1.0, [10, 40], [60, 180], [45, 120], [5, 20], [10, 40], 'building'),
	wholesale: p(200, [0.06, 0.18], 0.04, 2.5, [30, 90], [20, 75], [15, 60], [5, 30], [0, 15], 'wholesale'),
	retail: p(40, [0.15, 0.35], 0.05, 2.5, [25, 60], [0, 10], [10, 35], [0, 10], [0, 8], 'retail'),
	transport: p(35, [0.1, 0.25], 0.05, 1.0, [0, 10], [30, 90], [15, 45], [5, 20], [0, 10], 'logistics'),
	warehousing: p(30, [0.15, 0.3], 0.06, 0.6, [0, 5], [30, 75], [15, 40], [0, 15], [0, 15], 'logistics'),
	postal: p(15, [0.08, 0.2], 0.04, 2.0, [0, 5], [10, 40], [10, 30], [5, 20], [0, 5], 'logistics'),
	accommodation: p(12, [0.4, 0.65], 0.08, 0.4, [5, 15], [5, 20], [10, 30], [10, 40], [5, 20], 'travel'),
	catering: p(15, [0.5, 0.65], 0.08, 2.0, [3, 10], [0, 5], [8, 25], [15, 45], [0, 10], 'catering'),
	'information-transmission': p(60, [0.3, 0.5], 0.1, 0.8, [0, 10], [45, 120], [20, 60], [5, 20], [5, 20], 'flat'),
	'software-it': p(35, [0.35, 0.6], 0.1, 1.2, [0, 10], [60, 180], [15, 45], [0, 15], [10, 30], 'projects'),
	'real-estate-development': p(
		150, [0.2, 0.35], 0.08, 0.3, [300, 720], [10, 40], [60, 180], [10, 40], [60, 180], 'property',
	),
	'property-management': p(8, [0.12, 0.25], 0.05, 1.5, [0, 5], [30, 90], [15, 40], [0, 10], [20, 60], 'flat'),
	'leasing-business-services': p(40, [0.25, 0.45], 0.08, 0.7, [0, 10], [30, 90], [15, 45], [5, 20], [5, 20], 'flat'),
	other: p(12, [0.35, 0.6], 0.1, 2.0, [5, 30], [0, 15], [10, 30], [5, 30], [0, 15], 'household'),
};

function p(
	rpe: number,
	gross: readonly [number, number],
	net: number,
	assetTurnover: number,
	inv: readonly [number, number],
	rec: readonly [number, number],
	pay: readonly [number, number],
	pre: readonly [number, number],
	adv: readonly [number, number],
	season: SeasonName,
): IndustryProfile {
	return { rpe, gross, net, assetTurnover, inv, rec, pay, pre, adv, season };
}

// ---------------------------------------------------------------------------------------------
// Trades. Each row: trade (行业描述), industry, shop name ending (个体/个人独资), company name ending
// (有限公司), flags: i = may be an individual business, g = green, c = county-town trade (often
// rural), r = agricultural (rural), b = business-to-business sales, f = may be a farmer
// cooperative, s = stall (摊), k = 「某记」 naming; optional season override.

/** One trade the generator can draw: its industry row, name endings and flags. */
export interface TradeTemplate {
	trade: string;
	industry: Industry;
	shop: string;
	company: string;
	individual: boolean;
	green: boolean;
	county: boolean;
	agri: boolean;
	b2b: boolean;
	coop: boolean;
	stall: boolean;
	keeper: boolean;
	season: SeasonName | null;
}

type TradeRow = readonly [string, Industry, string, string, string, SeasonName?];

const TRADE_ROWS: readonly TradeRow[] = [
	// 批发零售 (trade)
	['五金建材批发', 'wholesale', '五金批发部', '五金建材有限公司', 'ib'],
	['日用百货批发', 'wholesale', '百货批发部', '商贸有限公司', 'ib'],
	['水果蔬菜批发', 'wholesale', '果蔬批发部', '农产品贸易有限公司', 'ibcr'],
	['粮油副食批发', 'wholesale', '粮油批发部', '粮油贸易有限公司', 'ibc'],
	['服装鞋帽批发', 'wholesale', '服装批发档', '服饰贸易有限公司', 'ib'],
	['电子元器件批发', 'wholesale', '电子经营部', '电子元器件贸易有限公司', 'ib'],
	['农资化肥批发', 'wholesale', '农资经营部', '农资贸易有限公司', 'ibcr'],
	['再生资源回收', 'wholesale', '废旧物资回收站', '再生资源回收有限公司', 'ibgc'],
	['社区便利超市', 'retail', '便利超市', '超市有限公司', 'i'],
	['水果零售', 'retail', '水果店', '果业有限公司', 'isk', 'summer'],
	['母婴用品零售', 'retail', '母婴店', '母婴用品有限公司', 'i'],
	['手机通讯器材零售', 'retail', '手机店', '通讯器材有限公司', 'i'],
	['药品零售', 'retail', '大药房', '医药连锁有限公司', 'i'],
	['家用电器零售', 'retail', '家电商行', '电器有限公司', 'ic'],
	['烟酒茶叶零售', 'retail', '烟酒商行', '茶酒商贸有限公司', 'i'],
	['农特产品网店', 'retail', '农特产品网店', '电子商务有限公司', 'icr'],
	['汽车配件零售', 'retail', '汽配店', '汽车配件有限公司', 'i'],
	// 民生服务 (services)
	['早餐店', 'catering', '早餐店', '餐饮管理有限公司', 'ik'],
	['中式餐馆', 'catering', '饭店', '餐饮有限公司', 'ick'],
	['火锅店', 'catering', '火锅店', '火锅餐饮有限公司', 'i', 'winter'],
	['奶茶饮品店', 'catering', '奶茶店', '饮品管理有限公司', 'i', 'summer'],
	['烘焙坊', 'catering', '烘焙坊', '食品有限公司', 'i'],
	['农家乐', 'accommodation', '农家乐', '乡村旅游开发有限公司', 'icr'],
	['乡村民宿', 'accommodation', '民宿', '民宿管理有限公司', 'icr'],
	['快捷宾馆', 'accommodation', '宾馆', '酒店管理有限公司', 'ic'],
	['美容美发', 'other', '美发店', '美容美发有限公司', 'i'],
	['洗衣店', 'other', '洗衣店', '洗涤服务有限公司', 'i'],
	['汽车维修', 'other', '汽修店', '汽车维修服务有限公司', 'ic'],
	['家政服务', 'other', '家政服务部', '家政服务有限公司', 'i'],
	['节能改造服务', 'other', '节能技术服务部', '节能科技有限公司', 'igb'],
	['物业管理', 'property-management', '物业服务部', '物业管理有限公司', 'b'],
	['货运物流', 'transport', '货运部', '物流有限公司', 'ibc'],
	['冷链运输', 'transport', '冷链运输部', '冷链物流有限公司', 'ibr'],
	['快递网点', 'postal', '快递代办点', '快递服务有限公司', 'ic'],
	['仓储服务', 'warehousing', '仓储服务部', '仓储有限公司', 'ib'],
	['工程机械租赁', 'leasing-business-services', '机械租赁部', '设备租赁有限公司', 'ib'],
	['广告设计制作', 'leasing-business-services', '广告制作部', '广告传媒有限公司', 'ib'],
	// 生产加工 (manufacturing, incl. 涉农生产加工)
	['五金制品加工', 'industry', '五金加工厂', '五金制品有限公司', 'ib'],
	['服装加工', 'industry', '服装加工厂', '服饰有限公司', 'ib'],
	['糕点食品加工', 'industry', '食品加工坊', '食品有限公司', 'ib'],
	['家具制造', 'industry', '家具厂', '家具有限公司', 'ib'],
	['塑料制品加工', 'industry', '塑料制品厂', '塑业有限公司', 'ib'],
	['包装印刷', 'industry', '印刷厂', '包装印刷有限公司', 'ib'],
	['粮食烘干加工', 'industry', '粮食加工厂', '农产品加工有限公司', 'ibcr', 'harvest'],
	['茶叶加工', 'industry', '茶厂', '茶业有限公司', 'ibcr', 'harvest'],
	['有机肥生产', 'industry', '有机肥厂', '生物肥业有限公司', 'ibgcr'],
	['再生塑料加工', 'industry', '再生塑料加工厂', '再生资源科技有限公司', 'ibg'],
	['竹木制品加工', 'industry', '竹制品厂', '竹木制品有限公司', 'ibcr'],
	['光伏安装', 'construction', '光伏安装部', '光伏安装有限公司', 'ibg'],
	['室内装修装饰', 'construction', '装饰工程部', '装饰工程有限公司', 'ib'],
	['水电安装', 'construction', '水电安装部', '建筑安装工程有限公司', 'ib'],
	['蔬菜种植', 'agriculture', '蔬菜种植场', '蔬菜种植有限公司', 'ibcrf'],
	['生猪养殖', 'agriculture', '养猪场', '畜牧养殖有限公司', 'ibcrf', 'flat'],
	['水产养殖', 'agriculture', '水产养殖场', '水产养殖有限公司', 'ibcrf'],
	['果园种植', 'agriculture', '果园', '果业种植有限公司', 'ibcrf'],
	['茶园种植', 'agriculture', '茶园', '茶叶种植有限公司', 'ibcrf'],
	// other
	['软件开发', 'software-it', '软件工作室', '信息技术有限公司', 'ib'],
	['网站与小程序开发', 'software-it', '网络工作室', '网络科技有限公司', 'ib'],
	['物联网系统集成', 'software-it', '系统集成部', '物联网科技有限公司', 'bg'],
	['宽带接入服务', 'information-transmission', '网络服务部', '网络通信有限公司', 'ibc'],
	['房地产开发', 'real-estate-development', '房产开发部', '房地产开发有限公司', 'b'],
];

/** All trade templates the generator draws from (≥ 12 per track). */
export const TRADES: readonly TradeTemplate[] = TRADE_ROWS.map(([trade, industry, shop, company, f, season]) => ({
	trade,
	industry,
	shop,
	company,
	individual: f.includes('i'),
	green: f.includes('g'),
	county: f.includes('c'),
	agri: f.includes('r'),
	b2b: f.includes('b'),
	coop: f.includes('f'),
	stall: f.includes('s'),
	keeper: f.includes('k'),
	season: season ?? null,
}));

/** 字号: neutral, auspicious shop names (no real brands). */
const BRANDS = [
	'鑫达', '恒通', '永盛', '华美', '兴旺', '福满', '聚源', '金穗', '宏发', '嘉禾', '瑞丰', '康乐',
	'乐佳', '家和', '百味', '益农', '青禾', '天润', '新元', '安达', '博远', '明辉', '广源', '众诚',
	'德昌', '东升', '佳禾', '晨光', '启航', '润田', '万家', '金桥', '绿源', '丰泽', '盛世', '和顺',
	'同心', '信诚', '长青', '云帆', '山海', '春晖', '四季', '满园', '金禾', '鸿运', '合力', '悦来',
	'宝丰', '利民', '惠众', '鼎盛', '祥和', '鑫源', '荣昌', '隆兴', '富民', '开元', '远航', '新星',
	'金诚', '汇通', '泰和', '兴业', '华源', '致远', '恒信', '友邦', '田园', '禾丰', '绿野', '清泉',
];
const SURNAMES = [
	'李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
];

// ---------------------------------------------------------------------------------------------

interface Plan {
	segments: readonly SizeSegment[];
	weights: readonly number[];
	trades: readonly TradeData[];
	individualTrades: readonly TradeData[];
}

function makePlan(options: GeneratorOptions = {}): Plan {
	const segments = ['individual', 'micro', 'small', 'out-of-scope'] as const;
	const mix = options.mix;
	let weights = segments.map((s) => {
		const w = mix?.[s];
		return w !== undefined && w > 0 && Number.isFinite(w) ? w : 0;
	});
	if (!weights.some((w) => w > 0)) weights = segments.map((s) => DEFAULT_MIX[s]);
	const industries = options.industries?.length ? new Set(options.industries) : null;
	const tracks = options.tracks?.length ? new Set(options.tracks) : null;
	let trades: readonly TradeData[] = TRADE_DATA.filter(
		(t) => (!industries || industries.has(t.tmpl.industry)) && (!tracks || tracks.has(t.track)),
	);
	// Filters that match nothing fall back to every trade rather than failing.
	if (trades.length === 0) trades = TRADE_DATA;
	return { segments, weights, trades, individualTrades: trades.filter((t) => t.tmpl.individual) };
}

/** Generate `count` (clamped to 1..MAX_CLIENTS) clients from `seed`; same seed, same clients. */
export function generateClients(seed: string | number, count: number, options?: GeneratorOptions): Client[] {
	const n = Math.min(MAX_CLIENTS, Math.max(1, Math.floor(Number.isFinite(count) ? count : 1)));
	const plan = makePlan(options);
	const root = createRng(seed);
	const out: Client[] = new Array<Client>(n);
	// Client i comes from child stream i (one stream object refilled per client: nothing keeps it).
	forEachFork(root, n, (rng, i) => {
		out[i] = generateFromPlan(rng, plan, idOf(i));
	});
	return out;
}

/**
 * Client ids by index (`c0001`, `c0002`, …), made once: an id depends on the index only, so every
 * pool shares the same strings. That saves allocations, and an id the engine has already
 * interned as an object key (an answers record) is found again without re-hashing it.
 */
const IDS: string[] = [];

function idOf(i: number): string {
	let id = IDS[i];
	if (id === undefined) {
		id = `c${String(i + 1).padStart(4, '0')}`;
		IDS[i] = id;
	}
	return id;
}

/** Generate one client from `rng` (id from `options.id`, else derived from the stream's seed). */
export function generateClient(rng: Rng, options?: GeneratorOptions & { id?: string }): Client {
	return generateFromPlan(rng, makePlan(options), options?.id ?? `c-${rng.seed}`);
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function generateFromPlan(rng: Rng, plan: Plan, id: string): Client {
	// 1. Segment, class, trade, legal form.
	const segment = rng.weighted(plan.segments, plan.weights);
	let individual = segment === 'individual' || (segment === 'out-of-scope' && rng.bool(0.05));
	if (individual && plan.individualTrades.length === 0) individual = false;
	const trade = rng.pick(individual ? plan.individualTrades : plan.trades);
	const tmpl = trade.tmpl;
	const target: SizeClass =
		segment === 'individual'
			? rng.bool(0.8) ? 'micro' : 'small'
			: segment === 'out-of-scope'
				? individual || rng.bool(0.92) ? 'medium' : 'large'
				: segment;
	const legalForm: LegalForm = individual ? 'individual-business' : companyForm(rng, target, trade);
	const prof = trade.prof;

	// 2. Size figures nudged into the target class (read at once: sizeFigures reuses one object).
	const { employees, revenueWan, assetsWan } = sizeFigures(rng, trade.sizeRow, target, individual, prof);

	// 3. Performance and working-capital cycle.
	const grossMargin = r2(rng.float(prof.gross[0], prof.gross[1]));
	const thin = rng.bool(0.05);
	const netMargin = r2(
		clamp(thin ? rng.float(-0.05, 0.025) : rng.normal(prof.net, 0.022), -0.08, Math.max(0.005, grossMargin - 0.03)),
	);
	const expectedGrowth = r2(clamp(rng.normal(0.08, 0.1), -0.3, 0.6));
	const monthlyRevenueWan = monthlySeries(rng, revenueWan, trade.season);
	const inventoryDays = rng.int(prof.inv[0], prof.inv[1]);
	const receivableDays = rng.int(prof.rec[0], prof.rec[1]);
	const payableDays = rng.int(prof.pay[0], prof.pay[1]);
	const prepaidDays = rng.int(prof.pre[0], prof.pre[1]);
	const advanceReceiptDays = rng.int(prof.adv[0], prof.adv[1]);

	// Owner and track record.
	const newBusiness = rng.bool(0.06);
	const medianYears = target === 'micro' ? 4 : target === 'small' ? 8 : 12;
	const yearsInBusiness = newBusiness ? r1(rng.float(0.2, 0.95)) : r1(clamp(rng.logNormal(medianYears, 0.7), 1, 35));
	const borrowedBefore = rng.bool(yearsInBusiness < 1 ? 0.2 : individual ? 0.5 : target === 'micro' ? 0.55 : 0.85);
	const owner = ownerProfile(rng, yearsInBusiness, borrowedBefore);
	const creditHistory: CreditHistory = borrowedBefore
		? draw(rng, CREDIT_WITH_LOANS)
		: draw(rng, CREDIT_WITHOUT_LOANS);

	// Debt and funding.
	const debtRatio = borrowedBefore
		? debtBand(rng, draw(rng, DEBT_BANDS))
		: rng.bool(0.8) ? 0 : rng.float(0.05, 0.3);
	const existingDebtWan = r1(assetsWan * debtRatio);
	const cycleDays = inventoryDays + receivableDays - payableDays + prepaidDays - advanceReceiptDays;
	const workingCapital =
		cycleDays > 0 ? (revenueWan * (1 - netMargin) * (1 + expectedGrowth) * cycleDays) / 360 : 0;
	// Existing working-capital loans finance part of the cycle; the rest of the debt is term debt.
	const wcLoans = workingCapital > 0 ? workingCapital * rng.float(0.1, 0.7) : existingDebtWan * rng.float(0.3, 1);
	const existingWorkingCapitalLoansWan = r1(Math.min(existingDebtWan, wcLoans));
	const ownFundsWan = r1(workingCapital > 0 ? workingCapital * rng.float(0.15, 0.6) : assetsWan * rng.float(0.02, 0.1));
	const otherFundingWan = rng.bool(0.7) ? 0 : r1(workingCapital * rng.float(0.02, 0.15));

	// Aging consistent with the days.
	const arAging = aging(rng, (revenueWan * receivableDays) / 360, receivableDays, creditHistory);
	const apAging = aging(rng, (revenueWan * (1 - grossMargin) * payableDays) / 360, payableDays, creditHistory);

	// Statements, supply chain, tax.
	const statements = statementsOf(rng, legalForm, target);
	const supplyChain = supplyChainOf(rng, tmpl, statements, yearsInBusiness, creditHistory);

	// 4. Purpose, amount, term.
	const { purpose, terms } = draw(rng, trade.purpose);
	const need = workingCapital - ownFundsWan - existingWorkingCapitalLoansWan - otherFundingWan;
	const requestedAmountWan = requestedAmount(rng, purpose, need, revenueWan, assetsWan, individual, target);
	const requestedTermMonths = rng.pick(terms);
	const collateral = collateralOf(rng, trade, owner, supplyChain, requestedAmountWan, target);

	const client: Client = {
		id,
		name: nameOf(rng, trade, legalForm),
		trade: tmpl.trade,
		industry: tmpl.industry,
		track: trade.track,
		legalForm,
		yearsInBusiness,
		employees,
		revenueWan,
		assetsWan,
		grossMargin,
		netMargin,
		expectedGrowth,
		monthlyRevenueWan,
		inventoryDays,
		receivableDays,
		payableDays,
		prepaidDays,
		advanceReceiptDays,
		arAging,
		apAging,
		ownFundsWan,
		existingWorkingCapitalLoansWan,
		existingDebtWan,
		otherFundingWan,
		collateral,
		statements,
		guarantor: draw(rng, GUARANTORS),
		creditHistory,
		owner,
		supplyChain,
		green: tmpl.green || purpose === 'green-upgrade',
		rural: tmpl.agri ? rng.bool(0.9) : tmpl.county ? rng.bool(0.5) : rng.bool(0.06),
		purpose,
		requestedAmountWan,
		requestedTermMonths,
		truth: NO_TRUTH,
	};
	client.truth = truthOf(client);
	return client;
}

/** A fixed discrete distribution with precomputed cumulative weights (one draw per pick). */
interface Dist<T> {
	items: readonly T[];
	cum: readonly number[];
}

function dist<T>(items: readonly T[], weights: readonly number[]): Dist<T> {
	let total = 0;
	const cum = weights.map((w) => (total += w));
	return { items, cum: cum.map((c) => c / total) };
}

function draw<T>(rng: Rng, d: Dist<T>): T {
	const r = rng.next();
	const last = d.items.length - 1;
	for (let i = 0; i < last; i++) if (r < (d.cum[i] as number)) return d.items[i] as T;
	return d.items[last] as T;
}

/** Placeholder replaced by truthOf before a client leaves the generator. */
const NO_TRUTH: Client['truth'] = { sizeClass: 'micro', segment: 'micro', riskTier: 'low', capitalNeedWan: 0, pd: 0 };
const CREDIT_WITH_LOANS = dist<CreditHistory>(['clean', 'minor-late', 'serious-default'], [70, 21, 9]);
const CREDIT_WITHOUT_LOANS = dist<CreditHistory>(['thin-file', 'clean', 'minor-late'], [70, 25, 5]);
const GUARANTORS = dist<GuarantorKind>(['none', 'individual', 'company', 'government-guarantee'], [45, 35, 10, 10]);
/** Debt-ratio bands of borrowers with a loan history: none, < 40%, 40–70%, ≥ 70%. */
const DEBT_BANDS = dist([0, 1, 2, 3], [12, 62, 18, 8]);

function debtBand(rng: Rng, band: number): number {
	if (band === 0) return 0;
	if (band === 1) return rng.float(0.05, 0.4);
	if (band === 2) return rng.float(0.4, 0.7);
	return rng.float(0.7, 1);
}

const FORMS_SMALL: readonly LegalForm[] = [
	'limited-company',
	'sole-proprietorship',
	'partnership',
	'farmer-cooperative',
];

function companyForm(rng: Rng, target: SizeClass, trade: TradeData): LegalForm {
	return draw(rng, target === 'micro' ? trade.formsMicro : target === 'small' ? trade.formsSmall : trade.formsLarger);
}

/**
 * What depends only on the trade, worked out once per template: its industry's profile, season,
 * size-standard row and track (each a lookup by a text key, which costs more than reading a field
 * when done for 10,000 clients at a time) and the trade's distributions.
 */
interface TradeData {
	tmpl: TradeTemplate;
	prof: IndustryProfile;
	/** Monthly revenue multipliers: the trade's season, else its industry's. */
	season: readonly number[];
	sizeRow: SizeRow;
	track: IndustryTrack;
	purpose: Dist<PurposeTerms>;
	/** Collateral kinds by (owns a home ? 1 : 0) + (has an anchor buyer ? 2 : 0). */
	collateral: Dist<CollateralKind>[];
	formsMicro: Dist<LegalForm>;
	formsSmall: Dist<LegalForm>;
	formsLarger: Dist<LegalForm>;
	/** Names made so far by brand index (see nameOf): shop, partnership, cooperative, company. */
	shopNames: (string | undefined)[];
	partnershipNames: (string | undefined)[];
	coopNames: (string | undefined)[];
	companyNames: (string | undefined)[];
}

function collateralWeights(tmpl: TradeTemplate, ownsHome: boolean, anchorBuyer: boolean): number[] {
	const track = trackOf(tmpl.industry);
	return [
		ownsHome ? 4 : 0,
		track === 'trade' || track === 'services' ? 2 : 0.5,
		track === 'manufacturing' ? 2 : 0.2,
		track === 'manufacturing' || tmpl.industry === 'transport' ? 2 : 0.3,
		tmpl.industry === 'transport' ? 2 : 0.5,
		anchorBuyer ? 3 : 0,
		track === 'trade' ? 1 : 0.2,
		tmpl.industry === 'wholesale' || tmpl.industry === 'agriculture' ? 0.8 : 0,
		tmpl.industry === 'software-it' || tmpl.green ? 1 : 0,
		0.3,
		tmpl.agri ? 1.5 : 0,
	];
}

interface Figures {
	employees: number;
	revenueWan: number;
	assetsWan: number;
}

/** Scratch figures that sizeFigures fills and returns (the generator is synchronous, so one suffices). */
const FIGURES: Figures = { employees: 0, revenueWan: 0, assetsWan: 0 };

function sizeFigures(
	rng: Rng,
	row: SizeRow,
	target: SizeClass,
	individual: boolean,
	prof: IndustryProfile,
): Figures {
	const baseEmployees =
		individual && target === 'medium'
			? 1 // an individual business just over the medium floor, never hundreds of staff
			: target === 'micro'
			? individual ? 1 + rng.logNormal(2.5, 0.6) : 2 + rng.logNormal(5, 0.6)
			: target === 'small'
				? individual ? rng.logNormal(12, 0.5) : rng.logNormal(40, 0.6)
				: target === 'medium'
					? rng.logNormal(180, 0.35)
					: rng.logNormal(1500, 0.3);
	const fig = FIGURES;
	fig.employees = Math.max(1, Math.round(baseEmployees));
	fig.revenueWan = r1(Math.max(3, fig.employees * prof.rpe * rng.logNormal(1, 0.35)));
	fig.assetsWan = r1(Math.max(2, fig.revenueWan / (prof.assetTurnover * rng.logNormal(1, 0.3))));
	fitToClass(rng, fig, row, target);
	return fig;
}

/** Set one indicator of `fig`; headcount is a whole number ≥ 1, money is rounded to 0.1 万元. */
function setIndicator(fig: Figures, b: SizeBound, value: number, below: boolean): void {
	if (b.indicator === 'employees') {
		const v = below ? Math.min(b.threshold - 1, Math.floor(value)) : Math.max(b.threshold, Math.ceil(value));
		fig.employees = Math.max(1, v);
		return;
	}
	// Round toward the right side of the threshold so rounding never crosses it.
	const v = below ? Math.floor(value * 10) / 10 : Math.ceil(value * 10) / 10;
	if (b.indicator === 'revenue') fig.revenueWan = Math.max(0.1, v);
	else fig.assetsWan = Math.max(0.1, v);
}

function valueOf(fig: Figures, indicator: SizeIndicator): number {
	return indicator === 'employees' ? fig.employees : indicator === 'revenue' ? fig.revenueWan : fig.assetsWan;
}

/** Whether the figures reach the bound's threshold. */
function meets(fig: Figures, b: SizeBound): boolean {
	return valueOf(fig, b.indicator) >= b.threshold;
}

/** Whether the figures reach every bound's threshold. */
function meetsAll(fig: Figures, bounds: readonly SizeBound[]): boolean {
	for (let i = 0; i < bounds.length; i++) if (!meets(fig, bounds[i] as SizeBound)) return false;
	return true;
}

/** The bound whose threshold the figures exceed least (relatively): moving it keeps them plausible. */
function nearest(fig: Figures, bounds: readonly SizeBound[]): SizeBound {
	let best = bounds[0] as SizeBound;
	let bestExcess = valueOf(fig, best.indicator) / best.threshold;
	for (let i = 1; i < bounds.length; i++) {
		const b = bounds[i] as SizeBound;
		const excess = valueOf(fig, b.indicator) / b.threshold;
		if (excess < bestExcess) {
			best = b;
			bestExcess = excess;
		}
	}
	return best;
}

/** Move the figures along the indicators of the industry's `row` until they classify as `target`. */
function fitToClass(rng: Rng, fig: Figures, row: SizeRow, target: SizeClass): void {
	// The small, medium and upper-bound lists of a row use the same indicators in the same order.
	if (target === 'large') {
		for (const b of row.smeBelow) setIndicator(fig, b, b.threshold * rng.float(1, 2), false);
		return;
	}
	if (target === 'micro') {
		if (meetsAll(fig, row.small)) {
			const b = nearest(fig, row.small);
			setIndicator(fig, b, b.threshold * rng.float(0.3, 0.95), true);
		}
		return;
	}
	if (target === 'small') {
		for (const b of row.small) if (!meets(fig, b)) setIndicator(fig, b, b.threshold * rng.float(1, 1.8), false);
		if (meetsAll(fig, row.medium)) {
			const b = nearest(fig, row.medium);
			const floor = (row.small[row.medium.indexOf(b)] as SizeBound).threshold;
			setIndicator(fig, b, rng.float(floor, b.threshold), true);
		}
		return;
	}
	// medium
	for (const b of row.medium) if (!meets(fig, b)) setIndicator(fig, b, b.threshold * rng.float(1, 1.6), false);
	if (meetsAll(fig, row.smeBelow)) {
		const b = nearest(fig, row.smeBelow);
		const floor = (row.medium[row.smeBelow.indexOf(b)] as SizeBound).threshold;
		setIndicator(fig, b, rng.float(floor, b.threshold), true);
	}
}

/** Scratch space for monthlySeries (the generator is synchronous, so one buffer suffices). */
const MONTH_WEIGHTS = new Float64Array(12);

function monthlySeries(rng: Rng, revenueWan: number, season: readonly number[]): number[] {
	const w = MONTH_WEIGHTS;
	let sum = 0;
	for (let m = 0; m < 12; m++) {
		const v = (season[m] as number) * (0.88 + 0.24 * rng.next()); // ±12% month-to-month noise
		w[m] = v;
		sum += v;
	}
	// An array literal, not new Array(12): V8 places a literal's arrays with the client objects in
	// the old generation once it sees that they live long, while an array from the constructor
	// always starts young, and every client pointing at one slowed both writes and each minor GC.
	const out = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
	for (let m = 0; m < 12; m++) out[m] = r2((revenueWan * (w[m] as number)) / sum);
	return out;
}

/**
 * Split a balance into aging buckets assuming invoices are settled after `days` on average, so
 * outstanding items are spread evenly over ages 0..days; a late-paying tail moves to 91+ days.
 */
function aging(rng: Rng, balanceWan: number, days: number, credit: CreditHistory): AgingBuckets {
	if (!(days > 0 && balanceWan > 0)) return { d0to30: 0, d31to60: 0, d61to90: 0, d91plus: 0 };
	const per = balanceWan / days; // 万元 outstanding per day of age
	const first = Math.min(30, days) * per;
	const tail = credit === 'clean' || credit === 'thin-file' ? rng.float(0, 0.04) : rng.float(0.05, 0.2);
	return {
		d0to30: r2(first * (1 - tail)),
		d31to60: r2(clamp(days - 30, 0, 30) * per),
		d61to90: r2(clamp(days - 60, 0, 30) * per),
		d91plus: r2(Math.max(0, days - 90) * per + first * tail),
	};
}

const MARITAL = ['married', 'single'] as const;
const REPUTATIONS = dist(['good', 'average', 'poor'] as const, [60, 32, 8]);
const HABITS = dist(['prudent', 'average', 'risky'] as const, [45, 45, 10]);
const CHILDREN = dist([0, 1, 2, 3], [25, 45, 25, 5]);

function ownerProfile(rng: Rng, yearsInBusiness: number, borrowedBefore: boolean): OwnerProfile {
	const extra = rng.bool(0.6) ? rng.int(1, 8) : 0;
	let yearsInTrade = Math.floor(yearsInBusiness) + extra;
	const age = rng.int(Math.min(65, Math.max(25, 20 + yearsInTrade)), 65);
	yearsInTrade = Math.min(yearsInTrade, age - 18);
	const married = rng.bool(age < 30 ? 0.45 : 0.85);
	return {
		age,
		yearsInTrade,
		borrowedBefore,
		maritalStatus: married ? MARITAL[0] : MARITAL[1],
		childrenAtHome: married ? draw(rng, CHILDREN) : 0,
		reputation: draw(rng, REPUTATIONS),
		habits: draw(rng, HABITS),
		localResident: rng.bool(0.8),
		ownsHome: rng.bool(0.65),
	};
}

const STATEMENT_KINDS: readonly StatementQuality[] = ['none', 'tax-filed', 'audited'];
const STATEMENTS_INDIVIDUAL = dist(STATEMENT_KINDS, [65, 35, 0]);
const STATEMENTS_COOP = dist(STATEMENT_KINDS, [40, 60, 0]);
const STATEMENTS_MICRO = dist(STATEMENT_KINDS, [15, 70, 15]);
const STATEMENTS_SMALL = dist(STATEMENT_KINDS, [0, 55, 45]);
const STATEMENTS_LARGER = dist(STATEMENT_KINDS, [0, 20, 80]);

function statementsOf(rng: Rng, legalForm: LegalForm, target: SizeClass): StatementQuality {
	if (legalForm === 'individual-business') return draw(rng, STATEMENTS_INDIVIDUAL);
	if (legalForm === 'farmer-cooperative') return draw(rng, STATEMENTS_COOP);
	if (target === 'micro') return draw(rng, STATEMENTS_MICRO);
	if (target === 'small') return draw(rng, STATEMENTS_SMALL);
	return draw(rng, STATEMENTS_LARGER);
}

const TAX_GRADES_ALL: readonly TaxGrade[] = ['A', 'B', 'M', 'C', 'D'];
const TAX_GRADES_NO_BOOKS = dist<TaxGrade | null>([null, 'M', 'B'], [60, 20, 20]);
const TAX_GRADES_DEFAULTER = dist(TAX_GRADES_ALL, [5, 30, 15, 35, 15]);
const TAX_GRADES_USUAL = dist(TAX_GRADES_ALL, [30, 42, 20, 6, 2]);

function supplyChainOf(
	rng: Rng,
	tmpl: TradeTemplate,
	statements: StatementQuality,
	yearsInBusiness: number,
	credit: CreditHistory,
): SupplyChain {
	const anchorBuyer = tmpl.b2b && rng.bool(0.35);
	const topCustomerShare = r2(
		anchorBuyer ? rng.float(0.3, 0.8) : tmpl.b2b ? rng.float(0.08, 0.45) : rng.float(0.005, 0.05),
	);
	const months = Math.max(1, Math.floor(yearsInBusiness * 12));
	let taxGrade: TaxGrade | null;
	if (yearsInBusiness < 1) taxGrade = rng.bool(0.7) ? 'M' : null;
	else if (statements === 'none') taxGrade = draw(rng, TAX_GRADES_NO_BOOKS);
	else if (credit === 'serious-default') taxGrade = draw(rng, TAX_GRADES_DEFAULTER);
	else taxGrade = draw(rng, TAX_GRADES_USUAL);
	return {
		anchorBuyer,
		topCustomerShare,
		settlementMonthsWithBank: rng.bool(0.35) ? 0 : rng.int(1, Math.min(120, months)),
		taxDataAvailable: statements !== 'none' ? rng.bool(0.85) : rng.bool(0.15),
		taxGrade,
	};
}

const PURPOSES: readonly LoanPurpose[] = [
	'working-capital',
	'inventory-stocking',
	'order-fulfilment',
	'equipment',
	'expansion',
	'green-upgrade',
	'agricultural-production',
	'real-estate-investment',
	'securities-investment',
	'consumer',
];

function purposeWeights(tmpl: TradeTemplate): number[] {
	const trade = trackOf(tmpl.industry) === 'trade';
	return [
		35,
		trade ? 30 : 12,
		tmpl.b2b ? 14 : 3,
		trade ? 5 : 14,
		7,
		tmpl.green ? 35 : 3,
		tmpl.agri ? 40 : 0,
		2.5,
		1.5,
		2,
	];
}

const TERMS: Readonly<Record<LoanPurpose, readonly number[]>> = {
	'working-capital': [6, 12, 12, 12, 24],
	'inventory-stocking': [3, 6, 6, 12],
	'order-fulfilment': [3, 6, 9, 12],
	equipment: [24, 36, 36, 48, 60],
	expansion: [24, 36, 60],
	'green-upgrade': [36, 48, 60],
	'agricultural-production': [6, 9, 12, 12],
	'real-estate-investment': [12, 24, 36],
	'securities-investment': [12, 24],
	consumer: [12, 24, 36],
};

/** A purpose with its usual terms, drawn together (no lookup of the terms by purpose per client). */
interface PurposeTerms {
	purpose: LoanPurpose;
	terms: readonly number[];
}

const PURPOSE_TERMS: readonly PurposeTerms[] = PURPOSES.map((purpose) => ({ purpose, terms: TERMS[purpose] }));

/** Round a requested amount like people do: steps of 1 万 under 20, 5 under 200, 10 under 1000, else 50; ≥ 3 万. */
export function niceAmount(x: number): number {
	const step = x < 20 ? 1 : x < 200 ? 5 : x < 1000 ? 10 : 50;
	return Math.max(3, Math.round(x / step) * step);
}

const WORKING_CAPITAL_USES: readonly LoanPurpose[] = [
	'working-capital',
	'inventory-stocking',
	'order-fulfilment',
	'agricultural-production',
];
const INVESTMENT_USES: readonly LoanPurpose[] = ['equipment', 'expansion', 'green-upgrade'];

function requestedAmount(
	rng: Rng,
	purpose: LoanPurpose,
	need: number,
	revenueWan: number,
	assetsWan: number,
	individual: boolean,
	target: SizeClass,
): number {
	let x: number;
	if (WORKING_CAPITAL_USES.includes(purpose)) {
		// Some ask for less than the formula's need, some for more (learners should catch over-asks).
		const byNeed = need > 0 ? need * (rng.bool(0.6) ? rng.float(0.6, 1) : rng.float(1, 1.6)) : 0;
		x = Math.max(byNeed, revenueWan * rng.float(0.03, 0.1));
	} else if (INVESTMENT_USES.includes(purpose)) {
		x = assetsWan * rng.float(0.1, 0.4);
	} else x = revenueWan * rng.float(0.05, 0.2);
	const cap = individual ? 500 : target === 'micro' ? 1000 : target === 'small' ? 3000 : 20000;
	return niceAmount(Math.min(cap, x));
}

/** How many collateral items a client offers: 0, 1 or 2 (collateralOf builds at most two). */
const COLLATERAL_COUNT_MICRO = dist([0, 1, 2] as const, [45, 42, 13]);
const COLLATERAL_COUNT = dist([0, 1, 2] as const, [30, 50, 20]);

function collateralOf(
	rng: Rng,
	trade: TradeData,
	owner: OwnerProfile,
	chain: SupplyChain,
	requestedWan: number,
	target: SizeClass,
): Collateral[] {
	const count = draw(rng, target === 'micro' ? COLLATERAL_COUNT_MICRO : COLLATERAL_COUNT);
	if (count === 0) return [];
	const kinds = trade.collateral[(owner.ownsHome ? 1 : 0) + (chain.anchorBuyer ? 2 : 0)] as Dist<CollateralKind>;
	// At most two items (the count distributions stop at 2); a repeated kind is dropped. Built as
	// array literals, which come out exactly sized.
	const first: Collateral = { kind: draw(rng, kinds), valueWan: collateralValue(rng, requestedWan) };
	if (count === 1) return [first];
	count satisfies 2; // a larger count in the distributions fails to compile here
	const kind = draw(rng, kinds);
	return kind === first.kind ? [first] : [first, { kind, valueWan: collateralValue(rng, requestedWan) }];
}

function collateralValue(rng: Rng, requestedWan: number): number {
	return r1(Math.max(1, requestedWan * rng.logNormal(0.9, 0.5)));
}

/**
 * A client's business name. A brand with the trade's ending is made once per trade and brand and
 * then shared (like the ids): 72 brands × 4 endings make at most 288 names per trade.
 */
function nameOf(rng: Rng, trade: TradeData, legalForm: LegalForm): string {
	const tmpl = trade.tmpl;
	const b = rng.int(0, BRANDS.length - 1); // the draw of rng.pick(BRANDS), as an index
	if (legalForm === 'individual-business') {
		if (tmpl.stall && rng.bool(0.4)) return `老${rng.pick(SURNAMES)}${tmpl.shop.replace(/店$/, '摊')}`;
		if (tmpl.keeper && rng.bool(0.5)) return `${rng.pick(SURNAMES)}记${tmpl.shop}`;
		return (trade.shopNames[b] ??= `${BRANDS[b]}${tmpl.shop}`);
	}
	if (legalForm === 'sole-proprietorship') return (trade.shopNames[b] ??= `${BRANDS[b]}${tmpl.shop}`);
	if (legalForm === 'partnership') return (trade.partnershipNames[b] ??= `${BRANDS[b]}${tmpl.shop}（普通合伙）`);
	if (legalForm === 'farmer-cooperative') return (trade.coopNames[b] ??= `${BRANDS[b]}${tmpl.trade}专业合作社`);
	return (trade.companyNames[b] ??= `${BRANDS[b]}${tmpl.company}`);
}

// Built last: it needs the code lists and `dist` defined above. In TRADES order.
const TRADE_DATA: readonly TradeData[] = TRADES.map((t) => {
	const coop = t.coop ? 25 : 0;
	const prof = PROFILES[t.industry];
	return {
		tmpl: t,
		prof,
		season: SEASONS[t.season ?? prof.season],
		sizeRow: SIZE_TABLE[t.industry],
		track: trackOf(t.industry),
		purpose: dist(PURPOSE_TERMS, purposeWeights(t)),
		collateral: [
			dist(COLLATERAL_KINDS, collateralWeights(t, false, false)),
			dist(COLLATERAL_KINDS, collateralWeights(t, true, false)),
			dist(COLLATERAL_KINDS, collateralWeights(t, false, true)),
			dist(COLLATERAL_KINDS, collateralWeights(t, true, true)),
		],
		formsMicro: dist(FORMS_SMALL, [78, 15, 4, coop]),
		formsSmall: dist(FORMS_SMALL, [88, 5, 3, coop * 0.6]),
		formsLarger: dist(FORMS_SMALL, [95, 0, 0, coop * 0.2]),
		shopNames: [],
		partnershipNames: [],
		coopNames: [],
		companyNames: [],
	};
});
