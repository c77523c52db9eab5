import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	AGE_BANDS,
	BANK_RELATIONS,
	BUSINESS_SIZES,
	CHANNEL_MISFIT_REASONS,
	COLLECTION_MODES,
	COMPETITOR_PRODUCTS,
	COMPETITOR_SPECS,
	DATA_LEVELS,
	DISTRICT_CHANNELS,
	DISTRICT_KINDS,
	DISTRICT_PARAMS,
	DISTRICT_TRADES,
	DISTRICT_TYPES,
	TRADE_SPECS,
	ageByType,
	businessRisk,
	cleanChoice,
	competitorPresence,
	districtTotals,
	districtView,
	generateDistrict,
	segmentStats,
	validateChoice,
	type District,
	type DistrictChannel,
	type DistrictChoice,
	type SegmentStats,
} from '../../../src/domain/district';
import {
	DEFAULT_DISTRICT_WEIGHTS,
	channelMisfit,
	channelsFor,
	competitorThreats,
	districtWeights,
	scoreDistrict,
	topSegments,
	weakReason,
} from '../../../src/domain/scoring/district';
import type { Feedback } from '../../../src/domain/scoring/feedback';

const SEEDS = Array.from({ length: 40 }, (_, i) => `seed-${i}`);
const districts = SEEDS.map(generateDistrict);
const d0 = generateDistrict('district-2026');
const codes = (fb: Feedback) => fb.findings.map((f) => f.code);
const dim = (fb: Feedback, id: string) => fb.dimensions.find((d) => d.id === id)?.score;

/** A decision that reaches every real target segment and watches the main threat. */
function bestChoice(d: District): DistrictChoice {
	const top = topSegments(d);
	const channels: DistrictChannel[] = [];
	for (const st of top) {
		const fit = channelsFor(d, st);
		if (fit.length > 0 && !fit.some((c) => channels.includes(c))) channels.push(fit[0] as DistrictChannel);
	}
	return { segments: top.map((s) => s.trade), channels: channels.length > 0 ? channels : ['acquiring'], competitors: [competitorThreats(d)[0]!.competitor] };
}

describe('generateDistrict', () => {
	test('is deterministic per seed', () => {
		expect(generateDistrict('district-2026')).toEqual(d0);
		expect(generateDistrict('other').businesses).not.toEqual(d0.businesses);
	});

	test('makes a register of 150–300 businesses in 9–12 segments with 3–4 competitors', () => {
		for (const d of districts) {
			expect(d.businesses.length).toBeGreaterThanOrEqual(DISTRICT_PARAMS.minBusinesses);
			expect(d.businesses.length).toBeLessThanOrEqual(DISTRICT_PARAMS.maxBusinesses);
			expect(d.trades.length).toBeGreaterThanOrEqual(9);
			expect(d.trades.length).toBeLessThanOrEqual(12);
			expect(d.competitors.length).toBeGreaterThanOrEqual(3);
			expect(d.competitors.length).toBeLessThanOrEqual(4);
			expect(DISTRICT_KINDS).toContain(d.kind);
		}
		expect(new Set(districts.map((d) => d.kind)).size).toBe(4);
		expect(new Set(districts.map((d) => d.anchor))).toEqual(new Set([true, false]));
		expect(new Set(districts.map((d) => d.association))).toEqual(new Set([true, false]));
	});

	test('fills every field with a valid code and a consistent value', () => {
		const problems: string[] = [];
		for (const d of districts) {
			for (const b of d.businesses) {
				const ok =
					d.trades.includes(b.trade) &&
					b.type === TRADE_SPECS[b.trade].type &&
					BUSINESS_SIZES.includes(b.size) &&
					AGE_BANDS.includes(b.ownerAge) &&
					BANK_RELATIONS.includes(b.bank) &&
					COLLECTION_MODES.includes(b.collection) &&
					DATA_LEVELS.includes(b.data) &&
					(b.competitor === null) === (b.bank !== 'competitor') &&
					(b.competitor === null || d.competitors.includes(b.competitor)) &&
					(TRADE_SPECS[b.trade].b2c || b.collection === 'transfer') &&
					(b.collection !== 'our-qr' || b.bank === 'ours') &&
					b.years >= 0.3 &&
					b.needWan >= 0 &&
					b.risk === businessRisk(b) &&
					b.name.length > 2;
				if (!ok) problems.push(`${d.seed}/${b.id}`);
			}
		}
		expect(problems).toEqual([]);
	});

	test('only places trades that exist in that kind of district', () => {
		for (const d of districts) {
			const k = DISTRICT_KINDS.indexOf(d.kind);
			for (const t of d.trades) expect(TRADE_SPECS[t].presence[k]).toBeGreaterThan(0);
		}
	});
});

