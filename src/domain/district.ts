/**
 * District research (m5/03 营销前调研 「商圈调研怎么做」): a seeded mock business district (商圈) with a
 * register of 150–300 businesses, the competitor products active in it, the learner's research
 * decision (2–3 target segments, linkage channels, competitor products to watch) and the district's
 * real opportunities. The codes and the decision's validation are in ./district-codes.ts; channel fit
 * and the scoring of a decision in ./scoring/district.ts (fetched only when the learner submits).
 *
 * Units: money in 万元 (10,000 CNY); shares, coverage and risk as fractions (0.27 = 27%); years of
 * operation in years (one decimal); rates as fractions per year; terms in months; staff in people.
 *
 * Everything here is mock data and ILLUSTRATIVE TEACHING ASSUMPTIONS, not market statistics: trade
 * mixes by district kind, typical credit needs, industry risk loadings, win odds, and the competitor
 * products' five elements (modelled on the lesson's 甲乙丙丁 table) are chosen to give realistic-looking
 * classroom districts. Business names are mock Chinese names (data, not UI text).
 *
 * The register. Each business has a segment (`trade`, a sub-trade of the lesson's five types 批发零售 /
 * 生产加工 / 餐饮服务 / 其他服务 / 涉农生产加工), size (个体 / 微型 / 小型), staff, owner's age band, years
 * in operation, bank relationship (ours / a competitor's product / none), how it collects payment,
 * an estimated credit need and how much data about it is available. Its risk is derived from visible
 * facts plus a documented industry loading (five-elements lessons: 五金建材 follows property, 物流 and
 * 奶茶 churn fast…).
 *
 * The truth. A segment's opportunity is its risk-adjusted need that we do not serve yet:
 *   opportunity = batch × Σ over businesses not banking with us of  min(need, 100) × win × (1 − risk)
 * with win = 1 for a business with no bank and 0.5 for one served by a competitor (winning a client
 * over is harder); a single need counts up to 100 万元 (a branch's batch marketing serves small
 * tickets; larger needs go to the small-enterprise team); batch = min(1, unserved businesses ÷ 6),
 * because a handful of shops does not justify a batch programme (the lesson: "户数决定了值不值得为它
 * 设计一个批量方案"). The three largest are the district's real target segments.
 */
import { createRng, type Rng } from './random';
import { AGE_BANDS, BUSINESS_SIZES, COMPETITOR_PRODUCTS, DISTRICT_KINDS, DISTRICT_TRADES, DISTRICT_TYPES, type AgeBand, type BankRelation, type BusinessSize, type CollectionMode, type CompetitorProduct, type DataLevel, type DistrictKind, type DistrictTrade, type DistrictType } from './district-codes';

// The codes, the competitor products' five elements and the learner's decision are in
// ./district-codes.ts (what the page needs at once); re-exported here for the domain's callers.
export * from './district-codes';

// ---------------------------------------------------------------------------------------------
// Parameters (teaching assumptions)

interface TradeSpec {
	type: DistrictType;
	/** Sells to walk-in consumers (collects by QR code or cash). */
	b2c: boolean;
	/** Could supply a core enterprise (supply-chain channel). */
	supplier: boolean;
	/** Trades in a managed market or street with a management office / association. */
	market: boolean;
	/** Typical credit need of an individual business, 万元. */
	needWan: number;
	/** Share of owners under 45 (prior). */
	young: number;
	/** Median years in operation. */
	years: number;
	/** Share of individual / micro / small. */
	sizes: readonly [number, number, number];
	/** Industry risk loading added to every business of the trade. */
	risk: number;
	/** Presence weight in a street, market, park, town district (0 = never). */
	presence: readonly [number, number, number, number];
	/** Mock shop-name ending. */
	shop: string;
}

const s = (
	type: DistrictType,
	flags: string,
	needWan: number,
	young: number,
	years: number,
	sizes: readonly [number, number, number],
	risk: number,
	presence: readonly [number, number, number, number],
	shop: string,
): TradeSpec => ({ type, b2c: flags.includes('c'), supplier: flags.includes('s'), market: flags.includes('m'), needWan, young, years, sizes, risk, presence, shop });

