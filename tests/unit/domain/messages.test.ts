/** Every code the size, risk, working-capital and segmentation modules emit has a message in both locales. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	COLLATERAL_KINDS,
	CREDIT_HISTORIES,
	GUARANTOR_KINDS,
	INDUSTRIES,
	INDUSTRY_TRACKS,
	LEGAL_FORMS,
	LOAN_PURPOSES,
	RISK_TIERS,
	SIZE_SEGMENTS,
	STATEMENT_QUALITIES,
} from '../../../src/domain/client';
import { generateClients } from '../../../src/domain/generator';
import { DECISIONS, DECISION_REASONS, GUARANTEE_METHODS, REPAYMENT_METHODS } from '../../../src/domain/loan-terms';
import { explainRiskTier, explainSizeSegment } from '../../../src/domain/segments';
import { scoreSegmentation } from '../../../src/domain/scoring/segmentation';
import { workingCapitalNeed, type WorkingCapitalInput } from '../../../src/domain/working-capital';
import { facts } from './client-fixture';

const load = (lang: string) =>
	JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', `domain-a.${lang}.json`), 'utf8')) as Record<
		string,
		string
	>;
const zh = load('zh-CN');
const en = load('en');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string);

/** Placeholders a UI fills from a code field: `xName` is the translation of field `x`. */
function fillable(data: Record<string, unknown>, name: string): boolean {
	if (name in data) return true;
	const base = name.replace(/Name$/, '');
	if (base === 'unit') return 'indicator' in data;
	if (base === 'field') return 'field' in data;
	return name.endsWith('Name') && base in data;
}

function expectMessage(key: string, data: Record<string, unknown> = {}): void {
	for (const dict of [zh, en]) {
		expect(dict[key], key).toBeTypeOf('string');
		for (const p of placeholders(dict[key] as string)) expect(fillable(data, p), `${key}: {{${p}}}`).toBe(true);
	}
}

describe('domain-a messages', () => {
	test('name every code of the client model and the loan terms', () => {
		const lists: [string, readonly string[]][] = [
			['industry', INDUSTRIES],
			['legalForm', LEGAL_FORMS],
			['segment', SIZE_SEGMENTS],
			['riskTier', RISK_TIERS],
			['track', INDUSTRY_TRACKS],
			['statements', STATEMENT_QUALITIES],
			['collateral', COLLATERAL_KINDS],
			['guarantor', GUARANTOR_KINDS],
			['creditHistory', CREDIT_HISTORIES],
			['purpose', LOAN_PURPOSES],
			['repayment', REPAYMENT_METHODS],
			['guarantee', GUARANTEE_METHODS],
			['decision', DECISIONS],
			['decisionReason', DECISION_REASONS],
			['sizeClass', ['large', 'medium', 'small', 'micro']],
			['indicator', ['employees', 'revenue', 'assets']],
			['unit', ['employees', 'revenue', 'assets']],
			['dimension', ['size-segment', 'risk-tier']],
		];
		for (const [prefix, codes] of lists) for (const code of codes) expectMessage(`${prefix}.${code}`);
	});

	test('explain every size and risk reason with fields the reason carries', () => {
		const seen = new Set<string>();
		const clients = [
			...generateClients('messages', 3000),
			{ ...facts({ statements: 'none', collateral: [{ kind: 'deposit', valueWan: 500 }] }) },
		];
		for (const c of clients) {
			for (const r of [...explainSizeSegment(c).reasons, ...explainRiskTier(c).reasons]) {
				seen.add(r.code);
				expectMessage(`reason.${r.code}`, r as unknown as Record<string, unknown>);
			}
		}
		expect(seen.size).toBe(23);
	});

	test('explain every working-capital error', () => {
		const ok: WorkingCapitalInput = {
			lastYearRevenueWan: 100,
			lastYearProfitMargin: 0.1,
			expectedGrowth: 0,
			inventoryDays: 30,
			receivableDays: 30,
			payableDays: 10,
			prepaidDays: 0,
			advanceReceiptDays: 0,
			ownFundsWan: 0,
			existingWorkingCapitalLoansWan: 0,
			otherFundingWan: 0,
		};
		const inputs: WorkingCapitalInput[] = [
			{ ...ok, lastYearRevenueWan: Number.NaN, inventoryDays: -1, lastYearProfitMargin: 2, expectedGrowth: -2 },
			{ ...ok, payableDays: 100 },
			{ ...ok, lastYearRevenueWan: Number.MAX_VALUE, lastYearProfitMargin: -Number.MAX_VALUE },
		];
		const codes = new Set<string>();
		for (const input of inputs) {
			const r = workingCapitalNeed(input);
			if (r.ok) throw new Error('expected errors');
			for (const e of r.errors) {
				codes.add(e.code);
				expectMessage(`wcError.${e.code}`, e as unknown as Record<string, unknown>);
				expectMessage(`wcField.${e.field}`);
			}
		}
		expect(codes.size).toBe(6);
		for (const field of Object.keys(ok)) expectMessage(`wcField.${field}`);
	});

	test('explain every segmentation finding', () => {
		const cs = generateClients('findings', 3);
		const [a, b, c] = cs.map((x) => x.id) as [string, string, string];
		const fb = scoreSegmentation(
			{
				[a]: { segment: cs[0]?.truth.segment, riskTier: cs[0]?.truth.riskTier },
				[b]: { segment: 'nonsense' as never, riskTier: cs[0]?.truth.riskTier === 'low' ? 'high' : 'low' },
				ghost: {},
			},
			cs,
		);
		const codes = new Set<string>();
		for (const f of fb.findings) {
			codes.add(f.code);
			expectMessage(`finding.${f.code}`, f.data);
		}
		expect(c).toBeDefined();
		expect([...codes].sort()).toEqual(
			[
				'segmentation.invalid-answer',
				'segmentation.risk-correct',
				'segmentation.size-correct',
				'segmentation.unanswered',
				'segmentation.unknown-client',
				cs[1]?.truth.riskTier === (cs[0]?.truth.riskTier === 'low' ? 'high' : 'low') ? 'segmentation.risk-correct' : 'segmentation.risk-wrong',
			]
				.filter((x, i, arr) => arr.indexOf(x) === i)
				.sort(),
		);
		const wrong = scoreSegmentation({ [a]: { segment: cs[0]?.truth.segment === 'small' ? 'micro' : 'small' } }, cs).findings[0];
		expect(wrong?.code).toBe('segmentation.size-wrong');
		expectMessage('finding.segmentation.size-wrong', wrong?.data ?? {});
	});
});
