/**
 * Scoring of the district-research decision (m5/03 营销前调研): which linkage channels reach a
 * segment, the district's real target segments and competitor threats, and `scoreDistrict`. The
 * district, its register and statistics are in ../district.ts (what the page shows at once); this
 * module is needed only once the learner submits, so the simulation fetches it then.
 *
 * Rules and parameters are documented in ../district.ts and src/domain/README.md.
 */
import {
	COMPETITOR_PRODUCTS,
	DISTRICT_CHANNELS,
	DISTRICT_PARAMS,
	TOP_SEGMENTS,
	TRADE_SPECS,
	cleanChoice,
	competitorPresence,
	segmentStats,
	type ChannelMisfit,
	type CompetitorProduct,
	type District,
	type DistrictChannel,
	type DistrictChoice,
	type SegmentStats,
} from '../district';
import { makeFeedback, type Feedback, type Finding, type FindingData, type Topic } from './feedback';

// ---------------------------------------------------------------------------------------------
// Channel fit

/** Why a channel does not reach a segment, or null when it does (documented rules, DISTRICT_PARAMS). */
export function channelMisfit(district: District, stats: SegmentStats, channel: DistrictChannel): ChannelMisfit | null {
	const p = DISTRICT_PARAMS;
	const spec = TRADE_SPECS[stats.trade];
	switch (channel) {
		case 'acquiring':
			return !spec.b2c ? 'district-not-b2c' : stats.openCollection < p.acquiringOpenShare ? 'district-qr-taken' : null;
		case 'payroll':
			return stats.avgStaff < p.payrollMinStaff ? 'district-few-employees' : null;
		case 'supply-chain':
			return !district.anchor ? 'district-no-anchor' : !spec.supplier ? 'district-not-supplier' : null;
		case 'association':
			return !district.association ? 'district-no-association' : !spec.market ? 'district-not-market' : null;
		case 'corporate-retail':
			return stats.firmShare < p.corporateMinShare ? 'district-few-companies' : null;
		case 'cross-referral':
			return stats.ours < p.referralMinClients ? 'district-small-base' : null;
	}
}

