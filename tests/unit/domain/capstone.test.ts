import { describe, expect, test } from 'vitest';
import {
	ALL_LOANS_GROWTH_PER_QUARTER,
	ALL_LOANS_NPL_RATIO,
	AMOUNT_NEED_CAP,
	CAPSTONE_ROUNDS,
	COST_TARGET_RATE,
	EMPTY_DRAFT,
	NPL_LIMIT,
	PD_BANDS,
	PIPELINE_RANGE,
	applicantRow,
	approvalEconomics,
	checkDraft,
	completeDecisions,
	costliestDecisions,
	decisionCosts,
	declineOf,
	defaultDraft,
	draftLimits,
	inclusiveFigures,
	loanStream,
	newInclusiveRate,
	newLoanRaroc,
	quarterNetWan,
	openingBook,
	parseNumber,
	pdBand,
	pipeline,
	pipelineSize,
	playCapstone,
	playQuarter,
	quarterTests,
	roundFindings,
	runExpertGame,
	scoreCapstone,
	summariseBook,
	whatIfReplay,
	type DecisionDraft,
	type PlayerBook,
} from '../../../src/domain/capstone';
import type { Client } from '../../../src/domain/client';
import {
	expertPolicy,
	inclusiveBook,
	initBook,
	simulateQuarter,
	type BookDecision,
} from '../../../src/domain/portfolio';
import { findProduct, type Product } from '../../../src/domain/products';
import { LGD_BY_GUARANTEE } from '../../../src/domain/rates';
import {
	loadCatalogue,
	manufacturingClient,
	messageProblems,
	seasonalClient,
	tradeClient,
} from './b-fixtures';

const catalogue = loadCatalogue();
const product = (id: string) => findProduct(catalogue, id) as Product;
const wc = product('working-capital');
const emptyBook = (): PlayerBook => ({ subs: [], state: initBook() });

const loan = (over: Partial<BookDecision> = {}): BookDecision => ({
	clientId: 'trade-1',
	approve: true,
	productId: 'working-capital',
	amountWan: 150,
	annualRate: 0.06,
	termMonths: 12,
	repayment: 'interest-monthly-bullet',
	guarantee: 'mortgage',
	...over,
});

describe('pipeline', () => {
	test('draws 20–40 applicants per round, the same for a seed, ids prefixed by round', () => {
		for (const round of [0, 1, 2, 3, 4]) {
			const n = pipelineSize('s1', round);
			expect(n).toBeGreaterThanOrEqual(PIPELINE_RANGE.min);
			expect(n).toBeLessThanOrEqual(PIPELINE_RANGE.max);
			const apps = pipeline('s1', round);
			expect(apps).toHaveLength(n);
			expect(apps.every((c) => c.id.startsWith(`q${round}-c`))).toBe(true);
			expect(pipeline('s1', round)).toEqual(apps);
		}
		expect(pipeline('s1', 1)[0]?.name).not.toBe(pipeline('s1', 2)[0]?.name);
	});

	test('bands PD and summarises an applicant for the table', () => {
		expect([0.005, 0.01, 0.03, 0.07, 0.2, Number.NaN].map(pdBand)).toEqual([
			'below-1',
			'1-to-2.5',
			'2.5-to-5',
			'5-to-10',
			'above-10',
			'below-1',
		]);
		expect(PD_BANDS).toHaveLength(5);
		expect(applicantRow(tradeClient())).toEqual({
			segment: 'small',
			riskTier: 'high',
			pdBand: '1-to-2.5',
			needWan: 200,
			needCapWan: 220,
			permittedPurpose: true,
			workingCapitalPurpose: true,
		});
		const noTruth = { ...tradeClient(), truth: undefined } as unknown as Client;
		expect(applicantRow(noTruth)).toMatchObject({ riskTier: 'low', segment: 'out-of-scope' });
		expect(applicantRow(tradeClient({ purpose: 'equipment', requestedAmountWan: 80 }))).toMatchObject({
			needWan: 80,
			workingCapitalPurpose: false,
		});
	});
});

