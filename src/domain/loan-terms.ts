/**
 * Code lists for loan decisions, shared by the golden cases, the product catalogue, the scoring
 * module and the UI. Codes only: the UI translates them (`repayment.<code>`, `guarantee.<code>`,
 * `product.<id>`, `decision.<code>`, `decisionReason.<code>`).
 */
import type { LoanPurpose } from './client';

/** Product ids of the catalogue in content/products/ (one file per id). */
export const PRODUCT_IDS = [
	'working-capital',
	'credit-loan',
	'tax-data-loan',
	'mortgage-business-loan',
	'receivables-finance',
	'order-loan',
	'gov-guarantee-loan',
	'ip-pledge-loan',
	'revolving-loan',
	'individual-business-loan',
	'agri-loan',
	'green-loan',
] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

/** Repayment methods (还款方式). */
export const REPAYMENT_METHODS = [
	/** 按月付息、到期还本 */
	'interest-monthly-bullet',
	/** 等额本息 */
	'equal-installment',
	/** 等额本金 */
	'equal-principal',
	/** 按淡旺季不等额还款 */
	'seasonal',
	/** 随借随还 */
	'revolving',
	/** 回款自偿（订单、应收账款回款直接还款） */
	'self-liquidating',
] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/** Guarantee methods (担保方式). */
export const GUARANTEE_METHODS = [
	'credit',
	'mortgage',
	'pledge',
	'personal-guarantee',
	'company-guarantee',
	'government-guarantee',
] as const;
export type GuaranteeMethod = (typeof GUARANTEE_METHODS)[number];

/** What the banker should do with an application. */
export const DECISIONS = [
	/** 授信：选产品、定五要素 */
	'lend',
	/** 不予授信 */
	'decline',
	/** 不走小微普惠渠道，转对公/中型客户流程 */
	'refer',
] as const;
export type Decision = (typeof DECISIONS)[number];

/** Why an application is declined or referred. */
export const DECISION_REASONS = [
	/** 用途不合规（房地产、证券、消费） */
	'prohibited-purpose',
	/** 征信有严重违约 */
	'serious-default',
	/** 还款来源不足 */
	'insufficient-repayment',
	/** 测算无流动资金缺口 */
	'no-financing-need',
	/** 经营不满一年，先积累流水 */
	'too-new',
	/** 不属于小微客群 */
	'out-of-scope',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

/** Loan purposes a business loan must not fund (经营贷不得流入房地产、证券市场或用于消费). */
export const PROHIBITED_PURPOSES: readonly LoanPurpose[] = [
	'real-estate-investment',
	'securities-investment',
	'consumer',
];

/** Whether a business loan may fund `purpose`. */
export function isPermittedPurpose(purpose: LoanPurpose): boolean {
	return !PROHIBITED_PURPOSES.includes(purpose);
}
