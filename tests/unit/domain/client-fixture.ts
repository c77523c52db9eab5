/** A hand-made client for unit tests: lesson m4/04's 甲 五金制品厂 (small, high tolerance). */
import type { Client } from '../../../src/domain/client';
import { truthOf, type ClientFacts } from '../../../src/domain/segments';

/** Client facts of 甲, with overrides (owner fields merge). */
export function facts(over: Partial<Omit<ClientFacts, 'owner'>> & { owner?: Partial<ClientFacts['owner']> } = {}): ClientFacts {
	const { owner, ...rest } = over;
	return {
		id: 'jia',
		name: '恒通五金制品有限公司',
		trade: '五金制品加工',
		industry: 'industry',
		track: 'manufacturing',
		legalForm: 'limited-company',
		yearsInBusiness: 8,
		employees: 45,
		revenueWan: 1800,
		assetsWan: 1000,
		grossMargin: 0.22,
		netMargin: 0.09,
		expectedGrowth: 0.1,
		monthlyRevenueWan: [150, 90, 150, 150, 150, 150, 145, 145, 155, 155, 170, 190],
		inventoryDays: 60,
		receivableDays: 75,
		payableDays: 45,
		prepaidDays: 10,
		advanceReceiptDays: 5,
		arAging: { d0to30: 150, d31to60: 150, d61to90: 75, d91plus: 0 },
		apAging: { d0to30: 117, d31to60: 58.5, d61to90: 0, d91plus: 0 },
		ownFundsWan: 150,
		existingWorkingCapitalLoansWan: 200,
		existingDebtWan: 300,
		otherFundingWan: 0,
		collateral: [{ kind: 'industrial-property', valueWan: 600 }],
		statements: 'audited',
		guarantor: 'none',
		creditHistory: 'clean',
		owner: {
			age: 46,
			yearsInTrade: 15,
			borrowedBefore: true,
			maritalStatus: 'married',
			childrenAtHome: 1,
			reputation: 'good',
			habits: 'prudent',
			localResident: true,
			ownsHome: true,
			...owner,
		},
		supplyChain: {
			anchorBuyer: true,
			topCustomerShare: 0.4,
			settlementMonthsWithBank: 60,
			taxDataAvailable: true,
			taxGrade: 'A',
		},
		green: false,
		rural: false,
		purpose: 'working-capital',
		requestedAmountWan: 300,
		requestedTermMonths: 12,
		...rest,
	};
}

/** A full Client (truth computed) of 甲 with overrides. */
export function client(over: Parameters<typeof facts>[0] = {}): Client {
	const f = facts(over);
	return { ...f, truth: truthOf(f) };
}