describe('the decision form', () => {
	test('limits: product ranges, amount capped by need × 1.1', () => {
		expect(AMOUNT_NEED_CAP).toBeCloseTo(1.1, 12);
		const l = draftLimits(tradeClient(), wc);
		expect(l.amountWan).toEqual({ min: 10, max: 220 });
		expect(l.needCapWan).toBe(220);
		expect(l.ratePct).toEqual({ min: 3.5, max: 7 });
		expect(l.termMonths).toEqual({ min: 3, max: 36 });
		expect(l.repayment).toEqual(wc.repaymentMethods);
		expect(l.guarantee).toEqual(wc.guaranteeMethods);
		expect(draftLimits(tradeClient({ truth: { capitalNeedWan: 5000 } }), wc).amountWan.max).toBe(
			1000,
		);
	});

	test('reads numbers as typed', () => {
		expect(parseNumber(' 1,200 ')).toBe(1200);
		expect(parseNumber('5.2%')).toBe(5.2);
		expect(parseNumber('.5')).toBe(0.5);
		expect(parseNumber('')).toBeNull();
		expect(parseNumber(7 as never)).toBeNull();
		expect(parseNumber('abc')).toBeNaN();
		expect(parseNumber('1e3')).toBeNaN();
	});

	test('prefills from the product, not from the expert', () => {
		expect(defaultDraft(tradeClient(), wc)).toEqual({
			choice: 'approve',
			productId: 'working-capital',
			amountWan: '200',
			ratePct: '5.25',
			termMonths: '12',
			repayment: 'interest-monthly-bullet',
			guarantee: 'mortgage',
		});
		const odd = tradeClient({
			requestedAmountWan: Number.NaN,
			requestedTermMonths: 99,
			truth: { capitalNeedWan: 3 },
		});
		expect(defaultDraft(odd, wc)).toMatchObject({ amountWan: '10', termMonths: '36' });
		const noTerm = tradeClient({ requestedTermMonths: Number.NaN });
		expect(defaultDraft(noTerm, wc).termMonths).toBe('12');
		const bare = { ...wc, repaymentMethods: [], guaranteeMethods: [] } as Product;
		expect(defaultDraft(tradeClient(), bare)).toMatchObject({ repayment: '', guarantee: '' });
	});

	test('accepts a valid approval and a decline', () => {
		const c = tradeClient();
		const ok = checkDraft(c, defaultDraft(c, wc), catalogue);
		expect(ok.errors).toEqual({});
		expect(ok.decision).toEqual({
			clientId: 'trade-1',
			approve: true,
			productId: 'working-capital',
			amountWan: 200,
			annualRate: 0.0525,
			termMonths: 12,
			repayment: 'interest-monthly-bullet',
			guarantee: 'mortgage',
		});
		expect(checkDraft(c, { ...EMPTY_DRAFT, choice: 'decline' }, catalogue)).toEqual({
			decision: declineOf('trade-1'),
			errors: {},
		});
	});

	test('refuses every bad field with a code and the limit', () => {
		const c = tradeClient();
		const base = defaultDraft(c, wc);
		const code = (over: Partial<DecisionDraft>, client: Client = c) => {
			const r = checkDraft(client, { ...base, ...over }, catalogue);
			expect(r.decision).toBeNull();
			return Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v?.code]));
		};
		expect(checkDraft(c, EMPTY_DRAFT, catalogue).errors).toEqual({
			choice: { code: 'required', data: {} },
		});
		expect(checkDraft(c, null as never, catalogue).errors.choice?.code).toBe('required');
		expect(code({ productId: '' })).toEqual({ productId: 'required' });
		expect(code({ productId: 'nope' })).toEqual({ productId: 'unknown-product' });
		expect(code({ amountWan: '', ratePct: '', termMonths: '', repayment: '', guarantee: '' })).toEqual({
			amountWan: 'required',
			ratePct: 'required',
			termMonths: 'required',
			repayment: 'required',
			guarantee: 'required',
		});
		expect(code({ amountWan: 'x', ratePct: 'y', termMonths: 'z' })).toEqual({
			amountWan: 'not-a-number',
			ratePct: 'not-a-number',
			termMonths: 'not-a-number',
		});
		expect(code({ amountWan: '-5', ratePct: '2', termMonths: '6.5' })).toEqual({
			amountWan: 'not-positive',
			ratePct: 'below-rate-floor',
			termMonths: 'not-integer',
		});
		expect(code({ amountWan: '5', ratePct: '9', termMonths: '2' })).toEqual({
			amountWan: 'below-product-min',
			ratePct: 'above-rate-ceiling',
			termMonths: 'below-term-min',
		});
		expect(code({ amountWan: '230', termMonths: '48', repayment: 'revolving', guarantee: 'government-guarantee' })).toEqual({
			amountWan: 'above-need-cap',
			termMonths: 'above-term-max',
			repayment: 'not-offered',
			guarantee: 'not-offered',
		});
		const big = tradeClient({ truth: { capitalNeedWan: 5000 } });
		expect(code({ amountWan: '1200' }, big)).toEqual({ amountWan: 'above-product-max' });
		const none = tradeClient({ truth: { capitalNeedWan: 0 } });
		expect(code({ amountWan: '50' }, none)).toEqual({ amountWan: 'no-need' });
		const tiny = tradeClient({ truth: { capitalNeedWan: 5 } });
		const r = checkDraft(tiny, { ...base, amountWan: '5' }, catalogue);
		expect(r.errors.amountWan).toEqual({
			code: 'need-below-product-min',
			data: { needCapWan: 5.5, minWan: 10 },
		});
		expect(checkDraft(c, { ...base, amountWan: '230' }, catalogue).errors.amountWan?.data).toEqual({
			needCapWan: 220,
			needWan: 200,
		});
	});
});

