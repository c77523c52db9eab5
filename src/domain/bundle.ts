/**
 * Bundle builder (m5/01 数据化综合金融服务, with the data kinds of m5/02): the learner builds a service
 * bundle around a loan for one client profile; the model prices each service's annual contribution to
 * the bank, lists the data kinds it yields, scores the client's stickiness, simulates the first year
 * month by month, and scores the bundle against the best-fit bundle.
 *
 * Units: money in 万元 (10,000 CNY); revenue and volumes in 万元 per year unless a name says monthly;
 * rates, fees and spreads as fractions per year (0.042 = 4.2%); a rate concession in percentage points
 * (0.3 = 0.3 个百分点); months 1..12; stickiness a score 0..100; retention a probability 0..1.
 *
 * Every parameter below is an ILLUSTRATIVE TEACHING ASSUMPTION, not a regulation or a market figure.
 * The pricing ones are the lesson's own worked example (m5/01 「算一笔客户综合贡献账」: FTP 2.3%,
 * deposits valued at 2.0%, 0.2% paid on corporate deposits, 1.5% spread on payroll deposits, 0.08% net
 * acquiring fee, 0.4% wealth-product fee), so the lesson's client reproduces its table: the loan alone
 * earns 5.70 万元 a year, the lesson's bundle 8.44 万元. The rest (insurance commission, card, online
 * store and instalment fees, switching costs, adoption odds, attrition) are chosen to give sensible
 * classroom numbers; a bank replaces them with its own.
 *
 * Rules (taught in m5/01):
 *   - fit: a service the client cannot use (payroll for a one-person stall, acquiring for a firm that
 *     only sells to businesses…) earns nothing and yields no data; including it is over-selling.
 *   - no tying (搭售): making an add-on a condition of the loan raises the client's all-in cost of
 *     borrowing and breaks "client value first"; it is a compliance finding, the tied service does not
 *     count towards stickiness, and the resentment raises attrition.
 *   - contribution: deposits are worth (internal price − interest paid) × balance, not the balance.
 */
import { createRng } from './random';
import { makeFeedback, type Feedback, type Finding, type FindingData, type Topic } from './scoring/feedback';

// ---------------------------------------------------------------------------------------------
// Services and data kinds

/** Services a bundle can hold; the loan is the carrier and is always in the bundle. */
export const BUNDLE_SERVICES = [
	'loan',
	'settlement',
	'deposit',
	'payroll',
	'acquiring',
	'wealth',
	'insurance',
	'ecommerce',
	'credit-card',
	'instalment',
	'tax-utility',
] as const;
export type BundleService = (typeof BUNDLE_SERVICES)[number];

/** The add-ons the learner may put around the loan. */
export type AddOnService = Exclude<BundleService, 'loan'>;
export const ADD_ON_SERVICES = BUNDLE_SERVICES.filter((s): s is AddOnService => s !== 'loan');

/** How an add-on is offered: the client chooses it, or it is made a condition of the loan (搭售). */
export const OFFER_MODES = ['voluntary', 'tied'] as const;
export type OfferMode = (typeof OFFER_MODES)[number];

/** The seven data kinds of a small business (m5/02 「小微企业客户的七类数据」), in the lesson's order. */
export const SME_DATA_KINDS = [
	'sme-risk-return',
	'sme-supply-chain',
	'sme-settlement',
	'sme-sales',
	'sme-cost',
	'sme-owner-soft',
	'sme-consumer',
] as const;
/** The seven data kinds of a personal borrower (m5/02 「个人信贷客户的七类数据」), in the lesson's order. */
export const PERSONAL_DATA_KINDS = ['p-income-debt', 'p-invest', 'p-household', 'p-occupation', 'p-cost', 'p-soft', 'p-other'] as const;
export const DATA_KINDS = [...SME_DATA_KINDS, ...PERSONAL_DATA_KINDS] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/**
 * Which data kinds each service feeds, from the "legal sources" column of m5/02's two tables: the loan
 * investigation (authorised credit report, statements, site visit, public records), settlement flows
 * (counterparties, payment rhythm, turnover), payroll records (wage cost, employment continuity),
 * acquiring (daily sales, end-customer behaviour), the bank's wealth and insurance records, card
 * spending categories, and standing orders for tax, social insurance and utilities.
 */
