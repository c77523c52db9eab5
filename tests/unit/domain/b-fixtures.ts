/** Hand-made clients and the shipped product catalogue for the product, compliance and portfolio tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client, ClientTruth } from '../../../src/domain/client';
import type { Catalogue, Product } from '../../../src/domain/products';
import { ProductSchema } from '../../../src/schemas/product';

export const PRODUCTS_DIR = join(import.meta.dirname, '..', '..', '..', 'content', 'products');

/** The catalogue of content/products/, parsed by the schema, in file-name order. */
export function loadCatalogue(): Catalogue {
	return readdirSync(PRODUCTS_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map(
			(f) =>
				ProductSchema.parse(JSON.parse(readFileSync(join(PRODUCTS_DIR, f), 'utf8'))) as Product,
		);
}

type Over = Partial<Omit<Client, 'truth' | 'supplyChain' | 'owner'>> & {
	truth?: Partial<ClientTruth>;
	supplyChain?: Partial<Client['supplyChain']>;
	owner?: Partial<Client['owner']>;
};

/**
 * 鑫达五金批发: a small wholesale firm, steady sales, a 60-day cash cycle, tax grade A, a shop as
 * collateral; need 200万, PD 2%. Overrides merge (truth, supplyChain and owner field by field).
 */
export function tradeClient(over: Over = {}): Client {
	const { truth, supplyChain, owner, ...rest } = over;
	return {
		id: 'trade-1',
		name: '鑫达五金批发有限公司',
		trade: '五金建材批发',
		industry: 'wholesale',
		track: 'trade',
		legalForm: 'limited-company',
		yearsInBusiness: 6,
		employees: 12,
		revenueWan: 3000,
		assetsWan: 800,
		grossMargin: 0.18,
		netMargin: 0.05,
		expectedGrowth: 0.1,
		monthlyRevenueWan: [240, 230, 250, 250, 260, 250, 240, 250, 260, 255, 250, 265],
		inventoryDays: 45,
		receivableDays: 30,
		payableDays: 20,
		prepaidDays: 5,
		advanceReceiptDays: 0,
		arAging: { d0to30: 200, d31to60: 50, d61to90: 0, d91plus: 0 },
		apAging: { d0to30: 150, d31to60: 0, d61to90: 0, d91plus: 0 },
		ownFundsWan: 200,
		existingWorkingCapitalLoansWan: 50,
		existingDebtWan: 100,
		otherFundingWan: 0,
		collateral: [{ kind: 'commercial-property', valueWan: 500 }],
		statements: 'tax-filed',
		guarantor: 'none',
		creditHistory: 'clean',
		owner: {
			age: 42,
			yearsInTrade: 12,
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
			anchorBuyer: false,
			topCustomerShare: 0.1,
			settlementMonthsWithBank: 24,
			taxDataAvailable: true,
			taxGrade: 'A',
			...supplyChain,
		},
		green: false,
		rural: false,
		purpose: 'working-capital',
		requestedAmountWan: 200,
		requestedTermMonths: 12,
		...rest,
		truth: {
			sizeClass: 'small',
			segment: 'small',
			riskTier: 'high',
			capitalNeedWan: 200,
			pd: 0.02,
			...truth,
		},
	};
}

/** 老王烧烤: a seasonal individual business (summer peak, 4 slack winter months), need 30万. */
export function seasonalClient(over: Over = {}): Client {
	return tradeClient({
		id: 'services-1',
		name: '老王烧烤店',
		trade: '烧烤餐饮',
		industry: 'catering',
		track: 'services',
		legalForm: 'individual-business',
		employees: 6,
		revenueWan: 240,
		assetsWan: 60,
		netMargin: 0.12,
		grossMargin: 0.5,
		monthlyRevenueWan: [8, 8, 12, 18, 25, 35, 40, 38, 25, 15, 8, 8],
		inventoryDays: 10,
		receivableDays: 0,
		payableDays: 15,
		prepaidDays: 40,
		advanceReceiptDays: 0,
		arAging: { d0to30: 0, d31to60: 0, d61to90: 0, d91plus: 0 },
		existingDebtWan: 0,
		collateral: [],
		statements: 'none',
		requestedAmountWan: 30,
		...over,
		supplyChain: {
			taxGrade: null,
			taxDataAvailable: false,
			settlementMonthsWithBank: 18,
			...over.supplyChain,
		},
		truth: {
			sizeClass: 'micro',
			segment: 'individual',
			capitalNeedWan: 30,
			pd: 0.03,
			...over.truth,
		},
	});
}

/** 精工零件厂: a small manufacturer selling to an anchor buyer, clean receivables pledged, need 300万. */
export function manufacturingClient(over: Over = {}): Client {
	return tradeClient({
		id: 'manufacturing-1',
		name: '精工零件制造有限公司',
		trade: '汽车零部件加工',
		industry: 'industry',
		track: 'manufacturing',
		employees: 60,
		revenueWan: 4000,
		assetsWan: 2500,
		netMargin: 0.08,
		inventoryDays: 40,
		receivableDays: 75,
		payableDays: 30,
		prepaidDays: 0,
		arAging: { d0to30: 500, d31to60: 300, d61to90: 20, d91plus: 0 },
		collateral: [{ kind: 'receivables', valueWan: 800 }],
		statements: 'audited',
		requestedAmountWan: 300,
		...over,
		supplyChain: { anchorBuyer: true, topCustomerShare: 0.5, taxGrade: 'B', ...over.supplyChain },
		truth: { capitalNeedWan: 300, pd: 0.015, ...over.truth },
	});
}

const I18N_DIR = join(import.meta.dirname, '..', '..', '..', 'src', 'i18n');
const loadDict = (lang: string): Record<string, string> =>
	Object.assign(
		{},
		...readdirSync(I18N_DIR)
			.filter((f) => f.endsWith(`.${lang}.json`))
			.map((f) => JSON.parse(readFileSync(join(I18N_DIR, f), 'utf8')) as Record<string, string>),
	);
const DICTS = { zh: loadDict('zh-CN'), en: loadDict('en') };

/**
 * Problems with the messages of these findings and dimensions: a missing `finding.<code>` or
 * `dimension.<id>` key in either locale, or a placeholder the finding's data cannot fill (a data
 * key, `<key>Pct` of a number, or `<key>Name` of a string code).
 */
export function messageProblems(
	findings: readonly { code: string; data: Record<string, unknown> }[],
	dimensions: readonly string[] = [],
): string[] {
	const out = new Set<string>();
	for (const [lang, dict] of Object.entries(DICTS)) {
		for (const d of dimensions)
			if (!(`dimension.${d}` in dict)) out.add(`${lang}: dimension.${d} missing`);
		for (const f of findings) {
			const msg = dict[`finding.${f.code}`];
			if (msg === undefined) {
				out.add(`${lang}: finding.${f.code} missing`);
				continue;
			}
			for (const m of msg.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
				const p = m[1] as string;
				const base = p.replace(/(Pct|Name)$/, '');
				const ok =
					p in f.data ||
					(p.endsWith('Pct') && typeof f.data[base] === 'number') ||
					(p.endsWith('Name') && typeof f.data[base] === 'string');
				if (!ok)
					out.add(
						`${lang}: finding.${f.code} uses {{${p}}} but data has ${Object.keys(f.data).join(', ')}`,
					);
			}
		}
	}
	return [...out].sort();
}
