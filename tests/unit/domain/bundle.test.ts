import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	ADD_ON_SERVICES,
	ADOPTION_PROBABILITY,
	BUNDLE_PARAMS,
	BUNDLE_PROFILE_IDS,
	BUNDLE_PROFILES,
	BUNDLE_SERVICES,
	DATA_KINDS,
	DEFAULT_BUNDLE_WEIGHTS,
	LESSON_BUNDLE,
	OFFER_MODES,
	PERSONAL_DATA_KINDS,
	SERVICE_DATA,
	SME_DATA_KINDS,
	SWITCHING_COST,
	UNFIT_REASONS,
	annualRevenue,
	bestFitChoice,
	bundleProfile,
	bundleWeights,
	evaluateBundle,
	fits,
	isAddOnService,
	maxConcessionPp,
	monthlyAttrition,
	parseConcession,
	scoreBundle,
	simulateBundleYear,
	stickinessOf,
	tyingCostWan,
	type BundleChoice,
} from '../../../src/domain/bundle';
import type { Feedback } from '../../../src/domain/scoring/feedback';

const { wholesaler, restaurant, stall, manufacturer } = BUNDLE_PROFILES;
const none: BundleChoice = { services: {}, concessionPp: 0 };
const codes = (fb: Feedback) => fb.findings.map((f) => f.code);
const dim = (fb: Feedback, id: string) => fb.dimensions.find((d) => d.id === id)?.score;

describe('the lesson’s worked example (m5/01 「算一笔客户综合贡献账」)', () => {
	test('the loan alone earns 5.70 万元 and the lesson’s bundle 8.44 万元', () => {
		const plan = evaluateBundle(wholesaler, LESSON_BUNDLE);
		expect(plan.loanOnlyWan).toBe(5.7);
		expect(plan.revenueWan).toBe(8.44);
		expect(plan.lines.map((l) => [l.service, l.revenueWan])).toEqual([
			['loan', 5.7],
			['settlement', 0.2],
			['deposit', 1.44],
			['payroll', 0.3],
			['acquiring', 0.4],
			['wealth', 0.4],
		]);
	});

	test('the bundle adds 2.74 万元, about 48% of the loan income', () => {
		const fb = scoreBundle(wholesaler, LESSON_BUNDLE);
		const c = fb.findings.find((f) => f.code === 'bundle.contribution');
		expect(c?.data).toEqual({ revenueWan: 8.44, loanOnlyWan: 5.7, extraWan: 2.74, extraShare: 0.4807 });
	});

	test('a 0.3-point concession costs 0.9 万元 and leaves 7.54 万元', () => {
		const plan = evaluateBundle(wholesaler, { ...LESSON_BUNDLE, concessionPp: 0.3 });
		expect(plan.lines[0]?.revenueWan).toBe(4.8);
		expect(plan.revenueWan).toBe(7.54);
		expect(plan.effectiveRate).toBe(0.039);
		const fb = scoreBundle(wholesaler, { ...LESSON_BUNDLE, concessionPp: 0.3 });
		expect(fb.findings.find((f) => f.code === 'bundle.concession-covered')?.data).toMatchObject({ concessionPp: 0.3, costWan: 0.9, revenueWan: 7.54, loanOnlyWan: 5.7 });
	});

	test('the pricing parameters are the lesson’s', () => {
		expect(BUNDLE_PARAMS).toMatchObject({ ftp: 0.023, depositPrice: 0.02, corporateDepositRate: 0.002, payrollSpread: 0.015, acquiringNetFee: 0.0008, wealthFee: 0.004 });
	});
});