describe('playQuarter', () => {
	const applicants = [tradeClient(), seasonalClient(), manufacturingClient()];

	test('sums one-loan books to what the whole-book model gives without defaults', () => {
		const safe = applicants.map((c) => ({ ...c, truth: { ...c.truth, pd: 0 } }));
		const decisions = expertPolicy(safe, catalogue, initBook());
		expect(decisions.filter((d) => d.approve)).toHaveLength(3);
		const mine = playQuarter(emptyBook(), 1, decisions, safe, 's', { catalogue });
		const whole = simulateQuarter(initBook(), decisions, safe, loanStream('s', 'x', 1), {
			catalogue,
		});
		const { reports: _a, loans: la, ...a } = mine.book.state;
		const { reports: _b, loans: lb, ...b } = whole.state;
		for (const [k, v] of Object.entries(b)) expect(a[k as keyof typeof a]).toBeCloseTo(v, 5);
		expect(la).toEqual(lb);
		for (const [k, v] of Object.entries(whole.report))
			if (typeof v === 'number') expect(mine.report[k as keyof typeof mine.report]).toBeCloseTo(v, 5);
		expect(mine.book.subs).toHaveLength(3);
		expect(mine.book.state.reports).toEqual([mine.report]);
		// the next quarter runs the open loans on
		const next = playQuarter(mine.book, 2, [], [], 's', { catalogue });
		expect(next.report.interestWan).toBeGreaterThan(0);
		expect(next.book.state.reports).toHaveLength(2);
	});

	test('draws each loan from its own stream and skips closed loans', () => {
		const d = loan({ amountWan: 100 });
		const one = playQuarter(emptyBook(), 1, [d], [tradeClient()], 'seed', { catalogue });
		const direct = simulateQuarter({ ...initBook(), quarter: 0 }, [d], [tradeClient()], loanStream('seed', 'trade-1', 1), { catalogue });
		expect(one.book.subs[0]?.loans).toEqual(direct.state.loans);
		const short = loan({ termMonths: 3, amountWan: 100 });
		const safe = tradeClient({ truth: { pd: 0 } });
		const q1 = playQuarter(emptyBook(), 1, [short], [safe], 'seed');
		expect(q1.book.state.loans[0]?.status).toBe('repaid');
		const q2 = playQuarter(q1.book, 2, [], [], 'seed');
		expect(q2.book.subs[0]).toBe(q1.book.subs[0]);
		expect(q2.report.interestWan).toBe(0);
	});

	test('counts declines, unknown and duplicate applicants, breaches', () => {
		const bad = tradeClient({ id: 'bad', purpose: 'consumer' });
		const r = playQuarter(
			emptyBook(),
			1,
			[
				declineOf('x'),
				loan({ clientId: 'ghost' }),
				loan(),
				loan(),
				loan({ clientId: 'bad' }),
				loan({ clientId: 'services-1', amountWan: Number.NaN }),
				null as never,
			],
			[tradeClient(), bad, seasonalClient()],
			's',
			{ catalogue },
		);
		expect(r.report).toMatchObject({
			approved: 2,
			declined: 2,
			invalid: 3,
			complianceBreaches: 1,
			firstBreach: 'purpose.no-consumer-use',
		});
		expect(r.book.subs).toHaveLength(2);
		expect(playQuarter(emptyBook(), 1, null as never, [], 's').report.approved).toBe(0);
	});

	test('keeps books as they were when nothing is open', () => {
		const closed = playQuarter(
			{ subs: [{ ...initBook(), loans: [] }], state: initBook() },
			1,
			[],
			[],
			's',
		);
		expect(closed.book.subs).toHaveLength(1);
		expect(closed.book.state.balanceWan).toBe(0);
		expect(closed.report.nplRatio).toBe(0);
	});
});

