/** Chart colours that read on light and dark backgrounds and stay distinct for colour-blind readers. */
export const PALETTE = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#64748b'] as const;

/** The i-th palette colour, cycling. */
export const colour = (i: number): string => PALETTE[i % PALETTE.length] as string;