describe('services and data kinds', () => {
	test('list eleven services, ten add-ons and the two groups of seven data kinds', () => {
		expect(BUNDLE_SERVICES).toHaveLength(11);
		expect(ADD_ON_SERVICES).toHaveLength(10);
		expect(ADD_ON_SERVICES).not.toContain('loan');
		expect(SME_DATA_KINDS).toHaveLength(7);
		expect(PERSONAL_DATA_KINDS).toHaveLength(7);
		expect(DATA_KINDS).toHaveLength(14);
	});

	test('every service feeds known data kinds and every kind has a source', () => {
		const fed = new Set(Object.values(SERVICE_DATA).flat());
		for (const k of Object.values(SERVICE_DATA).flat()) expect(DATA_KINDS).toContain(k);
		expect([...fed].sort()).toEqual([...DATA_KINDS].sort());
		for (const s of BUNDLE_SERVICES) expect(SWITCHING_COST[s]).toBeGreaterThan(0);
		for (const s of ADD_ON_SERVICES) expect(ADOPTION_PROBABILITY[s]).toBeGreaterThan(0);
	});

	test('isAddOnService accepts add-on codes only', () => {
		expect(isAddOnService('payroll')).toBe(true);
		expect(isAddOnService('loan')).toBe(false);
		expect(isAddOnService(3)).toBe(false);
	});
});

describe('profiles and fit', () => {
	test('the stall cannot use payroll, wealth, online sales or instalments; the plant cannot use acquiring', () => {
		expect(fits(stall, 'payroll')).toBe(false);
		expect(stall.unfit.payroll).toBe('bundle-no-employees');
		expect(fits(manufacturer, 'acquiring')).toBe(false);
		expect(manufacturer.unfit.acquiring).toBe('bundle-b2b-sales');
		expect(fits(wholesaler, 'loan')).toBe(true);
		for (const p of Object.values(BUNDLE_PROFILES)) for (const r of Object.values(p.unfit)) expect(UNFIT_REASONS).toContain(r);
	});

	test('every unfit service has zero volume and earns nothing', () => {
		for (const p of Object.values(BUNDLE_PROFILES)) {
			for (const s of ADD_ON_SERVICES) if (!fits(p, s)) expect(annualRevenue(p, s)).toBe(0);
			expect(p.season).toHaveLength(12);
		}
	});

	test('prices every service with its formula', () => {
		expect(annualRevenue(restaurant, 'loan')).toBe(1.25);
		expect(annualRevenue(restaurant, 'ecommerce')).toBe(0.06);
		expect(annualRevenue(wholesaler, 'insurance')).toBe(0.2);
		expect(annualRevenue(wholesaler, 'credit-card')).toBe(0.09);
		expect(annualRevenue(manufacturer, 'instalment')).toBe(0.6);
		expect(annualRevenue(manufacturer, 'tax-utility')).toBe(0);
	});

	test('bundleProfile falls back to the lesson’s wholesaler', () => {
		expect(bundleProfile('stall')).toBe(stall);
		expect(bundleProfile('nope')).toBe(wholesaler);
		expect(BUNDLE_PROFILE_IDS).toEqual(['wholesaler', 'restaurant', 'stall', 'manufacturer']);
	});

	test('the concession is capped at the loan’s margin over FTP and junk counts as none', () => {
		expect(maxConcessionPp(wholesaler)).toBe(1.9);
		expect(annualRevenue(wholesaler, 'loan', 5)).toBe(0);
		expect(annualRevenue(wholesaler, 'loan', -1)).toBe(5.7);
		expect(annualRevenue(wholesaler, 'loan', Number.NaN)).toBe(5.7);
		expect(evaluateBundle(wholesaler, { services: {}, concessionPp: 'x' as never }).revenueWan).toBe(5.7);
	});
});

