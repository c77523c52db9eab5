import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Client } from '../../../src/domain/client';
import { generateClients } from '../../../src/domain/generator';
import { REPAYMENT_METHODS } from '../../../src/domain/loan-terms';
import {
	PORTFOLIO_METRICS,
	bookNetIncomeWan,
	bookRaroc,
	bookRealisedRaroc,
	expertPolicy,
	inclusiveBook,
	initBook,
	monthlyHazard,
	scheduledBalance,
	scorePortfolio,
	simulatePortfolio,
	simulateQuarter,
	twoIncreasesFindings,
	twoIncreasesTwoControls,
	type BookDecision,
	type BookState,
	type PortfolioLoan,
} from '../../../src/domain/portfolio';
import { createRng } from '../../../src/domain/random';
import {
	loadCatalogue,
	manufacturingClient,
	messageProblems,
	seasonalClient,
	tradeClient,
} from './b-fixtures';

const catalogue = loadCatalogue();

function book(n: number): PortfolioLoan[] {
	return Array.from({ length: n }, (_, i) => ({
		amountWan: 10 + (i % 50),
		annualRate: 0.05,
		termMonths: 6 + (i % 30),
		pd: 0.01 + (i % 10) / 100,
		lgd: 0.45,
		repayment: REPAYMENT_METHODS[i % REPAYMENT_METHODS.length] ?? 'interest-monthly-bullet',
	}));
}

describe('monthlyHazard', () => {
	test('compounds to the annual PD over 12 months', () => {
		const h = monthlyHazard(0.1);
		expect(1 - (1 - h) ** 12).toBeCloseTo(0.1, 12);
		expect(monthlyHazard(1)).toBe(1);
		expect(monthlyHazard(Number.NaN)).toBe(0);
	});
});

describe('scheduledBalance', () => {
	test('amortises by repayment method', () => {
		expect(scheduledBalance(120, 0.06, 12, 'interest-monthly-bullet', 11)).toBe(120);
		expect(scheduledBalance(120, 0.06, 12, 'revolving', 12)).toBe(0);
		expect(scheduledBalance(120, 0.06, 12, 'equal-principal', 6)).toBe(60);
		expect(scheduledBalance(120, 0.06, 12, 'seasonal', 5)).toBe(90);
		expect(scheduledBalance(120, 0, 12, 'equal-installment', 6)).toBe(60);
		const half = scheduledBalance(120, 0.06, 12, 'equal-installment', 6);
		expect(half).toBeGreaterThan(60);
		expect(half).toBeLessThan(62);
		expect(scheduledBalance(120, 0.06, 12, 'equal-installment', 0)).toBe(120);
	});
});