/**
 * Trade profiles. Flags: c = sells to consumers, s = may supply a core enterprise, m = market-based.
 * Risk loadings (teaching assumptions): higher for trades tied to property (hardware), fast-churning
 * formats (drinks, snack, laundry), thin-margin logistics and weather-exposed farming.
 */
export const TRADE_SPECS: Readonly<Record<DistrictTrade, TradeSpec>> = {
	convenience: s('trade', 'c', 20, 0.4, 6, [0.85, 0.12, 0.03], 0.03, [14, 8, 5, 10], '便利店'),
	apparel: s('trade', 'cm', 25, 0.7, 4, [0.85, 0.12, 0.03], 0.06, [12, 4, 1, 6], '服饰店'),
	'fresh-produce': s('trade', 'cm', 10, 0.3, 7, [0.9, 0.08, 0.02], 0.04, [6, 20, 2, 10], '果蔬店'),
	hardware: s('trade', 'c', 50, 0.35, 9, [0.6, 0.3, 0.1], 0.12, [6, 5, 6, 8], '五金建材店'),
	'wholesale-goods': s('trade', 'sm', 60, 0.45, 8, [0.5, 0.35, 0.15], 0.05, [3, 8, 3, 5], '日用品批发部'),
	'food-processing': s('manufacturing', 's', 80, 0.4, 8, [0.3, 0.45, 0.25], 0.06, [0, 3, 10, 4], '食品加工厂'),
	packaging: s('manufacturing', 's', 100, 0.45, 7, [0.2, 0.45, 0.35], 0.07, [0, 0, 8, 1], '包装印刷厂'),
	parts: s('manufacturing', 's', 90, 0.45, 8, [0.2, 0.45, 0.35], 0.08, [0, 0, 10, 1], '零部件加工厂'),
	restaurant: s('catering', 'c', 30, 0.6, 5, [0.8, 0.17, 0.03], 0.06, [16, 10, 8, 10], '饭店'),
	snack: s('catering', 'cm', 10, 0.55, 4, [0.95, 0.05, 0], 0.1, [10, 10, 6, 6], '小吃店'),
	drinks: s('catering', 'c', 15, 0.85, 2, [0.9, 0.1, 0], 0.14, [8, 3, 2, 3], '奶茶店'),
	beauty: s('services', 'c', 20, 0.8, 4, [0.85, 0.15, 0], 0.07, [10, 3, 2, 5], '美发店'),
	'auto-repair': s('services', 'c', 35, 0.5, 7, [0.7, 0.25, 0.05], 0.06, [4, 3, 6, 6], '汽修店'),
	laundry: s('services', 'c', 8, 0.5, 5, [0.95, 0.05, 0], 0.1, [5, 2, 1, 2], '洗衣店'),
	logistics: s('services', 's', 40, 0.6, 4, [0.5, 0.35, 0.15], 0.11, [2, 4, 8, 4], '物流部'),
	farming: s('agri', 'sm', 30, 0.25, 10, [0.8, 0.15, 0.05], 0.09, [0, 3, 0, 12], '种养场'),
	'agri-processing': s('agri', 's', 60, 0.35, 8, [0.4, 0.4, 0.2], 0.07, [0, 3, 4, 8], '农产品加工坊'),
	coop: s('agri', 'sm', 50, 0.3, 6, [0.2, 0.6, 0.2], 0.06, [0, 1, 0, 6], '专业合作社'),
};

