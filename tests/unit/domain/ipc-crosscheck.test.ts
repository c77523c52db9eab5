import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	CLUE_IDS,
	DEFAULT_IPC_WEIGHTS,
	IPC_DIMENSIONS,
	IPC_TRADES,
	RECONCILE_TOLERANCE,
	REPAYMENT_SHARE_OF_SURPLUS,
	ROUTES,
	accumulationPerYear,
	ceilTo,
	clueValue,
	cogsFromPurchases,
	generateIpcCase,
	grossUpForCash,
	instalment,
	interestCost,
	inventoryTurnover,
	monthlyDebtService,
	netAssets,
	plantEvidence,
	plantKind,
	principalForInstalment,
	reconcile,
	reconstructPnl,
	revenueFromCogs,
	routeSpread,
	scoreIpc,
	solveIpcCase,
	stockCoverMonths,
	stockUpNeed,
	takingsRevenue,
	type IpcAnswers,
	type IpcCase,
} from '../../../src/domain/ipc-crosscheck';

/** The first generated case matching `pred` (seeds c0, c1, …). */
function findCase(pred: (c: IpcCase) => boolean): IpcCase {
	for (let i = 0; i < 500; i++) {
		const c = generateIpcCase(`c${i}`);
		if (pred(c)) return c;
	}
	throw new Error('no case found');
}

/** Answers a careful learner gives: the routes, the reconciled estimate, the planted flag, the max loan. */
function perfect(c: IpcCase): IpcAnswers {
	const s = solveIpcCase(c);
	return {
		takingsWan: s.routes.takings / 10_000,
		inflowsWan: s.routes.inflows / 10_000,
		purchasesWan: s.routes.purchases / 10_000,
		estimateWan: s.revenueYuan / 10_000,
		flag: c.planted,
		loanWan: s.loan.maxWan,
	};
}

describe('lesson m2/02: the building-materials shop (万元, one year)', () => {
	test('route 1: takings 5,400 ÷ 0.9 = 6,000 a day off-season; 12,000 × 165 + 6,000 × 165 = 297 万元', () => {
		expect(grossUpForCash(5400, 0.1)).toBe(6000);
		expect(takingsRevenue([{ daily: 12_000, days: 165 }, { daily: 6000, days: 165 }])).toBe(2_970_000);
	});

	test('route 2: inflows 270 ÷ 0.9 = 300 万元', () => {
		expect(grossUpForCash(270, 0.1)).toBe(300);
	});

	test('route 3: purchases 228 − stock build-up 3 = 225; 225 ÷ 75% = 300 万元; turnover 4.84 times, about 74 days', () => {
		expect(cogsFromPurchases(228, 45, 48)).toBe(225);
		expect(revenueFromCogs(225, 0.25)).toBe(300);
		const t = inventoryTurnover(225, 45, 48, 360);
		expect(t.averageStock).toBe(46.5);
		expect(Math.round(t.times * 100) / 100).toBe(4.84);
		expect(Math.round(t.days)).toBe(74);
	});

	test('the routes differ by 3 万元, about 1%, and reconcile to 300', () => {
		expect(Math.round(routeSpread([297, 300, 300]) * 100)).toBe(1);
		expect(reconcile([297, 300, 300])).toEqual({ value: 300, spread: routeSpread([297, 300, 300]), agreed: true });
		expect(RECONCILE_TOLERANCE).toBe(0.1);
	});

	test('the rebuilt P&L: gross 75, operating 31.8, net 30.8, surplus 18.8 (1.57 a month)', () => {
		const wages = 2 * 0.5 * 12 + 0.6 * 12;
		const family = 0.6 * 12 + 0.4 * 12;
		expect(wages).toBeCloseTo(19.2, 10);
		expect(family).toBeCloseTo(12, 10);
		const p = reconstructPnl({ revenue: 300, cogs: 225, expenses: [15, wages, 1.2, 3, 1.8, 3], interest: interestCost(20, 0.05, 12), family });
		expect(p.grossProfit).toBe(75);
		expect(p.grossMargin).toBe(0.25);
		expect(p.expenses).toBe(43.2);
		expect(p.operatingProfit).toBe(31.8);
		expect(p.interest).toBe(1);
		expect(p.netProfit).toBe(30.8);
		expect(p.surplus).toBe(18.8);
		expect(Math.round((p.surplus / 12) * 100) / 100).toBe(1.57);
	});

	test('accumulation: net assets 35, (35 + 60 − 15) ÷ 6 ≈ 13.3 a year', () => {
		const shop = netAssets([48, 6, 5, 8], [20, 12]);
		expect(shop).toBe(35);
		expect(Math.round(accumulationPerYear([shop, 60], 15, 6) * 10) / 10).toBe(13.3);
	});

	test('step 4: peak month 33, cost 24.75, stock 61, gap 13 + 6 = 19 → 20 万元; interest 9,000 元', () => {
		const peakMonth = takingsRevenue([{ daily: 12_000, days: 27.5 }]) / 10_000;
		expect(peakMonth).toBe(33);
		const need = stockUpNeed({ peakMonthlyRevenue: peakMonth, grossMargin: 0.25, turnoverDays: 74, currentStock: 48, receivablesIncrease: 12 - 6 });
		expect(need.peakMonthlyCogs).toBe(24.75);
		expect(Math.round(need.peakStock)).toBe(61);
		expect(Math.round(need.stockGap)).toBe(13);
		expect(Math.round(need.total)).toBe(19);
		expect(ceilTo(need.total, 1)).toBe(20);
		expect(interestCost(20, 0.045, 12) * 10_000).toBeCloseTo(9000, 6);
	});

	test('lending the full 50 万元 would mean stock of nearly 100 万元, almost four months of peak sales', () => {
		const stock = 48 + 50;
		expect(stock).toBe(98);
		const months = stockCoverMonths(stock, 24.75);
		expect(months).toBeGreaterThan(3.9);
		expect(months).toBeLessThan(4);
	});
});

