/**
 * Score a learner's product choice and its five elements for one client (syllabus 3.一.1 and
 * 5.三.1; lessons m3/01-product-innovation, m5/04-trade-and-services, m5/05-manufacturing-and-policy).
 *
 * Dimensions (points = rule score in [0, 1] × weight): product-fit, amount, term, price, repayment,
 * guarantee, compliance, profitability. The rules live in ../product-rules.ts and ../compliance.ts;
 * this file only weighs them and adds the expert's choice as an `info` finding. Each dimension
 * depends on the element it is named after measured against a target derived from the client and
 * the learner's other elements, so moving an element toward its target never lowers its
 * dimension. Deterministic; never throws on learner input.
 */
import type { Client } from '../client';
import { checkProposal, type BorrowerKind, type LoanProposal } from '../compliance';
import {
	RULES,
	checkAmount,
	checkGuarantee,
	checkPrice,
	checkProductFit,
	checkProfitability,
	checkRepayment,
	checkTerm,
	expertDecision,
	profileClient,
	severityCap,
	type ClientProfile,
	type ProductDecision,
	type RuleResult,
} from '../product-rules';
import { findProduct, guaranteeFeeCap, type Catalogue, type Product } from '../products';
import { finiteOr } from '../risk';
import {
	makeFeedback,
	type DimensionScore,
	type Feedback,
	type Finding,
	type Severity,
} from './feedback';

/** Points per dimension of a product choice. */
export interface ProductWeights {
	productFit: number;
	amount: number;
	term: number;
	price: number;
	repayment: number;
	guarantee: number;
	compliance: number;
	profitability: number;
}

/** Default weights: 10 points, product fit and amount count double. */
export const DEFAULT_PRODUCT_WEIGHTS: ProductWeights = {
	productFit: 2,
	amount: 2,
	term: 1,
	price: 1,
	repayment: 1,
	guarantee: 1,
	compliance: 1,
	profitability: 1,
};

/** The loan proposal a product choice amounts to, for the compliance rules. */
export function proposalFor(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile: ClientProfile = profileClient(client),
): LoanProposal {
	const seg = profile.segment;
	const borrower: BorrowerKind =
		seg === 'individual'
			? 'individual-business'
			: seg === 'out-of-scope'
				? client.truth?.sizeClass === 'large'
					? 'large'
					: 'medium'
				: seg;
	const amount = finiteOr(decision.amountWan, 0);
	const proposal: LoanProposal = {
		borrower,
		loanUse: 'business',
		amountWan: amount,
		creditLineTotalWan: Math.max(0, finiteOr(client.existingDebtWan, 0)) + amount,
		purpose: client.purpose,
		termMonths: finiteOr(decision.termMonths, 0),
		repayment: decision.repayment,
		longCashCycle: profile.cycleMonths > RULES.wcBaseTermMonths,
		guarantee: decision.guarantee,
	};
	if (product?.channel) proposal.channel = product.channel;
	if (product?.guaranteeFee && decision.guarantee === 'government-guarantee') {
		proposal.guaranteeFeeRate = guaranteeFeeCap(product.guaranteeFee, amount);
		proposal.bankRiskShare = product.guaranteeFee.bankRiskShare;
	}
	return proposal;
}