/** Register and rule parameters (teaching assumptions). */
export const DISTRICT_PARAMS = {
	/** Size of the register, businesses. */
	minBusinesses: 150,
	maxBusinesses: 300,
	/** Segments present in one district. */
	minTrades: 9,
	maxTrades: 12,
	/** Chance of winning a business with no bank relationship / one served by a competitor. */
	winNone: 1,
	winCompetitor: 0.5,
	/** Risk added for a business under 2 years old, 2–5 years old, and one with thin data. */
	riskNew: 0.12,
	riskYoung: 0.04,
	riskThinData: 0.05,
	/** Share of businesses that report no credit need at present. */
	noNeedShare: 0.15,
	/** Need multiplier by size: individual, micro, small. */
	sizeNeed: [1, 2.5, 6] as readonly [number, number, number],
	/** Staff ranges by size (owner excluded). */
	staff: [
		[0, 4],
		[3, 15],
		[15, 60],
	] as readonly (readonly [number, number])[],
	/** Chance a district of each kind (street, market, park, town) has a core enterprise nearby. */
	anchorChance: [0.2, 0.4, 0.85, 0.5] as readonly number[],
	/** Chance a district of each kind has a market office / association willing to work with us. */
	associationChance: [0.5, 0.9, 0.3, 0.6] as readonly number[],
	/** Channel rules: acquiring needs ≥ this share of unserved businesses on another code or cash. */
	acquiringOpenShare: 0.5,
	/** Payroll needs ≥ this average staff. */
	payrollMinStaff: 3,
	/** Corporate–retail linkage needs ≥ this share of firms (micro/small) rather than individual businesses. */
	corporateMinShare: 0.4,
	/** Cross-referral needs ≥ this many existing clients of ours in the segment. */
	referralMinClients: 5,
	/** A single business's need counts up to this much in the opportunity, 万元. */
	needCapWan: 100,
	/** Unserved businesses a segment needs for a full batch programme (fewer scale the opportunity down). */
	batchMin: 6,
	/** Thresholds used to name why a pick is weak. */
	coveredShare: 0.5,
	riskyAverage: 0.2,
	smallUncovered: 6,
} as const;

// ---------------------------------------------------------------------------------------------
// The district

/** One business of the register. */
export interface DistrictBusiness {
	id: string;
	/** Mock name (data, not UI text). */
	name: string;
	trade: DistrictTrade;
	type: DistrictType;
	size: BusinessSize;
	staff: number;
	ownerAge: AgeBand;
	/** Years in operation, one decimal. */
	years: number;
	bank: BankRelation;
	/** The competitor product it uses (when `bank` is 'competitor'). */
	competitor: CompetitorProduct | null;
	collection: CollectionMode;
	/** Estimated credit need, 万元 (0 = none at present). */
	needWan: number;
	data: DataLevel;
	/** Risk score 0..1 (industry loading + age of business + data), used only by scoring and the debrief. */
	risk: number;
}

/** A generated district. */
export interface District {
	seed: string;
	kind: DistrictKind;
	/** A core enterprise nearby that is our corporate client (supply-chain channel). */
	anchor: boolean;
	/** A market office or association willing to work with us (association channel). */
	association: boolean;
	/** Segments present, in DISTRICT_TRADES order. */
	trades: DistrictTrade[];
	/** Competitor products active here, in COMPETITOR_PRODUCTS order. */
	competitors: CompetitorProduct[];
	businesses: DistrictBusiness[];
}

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const BRANDS = ['鑫达', '恒通', '永盛', '华美', '兴旺', '福满', '聚源', '金穗', '宏发', '嘉禾', '瑞丰', '康乐', '佳禾', '晨光', '润田', '万家', '绿源', '丰泽', '和顺', '同心', '信诚', '长青', '四季', '满园', '鸿运', '悦来', '利民', '惠众', '祥和', '荣昌'];

const r1 = (x: number) => Math.round(x * 10) / 10;
const r4 = (x: number) => Math.round(x * 10000) / 10000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Risk score of one business from its trade loading, age and data (documented rule). */
export function businessRisk(b: Pick<DistrictBusiness, 'trade' | 'years' | 'data'>): number {
	const p = DISTRICT_PARAMS;
	return r4(TRADE_SPECS[b.trade].risk + (b.years < 2 ? p.riskNew : b.years < 5 ? p.riskYoung : 0) + (b.data === 'thin' ? p.riskThinData : 0));
}

function dataLevel(bank: BankRelation, size: BusinessSize, collection: CollectionMode, years: number): DataLevel {
	const points = (bank === 'ours' ? 2 : 0) + (size !== 'individual' ? 1 : 0) + (collection === 'our-qr' || collection === 'other-qr' || collection === 'transfer' ? 1 : 0) + (years >= 3 ? 1 : 0);
	return points >= 3 ? 'rich' : points === 2 ? 'some' : 'thin';
}

