/**
 * The decision: one product from the whole catalogue (each with its ranges and entry conditions;
 * an ineligible product stays choosable, choosing it is a teachable mistake), its five elements
 * within the product's ranges, an optional one-line rationale, and submit. Errors show inline next
 * to their field once it is edited or a submit is tried.
 */
import { useStore } from '@nanostores/preact';
import { DRAFT_FIELDS, productLimits, RATIONALE_MAX_CHARS, type DraftField } from '../../../domain/product-matching';
import type { Product } from '../../../domain/products';
import { LPR_1Y, LPR_DATE } from '../../../domain/rates';
import type { ProductMatching } from '../../../stores/product-matching';
import type { T } from '../../../i18n/format';
import { inputErrorText } from './messages';
import { preloadDebrief } from './LazyDebrief';
import LoadStatus from '../LoadStatus';

interface Props {
	pm: ProductMatching;
	t: T;
	id: string;
}

const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;

function Eligibility({ p, t }: { p: Product; t: T }) {
	const e = p.eligibility;
	const sep = t('sim.product-matching.listSep');
	const names = (ns: string, xs: readonly string[]) => xs.map((x) => t(`${ns}.${x}`)).join(sep);
	const items: string[] = [t('sim.product-matching.elig.segments', { list: names('segment', e.segments) })];
	if (e.legalForms) items.push(t('sim.product-matching.elig.legalForms', { list: names('legalForm', e.legalForms) }));
	if (e.minYearsInBusiness > 0) items.push(t('sim.product-matching.elig.years', { n: e.minYearsInBusiness }));
	if (e.statementsRequired) items.push(t('sim.product-matching.elig.statements'));
	if (e.taxGrades) items.push(t('sim.product-matching.elig.taxGrades', { list: e.taxGrades.join('/') }));
	if (e.collateralKinds) items.push(t('sim.product-matching.elig.collateral', { list: names('collateral', e.collateralKinds) }));
	if (e.anchorBuyerRequired) items.push(t('sim.product-matching.elig.anchor'));
	if (e.minSettlementMonths > 0) items.push(t('sim.product-matching.elig.settlement', { n: e.minSettlementMonths }));
	if (e.greenOnly) items.push(t('sim.product-matching.elig.green'));
	if (e.ruralOnly) items.push(t('sim.product-matching.elig.rural'));
	items.push(t('sim.product-matching.elig.purposes', { list: names('purpose', p.purposes) }));
	items.push(t('sim.product-matching.elig.repayment', { list: names('repayment', p.repaymentMethods) }));
	items.push(t('sim.product-matching.elig.guarantee', { list: names('guarantee', p.guaranteeMethods) }));
	return (
		<details class="pm-elig">
			<summary>{t('sim.product-matching.eligSummary')}</summary>
			<ul>
				{items.map((x) => (
					<li key={x}>{x}</li>
				))}
			</ul>
		</details>
	);
}