describe('the opening book and the quarter tests', () => {
	const opening = openingBook('s1', catalogue);

	test('is the expert book of round 0 with its booked totals reset', () => {
		expect(opening.state.quarter).toBe(0);
		expect(opening.state.reports).toEqual([]);
		expect(opening.state.balanceWan).toBeGreaterThan(0);
		expect(opening.state.borrowers).toBe(opening.subs.length);
		expect(opening.state.loans.every((l) => l.quarterBooked === 0)).toBe(true);
		for (const k of ['totalLentWan', 'bookedNetWan', 'bookedCapitalWan', 'cumulativeInterestWan', 'capitalWanYears'] as const)
			expect(opening.state[k]).toBe(0);
	});

	test('measures 普惠 figures, the new-loan rate and the four tests', () => {
		const played = playQuarter(opening, 1, [loan(), loan({ clientId: 'big', amountWan: 100, annualRate: 0.05 })], [tradeClient(), tradeClient({ id: 'big', truth: { segment: 'out-of-scope' } })], 's1', { catalogue });
		const inc = inclusiveFigures(played.book.state);
		expect(inc.balanceWan).toBe(inclusiveBook(played.book.state).balanceWan);
		expect(inc.nplRatio).toBeGreaterThanOrEqual(0);
		expect(newInclusiveRate(played.book.state, 1)).toBe(0.06);
		expect(newInclusiveRate(played.book.state, 2)).toBeNull();
		const t = quarterTests(played.book.state, opening.state, 1);
		expect(t.results.map((r) => r.test)).toEqual([
			'two-increases.loan-growth',
			'two-increases.borrowers',
			'two-controls.npl',
			'two-controls.cost',
		]);
		expect(t.results[0]?.data['allLoansGrowth']).toBe(ALL_LOANS_GROWTH_PER_QUARTER);
		expect(t.results[2]?.data).toMatchObject({ allLoansNplRatio: ALL_LOANS_NPL_RATIO, limit: NPL_LIMIT });
		expect(t.results[3]?.data).toEqual({ inclusiveRate: 0.06, targetRate: COST_TARGET_RATE });
		expect(NPL_LIMIT).toBe(0.045);
		expect(COST_TARGET_RATE).toBe(0.0646);
		// no new 普惠 loans: the cost test is skipped
		expect(quarterTests(opening.state, opening.state, 2).results).toHaveLength(3);
	});

	test('counts any balance as 100% growth when the year starts empty', () => {
		const played = playQuarter(emptyBook(), 1, [loan()], [tradeClient()], 's', { catalogue });
		const grown = quarterTests(played.book.state, initBook(), 1);
		expect(grown.results[0]?.data['inclusiveGrowth']).toBe(1);
		expect(quarterTests(initBook(), initBook(), 1).results[0]?.data['inclusiveGrowth']).toBe(0);
		expect(quarterTests(initBook(), initBook(), -1).results[0]?.data['allLoansGrowth']).toBe(0);
	});

	test('counts NPL of 普惠 loans only', () => {
		const risky = tradeClient({ id: 'risky', truth: { pd: 1 } });
		const played = playQuarter(emptyBook(), 1, [loan({ clientId: 'risky' })], [risky], 's', { catalogue });
		expect(inclusiveFigures(played.book.state)).toMatchObject({ nplWan: 150, nplRatio: 1 });
	});
});