describe('businessRisk', () => {
	test('adds the industry loading, the youth of the business and thin data', () => {
		expect(businessRisk({ trade: 'convenience', years: 10, data: 'rich' })).toBe(0.03);
		expect(businessRisk({ trade: 'convenience', years: 1, data: 'thin' })).toBe(0.2);
		expect(businessRisk({ trade: 'drinks', years: 3, data: 'some' })).toBe(0.18);
	});
});

describe('segment statistics', () => {
	test('add up to the register and rank every segment once', () => {
		for (const d of districts) {
			const stats = segmentStats(d);
			expect(stats.map((s) => s.trade)).toEqual(d.trades);
			expect(stats.reduce((a, s) => a + s.count, 0)).toBe(d.businesses.length);
			for (const s of stats) expect(s.ours + s.competitor + s.none).toBe(s.count);
			expect(stats.map((s) => s.rank).sort((a, b) => a - b)).toEqual(stats.map((_, i) => i + 1));
			const totals = districtTotals(d);
			expect(totals.count).toBe(d.businesses.length);
			expect(totals.ours + totals.competitor + totals.none).toBe(totals.count);
			expect(ageByType(d).reduce((a, r) => a + AGE_BANDS.reduce((x, k) => x + r.counts[k], 0), 0)).toBe(d.businesses.length);
		}
	});

	test('compute the opportunity by the documented formula', () => {
		const p = DISTRICT_PARAMS;
		for (const st of segmentStats(d0)) {
			const out = d0.businesses.filter((b) => b.trade === st.trade && b.bank !== 'ours');
			const sum = out.reduce((a, b) => a + Math.min(b.needWan, p.needCapWan) * (b.bank === 'none' ? 1 : 0.5) * (1 - b.risk), 0);
			expect(st.opportunityWan).toBeCloseTo(Math.min(1, out.length / p.batchMin) * sum, 0);
			expect(st.uncovered).toBe(out.length);
			expect(st.uncoveredNeedWan).toBeCloseTo(out.reduce((a, b) => a + Math.min(b.needWan, 100), 0), 0);
		}
	});

	test('rank higher opportunities first', () => {
		const ranked = [...segmentStats(d0)].sort((a, b) => a.rank - b.rank);
		for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.opportunityWan).toBeLessThanOrEqual(ranked[i - 1]!.opportunityWan);
		expect(topSegments(d0)).toEqual(ranked.slice(0, 3));
	});

	test('handle an empty register', () => {
		const empty: District = { ...d0, businesses: [] };
		const stats = segmentStats(empty);
		expect(stats.every((s) => s.count === 0 && s.share === 0 && s.coverage === 0 && s.avgStaff === 0 && s.riskAvg === 0)).toBe(true);
		expect(districtTotals(empty)).toEqual({ count: 0, ours: 0, coverage: 0, competitor: 0, none: 0 });
		expect(ageByType(empty)).toEqual([]);
	});

	test('count competitor users by segment', () => {
		const all = competitorPresence(d0);
		expect(Object.values(all).reduce((a, b) => a + b, 0)).toBe(d0.businesses.filter((b) => b.bank === 'competitor').length);
		expect(Object.values(competitorPresence(d0, [])).every((x) => x === 0)).toBe(true);
		for (const c of COMPETITOR_PRODUCTS) if (!d0.competitors.includes(c)) expect(all[c]).toBe(0);
		const threats = competitorThreats(d0);
		expect(threats.map((x) => x.competitor).sort()).toEqual([...d0.competitors].sort());
		for (let i = 1; i < threats.length; i++) expect(threats[i]!.count).toBeLessThanOrEqual(threats[i - 1]!.count);
	});
});

describe('districtView', () => {
	test('holds the facts and statistics the page shows, and survives serialisation (the Embed computes it at build)', () => {
		for (const d of [d0, ...districts.slice(0, 5)]) {
			const v = districtView(d);
			expect(v).toEqual({
				seed: d.seed,
				kind: d.kind,
				anchor: d.anchor,
				association: d.association,
				trades: d.trades,
				competitors: d.competitors,
				stats: segmentStats(d),
				ages: ageByType(d),
				totals: districtTotals(d),
				presence: competitorPresence(d),
			});
			expect(JSON.parse(JSON.stringify(v))).toEqual(v);
			expect(validateChoice(v, bestChoice(d))).toEqual(validateChoice(d, bestChoice(d)));
		}
	});
});