export const SERVICE_DATA: Readonly<Record<BundleService, readonly DataKind[]>> = {
	loan: ['sme-risk-return', 'sme-owner-soft', 'p-income-debt', 'p-soft', 'p-other'],
	settlement: ['sme-supply-chain', 'sme-settlement', 'sme-sales'],
	deposit: ['sme-risk-return'],
	payroll: ['sme-cost', 'p-occupation', 'p-income-debt'],
	acquiring: ['sme-sales', 'sme-consumer'],
	wealth: ['p-invest'],
	insurance: ['p-invest', 'p-other'],
	ecommerce: ['sme-consumer', 'sme-sales'],
	'credit-card': ['p-household', 'p-cost'],
	instalment: ['sme-consumer', 'p-cost'],
	'tax-utility': ['sme-cost', 'p-household', 'p-cost', 'p-occupation'],
};

/**
 * Switching cost of each service (teaching assumption, points): what leaving the bank would force the
 * client to redo — notifying every counterparty of a new settlement account (3), re-issuing wage cards
 * or re-printing payment codes and re-linking the online store (2), moving one product (1).
 */
export const SWITCHING_COST: Readonly<Record<BundleService, number>> = {
	loan: 1,
	settlement: 3,
	deposit: 1,
	payroll: 2,
	acquiring: 2,
	wealth: 1,
	insurance: 1,
	ecommerce: 2,
	'credit-card': 1,
	instalment: 1,
	'tax-utility': 1,
};

/** Chance that a client takes up a well-fitting add-on offered voluntarily within the year (teaching assumption). */
export const ADOPTION_PROBABILITY: Readonly<Record<AddOnService, number>> = {
	settlement: 0.95,
	deposit: 0.9,
	payroll: 0.85,
	acquiring: 0.9,
	wealth: 0.7,
	insurance: 0.6,
	ecommerce: 0.6,
	'credit-card': 0.8,
	instalment: 0.7,
	'tax-utility': 0.9,
};

/** Pricing and behaviour parameters (teaching assumptions; see the file header). */
export const BUNDLE_PARAMS = {
	/** Internal funds-transfer price of the loan (FTP), fraction a year — the lesson's 2.3%. */
	ftp: 0.023,
	/** Internal price at which deposits are valued, fraction a year — the lesson's 2.0%. */
	depositPrice: 0.02,
	/** Interest paid on the corporate settlement balance, fraction a year — the lesson's 0.2%. */
	corporateDepositRate: 0.002,
	/** Net spread earned on staff wage-card balances, fraction a year — the lesson's 1.5%. */
	payrollSpread: 0.015,
	/** Bank's net acquiring fee on card and QR-code volume — the lesson's 0.08%. */
	acquiringNetFee: 0.0008,
	/** Distribution fee on wealth products sold — the lesson's 0.4%. */
	wealthFee: 0.004,
	/** Agency commission on insurance premiums (teaching assumption). */
	insuranceCommission: 0.1,
	/** Net fee on online-store settlement volume (teaching assumption). */
	ecommerceNetFee: 0.001,
	/** Net card income on the owner's card spending (teaching assumption). */
	cardNetRate: 0.003,
	/** Net fee on instalment amounts financed (teaching assumption). */
	instalmentFee: 0.015,
	/** Months of use before a service's data counts as effective (the lesson's "3–6 个月流水"); the loan investigation counts at once. */
	dataMonths: 3,
	/** Points per service in voluntary use, in the stickiness score. */
	stickinessPerProduct: 4,
	/** Points per switching-cost point, in the stickiness score. */
	stickinessPerSwitch: 3,
	/** Points for being the client's primary settlement bank. */
	stickinessPrimary: 15,
	/** Monthly chance that a loan-only client moves the relationship elsewhere (teaching assumption: ≈30% a year). */
	baseMonthlyAttrition: 0.03,
	/** Share of the base attrition that full stickiness (100) removes. */
	stickinessProtection: 0.85,
	/** Attrition multiplier when any add-on was tied to the loan (the client resents it). */
	tyingResentment: 1.5,
} as const;

// ---------------------------------------------------------------------------------------------
// Client profiles

/** Why a client cannot use a service (i18n `reason.<code>`). */
export const UNFIT_REASONS = [
	'bundle-no-employees',
	'bundle-b2b-sales',
	'bundle-no-online-sales',
	'bundle-no-idle-funds',
	'bundle-no-big-ticket',
] as const;
export type UnfitReason = (typeof UNFIT_REASONS)[number];

export const BUNDLE_PROFILE_IDS = ['wholesaler', 'restaurant', 'stall', 'manufacturer'] as const;
export type BundleProfileId = (typeof BUNDLE_PROFILE_IDS)[number];

