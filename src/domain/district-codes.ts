/**
 * District research (m5/03 营销前调研): the codes, the competitor products' five elements and the
 * learner's research decision with its validation — what the simulation needs as soon as the page
 * opens. The mock district itself (generator, register, statistics) is in ./district.ts, which
 * re-exports everything here; the page gets the default district's statistics computed at build and
 * fetches ./district.ts only when the learner opens another district, the register, or submits.
 */
import type { GuaranteeMethod, RepaymentMethod } from './loan-terms';
import type { District } from './district';

// ---------------------------------------------------------------------------------------------
// Codes

/** The lesson's five types of small businesses (m5/03 「按五类摸清小微企业客户」). */
export const DISTRICT_TYPES = ['trade', 'manufacturing', 'catering', 'services', 'agri'] as const;
export type DistrictType = (typeof DISTRICT_TYPES)[number];

/** Segments: sub-trades of the five types. */
export const DISTRICT_TRADES = [
	'convenience',
	'apparel',
	'fresh-produce',
	'hardware',
	'wholesale-goods',
	'food-processing',
	'packaging',
	'parts',
	'restaurant',
	'snack',
	'drinks',
	'beauty',
	'auto-repair',
	'laundry',
	'logistics',
	'farming',
	'agri-processing',
	'coop',
] as const;
export type DistrictTrade = (typeof DISTRICT_TRADES)[number];

/** Kinds of district: a shopping street, a farmers' market and its surroundings, an industrial park's edge, a township centre. */
export const DISTRICT_KINDS = ['street', 'market', 'park', 'town'] as const;
export type DistrictKind = (typeof DISTRICT_KINDS)[number];

export const AGE_BANDS = ['under-35', '35-44', '45-54', '55-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const BUSINESS_SIZES = ['individual', 'micro', 'small'] as const;
export type BusinessSize = (typeof BUSINESS_SIZES)[number];

export const BANK_RELATIONS = ['ours', 'competitor', 'none'] as const;
export type BankRelation = (typeof BANK_RELATIONS)[number];

/** How a business collects payment: our QR code, another bank's or a platform's code, cash, bank transfer. */
export const COLLECTION_MODES = ['our-qr', 'other-qr', 'cash', 'transfer'] as const;
export type CollectionMode = (typeof COLLECTION_MODES)[number];

export const DATA_LEVELS = ['rich', 'some', 'thin'] as const;
export type DataLevel = (typeof DATA_LEVELS)[number];

/** Linkage channels (m5/03 「联动营销的八项落实」 and 「保险公司能做，我们为什么不能」). */
export const DISTRICT_CHANNELS = ['corporate-retail', 'cross-referral', 'payroll', 'acquiring', 'supply-chain', 'association'] as const;
export type DistrictChannel = (typeof DISTRICT_CHANNELS)[number];

/** Why a channel does not reach a segment (i18n `reason.<code>`). */
export const CHANNEL_MISFIT_REASONS = [
	'district-not-b2c',
	'district-qr-taken',
	'district-few-employees',
	'district-no-anchor',
	'district-not-supplier',
	'district-no-association',
	'district-not-market',
	'district-few-companies',
	'district-small-base',
] as const;
export type ChannelMisfit = (typeof CHANNEL_MISFIT_REASONS)[number];

/** Competitor products that may be active in a district (modelled on m5/03 「调研同业的小微产品」). */
export const COMPETITOR_PRODUCTS = ['bigbank-tax-loan', 'joint-stock-mortgage', 'village-bank-microcredit', 'platform-loan', 'citybank-flow-loan'] as const;
export type CompetitorProduct = (typeof COMPETITOR_PRODUCTS)[number];

/** A competitor product and its five elements (illustrative; modelled on the lesson's table). */
export interface CompetitorSpec {
	maxAmountWan: number;
	termMonths: number;
	rate: number;
	repayment: RepaymentMethod;
	guarantee: GuaranteeMethod;
}

/** Five elements of each competitor product (teaching assumptions, not any bank's real terms). */
export const COMPETITOR_SPECS: Readonly<Record<CompetitorProduct, CompetitorSpec>> = {
	'bigbank-tax-loan': { maxAmountWan: 100, termMonths: 12, rate: 0.036, repayment: 'revolving', guarantee: 'credit' },
	'joint-stock-mortgage': { maxAmountWan: 500, termMonths: 36, rate: 0.038, repayment: 'interest-monthly-bullet', guarantee: 'mortgage' },
	'village-bank-microcredit': { maxAmountWan: 30, termMonths: 12, rate: 0.06, repayment: 'interest-monthly-bullet', guarantee: 'personal-guarantee' },
	'platform-loan': { maxAmountWan: 20, termMonths: 12, rate: 0.108, repayment: 'equal-installment', guarantee: 'credit' },
	'citybank-flow-loan': { maxAmountWan: 50, termMonths: 12, rate: 0.045, repayment: 'revolving', guarantee: 'credit' },
};

// ---------------------------------------------------------------------------------------------
// The learner's decision

/** The research decision. */
export interface DistrictChoice {
	segments: DistrictTrade[];
	channels: DistrictChannel[];
	competitors: CompetitorProduct[];
}

/** How many of each the learner picks. */
export const CHOICE_LIMITS = {
	segments: { min: 2, max: 3 },
	channels: { min: 1, max: 3 },
	competitors: { min: 1, max: 2 },
} as const;

/** One problem with a decision (i18n `sim.district-research.error.<field>.<code>`). */
export interface ChoiceError {
	field: keyof DistrictChoice;
	code: 'too-few' | 'too-many';
	min: number;
	max: number;
	count: number;
}

function uniq<T>(xs: unknown, allowed: readonly T[]): T[] {
	if (!Array.isArray(xs)) return [];
	return allowed.filter((a) => xs.includes(a));
}

/** Keep only known codes that exist in this district (segments present, competitors active). */
export function cleanChoice(district: Pick<District, 'trades' | 'competitors'>, choice: Partial<DistrictChoice> | null | undefined): DistrictChoice {
	const c = choice ?? {};
	return {
		segments: uniq<DistrictTrade>(c.segments, district.trades),
		channels: uniq<DistrictChannel>(c.channels, DISTRICT_CHANNELS),
		competitors: uniq<CompetitorProduct>(c.competitors, district.competitors),
	};
}

/** Check the counts of a decision; an empty list means it can be scored. */
export function validateChoice(district: Pick<District, 'trades' | 'competitors'>, choice: Partial<DistrictChoice> | null | undefined): ChoiceError[] {
	const c = cleanChoice(district, choice);
	const errors: ChoiceError[] = [];
	for (const field of ['segments', 'channels', 'competitors'] as const) {
		const { min, max } = CHOICE_LIMITS[field];
		const count = c[field].length;
		if (count < min) errors.push({ field, code: 'too-few', min, max, count });
		else if (count > max) errors.push({ field, code: 'too-many', min, max, count });
	}
	return errors;
}

// ---------------------------------------------------------------------------------------------
// The truth the scorer (./scoring/district.ts) and the debrief share

/** Number of real target segments (the top ranks by opportunity). */
export const TOP_SEGMENTS = 3;