/** Compliance of the choice: prohibited purposes, the working-capital term limit, guarantee fee caps; and whether it counts as 普惠. */
export function checkChoiceCompliance(
	client: Client,
	product: Product | undefined,
	decision: ProductDecision,
	profile: ClientProfile = profileClient(client),
): RuleResult {
	const proposal = proposalFor(client, product, decision, profile);
	const findings: Finding[] = [];
	for (const c of checkProposal(proposal)) {
		if (c.passed) continue;
		let severity: Severity = 'major';
		if (c.rule.startsWith('purpose.')) severity = 'critical';
		if (c.rule === 'working-capital.term' && proposal.termMonths > RULES.wcTermMaxMonths)
			severity = 'critical';
		findings.push({
			code: `compliance.${c.rule}`,
			severity,
			dimension: 'compliance',
			topic: c.rule.startsWith('purpose.') ? 'loan-purpose' : 'term',
			data: { rule: c.rule, source: c.source, ...c.data },
		});
	}
	if (findings.length === 0)
		findings.push({
			code: 'compliance.ok',
			severity: 'good',
			dimension: 'compliance',
			topic: 'loan-purpose',
			data: {},
		});
	const credit = finiteOr(proposal.creditLineTotalWan, 0);
	const inclusive = profile.segment !== 'out-of-scope' && credit <= RULES.inclusiveCreditCapWan;
	findings.push({
		code: inclusive ? 'compliance.counts-as-inclusive' : 'compliance.not-inclusive',
		severity: 'info',
		dimension: 'compliance',
		topic: 'inclusive-definition',
		data: {
			creditLineTotalWan: credit,
			maxWan: RULES.inclusiveCreditCapWan,
			segment: profile.segment,
		},
	});
	return { score: severityCap(findings), findings };
}

function expertFindings(client: Client, catalogue: Catalogue): Finding[] {
	const e = expertDecision(client, catalogue);
	const out: Finding[] = [];
	if (e.decision) {
		const d = e.decision;
		out.push({
			code: 'expert.choice',
			severity: 'info',
			dimension: 'product-fit',
			topic: 'five-elements',
			data: {
				productId: d.productId,
				amountWan: d.amountWan,
				termMonths: d.termMonths,
				annualRate: d.annualRate,
				repayment: d.repayment,
				guarantee: d.guarantee,
				raroc: e.raroc,
			},
		});
	} else {
		out.push({
			code: 'expert.declines',
			severity: 'info',
			dimension: 'product-fit',
			topic: 'five-elements',
			data: { decision: e.action },
		});
	}
	for (const r of e.reasons)
		out.push({
			code: r,
			severity: 'info',
			dimension: 'product-fit',
			topic: 'product-fit',
			data: { productId: e.decision?.productId ?? 'none' },
		});
	return out;
}

const weight = (w: unknown): number =>
	typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 0;

/** Score a product choice and its five elements for a client → Feedback kind 'product-choice'. */
export function scoreProductChoice(
	client: Client,
	catalogue: Catalogue,
	decision: ProductDecision,
	weights: ProductWeights = DEFAULT_PRODUCT_WEIGHTS,
): Feedback {
	const d = decision ?? ({} as ProductDecision);
	const profile = profileClient(client);
	const product = findProduct(catalogue, String(d.productId));
	const parts: [keyof ProductWeights, string, RuleResult][] = [
		['productFit', 'product-fit', checkProductFit(client, catalogue, String(d.productId), profile)],
		['amount', 'amount', checkAmount(client, product, d, profile)],
		['term', 'term', checkTerm(client, product, d, profile)],
		['price', 'price', checkPrice(client, product, d, profile)],
		['repayment', 'repayment', checkRepayment(client, product, d, profile)],
		['guarantee', 'guarantee', checkGuarantee(client, product, d, profile)],
		['compliance', 'compliance', checkChoiceCompliance(client, product, d, profile)],
		['profitability', 'profitability', checkProfitability(client, product, d, profile)],
	];
	const dimensions: DimensionScore[] = parts.map(([key, id, r]) => ({
		id,
		score: r.score * weight(weights[key]),
		max: weight(weights[key]),
	}));
	const findings = [
		...parts.flatMap(([, , r]) => r.findings),
		...expertFindings(client, catalogue),
	];
	return makeFeedback('product-choice', dimensions, findings);
}

/** Score a decision before and after changing some of its elements (the "what if" panel). */
export function whatIf(
	client: Client,
	catalogue: Catalogue,
	decision: ProductDecision,
	change: Partial<ProductDecision>,
	weights: ProductWeights = DEFAULT_PRODUCT_WEIGHTS,
): { before: Feedback; after: Feedback } {
	return {
		before: scoreProductChoice(client, catalogue, decision, weights),
		after: scoreProductChoice(client, catalogue, { ...decision, ...change }, weights),
	};
}
