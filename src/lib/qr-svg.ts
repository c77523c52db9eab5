/**
 * QR codes drawn locally (no external service): the `qr` package (paulmillr/qr, zero
 * dependencies) computes the module matrix; this module turns it into one SVG path of dark runs,
 * with a 4-module quiet zone. Pure functions, safe in the browser and in tests.
 */
import encodeQR from 'qr';

/** Modules of white border around the symbol (the QR standard asks for 4). */
export const QUIET_ZONE = 4;

/** The module matrix of `text` (true = dark), without the quiet zone. Error correction M. */
export function qrMatrix(text: string): boolean[][] {
	// The encoder always adds a border of at least one module; trim it (the quiet zone is drawn in qrPath).
	const withBorder = encodeQR(text, 'raw', { ecc: 'medium', border: 1 });
	return withBorder.slice(1, -1).map((row) => row.slice(1, -1));
}

/** One SVG path (`d`) drawing every dark module as horizontal runs, offset by the quiet zone. */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
	let d = '';
	matrix.forEach((row, y) => {
		let x = 0;
		while (x < row.length) {
			if (!row[x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < row.length && row[x]) x++;
			d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
		}
	});
	return d;
}

/** What an `<svg>` needs to draw `text` as a QR code: its side in modules (quiet zone included) and the path. */
export function qrSvg(text: string): { size: number; path: string } {
	const m = qrMatrix(text);
	return { size: m.length + 2 * QUIET_ZONE, path: qrPath(m) };
}