export default function DecisionForm({ pm, t, id }: Props) {
	const draft = useStore(pm.$draft);
	const shown = useStore(pm.$shown);
	const check = useStore(pm.$check);
	const product = useStore(pm.$product);
	const submitStatus = useStore(pm.$submitStatus);
	const limits = product ? productLimits(product) : null;
	const fid = (f: DraftField) => `${id}-${f}`;
	const err = (f: DraftField) => (shown[f] && check.errors[f] ? inputErrorText(t, f, check.errors[f], draft[f]) : null);
	const attempted = DRAFT_FIELDS.every((f) => shown[f]);
	const invalidCount = attempted ? Object.keys(check.errors).length : 0;
	const describedBy = (f: DraftField, help = true) => [help ? `${fid(f)}-help` : '', err(f) ? `${fid(f)}-error` : ''].filter(Boolean).join(' ') || undefined;
	const errorLine = (f: DraftField) => {
		const m = err(f);
		return m ? (
			<p id={`${fid(f)}-error`} class="field-error" role="alert">
				{m}
			</p>
		) : null;
	};

	const submit = (e?: Event) => {
		e?.preventDefault();
		const r = pm.submit();
		// The debrief's code is fetched alongside the scorer, not after it.
		if (r.ok) preloadDebrief();
		if (!r.ok) {
			const target = r.firstInvalid === 'productId' ? document.getElementById(fid('productId')) : document.getElementById(fid(r.firstInvalid));
			target?.focus();
		}
	};

	const numberField = (f: 'amountWan' | 'termMonths' | 'ratePct', help: string) => (
		<div class="field">
			<label for={fid(f)}>
				{t(`sim.product-matching.field.${f}`)}
				{t(`sim.product-matching.fieldUnit.${f}`)}
			</label>
			<input
				id={fid(f)}
				type="text"
				inputMode="decimal"
				autoComplete="off"
				value={draft[f]}
				onInput={(e) => pm.setField(f, (e.currentTarget as HTMLInputElement).value)}
				aria-invalid={err(f) ? 'true' : undefined}
				aria-describedby={describedBy(f)}
			/>
			<p id={`${fid(f)}-help`} class="meta field-help">
				{help}
			</p>
			{errorLine(f)}
		</div>
	);

	const selectField = (f: 'repayment' | 'guarantee') => (
		<div class="field">
			<label for={fid(f)}>{t(`sim.product-matching.field.${f}`)}</label>
			<select
				id={fid(f)}
				value={draft[f]}
				onChange={(e) => pm.setField(f, (e.currentTarget as HTMLSelectElement).value)}
				aria-invalid={err(f) ? 'true' : undefined}
				aria-describedby={describedBy(f, false)}
			>
				<option value="">{t(product ? 'sim.product-matching.choose' : 'sim.product-matching.chooseProductFirst')}</option>
				{(limits ? limits[f] : []).map((m) => (
					<option key={m} value={m}>
						{t(`${f}.${m}`)}
					</option>
				))}
			</select>
			{errorLine(f)}
		</div>
	);

	const rationaleLength = [...draft.rationale.trim()].length;
	return (
		<form class="pm-section pm-decision" onSubmit={submit} noValidate aria-labelledby={`${id}-decision`}>
			<h4 id={`${id}-decision`}>{t('sim.product-matching.decisionTitle')}</h4>
			<fieldset class="pm-products" id={fid('productId')} tabIndex={-1} aria-describedby={err('productId') ? `${fid('productId')}-error` : undefined}>
				<legend>{t('sim.product-matching.productLegend', { count: pm.catalogue.length })}</legend>
				<ul class="pm-product-list">
					{pm.catalogue.map((p) => {
						const l = productLimits(p);
						return (
							<li key={p.id} class={`pm-product${draft.productId === p.id ? ' pm-product-selected' : ''}`}>
								<label>
									<input type="radio" name={`${id}-product`} value={p.id} checked={draft.productId === p.id} onChange={() => pm.selectProduct(p.id)} />{' '}
									<strong>{t(`product.${p.id}`)}</strong>
								</label>
								<p class="pm-product-summary">{p.summary}</p>
								<p class="pm-ranges">
									{t('sim.product-matching.ranges', {
										amountMin: l.amountWan.min,
										amountMax: l.amountWan.max,
										termMin: l.termMonths.min,
										termMax: l.termMonths.max,
										rateMin: l.ratePct.min,
										rateMax: l.ratePct.max,
									})}
								</p>
								<Eligibility p={p} t={t} />
							</li>
						);
					})}
				</ul>
				{errorLine('productId')}
			</fieldset>
			<fieldset class="pm-elements">
				<legend>{t('sim.product-matching.elementsLegend', { product: product ? t(`product.${product.id}`) : t('sim.product-matching.noProduct') })}</legend>
				<div class="pm-grid">
					{numberField(
						'amountWan',
						limits ? t('sim.product-matching.amountHelp', { min: limits.amountWan.min, max: limits.amountWan.max }) : t('sim.product-matching.pickFirst'),
					)}
					{numberField(
						'termMonths',
						limits ? t('sim.product-matching.termHelp', { min: limits.termMonths.min, max: limits.termMonths.max }) : t('sim.product-matching.pickFirst'),
					)}
					{numberField(
						'ratePct',
						[
							t('sim.product-matching.lprHelp', { lpr: pct(LPR_1Y), date: LPR_DATE }),
							limits
								? t('sim.product-matching.rateHelp', {
										base: t(`sim.product-matching.base.${limits.base}`),
										basePct: `${limits.basePct}%`,
										min: `${limits.ratePct.min}%`,
										max: `${limits.ratePct.max}%`,
										minBp: limits.spreadBp.min,
										maxBp: limits.spreadBp.max,
									})
								: '',
						].join(' '),
					)}
					{selectField('repayment')}
					{selectField('guarantee')}
				</div>
				<div class="field pm-rationale">
					<label for={fid('rationale')}>{t('sim.product-matching.field.rationale')}</label>
					<input
						id={fid('rationale')}
						type="text"
						autoComplete="off"
						value={draft.rationale}
						onInput={(e) => pm.setField('rationale', (e.currentTarget as HTMLInputElement).value)}
						aria-invalid={err('rationale') ? 'true' : undefined}
						aria-describedby={describedBy('rationale')}
					/>
					<p id={`${fid('rationale')}-help`} class="meta field-help">
						{t('sim.product-matching.rationaleHelp', { count: rationaleLength, max: RATIONALE_MAX_CHARS })}
					</p>
					{errorLine('rationale')}
				</div>
			</fieldset>
			{invalidCount > 0 && (
				<p class="field-error" role="status">
					{t('sim.product-matching.fixCount', { count: invalidCount })}
				</p>
			)}
			<div class="btn-row">
				<button type="submit" class="btn btn-primary">
					{t('sim.product-matching.submit')}
				</button>
			</div>
			{(submitStatus === 'loading' || submitStatus === 'failed') && <LoadStatus failed={submitStatus === 'failed'} t={t} onRetry={() => submit()} />}
		</form>
	);
}