describe('tying, stickiness and retention', () => {
	test('a compulsory deposit costs the client the loan rate on the parked money', () => {
		expect(tyingCostWan(wholesaler, 'deposit')).toBe(3.2);
		expect(tyingCostWan(wholesaler, 'insurance')).toBe(2);
		expect(tyingCostWan(wholesaler, 'wealth')).toBe(0.4);
		expect(tyingCostWan(wholesaler, 'payroll')).toBe(0);
	});

	test('stickiness counts products, switching costs and the primary-bank bonus, capped at 100', () => {
		expect(stickinessOf([])).toEqual({ score: 0, primary: false });
		expect(stickinessOf(['loan'])).toEqual({ score: 7, primary: false });
		expect(stickinessOf(['loan', 'settlement', 'payroll'])).toEqual({ score: 4 * 3 + 3 * 6 + 15, primary: true });
		expect(stickinessOf(['settlement', 'acquiring']).primary).toBe(true);
		expect(stickinessOf([...BUNDLE_SERVICES]).score).toBe(100);
	});

	test('attrition falls with stickiness, rises with tying and clamps the score', () => {
		expect(monthlyAttrition(0, false)).toBeCloseTo(0.03);
		expect(monthlyAttrition(100, false)).toBeCloseTo(0.0045);
		expect(monthlyAttrition(100, true)).toBeCloseTo(0.00675);
		expect(monthlyAttrition(-5, false)).toBe(monthlyAttrition(0, false));
		expect(monthlyAttrition(500, false)).toBe(monthlyAttrition(100, false));
	});

	test('tied add-ons do not count towards stickiness and raise the client’s all-in rate', () => {
		const plan = evaluateBundle(wholesaler, { services: { deposit: 'tied', insurance: 'tied', settlement: 'voluntary' }, concessionPp: 0 });
		expect(plan.tied).toEqual(['deposit', 'insurance']);
		expect(plan.stickiness).toBe(stickinessOf(['loan', 'settlement']).score);
		expect(plan.tyingCostWan).toBe(5.2);
		expect(plan.effectiveRate).toBeCloseTo(0.042 + 5.2 / 300, 4);
		expect(plan.retention).toBeLessThan(evaluateBundle(wholesaler, { services: { settlement: 'voluntary' }, concessionPp: 0 }).retention);
	});

	test('the best-fit bundle beats the loan alone on every measure', () => {
		for (const p of Object.values(BUNDLE_PROFILES)) {
			const best = evaluateBundle(p, bestFitChoice(p));
			const loan = evaluateBundle(p, none);
			expect(best.revenueWan).toBeGreaterThan(loan.revenueWan);
			expect(best.dataKinds.length).toBe(14);
			expect(loan.dataKinds).toHaveLength(5);
			expect(best.stickiness).toBeGreaterThan(loan.stickiness);
			expect(best.retention).toBeGreaterThan(loan.retention);
			expect(best.primary).toBe(true);
			expect(best.unfit).toEqual([]);
		}
		expect(evaluateBundle(wholesaler, bestFitChoice(wholesaler)).revenueWan).toBe(8.73);
		expect(bestFitChoice(stall).services).toEqual({ settlement: 'voluntary', deposit: 'voluntary', acquiring: 'voluntary', insurance: 'voluntary', 'credit-card': 'voluntary', 'tax-utility': 'voluntary' });
	});

	test('junk choices are cleaned, not trusted', () => {
		for (const junk of [null, undefined, { services: null }, { services: { payroll: 'maybe', nonsense: 'voluntary' } }]) {
			const plan = evaluateBundle(wholesaler, junk as never);
			expect(plan.lines.map((l) => l.service)).toEqual(['loan']);
			expect(plan.revenueWan).toBe(5.7);
		}
		expect(OFFER_MODES).toEqual(['voluntary', 'tied']);
	});
});