describe('channelMisfit', () => {
	const base = segmentStats(d0)[0] as SegmentStats;
	const stats = (over: Partial<SegmentStats>): SegmentStats => ({ ...base, ...over });
	const district = (over: Partial<District>): District => ({ ...d0, ...over });

	test('names the rule a channel fails, or null when it reaches the segment', () => {
		const cases: [Partial<District>, Partial<SegmentStats>, DistrictChannel, string | null][] = [
			[{}, { trade: 'packaging' }, 'acquiring', 'district-not-b2c'],
			[{}, { trade: 'restaurant', openCollection: 0.3 }, 'acquiring', 'district-qr-taken'],
			[{}, { trade: 'restaurant', openCollection: 0.8 }, 'acquiring', null],
			[{}, { avgStaff: 1 }, 'payroll', 'district-few-employees'],
			[{}, { avgStaff: 6 }, 'payroll', null],
			[{ anchor: false }, { trade: 'packaging' }, 'supply-chain', 'district-no-anchor'],
			[{ anchor: true }, { trade: 'restaurant' }, 'supply-chain', 'district-not-supplier'],
			[{ anchor: true }, { trade: 'packaging' }, 'supply-chain', null],
			[{ association: false }, { trade: 'fresh-produce' }, 'association', 'district-no-association'],
			[{ association: true }, { trade: 'restaurant' }, 'association', 'district-not-market'],
			[{ association: true }, { trade: 'fresh-produce' }, 'association', null],
			[{}, { firmShare: 0.1 }, 'corporate-retail', 'district-few-companies'],
			[{}, { firmShare: 0.6 }, 'corporate-retail', null],
			[{}, { ours: 2 }, 'cross-referral', 'district-small-base'],
			[{}, { ours: 9 }, 'cross-referral', null],
		];
		for (const [d, s, c, expected] of cases) expect(channelMisfit(district(d), stats(s), c), `${c} ${JSON.stringify(s)}`).toBe(expected);
		expect(CHANNEL_MISFIT_REASONS).toHaveLength(9);
	});

	test('lists the channels that reach a segment in order', () => {
		const s = stats({ trade: 'restaurant', openCollection: 1, avgStaff: 5, firmShare: 0, ours: 1 });
		expect(channelsFor(district({ anchor: true, association: true }), s)).toEqual(['payroll', 'acquiring']);
	});
});

describe('weakReason', () => {
	const base = segmentStats(d0)[0] as SegmentStats;
	test('says why a segment is a weak target, first rule first', () => {
		expect(weakReason({ ...base, coverage: 0.6 })).toBe('covered');
		expect(weakReason({ ...base, coverage: 0.2, riskAvg: 0.25 })).toBe('risky');
		expect(weakReason({ ...base, coverage: 0.2, riskAvg: 0.1, uncovered: 3 })).toBe('small');
		expect(weakReason({ ...base, coverage: 0.2, riskAvg: 0.1, uncovered: 20 })).toBe('low-need');
	});
});

describe('choices', () => {
	test('keep only codes that exist in the district', () => {
		const absent = DISTRICT_TRADES.find((t) => !d0.trades.includes(t));
		const inactive = COMPETITOR_PRODUCTS.find((c) => !d0.competitors.includes(c));
		expect(cleanChoice(d0, { segments: [d0.trades[0]!, absent!, d0.trades[0]!], channels: ['payroll', 'fax' as never], competitors: [inactive!] })).toEqual({
			segments: [d0.trades[0]],
			channels: ['payroll'],
			competitors: [],
		});
		expect(cleanChoice(d0, null)).toEqual({ segments: [], channels: [], competitors: [] });
		expect(cleanChoice(d0, { segments: 'x' as never })).toEqual({ segments: [], channels: [], competitors: [] });
	});

	test('are validated by count', () => {
		expect(validateChoice(d0, null).map((e) => [e.field, e.code])).toEqual([
			['segments', 'too-few'],
			['channels', 'too-few'],
			['competitors', 'too-few'],
		]);
		const tooMany = validateChoice(d0, { segments: d0.trades.slice(0, 4), channels: [...DISTRICT_CHANNELS], competitors: d0.competitors.slice(0, 3) });
		expect(tooMany).toEqual([
			{ field: 'segments', code: 'too-many', min: 2, max: 3, count: 4 },
			{ field: 'channels', code: 'too-many', min: 1, max: 3, count: 6 },
			{ field: 'competitors', code: 'too-many', min: 1, max: 2, count: 3 },
		]);
		expect(validateChoice(d0, bestChoice(d0))).toEqual([]);
	});
});