/** Channels that reach a segment, in DISTRICT_CHANNELS order. */
export function channelsFor(district: District, stats: SegmentStats): DistrictChannel[] {
	return DISTRICT_CHANNELS.filter((c) => channelMisfit(district, stats, c) === null);
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Points per dimension. */
export interface DistrictWeights {
	segments: number;
	channels: number;
	competitors: number;
}

export const DEFAULT_DISTRICT_WEIGHTS: DistrictWeights = { segments: 50, channels: 30, competitors: 20 };

export const DISTRICT_DIMENSIONS = { segments: 'district-segments', channels: 'district-channels', competitors: 'district-competitors' } as const;

/**
 * Lesson topics of the findings: the nearest existing topics for now; once topics for m5/03's
 * sections exist (see the simulation's hand-over note) only this map changes.
 */
export const DISTRICT_TOPICS: Readonly<Record<'segments' | 'channels' | 'supplyChain' | 'competitors', Topic>> = {
	segments: 'district-research',
	channels: 'linkage-marketing',
	supplyChain: 'linkage-marketing',
	competitors: 'competitor-research',
};

/** Ranks that still earn half credit. */
export const SECOND_TIER_RANK = 5;
/** Share of the channel dimension lost per channel that reaches none of the chosen segments. */
export const CHANNEL_PENALTY_SHARE = 0.25;
/** Share of the competitor dimension lost per product picked that no target business uses. */
export const COMPETITOR_PENALTY_SHARE = 0.25;

function weightOr(x: unknown, fallback: number): number {
	return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback;
}

/** Merge partial weights into the defaults (invalid values keep the default). */
export function districtWeights(over?: Partial<DistrictWeights> | null): DistrictWeights {
	const o = (typeof over === 'object' && over !== null ? over : {}) as Record<string, unknown>;
	const d = DEFAULT_DISTRICT_WEIGHTS;
	return { segments: weightOr(o['segments'], d.segments), channels: weightOr(o['channels'], d.channels), competitors: weightOr(o['competitors'], d.competitors) };
}

/** Why a segment outside the top ranks is a weak target (the first rule that applies). */
export function weakReason(stats: SegmentStats): 'covered' | 'risky' | 'small' | 'low-need' {
	const p = DISTRICT_PARAMS;
	if (stats.coverage >= p.coveredShare) return 'covered';
	if (stats.riskAvg >= p.riskyAverage) return 'risky';
	if (stats.uncovered < p.smallUncovered) return 'small';
	return 'low-need';
}

/** The real target segments (top TOP_SEGMENTS by opportunity), best first. */
export function topSegments(district: District, stats = segmentStats(district)): SegmentStats[] {
	return [...stats].sort((a, b) => a.rank - b.rank).slice(0, TOP_SEGMENTS);
}

/** Active competitor products ranked by how many businesses of the real target segments use them (ties: whole district). */
export function competitorThreats(district: District, stats = segmentStats(district)): { competitor: CompetitorProduct; count: number; total: number }[] {
	const inTop = competitorPresence(district, topSegments(district, stats).map((s) => s.trade));
	const all = competitorPresence(district);
	return district.competitors
		.map((c) => ({ competitor: c, count: inTop[c], total: all[c] }))
		.sort((a, b) => b.count - a.count || b.total - a.total || COMPETITOR_PRODUCTS.indexOf(a.competitor) - COMPETITOR_PRODUCTS.indexOf(b.competitor));
}

function segData(st: SegmentStats, third: SegmentStats | undefined): FindingData {
	return {
		districtTrade: st.trade,
		rank: st.rank,
		count: st.count,
		ours: st.ours,
		coverage: st.coverage,
		uncovered: st.uncovered,
		uncoveredNeedWan: st.uncoveredNeedWan,
		opportunityWan: st.opportunityWan,
		riskAvg: st.riskAvg,
		newShare: st.newShare,
		thirdWan: third?.opportunityWan ?? 0,
	};
}

/**
 * Score a research decision against the district's truth:
 *   segments    = weight × mean over picks of (1 if rank ≤ 3, ½ if rank ≤ 5, else 0);
 *   channels    = weight × (picked segments reached by a chosen channel ÷ picked segments that any
 *                 channel can reach) − 25% per chosen channel that reaches none of them, floored at 0;
 *   competitors = weight if the product most used in the real target segments is watched, ½ if the
 *                 second is, − 25% per watched product no business of the target segments uses.
 * Junk input never throws: unknown codes are dropped and an empty list scores 0.
 */
export function scoreDistrict(district: District, rawChoice: Partial<DistrictChoice> | null | undefined, weights?: Partial<DistrictWeights> | null): Feedback {
	const w = districtWeights(weights);
	const choice = cleanChoice(district, rawChoice);
	const stats = segmentStats(district);
	const byTrade = new Map(stats.map((st) => [st.trade, st]));
	const top = topSegments(district, stats);
	const third = top[TOP_SEGMENTS - 1];
	const D = DISTRICT_DIMENSIONS;
	const T = DISTRICT_TOPICS;
	const findings: Finding[] = [];
	const add = (code: string, severity: Finding['severity'], dimension: string, topic: Topic, data: FindingData) =>
		findings.push({ code: `district.${code}`, severity, dimension, topic, data });

	// Segments.
	let segValue = 0;
	for (const trade of choice.segments) {
		const st = byTrade.get(trade) as SegmentStats;
		if (st.rank <= TOP_SEGMENTS) {
			segValue += 1;
			add('segment-top', 'good', D.segments, T.segments, segData(st, third));
		} else if (st.rank <= SECOND_TIER_RANK) {
			segValue += 0.5;
			add('segment-second', 'minor', D.segments, T.segments, segData(st, third));
		} else add(`segment-${weakReason(st)}`, 'major', D.segments, T.segments, segData(st, third));
	}
	for (const st of top) if (!choice.segments.includes(st.trade)) add('segment-missed', 'minor', D.segments, T.segments, segData(st, third));
	const segScore = choice.segments.length > 0 ? (w.segments * segValue) / choice.segments.length : 0;

	// Channels.
	const picked = choice.segments.map((t) => byTrade.get(t) as SegmentStats);
	const reachable = picked.filter((st) => channelsFor(district, st).length > 0);
	let reached = 0;
	for (const st of reachable) {
		const via = choice.channels.find((c) => channelMisfit(district, st, c) === null);
		if (via) {
			reached += 1;
			add('channel-fit', 'good', D.channels, via === 'supply-chain' ? T.supplyChain : T.channels, { districtChannel: via, districtTrade: st.trade });
		} else add('segment-no-channel', 'minor', D.channels, T.channels, { districtTrade: st.trade, districtChannel: channelsFor(district, st)[0] as DistrictChannel });
	}
	const first = picked[0];
	const misfits = first ? choice.channels.filter((c) => !picked.some((st) => channelMisfit(district, st, c) === null)) : [];
	for (const c of misfits) {
		const st = first as SegmentStats;
		add('channel-unfit', 'major', D.channels, c === 'supply-chain' ? T.supplyChain : T.channels, {
			districtChannel: c,
			districtTrade: st.trade,
			reason: channelMisfit(district, st, c) as ChannelMisfit,
			avgStaff: st.avgStaff,
			ours: st.ours,
			firmShare: st.firmShare,
			openCollection: st.openCollection,
		});
	}
	const unfitChannels = misfits.length;
	const chanBase = choice.channels.length === 0 || picked.length === 0 ? 0 : reachable.length > 0 ? reached / reachable.length : 1;
	const chanScore = w.channels * (chanBase - CHANNEL_PENALTY_SHARE * unfitChannels);

	// Competitors.
	const threats = competitorThreats(district, stats);
	const targetTrades = [...new Set([...top.map((t) => t.trade), ...choice.segments])];
	const inTargets = competitorPresence(district, targetTrades);
	let best = 0;
	let irrelevant = 0;
	const top1 = threats[0] as { competitor: CompetitorProduct; count: number; total: number };
	const second = threats[1];
	for (const c of choice.competitors) {
		const data = { districtCompetitor: c, count: inTargets[c], total: competitorPresence(district)[c] };
		if (c === top1.competitor) {
			best = Math.max(best, 1);
			add('competitor-top', 'good', D.competitors, T.competitors, data);
		} else if (second && c === second.competitor && second.count > 0) {
			best = Math.max(best, 0.5);
			add('competitor-second', 'minor', D.competitors, T.competitors, data);
		} else if (inTargets[c] === 0) {
			irrelevant += 1;
			add('competitor-irrelevant', 'minor', D.competitors, T.competitors, data);
		} else add('competitor-minor', 'info', D.competitors, T.competitors, data);
	}
	if (!choice.competitors.includes(top1.competitor))
		add('competitor-missed', 'minor', D.competitors, T.competitors, { districtCompetitor: top1.competitor, count: top1.count, total: top1.total });
	const compScore = w.competitors * (best - COMPETITOR_PENALTY_SHARE * irrelevant);

	return makeFeedback(
		'district',
		[
			{ id: D.segments, score: segScore, max: w.segments },
			{ id: D.channels, score: chanScore, max: w.channels },
			{ id: D.competitors, score: compScore, max: w.competitors },
		],
		findings,
	);
}
