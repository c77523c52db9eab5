/**
 * Reading a typed number, shared by the stores whose fields take free text (the cost-to-serve
 * calculator, the IPC worksheet). A module of its own so a simulation that only needs the parser
 * does not pull another simulation's store and domain rules into its page.
 */

/** Parse a typed number: spaces, thousands separators and a trailing % are ignored; anything else is NaN. */
export function parseNumber(raw: string): number {
	const s = String(raw ?? '')
		.trim()
		.replace(/[,，\s]/g, '')
		.replace(/[%％]$/, '');
	return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