describe('simulateBundleYear', () => {
	test('is deterministic per seed and starts the loan and tied add-ons in month 1', () => {
		const choice: BundleChoice = { services: { insurance: 'tied', settlement: 'voluntary', payroll: 'voluntary', ecommerce: 'voluntary' }, concessionPp: 0 };
		const a = simulateBundleYear(wholesaler, choice, 's1');
		expect(simulateBundleYear(wholesaler, choice, 's1')).toEqual(a);
		expect(a.months).toHaveLength(12);
		expect(a.start.loan).toBe(1);
		expect(a.start.insurance).toBe(1);
		expect(a.start.ecommerce).toBeNull();
		expect(a.months.every((m) => m.revenueWan.ecommerce === 0)).toBe(true);
		expect(a.totalWan).toBeCloseTo(a.months.reduce((s, m) => s + m.totalWan, 0), 1);
	});

	test('data only grow, retention only falls, and a full year stays below the steady plan', () => {
		for (const p of Object.values(BUNDLE_PROFILES)) {
			const y = simulateBundleYear(p, bestFitChoice(p), 'grow');
			for (let i = 1; i < 12; i++) {
				expect(y.months[i]!.dataCovered).toBeGreaterThanOrEqual(y.months[i - 1]!.dataCovered);
				expect(y.months[i]!.retention).toBeLessThan(y.months[i - 1]!.retention);
			}
			expect(y.months[0]!.dataCovered).toBeGreaterThanOrEqual(5);
			expect(y.totalWan).toBeLessThan(evaluateBundle(p, bestFitChoice(p)).revenueWan * 1.1);
		}
	});

	test('a service starts in the same month in every bundle of a seed, and some clients decline', () => {
		const mine = simulateBundleYear(wholesaler, LESSON_BUNDLE, 'same');
		const best = simulateBundleYear(wholesaler, bestFitChoice(wholesaler), 'same');
		for (const s of Object.keys(LESSON_BUNDLE.services) as (keyof typeof LESSON_BUNDLE.services)[]) expect(mine.start[s]).toBe(best.start[s]);
		const declined = Array.from({ length: 60 }, (_, i) => simulateBundleYear(wholesaler, bestFitChoice(wholesaler), `d${i}`)).some((y) => ADD_ON_SERVICES.some((s) => y.start[s] === null));
		expect(declined).toBe(true);
	});

	test('the loan alone earns its monthly margin every month', () => {
		const y = simulateBundleYear(wholesaler, none, 'flat');
		expect(y.months.every((m) => m.totalWan === 0.475)).toBe(true);
		expect(y.totalWan).toBe(5.7);
		expect(y.months[11]!.dataCovered).toBe(5);
	});
});

describe('parseConcession', () => {
	test.each([
		['0', 0],
		['0.3', 0.3],
		[' 1.9 ', 1.9],
		['.5', 0.5],
		['1.', 1],
		['+0.25', 0.25],
	])('accepts %j', (raw, value) => {
		expect(parseConcession(raw, wholesaler)).toEqual({ ok: true, value });
	});

	test.each([
		['', 'empty'],
		['abc', 'not-a-number'],
		['1e2', 'not-a-number'],
		['0,3', 'not-a-number'],
		['-0.1', 'negative'],
		['2', 'too-high'],
		['0.333', 'too-precise'],
	])('refuses %j as %s', (raw, error) => {
		expect(parseConcession(raw, wholesaler)).toEqual({ ok: false, error, maxPp: 1.9 });
	});

	test('treats a missing value as empty', () => {
		expect(parseConcession(undefined as never, stall)).toEqual({ ok: false, error: 'empty', maxPp: 3.2 });
	});
});

