import { describe, expect, test } from 'vitest';
import {
	MORTGAGEABLE_KINDS,
	PLEDGEABLE_KINDS,
	baseRate,
	findProduct,
	guaranteeFeeCap,
	isWorkingCapitalPurpose,
	rateBounds,
} from '../../../src/domain/products';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNELS } from '../../../src/domain/rates';
import { loadCatalogue } from './b-fixtures';

const catalogue = loadCatalogue();

describe('products', () => {
	test('finds a product by id', () => {
		expect(findProduct(catalogue, 'tax-data-loan')?.name).toBe('税务数据贷（银税互动）');
		expect(findProduct(catalogue, 'nope')).toBeUndefined();
	});

	test('prices over the 1-year LPR, or the 5-year LPR when a product says so', () => {
		const green = findProduct(catalogue, 'green-loan');
		if (!green) throw new Error('green-loan missing');
		expect(baseRate(green)).toBe(0.03);
		const b = rateBounds(green);
		expect(b.min).toBeCloseTo(0.029, 10);
		expect(b.max).toBeCloseTo(0.035, 10);
		const long = { ...green, pricing: { ...green.pricing, base: 'lpr-5y' as const } };
		expect(baseRate(long)).toBe(0.035);
	});

	test('caps the government guarantee fee at 1% up to 500万 and 1.5% above', () => {
		const caps = { upTo500Wan: 0.01, above500Wan: 0.015, bankRiskShare: 0.2 };
		expect(guaranteeFeeCap(caps, 500)).toBe(0.01);
		expect(guaranteeFeeCap(caps, 500.1)).toBe(0.015);
	});

	test('treats stocking, orders and farming as working capital, equipment as investment', () => {
		expect(isWorkingCapitalPurpose('inventory-stocking')).toBe(true);
		expect(isWorkingCapitalPurpose('agricultural-production')).toBe(true);
		expect(isWorkingCapitalPurpose('equipment')).toBe(false);
		expect(MORTGAGEABLE_KINDS).toContain('industrial-property');
		expect(PLEDGEABLE_KINDS).toContain('receivables');
	});
});

describe('product and channel names', () => {
	test('exist in both languages for every product of the catalogue and every channel', () => {
		for (const lang of ['zh-CN', 'en']) {
			const dict = JSON.parse(
				readFileSync(
					join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', `domain-b.${lang}.json`),
					'utf8',
				),
			) as Record<string, string>;
			for (const p of catalogue) expect(dict[`product.${p.id}`], p.id).toBeTruthy();
			for (const c of CHANNELS) expect(dict[`channel.${c}`], c).toBeTruthy();
		}
		const zh = JSON.parse(
			readFileSync(
				join(import.meta.dirname, '..', '..', '..', 'src', 'i18n', 'domain-b.zh-CN.json'),
				'utf8',
			),
		) as Record<string, string>;
		for (const p of catalogue) expect(zh[`product.${p.id}`]).toBe(p.name);
	});
});
