import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateClients } from '../../../src/domain/generator';
import { truthOf } from '../../../src/domain/segments';
import {
	CaseSchema,
	ClientFactsSchema,
	ClientSchema,
	ExpectedDecisionSchema,
	countSentences,
	parseCaseFile,
	parseWithFriendlyErrors,
	toClient,
} from '../../../src/schemas/case';

const CASE_010 = JSON.parse(
	readFileSync(join(import.meta.dirname, '..', '..', '..', 'content', 'cases', 'case-010.json'), 'utf8'),
) as Record<string, unknown> & { client: Record<string, unknown>; expected: Record<string, unknown> };
const clone = () => structuredClone(CASE_010);
const messageOf = (data: unknown) => {
	try {
		parseCaseFile(data, 'content/cases/case-999.json');
	} catch (e) {
		return (e as Error).message;
	}
	return '';
};

describe('ClientSchema', () => {
	test('accepts generated clients', () => {
		for (const c of generateClients('schema', 200)) expect(ClientSchema.safeParse(c).success).toBe(true);
	});

	test('rejects unknown keys and a monthly series that is not 12 long', () => {
		const [c] = generateClients('schema', 1);
		expect(ClientSchema.safeParse({ ...c, extra: 1 }).success).toBe(false);
		expect(ClientSchema.safeParse({ ...c, monthlyRevenueWan: [1, 2] }).success).toBe(false);
		expect(ClientFactsSchema.safeParse({ ...c }).success).toBe(false);
	});
});

describe('CaseSchema', () => {
	test('parses a golden case and builds its client with computed truth', () => {
		const file = CaseSchema.parse(CASE_010);
		const client = toClient('case-010', file);
		expect(client.id).toBe('case-010');
		const { truth, ...facts } = client;
		expect(truth).toEqual(truthOf(facts));
		expect(file.expected.decision).toBe('lend');
	});

	test('defaults the decision to lend', () => {
		const data = clone();
		delete data.expected['decision'];
		expect(CaseSchema.parse(data).expected.decision).toBe('lend');
	});
});

describe('parseCaseFile errors', () => {
	test('name the field, say what was expected and show what was found', () => {
		const data = clone();
		data.client['employees'] = -3;
		data.client['revenueWan'] = '1200';
		data.client['industry'] = 'mining';
		const msg = messageOf(data);
		expect(msg).toContain('content/cases/case-999.json is not valid:');
		expect(msg).toContain('- client.employees: expected people ≥ 0 (found -3)');
		expect(msg).toContain('- client.revenueWan: expected an amount in 万元, e.g. 120 (a number, not a string) (found "1200")');
		expect(msg).toMatch(/- client\.industry: .*"wholesale".* \(found "mining"\)/);
	});

	test('report a misspelt key without a found value', () => {
		const data = clone();
		data.client['employes'] = 5;
		expect(messageOf(data)).toMatch(/- client: Unrecognized key: "employes"\n?/);
	});

	test('require the five elements when lending and a reason otherwise', () => {
		const lendMissing = clone();
		delete lendMissing.expected['amountWan'];
		lendMissing.expected['reason'] = 'serious-default';
		const m1 = messageOf(lendMissing);
		expect(m1).toContain('- expected.amountWan: required when "decision" is "lend" (found nothing)');
		expect(m1).toContain('- expected.reason: only for "decline" or "refer"; remove it or change "decision"');

		const declineWithProduct = clone();
		declineWithProduct.expected['decision'] = 'decline';
		const m2 = messageOf(declineWithProduct);
		expect(m2).toContain('- expected.reason: required when "decision" is "decline"');
		expect(m2).toContain('- expected.productId: only when "decision" is "lend"; remove it');
	});

	test('check sentence counts of summary and why', () => {
		const data = clone();
		data['summary'] = '一。二。三。四。';
		data.expected['why'] = '只有一句。';
		const msg = messageOf(data);
		expect(msg).toContain('- summary: expected 1–3 sentences in Chinese, each ending in 。');
		expect(msg).toContain('- expected.why: expected 2–5 sentences in Chinese, each ending in 。');
	});

	test('shorten long found values and describe the top level', () => {
		const msg = (() => {
			try {
				parseWithFriendlyErrors(ExpectedDecisionSchema, 'x'.repeat(100), 'value');
			} catch (e) {
				return (e as Error).message;
			}
			return '';
		})();
		expect(msg).toMatch(/^value is not valid:\n- \(top level\): .*\(found "x{36}\.\.\.\)$/);
		expect(parseWithFriendlyErrors(ExpectedDecisionSchema, CASE_010.expected, 'ok').segment).toBe('small');
		expect(messageOf({ ...clone(), client: null })).toContain('(found null)');
	});
});

describe('countSentences', () => {
	test('counts sentences ending in Chinese or Western stops, and a trailing one without a stop', () => {
		expect(countSentences('一。二！三？')).toBe(3);
		expect(countSentences('一。二')).toBe(2);
		expect(countSentences('  ')).toBe(0);
		expect(countSentences('数字 1.5% 不断句。')).toBe(1);
	});
});