describe('lesson helpers on bad input', () => {
	test('never divide by zero', () => {
		expect(grossUpForCash(100, 1)).toBe(0);
		expect(revenueFromCogs(100, 1)).toBe(0);
		expect(inventoryTurnover(100, 0, 0, 30)).toEqual({ averageStock: 0, times: 0, days: 0 });
		expect(inventoryTurnover(0, 10, 10, 30).days).toBe(0);
		expect(routeSpread([5])).toBe(0);
		expect(reconcile([])).toEqual({ value: 0, spread: 0, agreed: false });
		expect(reconstructPnl({ revenue: 0, cogs: 0, expenses: [], interest: 0, family: 0 }).grossMargin).toBe(0);
		expect(accumulationPerYear([10], 5, 0)).toBe(0);
		expect(ceilTo(3.2, 0)).toBe(3.2);
		expect(stockCoverMonths(10, 0)).toBe(0);
		expect(takingsRevenue([{ daily: Number.NaN, days: 3 }])).toBe(0);
	});

	test('reconcile takes the median of agreeing routes and the smallest otherwise', () => {
		expect(reconcile([10, 10.4]).value).toBe(10.2);
		expect(reconcile([10, 13, 10.3])).toMatchObject({ value: 10, agreed: false });
	});

	test('instalments', () => {
		expect(instalment(24_000, 0, 24)).toBe(1000);
		expect(principalForInstalment(1000, 0, 24)).toBe(24_000);
		const pay = instalment(100_000, 0.05, 24);
		expect(pay).toBeCloseTo(4387.14, 1);
		expect(principalForInstalment(pay, 0.05, 24)).toBeCloseTo(100_000, 0);
		expect(monthlyDebtService(100_000, 0.05, 24, 'equal-installment')).toBe(pay);
		expect(monthlyDebtService(200_000, 0.045, 12, 'interest-monthly-bullet')).toBe(750);
	});
});

