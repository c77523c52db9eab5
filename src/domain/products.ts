/**
 * The loan product model: who a product is for (eligibility, target segments, industry tracks,
 * purposes) and its five elements (额度 amount, 期限 term, 定价 price, 还款方式 repayment, 担保方式
 * guarantee) — syllabus part 3.一.1 and facts §10.
 *
 * Units: amounts in 万元; terms in months; spreads in basis points over the product's base rate
 * (the 1-year LPR unless `pricing.base` says otherwise; 100 bp = 1 percentage point); ratios as
 * fractions. The catalogue is data (content/products/*.json, validated by src/schemas/product.ts)
 * and is passed into every function: the domain never reads files, so a bank can swap in its own.
 *
 * Which numbers are rules and which are conventions: the regulatory anchors are facts §10.1
 * (working-capital term ≤ 36 months, ≤ 60 at most; 银税互动 tax grades A/B/M; government guarantee
 * fee ≤ 1% up to 500万 and ≤ 1.5% above, bank keeps ≥ 20% of the risk; 中登网 registration of
 * receivables pledges). Every other figure of the shipped catalogue — amount ranges, spreads,
 * loan-to-collateral ratios — is an ILLUSTRATIVE product convention ([M]/[U] in facts §10.2).
 */
import type {
	CollateralKind,
	IndustryTrack,
	LegalForm,
	LoanPurpose,
	SizeSegment,
	TaxGrade,
} from './client';
import type { GuaranteeMethod, RepaymentMethod } from './loan-terms';
import { LPR_1Y, LPR_5Y, bpToRate, type Channel } from './rates';

/** An inclusive numeric range. */
export interface Range {
	min: number;
	max: number;
}

/** Hard entry conditions of a product (准入条件). */
export interface ProductEligibility {
	/** Size segments that may borrow. */
	segments: SizeSegment[];
	/** Legal forms that may borrow; null = any. */
	legalForms: LegalForm[] | null;
	/** Minimum years in business. */
	minYearsInBusiness: number;
	/** Needs tax-filed or audited statements. */
	statementsRequired: boolean;
	/** Accepted 纳税信用等级 (and tax data must be available); null = not a tax-data product. */
	taxGrades: TaxGrade[] | null;
	/** The client must own at least one collateral of these kinds; null = none required. */
	collateralKinds: CollateralKind[] | null;
	/** Needs a creditworthy anchor buyer (核心企业). */
	anchorBuyerRequired: boolean;
	/** Minimum months of settlement-account history at this bank (结算流水). */
	minSettlementMonths: number;
	/** Only for green projects (绿色信贷). */
	greenOnly: boolean;
	/** Only for rural / agricultural borrowers (涉农). */
	ruralOnly: boolean;
}

/** How a product is priced: a spread over an LPR. */
export interface ProductPricing {
	/** Base rate: the 1-year LPR or the 5-year-and-above LPR. */
	base: 'lpr-1y' | 'lpr-5y';
	/** Lowest spread the product allows, bp (may be negative). */
	minSpreadBp: number;
	/** Highest spread the product allows, bp. */
	maxSpreadBp: number;
}

/** Fee caps of a government-guaranteed product (facts §10.1, 国办发〔2019〕6号). */
export interface GuaranteeFeeCaps {
	/** Annual fee cap for a guarantee of ≤ 500万, fraction (0.01). */
	upTo500Wan: number;
	/** Annual fee cap above 500万, fraction (0.015). */
	above500Wan: number;
	/** Share of the risk the bank keeps, fraction (≥ 0.2). */
	bankRiskShare: number;
}

/** One loan product of the catalogue. */
export interface Product {
	/** Stable id, also the file name. */
	id: string;
	/** Chinese name shown to learners (mock product data, not a UI string). */
	name: string;
	/** One-sentence Chinese description. */
	summary: string;
	/** Segments the product is designed for (soft fit; `eligibility.segments` is the hard rule). */
	targetSegments: SizeSegment[];
	/** Industry tracks it suits (syllabus 5.三.1.2). */
	tracks: IndustryTrack[];
	/** Loan purposes it may fund. */
	purposes: LoanPurpose[];
	eligibility: ProductEligibility;
	amountWan: Range;
	termMonths: Range;
	pricing: ProductPricing;
	repaymentMethods: RepaymentMethod[];
	guaranteeMethods: GuaranteeMethod[];
	/** Max loan ÷ appraised value of the mortgaged or pledged asset; null when no collateral is taken. */
	maxLoanToCollateral: number | null;
	/** How the product is usually originated and serviced (drives the operating cost). */
	channel: Channel;
	/** Where the security is registered: 中登网, the IP office, the real-estate registry; null = none. */
	registration: 'zhongdengwang' | 'ip-office' | 'real-estate-registry' | null;
	/** Government-guarantee fee caps, for guaranteed products only. */
	guaranteeFee: GuaranteeFeeCaps | null;
	/** facts.md sections the product's rules come from, e.g. "facts-10.1". */
	sources: string[];
}

/** A product catalogue. */
export type Catalogue = readonly Product[];

/** Collateral kinds that can be mortgaged (抵押): real estate, land-use rights, equipment, vehicles. */
export const MORTGAGEABLE_KINDS: readonly CollateralKind[] = [
	'residential-property',
	'commercial-property',
	'industrial-property',
	'land-use-rights',
	'equipment',
	'vehicle',
];

/** Collateral kinds that can be pledged (质押): receivables, receipts, deposits, IP rights, inventory. */
export const PLEDGEABLE_KINDS: readonly CollateralKind[] = [
	'receivables',
	'warehouse-receipt',
	'deposit',
	'intellectual-property',
	'inventory',
];

/** Loan purposes that are working capital (the 2024 term rule applies: ≤ 36 months, ≤ 60 at most). */
export const WORKING_CAPITAL_PURPOSES: readonly LoanPurpose[] = [
	'working-capital',
	'inventory-stocking',
	'order-fulfilment',
	'agricultural-production',
];

/** Whether a purpose is working capital (as opposed to equipment / expansion / green investment). */
export function isWorkingCapitalPurpose(purpose: LoanPurpose): boolean {
	return WORKING_CAPITAL_PURPOSES.includes(purpose);
}

/** The product with `id`, or undefined. */
export function findProduct(catalogue: Catalogue, id: string): Product | undefined {
	return catalogue.find((p) => p.id === id);
}

/** The LPR a product's spreads refer to, fraction. */
export function baseRate(product: Product): number {
	return product.pricing.base === 'lpr-5y' ? LPR_5Y : LPR_1Y;
}

/** The lowest and highest annual rate the product allows, fractions. */
export function rateBounds(product: Product): Range {
	const base = baseRate(product);
	return {
		min: base + bpToRate(product.pricing.minSpreadBp),
		max: base + bpToRate(product.pricing.maxSpreadBp),
	};
}

/** The annual government-guarantee fee cap for a guarantee of `amountWan` (facts §10.1). */
export function guaranteeFeeCap(caps: GuaranteeFeeCaps, amountWan: number): number {
	return amountWan <= 500 ? caps.upTo500Wan : caps.above500Wan;
}