describe('scoreBundle', () => {
	test('gives full marks to the best-fit bundle with no tying', () => {
		for (const p of Object.values(BUNDLE_PROFILES)) {
			const fb = scoreBundle(p, bestFitChoice(p));
			expect(fb.score).toBe(100);
			expect(codes(fb)).toEqual(expect.arrayContaining(['bundle.best-match', 'bundle.all-fit', 'bundle.no-tying', 'bundle.primary-account', 'bundle.data-full']));
			expect(codes(fb)).not.toContain('bundle.missed');
		}
	});

	test('the lesson’s bundle misses insurance, the card and standing orders', () => {
		const fb = scoreBundle(wholesaler, LESSON_BUNDLE);
		const missed = fb.findings.filter((f) => f.code.startsWith('bundle.missed')).map((f) => [f.code, f.data['bundleService']]);
		expect(missed).toEqual([
			['bundle.missed', 'insurance'],
			['bundle.missed', 'credit-card'],
			['bundle.missed-free', 'tax-utility'],
		]);
		expect(dim(fb, 'bundle-revenue')).toBe(29);
		expect(fb.findings.find((f) => f.code === 'bundle.data-partial')?.data).toEqual({ covered: 12, bestCovered: 14, total: 14, sme: 7, personal: 5 });
	});

	test('the loan alone is flagged and is not the client’s main bank', () => {
		const fb = scoreBundle(stall, none);
		expect(codes(fb)).toEqual(expect.arrayContaining(['bundle.loan-only', 'bundle.no-primary', 'bundle.data-partial']));
		expect(codes(fb)).not.toContain('bundle.no-tying');
		expect(codes(fb)).not.toContain('bundle.all-fit');
		expect(dim(fb, 'bundle-compliance')).toBe(15);
	});

	test('over-selling loses fit points, with the reason and the client’s numbers', () => {
		const fb = scoreBundle(stall, { services: { payroll: 'voluntary', wealth: 'voluntary', acquiring: 'voluntary' }, concessionPp: 0 });
		const unfit = fb.findings.filter((f) => f.code === 'bundle.unfit');
		expect(unfit.map((f) => f.data['reason'])).toEqual(['bundle-no-employees', 'bundle-no-idle-funds']);
		expect(unfit[0]?.data).toMatchObject({ bundleService: 'payroll', employees: 0 });
		expect(dim(fb, 'bundle-fit')).toBe(0);
		const one = scoreBundle(manufacturer, { services: { acquiring: 'voluntary' }, concessionPp: 0 });
		expect(dim(one, 'bundle-fit')).toBe(5);
		expect(one.findings.find((f) => f.code === 'bundle.unfit')?.data).toMatchObject({ reason: 'bundle-b2b-sales', topCustomerShare: 0.6 });
	});

	test('tying is a critical compliance finding with the client’s extra cost', () => {
		const fb = scoreBundle(wholesaler, { services: { deposit: 'tied', payroll: 'tied', settlement: 'voluntary' }, concessionPp: 0 });
		expect(dim(fb, 'bundle-compliance')).toBe(0);
		expect(fb.findings.find((f) => f.code === 'bundle.tying')?.data).toEqual({ bundleService: 'deposit', extraCostWan: 3.2, rate: 0.042, effectiveRate: 0.0527, loanWan: 300 });
		expect(fb.findings.find((f) => f.code === 'bundle.tying-condition')?.data).toEqual({ bundleService: 'payroll' });
		expect(fb.findings.filter((f) => f.severity === 'critical')).toHaveLength(2);
		expect(codes(fb)).not.toContain('bundle.no-tying');
	});

	test('a concession deeper than the bundle adds costs revenue points', () => {
		const fb = scoreBundle(wholesaler, { services: { settlement: 'voluntary' }, concessionPp: 1 });
		expect(fb.findings.find((f) => f.code === 'bundle.concession-too-deep')?.data).toMatchObject({ concessionPp: 1, costWan: 3, revenueWan: 2.9, loanOnlyWan: 5.7 });
		const ratio = 2.9 / evaluateBundle(wholesaler, bestFitChoice(wholesaler, 1)).revenueWan;
		expect(dim(fb, 'bundle-revenue')).toBeCloseTo(30 * ratio - 6, 1);
	});

	test('uses a bank’s weights and ignores invalid ones', () => {
		expect(bundleWeights(null)).toEqual(DEFAULT_BUNDLE_WEIGHTS);
		expect(bundleWeights({ revenue: 10, data: -1, stickiness: Number.NaN, fit: 'x' as never, compliance: 0 })).toEqual({ ...DEFAULT_BUNDLE_WEIGHTS, revenue: 10, compliance: 0 });
		const fb = scoreBundle(wholesaler, bestFitChoice(wholesaler), { revenue: 10, compliance: 0 });
		expect(fb.max).toBe(65);
		expect(fb.score).toBe(65);
	});
});