describe('simulatePortfolio', () => {
	test('reports mean and percentile series for every metric', () => {
		const r = simulatePortfolio(
			{ loans: book(50), paths: 200, operatingCostWan: 0.3 },
			createRng('p'),
		);
		expect(r.months).toBe(12);
		expect(r.paths).toBe(200);
		for (const m of PORTFOLIO_METRICS) {
			expect(r.series[m].mean).toHaveLength(12);
			for (let i = 0; i < 12; i++) {
				expect(r.series[m].p5[i]).toBeLessThanOrEqual(r.series[m].p50[i] as number);
				expect(r.series[m].p50[i]).toBeLessThanOrEqual(r.series[m].p95[i] as number);
			}
		}
		expect(r.defaults.mean).toBeGreaterThan(0);
		expect(r.expectedLossWan).toBeGreaterThan(0);
	});

	test('matches the expected default count on average', () => {
		const loans = Array.from({ length: 200 }, () => ({
			amountWan: 10,
			annualRate: 0.05,
			termMonths: 24,
			pd: 0.05,
			lgd: 0.5,
			repayment: 'interest-monthly-bullet' as const,
		}));
		const r = simulatePortfolio({ loans, paths: 2000 }, createRng('mean'));
		expect(r.defaults.mean).toBeGreaterThan(9);
		expect(r.defaults.mean).toBeLessThan(11);
	});

	test('writes off LGD and recovers the rest after the lag', () => {
		const loans = [
			{
				amountWan: 100,
				annualRate: 0.05,
				termMonths: 24,
				pd: 1,
				lgd: 0.4,
				repayment: 'interest-monthly-bullet' as const,
			},
		];
		const r = simulatePortfolio({ loans, recoveryLagMonths: 3, fundingRate: 0.02 }, createRng(1));
		expect(r.series.nplBalance.mean.slice(0, 4)).toEqual([100, 100, 100, 0]);
		expect(r.series.losses.mean[3]).toBe(40);
		expect(r.series.recoveries.mean[3]).toBe(60);
		expect(r.series.interestIncome.mean[0]).toBe(0);
		expect(r.lossesWan.mean).toBe(40);
		const late = simulatePortfolio({ loans, months: 2 }, createRng(1));
		expect(late.lossesWan.mean).toBe(40);
	});

	test('earns interest and shrinks the book without defaults', () => {
		const loans = [
			{
				amountWan: 120,
				annualRate: 0.06,
				termMonths: 12,
				pd: 0,
				lgd: 0.4,
				repayment: 'equal-principal' as const,
			},
		];
		const r = simulatePortfolio(
			{ loans, operatingCostWan: 0, fundingRate: 0, capitalRatio: 0.1 },
			createRng(1),
		);
		expect(r.series.balance.mean[11]).toBe(0);
		expect(r.series.borrowers.mean[10]).toBe(1);
		expect(r.series.borrowers.mean[11]).toBe(0);
		expect(r.interestIncomeWan.mean).toBeCloseTo(3.9, 6);
		expect(r.raroc.mean).toBeGreaterThan(0);
	});

	test('does not default a loan that has already been repaid', () => {
		const loans = [
			{
				amountWan: 10,
				annualRate: 0.05,
				termMonths: 1,
				pd: 0.9999,
				lgd: 0.5,
				repayment: 'interest-monthly-bullet' as const,
			},
		];
		const r = simulatePortfolio({ loans, paths: 500 }, createRng(2));
		expect(r.defaults.p95).toBeLessThanOrEqual(1);
		expect(r.series.nplBalance.mean[5]).toBeLessThan(10);
	});

	test('is deterministic per seed and tolerates junk input', () => {
		const a = simulatePortfolio({ loans: book(30), paths: 50 }, createRng('s'));
		expect(simulatePortfolio({ loans: book(30), paths: 50 }, createRng('s'))).toEqual(a);
		const junk = simulatePortfolio(
			{
				loans: [
					{
						amountWan: Number.NaN,
						annualRate: -1,
						termMonths: 0,
						pd: 5,
						lgd: 9,
						repayment: 'x' as never,
					},
				],
				months: 9999,
				paths: -5,
			},
			createRng(1),
		);
		expect(junk.months).toBe(120);
		expect(junk.paths).toBe(1);
		expect(simulatePortfolio({} as never, createRng(1)).raroc.mean).toBe(0);
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						amountWan: fc.double(),
						annualRate: fc.double(),
						termMonths: fc.double(),
						pd: fc.double(),
						lgd: fc.double(),
						repayment: fc.constantFrom(...REPAYMENT_METHODS),
					}),
					{ maxLength: 5 },
				),
				(loans) => {
					const r = simulatePortfolio({ loans, paths: 3, months: 6 }, createRng(3));
					for (const m of PORTFOLIO_METRICS)
						for (const v of r.series[m].mean) expect(Number.isNaN(v)).toBe(false);
				},
			),
			{ numRuns: 50 },
		);
	});

	// Speed is measured by `npm run bench`, not asserted here (a busy CI machine would make it flaky).
	test('runs the benchmark size: 1,000 paths × 300 loans × 12 months', () => {
		const r = simulatePortfolio({ loans: book(300), paths: 1000 }, createRng('bench'));
		expect(r.paths).toBe(1000);
		expect(r.series.balance.mean).toHaveLength(12);
	});
});