function competitorFor(rng: Rng, active: readonly CompetitorProduct[], b: { size: BusinessSize; years: number; ownerAge: AgeBand; needWan: number; type: DistrictType; b2c: boolean }): CompetitorProduct {
	const weights = active.map((c) => {
		switch (c) {
			case 'bigbank-tax-loan':
				return (b.size !== 'individual' ? 3 : 1) * (b.years >= 3 ? 1.5 : 1);
			case 'joint-stock-mortgage':
				return (b.ownerAge === '45-54' || b.ownerAge === '55-plus' ? 3 : 1) * (b.needWan >= 50 ? 2 : 1);
			case 'village-bank-microcredit':
				return b.type === 'agri' ? 6 : 0.3;
			case 'platform-loan':
				return b.ownerAge === 'under-35' ? 3 : b.ownerAge === '35-44' ? 1.5 : 0.5;
			case 'citybank-flow-loan':
				return b.b2c ? 3 : 0.5;
		}
	});
	return rng.weighted(active, weights);
}

/** Generate the district of a seed: kind, channels available, segments, competitors and the register. */
export function generateDistrict(seed: string): District {
	const p = DISTRICT_PARAMS;
	const root = createRng(`district/${seed}`);
	const head = root.fork('district');
	const kindIndex = head.int(0, DISTRICT_KINDS.length - 1);
	const kind = DISTRICT_KINDS[kindIndex] as DistrictKind;
	const anchor = head.bool(p.anchorChance[kindIndex]);
	const association = head.bool(p.associationChance[kindIndex]);

	// Segments present: weighted draw without replacement among the trades this kind of district has.
	const pool = DISTRICT_TRADES.filter((t) => TRADE_SPECS[t].presence[kindIndex]! > 0);
	const want = Math.min(pool.length, head.int(p.minTrades, p.maxTrades));
	const picked: DistrictTrade[] = [];
	const left = [...pool];
	while (picked.length < want) {
		const t = head.weighted(left, left.map((x) => TRADE_SPECS[x].presence[kindIndex]!));
		picked.push(t);
		left.splice(left.indexOf(t), 1);
	}
	const trades = DISTRICT_TRADES.filter((t) => picked.includes(t));

	// Competitors: 3 or 4 products; the village bank is likelier where farming trades are present.
	const hasAgri = trades.some((t) => TRADE_SPECS[t].type === 'agri');
	const nComp = head.int(3, 4);
	const compLeft = [...COMPETITOR_PRODUCTS];
	const compPicked: CompetitorProduct[] = [];
	while (compPicked.length < nComp) {
		const c = head.weighted(compLeft, compLeft.map((x) => (x === 'village-bank-microcredit' ? (hasAgri ? 3 : 0.2) : 1)));
		compPicked.push(c);
		compLeft.splice(compLeft.indexOf(c), 1);
	}
	const competitors = COMPETITOR_PRODUCTS.filter((c) => compPicked.includes(c));

	// Per-segment hidden parameters: our coverage, competitor share among the rest, need level, weight.
	const seg = Object.fromEntries(
		trades.map((t) => {
			const r = head.fork(t);
			return [t, { ours: r.float(0.04, 0.55), comp: r.float(0.25, 0.8), need: r.logNormal(1, 0.35), weight: TRADE_SPECS[t].presence[kindIndex]! * r.logNormal(1, 0.3) }];
		}),
	) as Record<DistrictTrade, { ours: number; comp: number; need: number; weight: number }>;

	const n = head.int(p.minBusinesses, p.maxBusinesses);
	const body = root.fork('register');
	const businesses: DistrictBusiness[] = [];
	for (let i = 0; i < n; i++) {
		const rng = body.fork(i);
		const trade = rng.weighted(trades, trades.map((t) => seg[t].weight));
		const spec = TRADE_SPECS[trade];
		const sizeIndex = BUSINESS_SIZES.indexOf(rng.weighted(BUSINESS_SIZES, spec.sizes));
		const size = BUSINESS_SIZES[sizeIndex] as BusinessSize;
		const [lo, hi] = p.staff[sizeIndex] as readonly [number, number];
		const staff = rng.int(lo, hi);
		const y = spec.young;
		const ownerAge = rng.weighted(AGE_BANDS, [y * 0.45, y * 0.55, (1 - y) * 0.6, (1 - y) * 0.4]);
		const cap = ownerAge === 'under-35' ? 12 : 30;
		const years = r1(clamp(rng.logNormal(spec.years, 0.7), 0.3, cap));
		const bank: BankRelation = rng.bool(seg[trade].ours) ? 'ours' : rng.bool(seg[trade].comp) ? 'competitor' : 'none';
		const collection: CollectionMode = !spec.b2c
			? 'transfer'
			: bank === 'ours'
				? rng.bool(0.8) ? 'our-qr' : 'other-qr'
				: rng.bool(ownerAge === '55-plus' ? 0.4 : 0.7) ? 'other-qr' : 'cash';
		const needWan = rng.bool(p.noNeedShare) ? 0 : r1(spec.needWan * (p.sizeNeed[sizeIndex] as number) * seg[trade].need * rng.logNormal(1, 0.45));
		const competitor = bank === 'competitor' ? competitorFor(rng, competitors, { size, years, ownerAge, needWan, type: spec.type, b2c: spec.b2c }) : null;
		const data = dataLevel(bank, size, collection, years);
		const name = `${rng.pick(BRANDS)}${spec.shop}${size === 'individual' && rng.bool(0.3) ? `（${rng.pick(SURNAMES)}记）` : ''}`;
		const b = { id: `b${String(i + 1).padStart(3, '0')}`, name, trade, type: spec.type, size, staff, ownerAge, years, bank, competitor, collection, needWan, data, risk: 0 };
		b.risk = businessRisk(b);
		businesses.push(b);
	}
	return { seed, kind, anchor, association, trades, competitors, businesses };
}