describe('generateIpcCase', () => {
	test('is deterministic by seed', () => {
		expect(generateIpcCase('classA')).toEqual(generateIpcCase('classA'));
		expect(generateIpcCase('classA')).not.toEqual(generateIpcCase('classB'));
	});

	test('draws every trade, plant kind and purpose', () => {
		const cases = Array.from({ length: 200 }, (_, i) => generateIpcCase(`g${i}`));
		expect(new Set(cases.map((c) => c.trade))).toEqual(new Set(IPC_TRADES));
		expect(new Set(cases.map((c) => plantKind(c.planted)))).toEqual(new Set(['claimed', 'inflows', 'invoice', 'none']));
		expect(new Set(cases.map((c) => c.purpose))).toEqual(new Set(['stock-up', 'equipment']));
	});

	test('clean routes stay within 3.5% of the truth; planted ones are at least 20% off; loans are sensible', () => {
		for (let i = 0; i < 300; i++) {
			const c = generateIpcCase(`h${i}`);
			const s = solveIpcCase(c);
			const kind = plantKind(c.planted);
			for (const r of ROUTES) {
				const dev = s.routes[r] / c.truth.revenueYuan - 1;
				const planted = (kind === 'inflows' && r === 'inflows') || (kind === 'invoice' && r === 'purchases');
				if (planted) expect(dev).toBeGreaterThan(0.2);
				else expect(Math.abs(dev)).toBeLessThan(0.035);
			}
			expect(s.agreed).toBe(kind === 'none' || kind === 'claimed');
			expect(Math.abs(s.revenueYuan / c.truth.revenueYuan - 1)).toBeLessThan(0.035);
			expect(c.truth.surplusYuan).toBeGreaterThan(0);
			expect(s.loan.maxWan).toBeGreaterThanOrEqual(2);
			expect(s.loan.maxWan).toBeLessThanOrEqual(c.requestedWan);
			const visits = c.clues.filter((x) => x.id.startsWith('visit-'));
			expect(visits.length).toBeGreaterThanOrEqual(2);
			expect(visits.some((v) => v.day === 'sat' || v.day === 'sun')).toBe(true);
			expect(visits.some((v) => v.day !== 'sat' && v.day !== 'sun')).toBe(true);
			for (const clue of c.clues) expect(CLUE_IDS).toContain(clue.id);
			if (kind === 'claimed') expect(clueValue(c, 'claimed-revenue') / c.truth.revenueYuan).toBeGreaterThan(1.3);
			else expect(Math.abs(clueValue(c, 'claimed-revenue') / c.truth.revenueYuan - 1)).toBeLessThan(0.06);
		}
	});

	test('a missing clue reads as 0', () => {
		const c = findCase((x) => x.purpose === 'equipment');
		expect(clueValue(c, 'peak-factor')).toBe(0);
	});
});

describe('plantKind and plantEvidence', () => {
	test('classifies flag codes', () => {
		expect(plantKind('claimed-revenue')).toBe('claimed');
		expect(plantKind('inflows')).toBe('inflows');
		expect(plantKind('invoice-2')).toBe('invoice');
		expect(plantKind('none')).toBe('none');
		expect(plantKind('rent')).toBe('none');
	});

	test('claimed revenue: the savings the claim implies against the savings built', () => {
		const c = findCase((x) => x.planted === 'claimed-revenue');
		const e = plantEvidence(c);
		expect(e['excess']).toBeGreaterThan(0.25);
		expect(e['impliedSavingsWan']).toBeGreaterThan(e['savingsWan'] as number);
	});

	test('inflows and invoices: the route that does not reconcile', () => {
		const a = plantEvidence(findCase((x) => x.planted === 'inflows'));
		expect(a['routeWan']).toBeGreaterThan((a['takingsWan'] as number) * 1.2);
		const c = findCase((x) => x.planted.startsWith('invoice-'));
		const b = plantEvidence(c);
		expect(b['month']).toBe(Number(c.planted.slice(-1)));
		expect(b['invoiceYuan']).toBeGreaterThan((b['othersAvgYuan'] as number) * 1.5);
	});

	test('none: the spread and the reconciled figure', () => {
		const e = plantEvidence(findCase((x) => x.planted === 'none'));
		expect(e['spread']).toBeLessThan(0.1);
		expect(e['reconciledWan']).toBeGreaterThan(0);
	});
});