describe('twoIncreasesTwoControls', () => {
	test('passes when growth, borrowers, NPL and cost all meet the tests', () => {
		const r = twoIncreasesTwoControls({
			inclusiveGrowth: 0.2,
			allLoansGrowth: 0.1,
			borrowersNow: 100,
			borrowersBefore: 90,
			inclusiveNplRatio: 0.045,
			allLoansNplRatio: 0.015,
			inclusiveRate: 0.04,
			previousRate: 0.045,
		});
		expect(r.passed).toBe(true);
		expect(r.results.map((x) => x.test)).toEqual([
			'two-increases.loan-growth',
			'two-increases.borrowers',
			'two-controls.npl',
			'two-controls.cost',
		]);
		expect(twoIncreasesFindings(r).map((f) => f.code)).toEqual([
			'two-increases.loan-growth.met',
			'two-increases.borrowers.met',
			'two-controls.npl.met',
			'two-controls.cost.met',
		]);
	});

	test('fails NPL above all-loans + 3 points and each missed increase', () => {
		const r = twoIncreasesTwoControls({
			inclusiveGrowth: 0.05,
			allLoansGrowth: 0.1,
			borrowersNow: 80,
			borrowersBefore: 90,
			inclusiveNplRatio: 0.046,
			allLoansNplRatio: 0.015,
			inclusiveRate: 0.05,
		});
		expect(r.passed).toBe(false);
		expect(r.results.every((x) => !x.passed)).toBe(true);
		expect(r.results[3]?.data).toEqual({ inclusiveRate: 0.05, targetRate: 0.0446 });
		const f = twoIncreasesFindings(r);
		expect(f.map((x) => x.dimension)).toEqual([
			'portfolio-growth',
			'portfolio-growth',
			'portfolio-quality',
			'portfolio-profit',
		]);
		expect(
			twoIncreasesTwoControls({
				inclusiveGrowth: 0,
				allLoansGrowth: 0,
				borrowersNow: 1,
				borrowersBefore: 1,
				inclusiveNplRatio: 0.03,
				allLoansNplRatio: 0.01,
				nplTolerance: 0.01,
			}).results,
		).toHaveLength(3);
		expect(twoIncreasesTwoControls(null as never).passed).toBe(true);
	});
});