describe('playCapstone', () => {
	const expertGame = runExpertGame('s1', catalogue);

	test('plays four rounds of the expert policy, deterministically', () => {
		expect(expertGame.rounds).toHaveLength(CAPSTONE_ROUNDS);
		expect(expertGame.learner.state).toEqual(expertGame.expert.state);
		expect(runExpertGame('s1', catalogue).learner.state).toEqual(expertGame.learner.state);
		for (const r of expertGame.rounds) {
			expect(r.learnerDecisions).toEqual(r.expertDecisions);
			expect(r.learner.report).toEqual(r.expert.report);
			expect(r.findings.every((f) => f.severity === 'good')).toBe(true);
		}
		expect(decisionCosts(expertGame)).toEqual([]);
		expect(costliestDecisions(expertGame, catalogue)).toEqual([]);
		const fb = scoreCapstone(expertGame);
		expect(fb.score).toBe(fb.max);
		expect(scoreCapstone(expertGame, { weights: { growth: 2, quality: 1, profit: 1, compliance: 1 } }).max).toBe(5);
	});

	test('plays only the rounds decided, at most four, and fills missing decisions with declines', () => {
		expect(playCapstone('s1', catalogue, []).rounds).toEqual([]);
		expect(playCapstone('s1', catalogue, null as never).rounds).toEqual([]);
		const two = playCapstone('s1', catalogue, [[], []]);
		expect(two.rounds).toHaveLength(2);
		expect(two.rounds[0]?.learnerDecisions.every((d) => !d.approve)).toBe(true);
		expect(two.rounds[0]?.learner.report.declined).toBe(two.rounds[0]?.applicants.length);
		expect(playCapstone('s1', catalogue, [[], [], [], [], []]).rounds).toHaveLength(4);
		const apps = pipeline('s1', 1);
		const a = apps[0] as Client;
		const filled = completeDecisions(apps, [loan({ clientId: a.id }), declineOf(a.id), null as never]);
		expect(filled).toHaveLength(apps.length);
		expect(filled[0]?.approve).toBe(true);
		expect(completeDecisions(apps, null as never).every((d) => !d.approve)).toBe(true);
	});

	test('measures the new-loan RAROC and net income of each quarter', () => {
		const r1 = expertGame.rounds[0]!;
		expect(newLoanRaroc(r1.learner.book, 1)).toBeGreaterThanOrEqual(0.1);
		expect(newLoanRaroc(r1.learner.book, 3)).toBeNull();
		expect(newLoanRaroc(expertGame.opening, 0)).toBeNull();
		const rep = r1.learner.report;
		expect(quarterNetWan(rep)).toBeCloseTo(rep.interestWan - rep.fundingCostWan - rep.operatingCostWan - rep.lossWan, 6);
	});

	test('summarises a book for the debrief', () => {
		const s = summariseBook(expertGame.learner.state);
		expect(s.balanceWan).toBe(expertGame.learner.state.balanceWan);
		expect(s.inclusiveBorrowers).toBeLessThanOrEqual(s.borrowers);
		expect(s.raroc).toBeGreaterThanOrEqual(0.1);
		expect(s.complianceBreaches).toBe(0);
	});
});