/** One client profile: figures the services are priced on, and which services it cannot use. */
export interface BundleProfile {
	id: BundleProfileId;
	legalForm: 'individual-business' | 'limited-company';
	/** Staff besides the owner, people. */
	employees: number;
	/** Annual sales, 万元. */
	revenueWan: number;
	/** Loan the client needs, 万元, at this annual rate. */
	loanWan: number;
	loanRate: number;
	/** Settlement fees (online banking, transfers, bills) if the client settles with us, 万元 a year. */
	settlementFeesWan: number;
	/** Average balance of the settlement account, 万元. */
	depositWan: number;
	/** Average balance of staff wage cards, 万元. */
	payrollBalanceWan: number;
	/** Card and QR-code sales volume, 万元 a year. */
	acquiringVolumeWan: number;
	/** Family money available for wealth products, 万元. */
	wealthWan: number;
	/** Premiums of the cover the business actually needs, 万元 a year. */
	insurancePremiumWan: number;
	/** Online-store sales, 万元 a year. */
	onlineSalesWan: number;
	/** Owner's card spending, 万元 a year. */
	cardSpendWan: number;
	/** Amount the client would finance in instalments (customers' big tickets or its own equipment), 万元 a year. */
	instalmentWan: number;
	/** Share of sales to the largest business customer, fraction (shown for B2B firms). */
	topCustomerShare: number;
	/** Services the client cannot use, with the reason. */
	unfit: Partial<Record<AddOnService, UnfitReason>>;
	/** Activity by month (Jan..Dec, mean ≈ 1) for volume-driven services. */
	season: readonly number[];
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;

/**
 * The four practice clients. `wholesaler` is the lesson's 日用品批发公司 with the lesson's figures; the
 * others are teaching cases built to exercise the fit rules: a restaurant (acquiring-heavy, staff, online
 * orders), a one-person fruit stall (no staff, no idle money, no online sales), and a packaging plant that
 * sells only to businesses (no acquiring, no online store, buys equipment in instalments).
 */
export const BUNDLE_PROFILES: Readonly<Record<BundleProfileId, BundleProfile>> = {
	wholesaler: {
		id: 'wholesaler',
		legalForm: 'limited-company',
		employees: 20,
		revenueWan: 3000,
		loanWan: 300,
		loanRate: 0.042,
		settlementFeesWan: 0.2,
		depositWan: 80,
		payrollBalanceWan: 20,
		acquiringVolumeWan: 500,
		wealthWan: 100,
		insurancePremiumWan: 2,
		onlineSalesWan: 0,
		cardSpendWan: 30,
		instalmentWan: 0,
		topCustomerShare: 0.12,
		unfit: { ecommerce: 'bundle-no-online-sales', instalment: 'bundle-no-big-ticket' },
		// festival stocking before Spring Festival and the autumn peak
		season: [1.3, 1.2, 0.85, 0.9, 0.95, 0.95, 0.9, 0.9, 1.0, 1.05, 0.95, 1.05],
	},
	restaurant: {
		id: 'restaurant',
		legalForm: 'individual-business',
		employees: 8,
		revenueWan: 300,
		loanWan: 50,
		loanRate: 0.048,
		settlementFeesWan: 0.05,
		depositWan: 15,
		payrollBalanceWan: 6,
		acquiringVolumeWan: 260,
		wealthWan: 20,
		insurancePremiumWan: 0.8,
		onlineSalesWan: 60,
		cardSpendWan: 12,
		instalmentWan: 0,
		topCustomerShare: 0,
		unfit: { instalment: 'bundle-no-big-ticket' },
		// Spring Festival banquets and the summer peak
		season: [1.3, 1.35, 0.85, 0.9, 0.95, 0.95, 1.15, 1.15, 0.9, 1.0, 0.85, 0.95],
	},
	stall: {
		id: 'stall',
		legalForm: 'individual-business',
		employees: 0,
		revenueWan: 45,
		loanWan: 10,
		loanRate: 0.055,
		settlementFeesWan: 0.01,
		depositWan: 2,
		payrollBalanceWan: 0,
		acquiringVolumeWan: 40,
		wealthWan: 0,
		insurancePremiumWan: 0.1,
		onlineSalesWan: 0,
		cardSpendWan: 3,
		instalmentWan: 0,
		topCustomerShare: 0,
		unfit: {
			payroll: 'bundle-no-employees',
			wealth: 'bundle-no-idle-funds',
			ecommerce: 'bundle-no-online-sales',
			instalment: 'bundle-no-big-ticket',
		},
		// fruit: summer peak
		season: [0.9, 1.0, 0.8, 0.85, 1.0, 1.15, 1.3, 1.3, 1.1, 0.95, 0.8, 0.85],
	},
	manufacturer: {
		id: 'manufacturer',
		legalForm: 'limited-company',
		employees: 35,
		revenueWan: 1200,
		loanWan: 120,
		loanRate: 0.045,
		settlementFeesWan: 0.3,
		depositWan: 60,
		payrollBalanceWan: 25,
		acquiringVolumeWan: 0,
		wealthWan: 50,
		insurancePremiumWan: 1.5,
		onlineSalesWan: 0,
		cardSpendWan: 20,
		instalmentWan: 40,
		topCustomerShare: 0.6,
		unfit: { acquiring: 'bundle-b2b-sales', ecommerce: 'bundle-no-online-sales' },
		season: FLAT,
	},
};

/** The lesson's bundle for the wholesaler: settlement, deposits, payroll, acquiring, wealth (8.44 万元 a year). */
export const LESSON_BUNDLE: BundleChoice = {
	services: { settlement: 'voluntary', deposit: 'voluntary', payroll: 'voluntary', acquiring: 'voluntary', wealth: 'voluntary' },
	concessionPp: 0,
};

// ---------------------------------------------------------------------------------------------
// Pricing

/** The learner's bundle: add-ons and how each is offered, plus a rate concession on the loan. */
export interface BundleChoice {
	services: Partial<Record<AddOnService, OfferMode>>;
	/** Cut in the loan rate, percentage points (0.3 = 0.3 个百分点). */
	concessionPp: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Whether a value is an add-on service code. */
export function isAddOnService(x: unknown): x is AddOnService {
	return typeof x === 'string' && (ADD_ON_SERVICES as readonly string[]).includes(x);
}

/** Whether the client can use the service (the loan always fits). */
export function fits(profile: BundleProfile, service: BundleService): boolean {
	return service === 'loan' || profile.unfit[service] === undefined;
}

/** Largest rate concession, percentage points: pricing the loan below its funding cost is not allowed. */
export function maxConcessionPp(profile: BundleProfile): number {
	return round2((profile.loanRate - BUNDLE_PARAMS.ftp) * 100);
}

/** A concession clamped to [0, max]; junk counts as 0. */
function concessionOf(profile: BundleProfile, pp: unknown): number {
	const x = typeof pp === 'number' && Number.isFinite(pp) ? pp : 0;
	return Math.min(maxConcessionPp(profile), Math.max(0, x));
}

/**
 * Annual contribution of one service at full use, 万元 (the lesson's formulas); 0 when the client
 * cannot use it. The loan earns amount × (rate − concession − FTP).
 */
export function annualRevenue(profile: BundleProfile, service: BundleService, concessionPp = 0): number {
	if (!fits(profile, service)) return 0;
	const p = BUNDLE_PARAMS;
	switch (service) {
		case 'loan':
			return round2(profile.loanWan * (profile.loanRate - concessionOf(profile, concessionPp) / 100 - p.ftp));
		case 'settlement':
			return round2(profile.settlementFeesWan);
		case 'deposit':
			return round2(profile.depositWan * (p.depositPrice - p.corporateDepositRate));
		case 'payroll':
			return round2(profile.payrollBalanceWan * p.payrollSpread);
		case 'acquiring':
			return round2(profile.acquiringVolumeWan * p.acquiringNetFee);
		case 'wealth':
			return round2(profile.wealthWan * p.wealthFee);
		case 'insurance':
			return round2(profile.insurancePremiumWan * p.insuranceCommission);
		case 'ecommerce':
			return round2(profile.onlineSalesWan * p.ecommerceNetFee);
		case 'credit-card':
			return round2(profile.cardSpendWan * p.cardNetRate);
		case 'instalment':
			return round2(profile.instalmentWan * p.instalmentFee);
		case 'tax-utility':
			return 0; // standing orders are free to the client: their value is the data and the stickiness
	}
}

/**
 * What tying an add-on costs the client a year, 万元: a compulsory deposit is money borrowed at the loan
 * rate and parked at the deposit rate; tied insurance is its premium; a tied wealth product its fee.
 */
export function tyingCostWan(profile: BundleProfile, service: AddOnService): number {
	switch (service) {
		case 'deposit':
			return round2(profile.depositWan * (profile.loanRate - BUNDLE_PARAMS.corporateDepositRate));
		case 'insurance':
			return round2(profile.insurancePremiumWan);
		case 'wealth':
			return round2(profile.wealthWan * BUNDLE_PARAMS.wealthFee);
		default:
			return 0;
	}
}

/** Stickiness 0..100 of the services in voluntary use (documented formula; see BUNDLE_PARAMS). */
export function stickinessOf(inUse: readonly BundleService[]): { score: number; primary: boolean } {
	const set = new Set(inUse);
	const primary = set.has('settlement') && (set.has('acquiring') || set.has('payroll'));
	const p = BUNDLE_PARAMS;
	let raw = primary ? p.stickinessPrimary : 0;
	for (const s of set) raw += p.stickinessPerProduct + p.stickinessPerSwitch * SWITCHING_COST[s];
	return { score: Math.min(100, raw), primary };
}

/** Monthly chance of losing the client at this stickiness. */
export function monthlyAttrition(stickiness: number, tied: boolean): number {
	const p = BUNDLE_PARAMS;
	const s = Math.min(100, Math.max(0, stickiness));
	return p.baseMonthlyAttrition * (1 - (p.stickinessProtection * s) / 100) * (tied ? p.tyingResentment : 1);
}

/** One line of the contribution account. */
export interface BundleLine {
	service: BundleService;
	mode: OfferMode;
	fits: boolean;
	revenueWan: number;
	data: readonly DataKind[];
}

/** The steady-state account of a bundle: every chosen service in full use for a year. */
export interface BundlePlan {
	lines: BundleLine[];
	/** Annual contribution of the whole bundle, 万元. */
	revenueWan: number;
	/** Annual contribution of the loan alone at the list rate, 万元. */
	loanOnlyWan: number;
	/** Data kinds the bundle yields (fit services only), in DATA_KINDS order. */
	dataKinds: DataKind[];
	stickiness: number;
	primary: boolean;
	/** Probability the client is still with the bank after 12 months. */
	retention: number;
	tied: AddOnService[];
	unfit: AddOnService[];
	/** Yearly cost of the tied add-ons to the client, 万元. */
	tyingCostWan: number;
	/** The client's all-in borrowing cost: rate − concession + tying cost ÷ loan. */
	effectiveRate: number;
}

/** The chosen add-ons, cleaned: unknown services and modes are dropped. */
function chosen(choice: BundleChoice | null | undefined): [AddOnService, OfferMode][] {
	const services = choice && typeof choice === 'object' && typeof choice.services === 'object' && choice.services !== null ? choice.services : {};
	return ADD_ON_SERVICES.filter((s) => Object.hasOwn(services, s) && (OFFER_MODES as readonly string[]).includes(String(services[s]))).map((s) => [
		s,
		services[s] as OfferMode,
	]);
}

function dataOf(services: readonly BundleService[]): DataKind[] {
	const set = new Set(services.flatMap((s) => SERVICE_DATA[s]));
	return DATA_KINDS.filter((k) => set.has(k));
}

/** Price a bundle for a profile: lines, totals, data, stickiness, retention, tying cost. */
export function evaluateBundle(profile: BundleProfile, choice: BundleChoice): BundlePlan {
	const concession = concessionOf(profile, choice?.concessionPp);
	const picks = chosen(choice);
	const lines: BundleLine[] = [
		{ service: 'loan', mode: 'voluntary', fits: true, revenueWan: annualRevenue(profile, 'loan', concession), data: SERVICE_DATA.loan },
		...picks.map(([s, mode]) => ({ service: s, mode, fits: fits(profile, s), revenueWan: annualRevenue(profile, s), data: fits(profile, s) ? SERVICE_DATA[s] : [] })),
	];
	const tied = picks.filter(([, m]) => m === 'tied').map(([s]) => s);
	const unfit = picks.filter(([s]) => !fits(profile, s)).map(([s]) => s);
	const inUse = lines.filter((l) => l.fits && l.mode === 'voluntary').map((l) => l.service);
	const { score, primary } = stickinessOf(inUse);
	const tyingCost = round2(tied.reduce((sum, s) => sum + tyingCostWan(profile, s), 0));
	return {
		lines,
		revenueWan: round2(lines.reduce((sum, l) => sum + l.revenueWan, 0)),
		loanOnlyWan: annualRevenue(profile, 'loan'),
		dataKinds: dataOf(lines.filter((l) => l.fits).map((l) => l.service)),
		stickiness: score,
		primary,
		retention: round4((1 - monthlyAttrition(score, tied.length > 0)) ** 12),
		tied,
		unfit,
		tyingCostWan: tyingCost,
		effectiveRate: round4(profile.loanRate - concession / 100 + tyingCost / profile.loanWan),
	};
}

/** The best-fit bundle: every add-on the client can use, all offered voluntarily. */
export function bestFitChoice(profile: BundleProfile, concessionPp = 0): BundleChoice {
	return {
		services: Object.fromEntries(ADD_ON_SERVICES.filter((s) => fits(profile, s)).map((s) => [s, 'voluntary'])),
		concessionPp,
	};
}

// ---------------------------------------------------------------------------------------------
// The first year, month by month

/** One simulated month. */
export interface BundleMonth {
	month: number;
	/** Contribution earned this month by service, 万元. */
	revenueWan: Record<BundleService, number>;
	totalWan: number;
	/** Data kinds effective by the end of the month. */
	dataCovered: number;
	stickiness: number;
	/** Probability the client is still with the bank at the end of the month. */
	retention: number;
}

/** The first year of a bundle. */
export interface BundleYear {
	months: BundleMonth[];
	/** Month each service started (null = not taken up in the year). */
	start: Record<BundleService, number | null>;
	totalWan: number;
}

/**
 * Simulate the first 12 months: the loan starts in month 1; a tied add-on is signed in month 1 (the
 * client has no choice); a voluntary add-on the client can use is taken up with ADOPTION_PROBABILITY in
 * a month drawn from 1–4 (one child stream per service, so the same service starts in the same month in
 * every bundle of a seed); a service the client cannot use never starts. Volume-driven services follow
 * the profile's season with ±5% noise. Data count once a service has run `dataMonths` months (the loan
 * at once); stickiness counts voluntary services in use; retention compounds the monthly attrition.
 */
export function simulateBundleYear(profile: BundleProfile, choice: BundleChoice, seed: string): BundleYear {
	const plan = evaluateBundle(profile, choice);
	const root = createRng(`bundle/${seed}/${profile.id}`);
	const start = Object.fromEntries(BUNDLE_SERVICES.map((s) => [s, null])) as Record<BundleService, number | null>;
	start.loan = 1;
	for (const line of plan.lines) {
		if (line.service === 'loan' || !line.fits) continue;
		const rng = root.fork(line.service);
		const adopt = rng.bool(ADOPTION_PROBABILITY[line.service]);
		const month = rng.int(1, 4);
		start[line.service] = line.mode === 'tied' ? 1 : adopt ? month : null;
	}
	const seasonal = new Set<BundleService>(['settlement', 'acquiring', 'ecommerce', 'credit-card', 'instalment']);
	// One noise stream per service, so a service earns the same in every bundle of a seed.
	const jitter = Object.fromEntries(
		BUNDLE_SERVICES.map((s) => {
			const rng = root.fork(`noise/${s}`);
			return [s, Array.from({ length: 12 }, () => 1 + Math.max(-0.1, Math.min(0.1, rng.normal(0, 0.05))))];
		}),
	) as Record<BundleService, number[]>;
	const months: BundleMonth[] = [];
	let retention = 1;
	const tied = plan.tied.length > 0;
	for (let m = 1; m <= 12; m++) {
		const revenueWan = Object.fromEntries(BUNDLE_SERVICES.map((s) => [s, 0])) as Record<BundleService, number>;
		const covered = new Set<DataKind>();
		const inUse: BundleService[] = [];
		for (const line of plan.lines) {
			const s = line.service;
			const from = start[s];
			if (from === null || m < from) continue;
			const factor = seasonal.has(s) ? (profile.season[m - 1] ?? 1) * (jitter[s][m - 1] ?? 1) : 1;
			revenueWan[s] = round4((line.revenueWan / 12) * factor);
			const runMonths = m - from + 1;
			if (runMonths >= (s === 'loan' ? 1 : BUNDLE_PARAMS.dataMonths)) for (const k of line.data) covered.add(k);
			if (line.mode === 'voluntary') inUse.push(s);
		}
		const { score } = stickinessOf(inUse);
		retention *= 1 - monthlyAttrition(score, tied);
		const totalWan = round4(Object.values(revenueWan).reduce((a, b) => a + b, 0));
		months.push({ month: m, revenueWan, totalWan, dataCovered: covered.size, stickiness: score, retention: round4(retention) });
	}
	return { months, start, totalWan: round2(months.reduce((a, x) => a + x.totalWan, 0)) };
}

// ---------------------------------------------------------------------------------------------
// Validation of the concession field

/** Why a concession entry was refused. */
export type ConcessionError = 'empty' | 'not-a-number' | 'negative' | 'too-high' | 'too-precise';

/** Parse the learner's concession (percentage points, up to two decimals, 0..max). */
export function parseConcession(raw: string, profile: BundleProfile): { ok: true; value: number } | { ok: false; error: ConcessionError; maxPp: number } {
	const maxPp = maxConcessionPp(profile);
	const s = String(raw ?? '').trim();
	if (s === '') return { ok: false, error: 'empty', maxPp };
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return { ok: false, error: 'not-a-number', maxPp };
	const value = Number(s);
	if (value < 0) return { ok: false, error: 'negative', maxPp };
	if (value > maxPp) return { ok: false, error: 'too-high', maxPp };
	if (!/^[+-]?\d*\.?\d{0,2}$/.test(s)) return { ok: false, error: 'too-precise', maxPp };
	return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** Points per dimension. */
export interface BundleWeights {
	revenue: number;
	data: number;
	stickiness: number;
	fit: number;
	compliance: number;
}

export const DEFAULT_BUNDLE_WEIGHTS: BundleWeights = { revenue: 30, data: 25, stickiness: 20, fit: 10, compliance: 15 };

/** Dimension ids (i18n `dimension.<id>`). */
export const BUNDLE_DIMENSIONS = {
	revenue: 'bundle-revenue',
	data: 'bundle-data',
	stickiness: 'bundle-stickiness',
	fit: 'bundle-fit',
	compliance: 'bundle-compliance',
} as const;

/**
 * Lesson topics of the findings. They point at the nearest existing topics; once topics for m5/01 and
 * m5/02 exist (see the simulation's hand-over note) only this map changes.
 */
export const BUNDLE_TOPICS: Readonly<Record<'contribution' | 'fit' | 'tying' | 'data' | 'stickiness', Topic>> = {
	contribution: 'customer-contribution',
	fit: 'integrated-services',
	tying: 'no-tying',
	data: 'cross-data',
	stickiness: 'integrated-services',
};

/** Points taken off the fit dimension for each service the client cannot use. */
export const UNFIT_PENALTY_SHARE = 0.5;
/** Share of the revenue dimension lost when the concession costs more than the bundle adds. */
export const CONCESSION_PENALTY_SHARE = 0.2;

function weightOr(x: unknown, fallback: number): number {
	return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback;
}

/** Merge partial weights into the defaults (invalid values keep the default). */
export function bundleWeights(over?: Partial<BundleWeights> | null): BundleWeights {
	const o = (typeof over === 'object' && over !== null ? over : {}) as Record<string, unknown>;
	const d = DEFAULT_BUNDLE_WEIGHTS;
	return {
		revenue: weightOr(o['revenue'], d.revenue),
		data: weightOr(o['data'], d.data),
		stickiness: weightOr(o['stickiness'], d.stickiness),
		fit: weightOr(o['fit'], d.fit),
		compliance: weightOr(o['compliance'], d.compliance),
	};
}

const ratio = (a: number, b: number) => (b > 0 ? Math.min(1, Math.max(0, a / b)) : 1);

/**
 * Score a bundle against the best-fit bundle at the same concession:
 *   revenue    = weight × (bundle contribution ÷ best-fit contribution), less 20% when the concession
 *                leaves less than the loan alone earned at list price;
 *   data       = weight × (data kinds ÷ the best-fit bundle's data kinds);
 *   stickiness = weight × (stickiness ÷ best-fit stickiness);
 *   fit        = weight × (1 − 0.5 × services the client cannot use), floored at 0;
 *   compliance = weight if nothing is tied to the loan, else 0.
 */
export function scoreBundle(profile: BundleProfile, choice: BundleChoice, weights?: Partial<BundleWeights> | null): Feedback {
	const w = bundleWeights(weights);
	const plan = evaluateBundle(profile, choice);
	const concession = concessionOf(profile, choice?.concessionPp);
	const best = evaluateBundle(profile, bestFitChoice(profile, concession));
	const bestList = evaluateBundle(profile, bestFitChoice(profile, 0));
	const findings: Finding[] = [];
	const T = BUNDLE_TOPICS;
	const D = BUNDLE_DIMENSIONS;
	const add = (code: string, severity: Finding['severity'], dimension: string, topic: Topic, data: FindingData) =>
		findings.push({ code: `bundle.${code}`, severity, dimension, topic, data });
	const picks = new Map(chosen(choice));
	const voluntaryFit = [...picks].filter(([s, m]) => m === 'voluntary' && fits(profile, s)).length;

	// Contribution.
	const extra = round2(plan.revenueWan - plan.loanOnlyWan);
	add('contribution', 'info', D.revenue, T.contribution, {
		revenueWan: plan.revenueWan,
		loanOnlyWan: plan.loanOnlyWan,
		extraWan: extra,
		extraShare: plan.loanOnlyWan > 0 ? round4(extra / plan.loanOnlyWan) : 0,
	});
	if (picks.size === 0) add('loan-only', 'major', D.revenue, T.contribution, { revenueWan: plan.revenueWan, bestWan: best.revenueWan });
	const missed = ADD_ON_SERVICES.filter((s) => fits(profile, s) && !picks.has(s));
	const have = new Set(plan.dataKinds);
	for (const s of missed) {
		add(annualRevenue(profile, s) > 0 ? 'missed' : 'missed-free', 'minor', D.revenue, T.contribution, {
			bundleService: s,
			revenueWan: annualRevenue(profile, s),
			newKinds: SERVICE_DATA[s].filter((k) => !have.has(k)).length,
			switchCost: SWITCHING_COST[s],
		});
	}
	if (missed.length === 0 && plan.unfit.length === 0) add('best-match', 'good', D.revenue, T.contribution, { revenueWan: plan.revenueWan, bestWan: best.revenueWan });
	let revenueScore = w.revenue * ratio(plan.revenueWan, best.revenueWan);
	if (concession > 0) {
		const cost = round2((profile.loanWan * concession) / 100);
		const data = { concessionPp: concession, costWan: cost, revenueWan: plan.revenueWan, loanOnlyWan: plan.loanOnlyWan, bestListWan: bestList.revenueWan };
		if (plan.revenueWan < plan.loanOnlyWan) {
			add('concession-too-deep', 'minor', D.revenue, T.contribution, data);
			revenueScore -= w.revenue * CONCESSION_PENALTY_SHARE;
		} else add('concession-covered', 'good', D.revenue, T.contribution, data);
	}

	// Data.
	const sme = plan.dataKinds.filter((k) => k.startsWith('sme-')).length;
	add(plan.dataKinds.length >= best.dataKinds.length ? 'data-full' : 'data-partial', plan.dataKinds.length >= best.dataKinds.length ? 'good' : 'minor', D.data, T.data, {
		covered: plan.dataKinds.length,
		bestCovered: best.dataKinds.length,
		total: DATA_KINDS.length,
		sme,
		personal: plan.dataKinds.length - sme,
	});

	// Stickiness.
	add('stickiness', 'info', D.stickiness, T.stickiness, {
		stickiness: plan.stickiness,
		bestStickiness: best.stickiness,
		retention: plan.retention,
		bestRetention: best.retention,
		loanOnlyRetention: evaluateBundle(profile, { services: {}, concessionPp: 0 }).retention,
	});
	if (plan.primary) add('primary-account', 'good', D.stickiness, T.stickiness, { stickiness: plan.stickiness });
	else if (best.primary) add('no-primary', 'minor', D.stickiness, T.stickiness, { stickiness: plan.stickiness, bestStickiness: best.stickiness });

	// Fit.
	for (const s of plan.unfit) {
		add('unfit', 'major', D.fit, T.fit, {
			bundleService: s,
			reason: profile.unfit[s] as UnfitReason,
			employees: profile.employees,
			topCustomerShare: profile.topCustomerShare,
		});
	}
	if (plan.unfit.length === 0 && picks.size > 0) add('all-fit', 'good', D.fit, T.fit, { count: picks.size });

	// Compliance.
	for (const s of plan.tied) {
		const cost = tyingCostWan(profile, s);
		if (cost > 0)
			add('tying', 'critical', D.compliance, T.tying, {
				bundleService: s,
				extraCostWan: cost,
				rate: round4(profile.loanRate - concession / 100),
				effectiveRate: plan.effectiveRate,
				loanWan: profile.loanWan,
			});
		else add('tying-condition', 'critical', D.compliance, T.tying, { bundleService: s });
	}
	if (plan.tied.length === 0 && picks.size > 0) add('no-tying', 'good', D.compliance, T.tying, { count: voluntaryFit });

	return makeFeedback('bundle', [
		{ id: D.revenue, score: revenueScore, max: w.revenue },
		{ id: D.data, score: w.data * ratio(plan.dataKinds.length, best.dataKinds.length), max: w.data },
		{ id: D.stickiness, score: w.stickiness * ratio(plan.stickiness, best.stickiness), max: w.stickiness },
		{ id: D.fit, score: w.fit * Math.max(0, 1 - UNFIT_PENALTY_SHARE * plan.unfit.length), max: w.fit },
		{ id: D.compliance, score: plan.tied.length === 0 ? w.compliance : 0, max: w.compliance },
	], findings);
}

/** A profile by id, falling back to the lesson's wholesaler for unknown ids. */
export function bundleProfile(id: unknown): BundleProfile {
	return (BUNDLE_PROFILE_IDS as readonly unknown[]).includes(id) ? BUNDLE_PROFILES[id as BundleProfileId] : BUNDLE_PROFILES.wholesaler;
}