describe('solveIpcCase loan limits', () => {
	test('stock-up: the peak gap rounded up, interest well inside the surplus', () => {
		const c = findCase((x) => x.purpose === 'stock-up');
		const s = solveIpcCase(c);
		expect(s.loan.binding).toBe('need');
		expect(Number.isInteger(s.loan.needWan)).toBe(true);
		expect(s.loan.turnoverDays).toBeGreaterThan(0);
		expect(s.loan.peakStockYuan).toBeGreaterThan(s.loan.stockNowYuan);
		expect(s.loan.serviceCapYuan).toBeCloseTo(s.pnl.surplus * REPAYMENT_SHARE_OF_SURPLUS, 1);
	});

	test('equipment: the surplus can bind before the quote', () => {
		const c = findCase((x) => x.purpose === 'equipment' && solveIpcCase(x).loan.binding === 'capacity');
		const s = solveIpcCase(c);
		expect(s.loan.maxWan).toBeLessThan(s.loan.needWan);
		expect(instalment(s.loan.maxWan * 10_000, c.loanRate, c.termMonths)).toBeCloseTo(s.loan.serviceCapYuan, -1);
	});

	test('the request binds when it is the smallest; a zero rate never limits a stock-up loan', () => {
		const c = findCase((x) => x.purpose === 'stock-up');
		expect(solveIpcCase({ ...c, requestedWan: 1 }).loan).toMatchObject({ maxWan: 1, binding: 'request' });
		expect(solveIpcCase({ ...c, loanRate: 0 }).loan.capacityWan).toBe(Number.POSITIVE_INFINITY);
	});

	test('a case with no surplus supports nothing', () => {
		const c = findCase((x) => x.purpose === 'equipment');
		const broke = { ...c, clues: c.clues.map((x) => (x.id === 'family-spending' ? { ...x, value: 10_000_000 } : x)) };
		expect(solveIpcCase(broke).loan.maxWan).toBe(0);
	});
});