// ---------------------------------------------------------------------------------------------
// Statistics the learner reads, and the truth

/** Statistics of one segment (what the summary table shows, plus the hidden opportunity). */
export interface SegmentStats {
	trade: DistrictTrade;
	type: DistrictType;
	count: number;
	/** Share of the register. */
	share: number;
	ours: number;
	competitor: number;
	none: number;
	/** ours ÷ count. */
	coverage: number;
	/** Businesses not banking with us. */
	uncovered: number;
	/** Credit need of the businesses not banking with us, each counted up to `needCapWan`, 万元. */
	uncoveredNeedWan: number;
	/** Share of owners under 45. */
	youngOwners: number;
	/** Share of businesses under 2 years old. */
	newShare: number;
	/** Share with rich or some data. */
	dataShare: number;
	/** Average staff. */
	avgStaff: number;
	/** Share of firms (micro/small) rather than individual businesses. */
	firmShare: number;
	/** Share of businesses not banking with us that collect on another code or in cash. */
	openCollection: number;
	/** Average risk of the businesses not banking with us (all businesses when there are none). */
	riskAvg: number;
	/** Risk-adjusted need we could win, 万元 (the truth). */
	opportunityWan: number;
	/** 1 = best opportunity. */
	rank: number;
}

/** Statistics per segment, in DISTRICT_TRADES order, with ranks by opportunity. */
export function segmentStats(district: District): SegmentStats[] {
	const p = DISTRICT_PARAMS;
	const total = district.businesses.length;
	const rows = district.trades.map((trade) => {
		const list = district.businesses.filter((b) => b.trade === trade);
		const out = list.filter((b) => b.bank !== 'ours');
		const count = list.length;
		const frac = (xs: DistrictBusiness[], f: (b: DistrictBusiness) => boolean) => (xs.length > 0 ? r4(xs.filter(f).length / xs.length) : 0);
		const riskBase = out.length > 0 ? out : list;
		return {
			trade,
			type: TRADE_SPECS[trade].type,
			count,
			share: total > 0 ? r4(count / total) : 0,
			ours: count - out.length,
			competitor: out.filter((b) => b.bank === 'competitor').length,
			none: out.filter((b) => b.bank === 'none').length,
			coverage: frac(list, (b) => b.bank === 'ours'),
			uncovered: out.length,
			uncoveredNeedWan: r1(out.reduce((a, b) => a + Math.min(b.needWan, p.needCapWan), 0)),
			youngOwners: frac(list, (b) => b.ownerAge === 'under-35' || b.ownerAge === '35-44'),
			newShare: frac(list, (b) => b.years < 2),
			dataShare: frac(list, (b) => b.data !== 'thin'),
			avgStaff: count > 0 ? r1(list.reduce((a, b) => a + b.staff, 0) / count) : 0,
			firmShare: frac(list, (b) => b.size !== 'individual'),
			openCollection: frac(out, (b) => b.collection === 'other-qr' || b.collection === 'cash'),
			riskAvg: riskBase.length > 0 ? r4(riskBase.reduce((a, b) => a + b.risk, 0) / riskBase.length) : 0,
			opportunityWan: r1(
				Math.min(1, out.length / p.batchMin) *
					out.reduce((a, b) => a + Math.min(b.needWan, p.needCapWan) * (b.bank === 'none' ? p.winNone : p.winCompetitor) * (1 - b.risk), 0),
			),
			rank: 0,
		};
	});
	const order = [...rows].sort((a, b) => b.opportunityWan - a.opportunityWan || b.count - a.count || DISTRICT_TRADES.indexOf(a.trade) - DISTRICT_TRADES.indexOf(b.trade));
	order.forEach((r, i) => (r.rank = i + 1));
	return rows;
}

