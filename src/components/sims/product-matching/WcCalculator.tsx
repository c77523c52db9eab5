/**
 * The 2010 working-capital formula as a calculator: prefilled from the client's dossier, every
 * field editable and checked by the domain (field-level messages from its error codes), the steps
 * shown with the learner's numbers, and a button that copies the new loan limit into the amount.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { WC_FIELDS, WC_PERCENT_FIELDS, suggestedAmountWan, wcInputOf, type WcField } from '../../../domain/product-matching';
import { isWorkingCapitalPurpose } from '../../../domain/products';
import type { Client } from '../../../domain/client';
import type { ProductMatching } from '../../../stores/product-matching';
import type { T } from '../../../i18n/format';
import type { Lang } from '../../../i18n/index';
import { fmt } from '../../../lib/format-number';

interface Props {
	pm: ProductMatching;
	/** The client shown (its scenario is loaded). */
	client: Client;
	t: T;
	lang: Lang;
	id: string;
}

const unitOf = (f: WcField): 'pct' | 'days' | 'wan' => (WC_PERCENT_FIELDS.includes(f) ? 'pct' : f.endsWith('Days') ? 'days' : 'wan');

export default function WcCalculator({ pm, client, t, lang, id }: Props) {
	const form = useStore(pm.$wcForm);
	const result = useStore(pm.$wcResult);
	const [copied, setCopied] = useState(false);
	useEffect(() => setCopied(false), [client]);
	const n = (x: number) => fmt(x, lang);
	const input = wcInputOf(form);
	const fieldErrors = new Map<string, string>();
	const formErrors: string[] = [];
	if (!result.ok) {
		for (const e of result.errors) {
			const msg = t(`wcError.${e.code}`, { fieldName: t(`wcField.${e.field}`) });
			if ((WC_FIELDS as readonly string[]).includes(e.field)) {
				if (!fieldErrors.has(e.field)) fieldErrors.set(e.field, msg);
			} else formErrors.push(msg);
		}
	}
	const suggested = suggestedAmountWan(result);
	const workingCapitalPurpose = isWorkingCapitalPurpose(client.purpose);
	const fid = (f: string) => `${id}-wc-${f}`;
	return (
		<section class="pm-section sim-card" aria-labelledby={`${id}-wc`}>
			<h4 id={`${id}-wc`}>{t('sim.product-matching.wcTitle')}</h4>
			<p class="meta">{t(workingCapitalPurpose ? 'sim.product-matching.wcLead' : 'sim.product-matching.wcLeadInvestment', { purpose: t(`purpose.${client.purpose}`) })}</p>
			<form class="pm-wc" noValidate onSubmit={(e) => e.preventDefault()}>
				<div class="pm-grid">
					{WC_FIELDS.map((f) => {
						const err = fieldErrors.get(f);
						return (
							<div class="field" key={f}>
								<label for={fid(f)}>
									{t(`wcField.${f}`)}
									{t(`sim.product-matching.unit.${unitOf(f)}`)}
								</label>
								<input
									id={fid(f)}
									type="text"
									inputMode="decimal"
									autoComplete="off"
									value={form[f]}
									onInput={(e) => {
										setCopied(false);
										pm.setWcField(f, (e.currentTarget as HTMLInputElement).value);
									}}
									aria-invalid={err ? 'true' : undefined}
									aria-describedby={err ? `${fid(f)}-error` : undefined}
								/>
								{err && (
									<p id={`${fid(f)}-error`} class="field-error" role="alert">
										{err}
									</p>
								)}
							</div>
						);
					})}
				</div>
				<div class="btn-row">
					<button type="button" class="btn" onClick={() => pm.resetWc()}>
						{t('sim.product-matching.wcReset')}
					</button>
				</div>
			</form>
			<div aria-live="polite" class="pm-wc-result">
				{formErrors.map((m) => (
					<p key={m} class="field-error">
						{m}
					</p>
				))}
				{result.ok && (
					<>
						<ol class="pm-steps">
							<li>
								{t('worked.wc.turnoverDays', {
									inventory: n(input.inventoryDays),
									receivable: n(input.receivableDays),
									payable: n(input.payableDays),
									prepaid: n(input.prepaidDays),
									advance: n(input.advanceReceiptDays),
									days: n(result.turnoverDays),
								})}
							</li>
							<li>{t('worked.wc.turnoverTimes', { days: n(result.turnoverDays), times: n(result.turnoverTimes) })}</li>
							<li>
								{t('worked.wc.workingCapital', {
									revenue: n(input.lastYearRevenueWan),
									margin: `${fmt(input.lastYearProfitMargin * 100, lang)}%`,
									growth: `${fmt(input.expectedGrowth * 100, lang)}%`,
									times: n(result.turnoverTimes),
									wc: n(result.workingCapitalWan),
								})}
							</li>
							<li>
								{t('worked.wc.newLoan', {
									wc: n(result.workingCapitalWan),
									own: n(input.ownFundsWan),
									existing: n(input.existingWorkingCapitalLoansWan),
									other: n(input.otherFundingWan),
									limit: n(result.newLoanLimitWan),
								})}
							</li>
						</ol>
						{suggested === null && <p>{t('worked.wc.noNeed')}</p>}
					</>
				)}
			</div>
			<div class="btn-row">
				<button
					type="button"
					class="btn btn-primary"
					disabled={suggested === null}
					onClick={() => {
						if (pm.useWcAmount()) setCopied(true);
					}}
				>
					{suggested === null ? t('sim.product-matching.wcUseNone') : t('sim.product-matching.wcUse', { amount: n(suggested) })}
				</button>
			</div>
			{copied && (
				<p class="meta" role="status">
					{t('sim.product-matching.wcCopied', { amount: n(suggested ?? 0) })}
				</p>
			)}
		</section>
	);
}
