/**
 * The SME client model shared by the generator, the golden cases, the rules and the scoring module.
 *
 * Units: money in 万元 (10,000 CNY) unless a name says otherwise; rates and margins as fractions
 * (0.1 = 10%); periods in days (360-day year) or months as named; headcount in people.
 * Text fields (`name`, `trade`, `owner.notes`) are mock data in Chinese, not UI strings: the UI
 * translates codes, never these.
 */

/** The 16 industry rows of the MIIT 2011 SME size standard (工信部联企业〔2011〕300号). */
export const INDUSTRIES = [
	'agriculture',
	'industry',
	'construction',
	'wholesale',
	'retail',
	'transport',
	'warehousing',
	'postal',
	'accommodation',
	'catering',
	'information-transmission',
	'software-it',
	'real-estate-development',
	'property-management',
	'leasing-business-services',
	'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Enterprise size class under the MIIT 2011 standard. */
export type SizeClass = 'large' | 'medium' | 'small' | 'micro';

/** Legal form of the borrower. Individual businesses (个体工商户) are segmented on their own. */
export const LEGAL_FORMS = [
	'individual-business',
	'limited-company',
	'sole-proprietorship',
	'partnership',
	'farmer-cooperative',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Size segment the learner assigns (syllabus 4.四.1): 小企业 / 微型企业 / 个体工商户 / 不属于小微. */
export const SIZE_SEGMENTS = ['small', 'micro', 'individual', 'out-of-scope'] as const;
export type SizeSegment = (typeof SIZE_SEGMENTS)[number];

/** Risk-tolerance tier (syllabus 4.四.2): 高 / 一定（有经验）/ 一定（无经验）/ 低. */
export const RISK_TIERS = ['high', 'moderate-experienced', 'moderate-inexperienced', 'low'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/** Industry track for product matching (syllabus 5.三.1.2): 批发零售 / 民生服务 / 生产加工 / other. */
export const INDUSTRY_TRACKS = ['trade', 'services', 'manufacturing', 'other'] as const;
export type IndustryTrack = (typeof INDUSTRY_TRACKS)[number];

export const STATEMENT_QUALITIES = ['audited', 'tax-filed', 'none'] as const;
export type StatementQuality = (typeof STATEMENT_QUALITIES)[number];

export const COLLATERAL_KINDS = [
	'residential-property',
	'commercial-property',
	'industrial-property',
	'equipment',
	'vehicle',
	'receivables',
	'inventory',
	'warehouse-receipt',
	'intellectual-property',
	'deposit',
	'land-use-rights',
] as const;
export type CollateralKind = (typeof COLLATERAL_KINDS)[number];

export interface Collateral {
	kind: CollateralKind;
	/** Appraised value, 万元. */
	valueWan: number;
}

export const GUARANTOR_KINDS = ['none', 'individual', 'company', 'government-guarantee'] as const;
export type GuarantorKind = (typeof GUARANTOR_KINDS)[number];

export const CREDIT_HISTORIES = ['clean', 'minor-late', 'serious-default', 'thin-file'] as const;
export type CreditHistory = (typeof CREDIT_HISTORIES)[number];

export const LOAN_PURPOSES = [
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
] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

export const TAX_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxGrade = (typeof TAX_GRADES)[number];

/** Receivable or payable aging buckets, 万元 outstanding in each bucket. */
export interface AgingBuckets {
	d0to30: number;
	d31to60: number;
	d61to90: number;
	d91plus: number;
}

/** The owner's profile and soft information, the IPC-style 软信息. */
export interface OwnerProfile {
	age: number;
	/** Years the owner has worked in this trade. */
	yearsInTrade: number;
	/** Has the owner borrowed from a bank and repaid before (credit experience)? */
	borrowedBefore: boolean;
	maritalStatus: 'married' | 'single';
	childrenAtHome: number;
	reputation: 'good' | 'average' | 'poor';
	habits: 'prudent' | 'average' | 'risky';
	localResident: boolean;
	ownsHome: boolean;
}

/** Supply-chain ties and data the bank could use. */
export interface SupplyChain {
	/** Sells to a large, creditworthy buyer (核心企业) whose receivables could be pledged. */
	anchorBuyer: boolean;
	/** Share of sales to the top customer, fraction. */
	topCustomerShare: number;
	/** Months of settlement-account history at this bank (0 = none). */
	settlementMonthsWithBank: number;
	/** Tax data can be pulled with consent (银税互动). */
	taxDataAvailable: boolean;
	/** 纳税信用等级, or null when none (e.g. newly registered). */
	taxGrade: TaxGrade | null;
}

/** What only the scoring module may read: the answer key derived by documented rules. */
export interface ClientTruth {
	sizeClass: SizeClass;
	segment: SizeSegment;
	riskTier: RiskTier;
	/** Capital need by the 2010 working-capital formula, floored at 0, 万元. */
	capitalNeedWan: number;
	/** Annual probability of default, fraction. */
	pd: number;
}

/** One SME client (a generated one or a golden case). */
export interface Client {
	id: string;
	/** Mock business name, e.g. 「鑫达五金批发部」. */
	name: string;
	/** Mock trade description in Chinese, e.g. 「五金建材批发」. */
	trade: string;
	industry: Industry;
	track: IndustryTrack;
	legalForm: LegalForm;
	yearsInBusiness: number;
	employees: number;
	/** Last year's operating revenue, 万元. */
	revenueWan: number;
	/** Total assets, 万元. */
	assetsWan: number;
	grossMargin: number;
	netMargin: number;
	/** Expected revenue growth next year, fraction. */
	expectedGrowth: number;
	/** Last 12 months' revenue, Jan..Dec, 万元. */
	monthlyRevenueWan: number[];
	inventoryDays: number;
	receivableDays: number;
	payableDays: number;
	prepaidDays: number;
	advanceReceiptDays: number;
	arAging: AgingBuckets;
	apAging: AgingBuckets;
	/** Own funds available for working capital, 万元. */
	ownFundsWan: number;
	existingWorkingCapitalLoansWan: number;
	/** All existing bank debt (incl. working-capital loans), 万元. */
	existingDebtWan: number;
	otherFundingWan: number;
	collateral: Collateral[];
	statements: StatementQuality;
	guarantor: GuarantorKind;
	creditHistory: CreditHistory;
	owner: OwnerProfile;
	supplyChain: SupplyChain;
	green: boolean;
	rural: boolean;
	purpose: LoanPurpose;
	requestedAmountWan: number;
	requestedTermMonths: number;
	truth: ClientTruth;
}

/** A client's figures without its answer key (what a golden case file holds). */
export type ClientFacts = Omit<Client, 'truth'>;
