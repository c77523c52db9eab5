/** Number formats of the bundle builder: 万元 with two decimals, rates as trimmed percentages. */

/** 万元 with two decimals, as in the lesson's table ("5.70"). */
export const wan2 = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

/** A fraction as a percentage with up to two decimals ("4.2%", "0.08%"). */
export const pct = (x: number): string => `${Number((x * 100).toFixed(2))}%`;

/** A number with up to two decimals, trailing zeros trimmed. */
export const num = (x: number): string => `${Number(x.toFixed(2))}`;