describe('scoreIpc', () => {
	test('full marks for careful work, with every finding good or info', () => {
		for (const kind of ['claimed', 'inflows', 'invoice', 'none'] as const) {
			const c = findCase((x) => plantKind(x.planted) === kind);
			const fb = scoreIpc(c, perfect(c));
			expect(fb.kind).toBe('ipc-crosscheck');
			expect(fb.score).toBe(10);
			expect(fb.max).toBe(10);
			expect(fb.findings.every((f) => f.severity === 'good' || f.severity === 'info')).toBe(true);
			expect(fb.findings.find((f) => f.dimension === IPC_DIMENSIONS.inconsistency)?.code).toBe(`ipc.flag-right-${kind}`);
		}
	});

	test('explains a wrong route with its inputs', () => {
		const c = findCase((x) => x.planted === 'none');
		const fb = scoreIpc(c, { ...perfect(c), takingsWan: 1, inflowsWan: null });
		const t = fb.findings.find((f) => f.subject === 'takings');
		expect(t?.code).toBe('ipc.takings-wrong');
		expect(t?.data).toMatchObject({ answerWan: 1, weekdays: clueValue(c, 'weekdays-open') });
		expect(fb.findings.find((f) => f.subject === 'inflows')?.code).toBe('ipc.inflows-missing');
		expect(fb.dimensions.find((d) => d.id === IPC_DIMENSIONS.routes)?.score).toBe(1);
	});

	test('estimate bands against the truth', () => {
		const c = findCase((x) => x.planted === 'none');
		const truth = c.truth.revenueYuan / 10_000;
		const code = (f: number) => scoreIpc(c, { ...perfect(c), estimateWan: truth * f }).findings.find((x) => x.dimension === IPC_DIMENSIONS.estimate)?.code;
		expect(code(1.04)).toBe('ipc.estimate-close');
		expect(code(0.92)).toBe('ipc.estimate-fair');
		expect(code(1.15)).toBe('ipc.estimate-off');
		expect(code(1.5)).toBe('ipc.estimate-far');
		expect(scoreIpc(c, { ...perfect(c), estimateWan: truth * 0.92 }).dimensions.find((d) => d.id === IPC_DIMENSIONS.estimate)?.score).toBe(2);
		expect(scoreIpc(c, { ...perfect(c), estimateWan: undefined }).findings.some((f) => f.code === 'ipc.estimate-missing')).toBe(true);
		expect(scoreIpc({ ...c, truth: { ...c.truth, revenueYuan: 0 } }, perfect(c)).findings.some((f) => f.code === 'ipc.estimate-far')).toBe(true);
	});

	test('says when the estimate took the owner claim or the outlier route', () => {
		const claimed = findCase((x) => x.planted === 'claimed-revenue');
		const fb = scoreIpc(claimed, { ...perfect(claimed), estimateWan: clueValue(claimed, 'claimed-revenue') / 10_000 });
		expect(fb.findings.find((f) => f.code === 'ipc.estimate-took-claim')?.data).toMatchObject({ truthWan: claimed.truth.revenueYuan / 10_000 });
		const inflows = findCase((x) => x.planted === 'inflows');
		const s = solveIpcCase(inflows);
		const fb2 = scoreIpc(inflows, { ...perfect(inflows), estimateWan: s.routes.inflows / 10_000 });
		expect(fb2.findings.find((f) => f.code === 'ipc.estimate-took-outlier')?.data).toMatchObject({ ipcRoute: 'inflows' });
		// an off estimate that matches neither gets no extra note
		const fb3 = scoreIpc(inflows, { ...perfect(inflows), estimateWan: (s.routes.inflows / 10_000) * 3 });
		expect(fb3.findings.some((f) => f.code.startsWith('ipc.estimate-took'))).toBe(false);
	});

	test('the flag: right, wrong, missing or junk', () => {
		const c = findCase((x) => x.planted.startsWith('invoice-'));
		const wrong = scoreIpc(c, { ...perfect(c), flag: 'claimed-revenue' });
		const f = wrong.findings.find((x) => x.dimension === IPC_DIMENSIONS.inconsistency);
		expect(f).toMatchObject({ code: 'ipc.flag-wrong-invoice', severity: 'major' });
		expect(f?.data).toMatchObject({ ipcClue: c.planted, ipcFlag: 'claimed-revenue' });
		expect(wrong.score).toBe(8);
		expect(scoreIpc(c, { ...perfect(c), flag: null }).findings.some((x) => x.code === 'ipc.flag-missing-invoice')).toBe(true);
		expect(scoreIpc(c, { ...perfect(c), flag: 'junk' as never }).findings.some((x) => x.code === 'ipc.flag-missing-invoice')).toBe(true);
		const none = findCase((x) => x.planted === 'none');
		expect(scoreIpc(none, { ...perfect(none), flag: 'inflows' }).findings.some((x) => x.code === 'ipc.flag-wrong-none')).toBe(true);
	});

	test('the loan: over the limit, needlessly low, missing', () => {
		const c = findCase((x) => x.purpose === 'stock-up');
		const max = solveIpcCase(c).loan.maxWan;
		const code = (amount: unknown) => scoreIpc(c, { ...perfect(c), loanWan: amount as number }).findings.find((x) => x.dimension === IPC_DIMENSIONS.loan);
		expect(code(c.requestedWan)).toMatchObject({ code: 'ipc.loan-over-need', severity: 'critical', topic: 'repayment-capacity' });
		expect(code(max * 1.2)).toMatchObject({ code: 'ipc.loan-over-need', severity: 'major' });
		expect(code(max + 0.4)?.code).toBe('ipc.loan-right-stock-up');
		expect(code(max * 0.3)?.code).toBe('ipc.loan-too-low');
		expect(code(max * 0.3)?.data).toMatchObject({ maxWan: max, requestedWan: c.requestedWan });
		expect(code(-1)?.code).toBe('ipc.loan-missing');
		expect(code('x')?.code).toBe('ipc.loan-missing');
		expect(scoreIpc(c, { ...perfect(c), loanWan: max * 0.3 }).dimensions.find((d) => d.id === IPC_DIMENSIONS.loan)?.score).toBe(1);
		const eq = findCase((x) => x.purpose === 'equipment' && solveIpcCase(x).loan.binding === 'capacity');
		const over = scoreIpc(eq, { ...perfect(eq), loanWan: eq.requestedWan }).findings.find((x) => x.dimension === IPC_DIMENSIONS.loan);
		expect(over?.code).toBe('ipc.loan-over-capacity');
		expect(over?.data['serviceYuan']).toBeGreaterThan(over?.data['serviceCapYuan'] as number);
		expect(scoreIpc(eq, perfect(eq)).findings.some((x) => x.code === 'ipc.loan-right-equipment')).toBe(true);
	});

	test('empty answers score nothing and never throw; weights override', () => {
		const c = generateIpcCase('empty');
		const fb = scoreIpc(c, {});
		expect(fb.score).toBe(0);
		expect(scoreIpc(c, null as unknown as IpcAnswers).score).toBe(0);
		expect(scoreIpc(c, perfect(c), { route: 2, loan: -3 }).max).toBe(2 * 3 + 3 + 2 + 2);
		expect(scoreIpc(c, perfect(c), null as unknown as object).max).toBe(10);
		expect(DEFAULT_IPC_WEIGHTS.estimate).toBe(3);
	});
});