describe('capstone quarter model', () => {
	const applicants: Client[] = [
		tradeClient(),
		seasonalClient(),
		manufacturingClient(),
		tradeClient({ id: 'bad-purpose', purpose: 'real-estate-investment' }),
	];

	test('books approved loans, runs three months and reports', () => {
		const decisions = expertPolicy(applicants, catalogue, initBook());
		expect(decisions.map((d) => d.approve)).toEqual([true, true, true, false]);
		const { state, report } = simulateQuarter(initBook(), decisions, applicants, createRng('q1'), {
			catalogue,
		});
		expect(report).toMatchObject({
			quarter: 1,
			approved: 3,
			declined: 1,
			invalid: 0,
			complianceBreaches: 0,
			firstBreach: 'none',
		});
		expect(state.loans).toHaveLength(3);
		expect(state.reports).toEqual([report]);
		expect(report.interestWan).toBeGreaterThan(0);
		expect(state.bookedExpectedLossWan).toBeGreaterThan(0);
		expect(inclusiveBook(state).borrowers).toBe(state.borrowers);
		expect(expertPolicy(applicants, catalogue, state).filter((d) => d.approve)).toHaveLength(0);
	});

	test('counts compliance breaches, invalid decisions and unsecured guarantees', () => {
		const d = (over: Partial<BookDecision>): BookDecision => ({
			clientId: 'trade-1',
			approve: true,
			amountWan: 100,
			annualRate: 0.05,
			termMonths: 12,
			repayment: 'interest-monthly-bullet',
			guarantee: 'credit',
			...over,
		});
		const decisions = [
			d({ clientId: 'bad-purpose' }),
			d({ clientId: 'ghost' }),
			d({ amountWan: Number.NaN }),
			d({ guarantee: 'personal-guarantee' }),
			d({ clientId: 'services-1', termMonths: 72, guarantee: 'mortgage' }),
		];
		const { state, report } = simulateQuarter(initBook(), decisions, applicants, createRng('q'));
		expect(report).toMatchObject({
			approved: 3,
			invalid: 2,
			complianceBreaches: 2,
			firstBreach: 'purpose.no-property-or-securities',
		});
		expect(state.loans.map((l) => l.lgd)).toEqual([0.6, 0.6, 0.6]);
		// No product → the branch-visit channel: 24 h × 200 元 = 4,800 元 = 0.48 万元 a year (m2/01).
		expect(state.loans[0]?.operatingCostWan).toBe(0.48);
	});

	test('moves defaults to NPL and writes them off after the lag', () => {
		const risky = tradeClient({ id: 'risky', truth: { pd: 1 } });
		const d: BookDecision = {
			clientId: 'risky',
			approve: true,
			amountWan: 100,
			annualRate: 0.08,
			termMonths: 12,
			repayment: 'equal-principal',
			guarantee: 'mortgage',
		};
		let s = simulateQuarter(initBook(), [d], [risky], createRng(1), { recoveryLagMonths: 3 }).state;
		expect(s.nplWan).toBe(100);
		expect(s.nplRatio).toBe(1);
		expect(bookNetIncomeWan(s)).toBeLessThan(0);
		s = simulateQuarter(s, [], [], createRng(2), { recoveryLagMonths: 3 }).state;
		expect(s.loans[0]?.status).toBe('written-off');
		expect(s.cumulativeLossWan).toBe(25);
		expect(s.cumulativeRecoveriesWan).toBe(75);
		const now = simulateQuarter(initBook(), [d], [risky], createRng(1), {
			recoveryLagMonths: 0,
		}).state;
		expect(now.loans[0]?.status).toBe('written-off');
	});

	test('repays loans at maturity', () => {
		const d: BookDecision = {
			clientId: 'trade-1',
			approve: true,
			amountWan: 100,
			annualRate: 0.05,
			termMonths: 2,
			repayment: 'interest-monthly-bullet',
			guarantee: 'mortgage',
		};
		const s = simulateQuarter(
			initBook(),
			[d],
			[tradeClient({ truth: { pd: 0 } })],
			createRng(1),
		).state;
		expect(s.loans[0]?.status).toBe('repaid');
		expect(s.balanceWan).toBe(0);
		expect(bookRaroc(s)).toBeGreaterThan(0);
		expect(bookRealisedRaroc(s)).toBeGreaterThan(0);
		expect(bookRaroc(initBook())).toBe(0);
		expect(bookRealisedRaroc(initBook())).toBe(0);
	});

	test('replays exactly with the same seed and never mutates the input state', () => {
		const decisions = expertPolicy(applicants, catalogue, initBook());
		const start = initBook();
		const frozen = JSON.stringify(start);
		const a = simulateQuarter(start, decisions, applicants, createRng('same'), { catalogue });
		const b = simulateQuarter(start, decisions, applicants, createRng('same'), { catalogue });
		expect(a).toEqual(b);
		expect(JSON.stringify(start)).toBe(frozen);
		expect(simulateQuarter(start, null as never, null as never, createRng(1)).report.approved).toBe(
			0,
		);
	});
});

