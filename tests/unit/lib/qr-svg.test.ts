/**
 * The QR codes the instructor page draws must scan: render our SVG path back to pixels and decode
 * them with the `qr` package's own decoder (qr/decode.js), for plain, long and CJK links.
 */
import { describe, expect, test } from 'vitest';
import decodeQR from 'qr/decode.js';
import { QUIET_ZONE, qrMatrix, qrPath, qrSvg } from '../../../src/lib/qr-svg';

/** Rasterise a path of `M x y h w v1 h-w z` runs into an RGB image, `scale` px per module. */
function rasterise(path: string, size: number, scale: number): { width: number; height: number; data: Uint8Array } {
	const px = size * scale;
	const data = new Uint8Array(px * px * 3).fill(255);
	for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
		const [x0, y0, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
		for (let y = y0 * scale; y < (y0 + 1) * scale; y++)
			for (let x = x0 * scale; x < (x0 + w) * scale; x++) data.fill(0, (y * px + x) * 3, (y * px + x) * 3 + 3);
	}
	return { width: px, height: px, data };
}

describe('qr-svg', () => {
	const links = [
		'http://127.0.0.1:4327/lessons/m4/04-segmentation/?seed=abcdef&session=A%E7%8F%AD-2026-05-12#%E5%8A%A8%E6%89%8B%E7%BB%83%EF%BC%9A%E5%AE%A2%E7%BE%A4%E7%BB%86%E5%88%86%E6%A8%A1%E6%8B%9F',
		'https://intranet.example/training/sme/en/class/?session=hz-branch-2026-05-12',
		'课堂 KT1 你好',
	];
	for (const link of links) {
		test(`the SVG path decodes back to the text: ${link.slice(0, 40)}`, () => {
			const { size, path } = qrSvg(link);
			expect(decodeQR(rasterise(path, size, 4))).toBe(link);
		});
	}

	test('draws runs with the quiet zone and nothing for light modules', () => {
		expect(qrPath([[true, true, false, true], [false, false, false, false]])).toBe(
			`M${QUIET_ZONE} ${QUIET_ZONE}h2v1h-2zM${QUIET_ZONE + 3} ${QUIET_ZONE}h1v1h-1z`,
		);
		expect(qrPath([])).toBe('');
	});

	test('the matrix is a square QR symbol (version 1 is 21 modules, finder pattern in the corner)', () => {
		const m = qrMatrix('A');
		expect(m.length).toBe(21);
		expect(m.every((row) => row.length === 21)).toBe(true);
		expect(m[0]!.slice(0, 7)).toEqual([true, true, true, true, true, true, true]);
		expect(qrSvg('A').size).toBe(21 + 2 * QUIET_ZONE);
	});
});
