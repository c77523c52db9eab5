/** Words for the form's input errors and the elements' values, shared by the form and the what-if. */
import type { DraftField, InputError } from '../../../domain/product-matching';
import type { T } from '../../../i18n/format';

const UNIT: Partial<Record<DraftField, string>> = { amountWan: 'unit.wanShort', termMonths: 'unit.months', ratePct: 'unit.percent' };
const EXAMPLE: Partial<Record<DraftField, string>> = { amountWan: '50', termMonths: '12', ratePct: '4.35' };
const SELECTS: readonly DraftField[] = ['productId', 'repayment', 'guarantee'];

/** The message for a refused value of `field` (`raw` as typed). */
export function inputErrorText(t: T, field: DraftField, e: InputError, raw: string): string {
	const label = t(`sim.product-matching.field.${field}`);
	const unit = UNIT[field] ? t(`sim.product-matching.${UNIT[field]}`) : '';
	const vars = { label, unit, value: raw.trim(), min: e.min, max: e.max, example: EXAMPLE[field] ?? '', count: [...raw.trim()].length };
	if (e.code === 'required' && SELECTS.includes(field)) return t('sim.product-matching.error.select', vars);
	if (e.code === 'not-offered') return t(field === 'productId' ? 'sim.product-matching.error.select' : 'sim.product-matching.error.not-offered', vars);
	if (e.code === 'below-min' && e.max === undefined) return t('sim.product-matching.error.positive', vars);
	return t(`sim.product-matching.error.${e.code}`, vars);
}