describe('scoreDistrict', () => {
	test('gives full marks to the real top segments reached by fitting channels and the main threat watched', () => {
		for (const d of districts) {
			const fb = scoreDistrict(d, bestChoice(d));
			expect(dim(fb, 'district-segments')).toBe(50);
			expect(dim(fb, 'district-competitors')).toBe(20);
			const reachable = topSegments(d).filter((s) => channelsFor(d, s).length > 0);
			if (reachable.length > 0 && bestChoice(d).channels.length <= 3) expect(dim(fb, 'district-channels')).toBe(30);
			expect(codes(fb).filter((c) => c === 'district.segment-top')).toHaveLength(3);
			expect(codes(fb)).not.toContain('district.segment-missed');
		}
	});

	test('explains a weak pick with the register’s numbers', () => {
		const stats = segmentStats(d0);
		const worst = [...stats].sort((a, b) => b.rank - a.rank)[0] as SegmentStats;
		const fb = scoreDistrict(d0, { ...bestChoice(d0), segments: [topSegments(d0)[0]!.trade, worst.trade] });
		const f = fb.findings.find((x) => x.data['districtTrade'] === worst.trade && x.dimension === 'district-segments');
		expect(f?.code).toBe(`district.segment-${weakReason(worst)}`);
		expect(f?.severity).toBe('major');
		expect(f?.data).toMatchObject({ rank: worst.rank, count: worst.count, ours: worst.ours, uncovered: worst.uncovered, opportunityWan: worst.opportunityWan });
		expect(dim(fb, 'district-segments')).toBe(25);
		expect(codes(fb)).toContain('district.segment-missed');
	});

	test('gives half credit to a second-tier segment', () => {
		const fourth = segmentStats(d0).find((s) => s.rank === 4) as SegmentStats;
		const fb = scoreDistrict(d0, { ...bestChoice(d0), segments: [fourth.trade, topSegments(d0)[0]!.trade] });
		expect(codes(fb)).toContain('district.segment-second');
		expect(dim(fb, 'district-segments')).toBe(37.5);
	});

	test('flags a channel that reaches none of the chosen segments, and segments no chosen channel reaches', () => {
		const d: District = { ...d0, anchor: false };
		const fb = scoreDistrict(d, { segments: topSegments(d).map((s) => s.trade), channels: ['supply-chain'], competitors: [d.competitors[0]!] });
		const f = fb.findings.find((x) => x.code === 'district.channel-unfit');
		expect(f?.data).toMatchObject({ districtChannel: 'supply-chain', reason: 'district-no-anchor' });
		expect(codes(fb)).toContain('district.segment-no-channel');
		expect(dim(fb, 'district-channels')).toBe(0);
	});

	test('scores channels 0 when no segment is chosen, and does not blame the learner for segments no channel reaches', () => {
		expect(dim(scoreDistrict(d0, { segments: [], channels: ['payroll'], competitors: [] }), 'district-channels')).toBe(0);
		const closed = districts.map((x) => ({ ...x, anchor: false, association: false }));
		const found = closed
			.map((x) => [x, segmentStats(x).filter((s) => channelsFor(x, s).length === 0)] as const)
			.find(([, list]) => list.length >= 2);
		expect(found).toBeDefined();
		const [dx, list] = found!;
		const fb = scoreDistrict(dx, { segments: [list[0]!.trade, list[1]!.trade], channels: ['payroll'], competitors: [] });
		expect(dim(fb, 'district-channels')).toBe(22.5);
		expect(codes(fb)).not.toContain('district.segment-no-channel');
	});

	test('judges the competitor products watched', () => {
		const seen = new Set<string>();
		for (const d of districts) {
			const threats = competitorThreats(d);
			const top = segmentStats(d).filter((s) => s.rank <= 3).map((s) => s.trade);
			for (const c of d.competitors) {
				const fb = scoreDistrict(d, { segments: top, channels: ['payroll'], competitors: [c] });
				for (const f of fb.findings.filter((x) => x.dimension === 'district-competitors')) seen.add(f.code);
				const score = dim(fb, 'district-competitors');
				if (c === threats[0]!.competitor) expect(score).toBe(20);
				else if (c === threats[1]?.competitor && threats[1].count > 0) expect(score).toBe(10);
				else expect(score).toBeLessThanOrEqual(0);
			}
		}
		expect([...seen].sort()).toEqual(['district.competitor-irrelevant', 'district.competitor-minor', 'district.competitor-missed', 'district.competitor-second', 'district.competitor-top']);
	});

	test('never throws on junk and scores it 0', () => {
		const fb = scoreDistrict(d0, null);
		expect(fb.score).toBe(0);
		expect(fb.max).toBe(100);
		expect(codes(fb)).toContain('district.competitor-missed');
	});

	test('uses a bank’s weights and ignores invalid ones', () => {
		expect(districtWeights(null)).toEqual(DEFAULT_DISTRICT_WEIGHTS);
		expect(districtWeights({ segments: 10, channels: -1, competitors: Number.POSITIVE_INFINITY })).toEqual({ ...DEFAULT_DISTRICT_WEIGHTS, segments: 10 });
		expect(scoreDistrict(d0, bestChoice(d0), { segments: 10, competitors: 0 }).max).toBe(40);
	});
});