describe('messages', () => {
	const load = (lang: string) =>
		JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', `sim-bundle-builder.${lang}.json`), 'utf8')) as Record<string, string>;
	const dicts = [load('zh-CN'), load('en')];
	const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string);
	const fillable = (data: Record<string, unknown>, name: string) =>
		name in data || (name.endsWith('Name') && name.replace(/Name$/, '') in data) || (name.endsWith('Pct') && name.replace(/Pct$/, '') in data);

	test('name every service, data kind, dimension and reason', () => {
		for (const d of dicts) {
			for (const s of BUNDLE_SERVICES) expect(d[`bundleService.${s}`], s).toBeTypeOf('string');
			for (const s of ADD_ON_SERVICES) expect(d[`sim.bundle-builder.desc.${s}`], s).toBeTypeOf('string');
			for (const s of BUNDLE_SERVICES) expect(d[`sim.bundle-builder.calc.${s}`], s).toBeTypeOf('string');
			for (const k of DATA_KINDS) expect(d[`dataKind.${k}`], k).toBeTypeOf('string');
			for (const r of UNFIT_REASONS) expect(d[`reason.${r}`], r).toBeTypeOf('string');
			for (const r of UNFIT_REASONS) expect(d[`sim.bundle-builder.fact.${r}`], r).toBeTypeOf('string');
			for (const id of Object.values({ a: 'bundle-revenue', b: 'bundle-data', c: 'bundle-stickiness', d: 'bundle-fit', e: 'bundle-compliance' })) expect(d[`dimension.${id}`]).toBeTypeOf('string');
			for (const p of BUNDLE_PROFILE_IDS) {
				for (const suffix of ['', '.trade', '.purpose', '.summary']) expect(d[`bundleProfile.${p}${suffix}`]).toBeTypeOf('string');
				for (const s of ADD_ON_SERVICES) if (fits(BUNDLE_PROFILES[p], s)) expect(d[`sim.bundle-builder.fact.${p}.${s}`], `${p}.${s}`).toBeTypeOf('string');
			}
		}
	});

	test('explain every finding with the fields it carries', () => {
		const choices: [keyof typeof BUNDLE_PROFILES, BundleChoice][] = [
			['wholesaler', LESSON_BUNDLE],
			['wholesaler', { ...LESSON_BUNDLE, concessionPp: 0.3 }],
			['wholesaler', { services: { deposit: 'tied', payroll: 'tied', ecommerce: 'voluntary' }, concessionPp: 1.9 }],
			['stall', none],
			['stall', bestFitChoice(stall)],
			['manufacturer', { services: { acquiring: 'voluntary', wealth: 'tied' }, concessionPp: 0 }],
		];
		const seen = new Set<string>();
		for (const [p, c] of choices) {
			for (const f of scoreBundle(BUNDLE_PROFILES[p], c).findings) {
				seen.add(f.code);
				for (const d of dicts) {
					const msg = d[`finding.${f.code}`];
					expect(msg, f.code).toBeTypeOf('string');
					for (const ph of placeholders(msg as string)) expect(fillable(f.data, ph), `${f.code}: {{${ph}}}`).toBe(true);
					if (typeof f.data['reason'] === 'string') for (const ph of placeholders(d[`reason.${f.data['reason']}`] as string)) expect(fillable(f.data, ph), ph).toBe(true);
				}
			}
		}
		expect([...seen].sort()).toEqual(
			[
				'bundle.all-fit',
				'bundle.best-match',
				'bundle.concession-covered',
				'bundle.concession-too-deep',
				'bundle.contribution',
				'bundle.data-full',
				'bundle.data-partial',
				'bundle.loan-only',
				'bundle.missed',
				'bundle.missed-free',
				'bundle.no-primary',
				'bundle.no-tying',
				'bundle.primary-account',
				'bundle.stickiness',
				'bundle.tying',
				'bundle.tying-condition',
				'bundle.unfit',
			].sort(),
		);
	});
});