describe('roundFindings', () => {
	const c = tradeClient();
	const apps: Client[] = [
		tradeClient({ id: 'prohibited', purpose: 'securities-investment' }),
		tradeClient({ id: 'long' }),
		tradeClient({ id: 'medium', truth: { segment: 'out-of-scope', sizeClass: 'medium' } }),
		tradeClient({ id: 'defaulter', creditHistory: 'serious-default' }),
		seasonalClient(),
		tradeClient({ id: 'no-property', collateral: [] }),
		tradeClient({ id: 'stretched' }),
		tradeClient({ id: 'cheap' }),
		tradeClient({ id: 'thin' }),
		tradeClient({ id: 'sound' }),
		tradeClient({ id: 'missed' }),
		tradeClient({ id: 'declined' }),
	];
	const learner: BookDecision[] = [
		loan({ clientId: 'prohibited' }),
		loan({ clientId: 'long', termMonths: 48 }),
		loan({ clientId: 'medium' }),
		loan({ clientId: 'defaulter', annualRate: 0.2 }),
		loan({ clientId: 'services-1', amountWan: 20 }),
		loan({ clientId: 'no-property' }),
		loan({ clientId: 'stretched', amountWan: 1000, annualRate: 0.07, repayment: 'equal-installment' }),
		loan({ clientId: 'cheap', annualRate: 0.02 }),
		loan({ clientId: 'thin', annualRate: 0.031 }),
		loan({ clientId: 'sound' }),
		declineOf('missed'),
	];
	const expert: BookDecision[] = [loan({ clientId: 'missed' })];
	const tests = quarterTests(initBook(), initBook(), 1);
	const findings = roundFindings(apps, learner, expert, catalogue, tests);
	const of = (subject: string) => findings.filter((f) => f.subject === subject).map((f) => f.code);

	test('names every bad approval with its numbers', () => {
		expect(of('prohibited')).toContain('capstone.approved-prohibited-purpose');
		expect(of('prohibited')).not.toContain('capstone.compliance-breach');
		expect(of('long')).toEqual(['capstone.compliance-breach']);
		expect(findings.find((f) => f.subject === 'long')?.data).toEqual({ rule: 'working-capital.term', termMonths: 48 });
		expect(of('medium')).toContain('capstone.approved-out-of-scope');
		expect(of('defaulter')).toContain('capstone.approved-serious-default');
		expect(of('services-1')).toContain('capstone.ineligible-product');
		expect(findings.find((f) => f.subject === 'services-1' && f.code === 'capstone.ineligible-product')?.data).toEqual({
			productId: 'working-capital',
			reason: 'segment',
		});
		expect(of('no-property')).toContain('capstone.guarantee-infeasible');
		expect(of('stretched')).toContain('capstone.dscr-below');
		expect(of('cheap')).toEqual(['capstone.below-break-even']);
		const cheap = findings.find((f) => f.subject === 'cheap');
		expect(cheap?.severity).toBe('major');
		expect(cheap?.data['breakEvenRate']).toBeGreaterThan(0.02);
		expect(of('thin')).toEqual(['capstone.below-hurdle']);
		expect(of('sound')).toEqual([]);
		expect(of('missed')).toEqual(['capstone.declined-expert-loan']);
		expect(of('declined')).toEqual([]);
	});

	test('counts sound decisions, adds the book tests and sorts by severity', () => {
		expect(findings.find((f) => f.code === 'capstone.sound-approvals')?.data).toEqual({ count: 1 });
		expect(findings.find((f) => f.code === 'capstone.sound-declines')?.data).toEqual({ count: 1 });
		expect(findings.filter((f) => f.code.startsWith('two-'))).toHaveLength(3);
		const order = ['critical', 'major', 'minor', 'info', 'good'];
		const ranks = findings.map((f) => order.indexOf(f.severity));
		expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
		expect(roundFindings([c], [declineOf('trade-1')], [], catalogue, tests).map((f) => f.code)).toContain('capstone.sound-declines');
		expect(roundFindings([c], [], [], catalogue, tests).some((f) => f.code === 'capstone.sound-approvals')).toBe(false);
	});

	test('has a message for every finding in both languages', () => {
		expect(messageProblems(findings)).toEqual([]);
	});

	test('prices an approval as booked (an infeasible guarantee counts as unsecured)', () => {
		const x = approvalEconomics(tradeClient({ collateral: [] }), loan({ productId: undefined }), catalogue);
		expect(x.feasible).toBe(false);
		expect(x.lgd).toBe(LGD_BY_GUARANTEE.credit);
		expect(x.product).toBeUndefined();
		expect(x.breakEvenRate).toBeLessThan(x.targetRate);
		expect(x.netWan).toBeGreaterThan(0);
	});
});