/** Counts by type and owner age band (for the age chart), in DISTRICT_TYPES × AGE_BANDS order; types absent are left out. */
export function ageByType(district: District): { type: DistrictType; counts: Record<AgeBand, number> }[] {
	return DISTRICT_TYPES.map((type) => {
		const counts = Object.fromEntries(AGE_BANDS.map((a) => [a, 0])) as Record<AgeBand, number>;
		for (const b of district.businesses) if (b.type === type) counts[b.ownerAge] += 1;
		return { type, counts };
	}).filter((r) => AGE_BANDS.some((a) => r.counts[a] > 0));
}

/** Whole-district totals: businesses, ours, coverage. */
export function districtTotals(district: District): { count: number; ours: number; coverage: number; competitor: number; none: number } {
	const count = district.businesses.length;
	const ours = district.businesses.filter((b) => b.bank === 'ours').length;
	const competitor = district.businesses.filter((b) => b.bank === 'competitor').length;
	return { count, ours, coverage: count > 0 ? r4(ours / count) : 0, competitor, none: count - ours - competitor };
}

/** Businesses using each active competitor product: in the whole district and in given segments. */
export function competitorPresence(district: District, trades: readonly DistrictTrade[] = district.trades): Record<CompetitorProduct, number> {
	const out = Object.fromEntries(COMPETITOR_PRODUCTS.map((c) => [c, 0])) as Record<CompetitorProduct, number>;
	const set = new Set(trades);
	for (const b of district.businesses) if (b.competitor && set.has(b.trade)) out[b.competitor] += 1;
	return out;
}

/** What the page shows of a district before the learner acts: its facts and statistics, not the register. */
export interface DistrictView {
	seed: string;
	kind: DistrictKind;
	anchor: boolean;
	association: boolean;
	trades: DistrictTrade[];
	competitors: CompetitorProduct[];
	stats: SegmentStats[];
	ages: { type: DistrictType; counts: Record<AgeBand, number> }[];
	totals: { count: number; ours: number; coverage: number; competitor: number; none: number };
	/** Businesses using each competitor product, whole district. */
	presence: Record<CompetitorProduct, number>;
}

/** The view of a district (computed at build for the default district, serialisable). */
export function districtView(district: District): DistrictView {
	const { seed, kind, anchor, association, trades, competitors } = district;
	return { seed, kind, anchor, association, trades, competitors, stats: segmentStats(district), ages: ageByType(district), totals: districtTotals(district), presence: competitorPresence(district) };
}
