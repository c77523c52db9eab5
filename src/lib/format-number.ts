/** Number formatting shared by pages and islands: up to 2 decimals, no trailing zeros. */
import type { Lang } from '../i18n/index';

/** Format a number for display in the given locale. */
export function fmt(x: number, lang: Lang, maxDecimals = 2): string {
	if (!Number.isFinite(x)) return '—';
	return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: maxDecimals, useGrouping: false }).format(x);
}