describe('costliest decisions and the what-if replay', () => {
	const seed = 's1';
	const expertGame = runExpertGame(seed, catalogue);
	// The learner follows the expert except: declines the expert's biggest loan of round 1, approves
	// a prohibited purpose in round 2 (if any, else the first decline) and underprices round 3.
	const rounds = expertGame.rounds.map((r) => r.expertDecisions.map((d) => ({ ...d })));
	const r1 = rounds[0] as BookDecision[];
	const biggest = r1.filter((d) => d.approve).sort((a, b) => b.amountWan - a.amountWan)[0] as BookDecision;
	r1[r1.indexOf(biggest)] = declineOf(biggest.clientId);
	const apps2 = pipeline(seed, 2);
	const target2 = apps2.find((c) => c.purpose === 'consumer' || c.purpose === 'real-estate-investment' || c.purpose === 'securities-investment') ?? (apps2[0] as Client);
	const r2 = rounds[1] as BookDecision[];
	r2[apps2.indexOf(target2)] = loan({ clientId: target2.id, amountWan: 50, annualRate: 0.05 });
	const r3 = rounds[2] as BookDecision[];
	const approved3 = r3.find((d) => d.approve) as BookDecision;
	r3[r3.indexOf(approved3)] = { ...approved3, annualRate: 0.035 };
	const game = playCapstone(seed, catalogue, rounds);
	const costs = decisionCosts(game);

	test('ranks breaches first, then by cost, and documents both parts of the cost', () => {
		expect(costs.length).toBeGreaterThanOrEqual(3);
		expect(costs[0]?.clientId).toBe(target2.id);
		expect(costs[0]?.breaches).toBeGreaterThan(0);
		const rest = costs.slice(1);
		expect(rest.every((c, i) => i === 0 || (rest[i - 1]?.costWan ?? 0) >= c.costWan)).toBe(true);
		for (const c of costs) expect(c.costWan).toBe(Math.max(c.foregoneWan, c.excessLossWan));
		const declined = costs.find((c) => c.clientId === biggest.clientId);
		expect(declined?.learnerIncomeWan).toBe(0);
		expect(declined?.foregoneWan).toBeCloseTo(declined?.expertIncomeWan ?? -1, 6);
		const cheap = costs.find((c) => c.clientId === approved3.clientId);
		expect(cheap?.foregoneWan).toBeGreaterThan(0);
	});

	test('replays the affected quarters with the expert decision for one applicant only', () => {
		const whatIfs = costliestDecisions(game, catalogue);
		expect(whatIfs).toHaveLength(3);
		expect(whatIfs.map((w) => w.cost)).toEqual(costs.slice(0, 3));
		const first = whatIfs[0]!;
		expect(first.replayed.complianceBreaches).toBe(first.actual.complianceBreaches - first.cost.breaches);
		expect(first.replayedScore).toBeGreaterThanOrEqual(first.actualScore);
		const decline = whatIfReplay(game, costs.find((c) => c.clientId === biggest.clientId)!, catalogue);
		// round 1: replayed from the opening book; the expert's decision restores the expert's book
		// where no other decision differs in that applicant's loan
		expect(decline.replayed.totalLentWan).toBeCloseTo(decline.actual.totalLentWan + biggest.amountWan, 6);
		expect(costliestDecisions(game, catalogue, {}, 1)).toHaveLength(1);
		expect(costliestDecisions(game, catalogue, {}, -2)).toEqual([]);
		expect(whatIfs.every((w) => w.max === scoreCapstone(game).max)).toBe(true);
	});

	test('charges realised losses of a defaulted loan beyond the expert', () => {
		const apps = pipeline(seed, 1);
		const risky = apps.find((c) => c.truth.pd >= 0.05) ?? (apps[0] as Client);
		const forced = rounds.map((r) => r.map((d) => ({ ...d })));
		const idx = apps.indexOf(risky);
		(forced[0] as BookDecision[])[idx] = loan({ clientId: risky.id, amountWan: 10, annualRate: 0.06 });
		const g = playCapstone(seed, catalogue, forced);
		const c = decisionCosts(g).find((x) => x.clientId === risky.id);
		expect(c).toBeDefined();
		expect(c!.learnerLossWan).toBeGreaterThanOrEqual(0);
		expect(c!.costWan).toBeGreaterThan(0);
	});
});