describe('scorePortfolio', () => {
	function play(policy: (apps: Client[], s: BookState) => BookDecision[]): BookState {
		const clients = generateClients('capstone', 80);
		let s = initBook();
		for (let q = 0; q < 4; q++) {
			const apps = clients.slice(q * 20, q * 20 + 20);
			s = simulateQuarter(s, policy(apps, s), apps, createRng(`q${q}`), { catalogue }).state;
		}
		return s;
	}
	const expert = play((apps, s) => expertPolicy(apps, catalogue, s));

	test('gives the expert policy full marks against itself', () => {
		const fb = scorePortfolio(expert, expert);
		expect(fb.kind).toBe('portfolio');
		expect(fb.dimensions.map((d) => d.id)).toEqual([
			'portfolio-growth',
			'portfolio-quality',
			'portfolio-profit',
			'portfolio-compliance',
		]);
		expect(fb.score).toBe(4);
	});

	test('penalises approving everyone at a flat rate', () => {
		const all = play((apps) =>
			apps.map((c) => ({
				clientId: c.id,
				approve: true,
				amountWan: Math.max(1, c.requestedAmountWan),
				annualRate: 0.04,
				termMonths: 12,
				repayment: 'interest-monthly-bullet',
				guarantee: 'credit',
			})),
		);
		const fb = scorePortfolio(all, expert);
		const codes = fb.findings.map((f) => f.code);
		expect(codes).toEqual(
			expect.arrayContaining(['portfolio.compliance-breaches', 'portfolio.credit-cost-high']),
		);
		expect(fb.score).toBeLessThan(3);
	});

	test('penalises lending to nobody on growth and profit', () => {
		const none = play((apps) =>
			apps.map((c) => ({
				clientId: c.id,
				approve: false,
				amountWan: 0,
				annualRate: 0,
				termMonths: 0,
				repayment: 'revolving',
				guarantee: 'credit',
			})),
		);
		const fb = scorePortfolio(none, expert, {
			weights: { growth: 2, quality: 1, profit: 1, compliance: 1 },
		});
		expect(fb.max).toBe(5);
		expect(fb.dimensions[0]?.score).toBe(0);
		expect(fb.findings.map((f) => f.code)).toEqual(
			expect.arrayContaining([
				'portfolio.growth-below-expert',
				'portfolio.raroc-below-hurdle',
				'portfolio.compliance-clean',
			]),
		);
	});

	test('grades an NPL ratio above the tolerance', () => {
		const bad = { ...expert, nplRatio: 0.1 };
		const fb = scorePortfolio(bad, expert, {
			allLoansNplRatio: 0.02,
			nplTolerance: 0.03,
			hurdleRaroc: 0.5,
		});
		expect(fb.findings.find((f) => f.code === 'portfolio.npl-above-tolerance')?.data).toMatchObject(
			{ limit: 0.05 },
		);
		expect(fb.findings.find((f) => f.dimension === 'portfolio-profit')?.code).toBe(
			'portfolio.raroc-below-hurdle',
		);
		expect(
			scorePortfolio(expert, expert, {
				weights: { growth: Number.NaN, quality: 1, profit: 1, compliance: 1 },
			}).max,
		).toBe(4);
	});
});

describe('messages', () => {
	test('exist for every portfolio and 两增两控 finding and dimension', () => {
		const pass = twoIncreasesTwoControls({
			inclusiveGrowth: 0.2,
			allLoansGrowth: 0.1,
			borrowersNow: 100,
			borrowersBefore: 90,
			inclusiveNplRatio: 0.02,
			allLoansNplRatio: 0.015,
			inclusiveRate: 0.04,
		});
		const fail = twoIncreasesTwoControls({
			inclusiveGrowth: 0,
			allLoansGrowth: 0.1,
			borrowersNow: 80,
			borrowersBefore: 90,
			inclusiveNplRatio: 0.2,
			allLoansNplRatio: 0.015,
			inclusiveRate: 0.09,
		});
		const good = scorePortfolio(initBook(), initBook());
		const loans = simulateQuarter(
			initBook(),
			[
				{
					clientId: 'trade-1',
					approve: true,
					amountWan: 100,
					annualRate: 0.01,
					termMonths: 12,
					repayment: 'revolving',
					guarantee: 'credit',
				},
			],
			[tradeClient({ purpose: 'consumer', truth: { pd: 0.5 } })],
			createRng(1),
		).state;
		const bigger = [
			...loans.loans,
			...loans.loans.map((l) => ({
				...l,
				clientId: 'y',
				status: 'performing' as const,
				inclusive: true,
			})),
		];
		const bad = scorePortfolio(
			{ ...loans, nplRatio: 0.5 },
			{ ...loans, loans: bigger, bookedExpectedLossWan: 0 },
		);
		const rich = scorePortfolio(
			{ ...initBook(), bookedNetWan: 1, bookedCapitalWan: 5 },
			initBook(),
		);
		const findings = [
			...twoIncreasesFindings(pass),
			...twoIncreasesFindings(fail),
			...good.findings,
			...bad.findings,
			...rich.findings,
		];
		expect(new Set(findings.map((f) => f.code)).size).toBe(18);
		expect(
			messageProblems(
				findings,
				good.dimensions.map((d) => d.id),
			),
		).toEqual([]);
	});
});