describe('competitor products', () => {
	test('have five elements with known repayment and guarantee codes', () => {
		for (const c of COMPETITOR_PRODUCTS) {
			const s = COMPETITOR_SPECS[c];
			expect(s.maxAmountWan).toBeGreaterThan(0);
			expect(s.termMonths).toBeGreaterThan(0);
			expect(s.rate).toBeGreaterThan(0.02);
		}
		expect(COMPETITOR_SPECS['platform-loan'].maxAmountWan).toBeLessThanOrEqual(20);
	});
});

describe('messages', () => {
	const load = (lang: string) =>
		JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', `sim-district-research.${lang}.json`), 'utf8')) as Record<string, string>;
	const dicts = [load('zh-CN'), load('en')];
	const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string);
	const fillable = (data: Record<string, unknown>, name: string) =>
		name in data || (name.endsWith('Name') && name.replace(/Name$/, '') in data) || (name.endsWith('Pct') && name.replace(/Pct$/, '') in data);

	test('name every code', () => {
		const lists: [string, readonly string[]][] = [
			['districtType', DISTRICT_TYPES],
			['districtTrade', DISTRICT_TRADES],
			['districtKind', DISTRICT_KINDS],
			['districtAge', AGE_BANDS],
			['districtSize', BUSINESS_SIZES],
			['districtBank', BANK_RELATIONS],
			['districtCollection', COLLECTION_MODES],
			['districtData', DATA_LEVELS],
			['districtChannel', DISTRICT_CHANNELS],
			['districtCompetitor', COMPETITOR_PRODUCTS],
			['sim.district-research.channelHint', DISTRICT_CHANNELS],
			['reason', CHANNEL_MISFIT_REASONS],
			['dimension', ['district-segments', 'district-channels', 'district-competitors']],
			['sim.district-research.error', ['too-few', 'too-many']],
			['sim.district-research.legend', ['segments', 'channels', 'competitors']],
			['sim.district-research.what', ['segments', 'channels', 'competitors']],
		];
		for (const d of dicts) for (const [prefix, list] of lists) for (const code of list) expect(d[`${prefix}.${code}`], `${prefix}.${code}`).toBeTypeOf('string');
	});

	test('explain every finding and reason with the fields it carries', () => {
		const seen = new Set<string>();
		const check = (fb: Feedback) => {
			for (const f of fb.findings) {
				seen.add(f.code);
				for (const d of dicts) {
					const msg = d[`finding.${f.code}`];
					expect(msg, f.code).toBeTypeOf('string');
					for (const ph of placeholders(msg as string)) expect(fillable(f.data, ph), `${f.code}: {{${ph}}}`).toBe(true);
					if (typeof f.data['reason'] === 'string') {
						const r = d[`reason.${f.data['reason']}`];
						expect(r, String(f.data['reason'])).toBeTypeOf('string');
						for (const ph of placeholders(r as string)) expect(fillable(f.data, ph), `${f.data['reason']}: {{${ph}}}`).toBe(true);
					}
				}
			}
		};
		for (const d of districts) {
			const stats = segmentStats(d);
			const ranked = [...stats].sort((a, b) => a.rank - b.rank);
			for (const st of ranked.slice(3)) check(scoreDistrict(d, { segments: [st.trade, ranked[0]!.trade], channels: [...DISTRICT_CHANNELS], competitors: d.competitors }));
			check(scoreDistrict(d, bestChoice(d)));
		}
		expect(seen).toContain('district.segment-covered');
		expect(seen).toContain('district.segment-small');
		expect(seen).toContain('district.segment-low-need');
		expect(seen).toContain('district.channel-unfit');
		expect(seen).toContain('district.channel-fit');
	});
});