describe('messages', () => {
	const load = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', `sim-ipc-crosscheck.${lang}.json`), 'utf8')) as Record<string, string>;
	const dicts = [load('zh-CN'), load('en')];
	const fillable = (data: Record<string, unknown>, name: string) => name in data || (name.endsWith('Pct') && name.slice(0, -3) in data) || (name.endsWith('Name') && name.slice(0, -4) in data);
	const check = (key: string, data: Record<string, unknown>) => {
		for (const dict of dicts) {
			const msg = dict[key];
			expect(msg, key).toBeTypeOf('string');
			for (const m of (msg as string).matchAll(/\{\{(\w+)\}\}/g)) expect(fillable(data, m[1] as string), `${key}: ${m[1]}`).toBe(true);
		}
	};

	test('every finding code, reason and code name has a message whose placeholders the finding fills', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 120; i++) {
			const c = generateIpcCase(`m${i}`);
			const s = solveIpcCase(c);
			const p = perfect(c);
			const variants: IpcAnswers[] = [
				p,
				{},
				{ ...p, takingsWan: 0.1, inflowsWan: 0.1, purchasesWan: 0.1, estimateWan: (p.estimateWan as number) * 1.08, flag: 'rent', loanWan: s.loan.maxWan * 3 },
				{ ...p, estimateWan: (p.estimateWan as number) * 1.15, flag: 'none', loanWan: s.loan.maxWan * 0.2 },
				{ ...p, estimateWan: clueValue(c, 'claimed-revenue') / 10_000, loanWan: s.loan.maxWan * 1.2 },
				{ ...p, estimateWan: Math.max(...Object.values(s.routes)) / 10_000 },
				{ ...p, loanWan: 0.5 },
			];
			for (const v of variants) {
				const fb = scoreIpc(c, v);
				for (const d of fb.dimensions) check(`dimension.${d.id}`, {});
				for (const f of fb.findings) {
					seen.add(f.code);
					check(`finding.${f.code}`, f.data);
					if (typeof f.data['reason'] === 'string') check(`reason.${f.data['reason']}`, f.data);
					for (const ns of ['ipcClue', 'ipcFlag', 'ipcRoute', 'ipcPurpose', 'ipcBinding']) if (typeof f.data[ns] === 'string') check(`${ns}.${f.data[ns]}`, {});
				}
			}
			for (const clue of c.clues) {
				check(`ipcClue.${clue.id}`, {});
				check(`ipcFlag.${clue.id}`, {});
				check(`ipcUnit.${clue.unit}`, { v: 1 });
				if (clue.day) check(`ipcDay.${clue.day}`, {});
			}
			check(`ipcTrade.${c.trade}`, {});
			check(`sim.ipc-crosscheck.detail.${c.trade}`, {});
			check(`ipcPurpose.${c.purpose}`, {});
		}
		expect(seen.size).toBeGreaterThanOrEqual(30);
	});
});
