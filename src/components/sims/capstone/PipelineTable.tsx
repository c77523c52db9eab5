/**
 * The quarter's pipeline: one table row per applicant (name, trade, segment, request, capital
 * need, PD band and risk tier, purpose) with an approve/decline choice, and under an approval a
 * panel with the product and its five elements. Errors show inline once a field is edited or a run
 * is attempted. Under ~700 px the rows become stacked cards (CSS only).
 */
import { useState } from 'preact/hooks';
import { applicantRow, draftLimits, type DecisionDraft, type DraftCheck, type DraftError, type DraftField } from '../../../domain/capstone';
import type { Client } from '../../../domain/client';
import { findProduct, type Catalogue } from '../../../domain/products';
import { LPR_1Y, LPR_DATE } from '../../../domain/rates';
import type { T } from '../../../i18n/format';
import { selectProduct, setChoice, setField } from '../../../stores/capstone';
import ClientDossier from '../shared/ClientDossier';
import { pct, wan } from './format';

interface Props {
	round: number;
	applicants: Client[];
	drafts: Record<string, DecisionDraft>;
	checks: Record<string, DraftCheck>;
	catalogue: Catalogue;
	/** Show every error (after a run was attempted). */
	attempted: boolean;
	t: T;
}

/** The DOM id of an applicant's field (the choice: its first radio). */
export const fieldId = (clientId: string, field: DraftField): string => `cap-${clientId}-${field}`;

function errorText(t: T, field: DraftField, e: DraftError, raw: string): string {
	if (e.code === 'required') return t(field === 'choice' ? 'sim.capstone.error.choice' : field === 'productId' || field === 'repayment' || field === 'guarantee' ? 'sim.capstone.error.select' : 'sim.capstone.error.required');
	return t(`sim.capstone.error.${e.code}`, { ...e.data, value: raw });
}

export default function PipelineTable({ round, applicants, drafts, checks, catalogue, attempted, t }: Props) {
	const [openDossier, setOpenDossier] = useState<Record<string, boolean>>({});
	const cols = ['client', 'segment', 'request', 'need', 'risk', 'purpose', 'decision'].map((c) => t(`sim.capstone.col.${c}`));
	return (
		<div class="cap-table-wrap">
			<table class="cap-table">
				<caption>{t('sim.capstone.pipeline.caption', { round })}</caption>
				<thead>
					<tr>
						{cols.map((c) => (
							<th scope="col" key={c}>
								{c}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{applicants.map((c) => {
						const row = applicantRow(c);
						const d = drafts[c.id];
						const check = checks[c.id];
						const choiceError = attempted && check?.errors.choice ? errorText(t, 'choice', check.errors.choice, '') : null;
						const approve = d?.choice === 'approve';
						return [
							<tr key={c.id} class={`cap-row${approve ? ' cap-row-approve' : ''}${d?.choice === 'decline' ? ' cap-row-decline' : ''}`} data-client={c.id}>
								<th scope="row" data-label={cols[0]}>
									<span class="cap-name">{c.name}</span>
									<span class="cap-trade">{c.trade}</span>
								</th>
								<td data-label={cols[1]}>{t(`segment.${row.segment}`)}</td>
								<td data-label={cols[2]} class="cap-num">
									{t('sim.capstone.requestValue', { amount: wan(c.requestedAmountWan), months: c.requestedTermMonths })}
								</td>
								<td data-label={cols[3]} class="cap-num">
									{t('sim.capstone.needValue', { need: wan(row.needWan) })}
									{!row.workingCapitalPurpose && t('sim.capstone.needInvestment')}
								</td>
								<td data-label={cols[4]}>
									{t(`sim.capstone.pdBand.${row.pdBand}`)}
									<span class="cap-tier">{t(`riskTier.${row.riskTier}`)}</span>
								</td>
								<td data-label={cols[5]}>
									{t(`purpose.${c.purpose}`)}
									{!row.permittedPurpose && <strong class="cap-flag">{t('sim.capstone.prohibited')}</strong>}
								</td>
								<td data-label={cols[6]}>
									<fieldset class="cap-choice" aria-describedby={choiceError ? `${fieldId(c.id, 'choice')}-error` : undefined}>
										<legend class="visually-hidden">{t('sim.capstone.choice.legend', { name: c.name })}</legend>
										<label>
											<input type="radio" id={fieldId(c.id, 'choice')} name={`cap-choice-${c.id}`} value="approve" checked={approve} onChange={() => setChoice(c.id, 'approve')} /> {t('sim.capstone.choice.approve')}
										</label>
										<label>
											<input type="radio" name={`cap-choice-${c.id}`} value="decline" checked={d?.choice === 'decline'} onChange={() => setChoice(c.id, 'decline')} /> {t('sim.capstone.choice.decline')}
										</label>
									</fieldset>
									{choiceError && (
										<p id={`${fieldId(c.id, 'choice')}-error`} class="field-error">
											{choiceError}
										</p>
									)}
								</td>
							</tr>,
							approve && d ? (
								<tr key={`${c.id}-panel`} class="cap-panel-row">
									<td colSpan={7}>
										<DecisionPanel client={c} draft={d} check={check} catalogue={catalogue} attempted={attempted} t={t} />
										<details
											class="cap-dossier"
											onToggle={(e) => {
												const open = (e.currentTarget as HTMLDetailsElement).open;
												setOpenDossier((o) => ({ ...o, [c.id]: open }));
											}}
										>
											<summary>{t('sim.capstone.dossier', { name: c.name })}</summary>
											{openDossier[c.id] && <ClientDossier client={c} t={t} detail headingLevel={4} />}
										</details>
									</td>
								</tr>
							) : null,
						];
					})}
				</tbody>
			</table>
		</div>
	);
}

interface PanelProps {
	client: Client;
	draft: DecisionDraft;
	check: DraftCheck | undefined;
	catalogue: Catalogue;
	attempted: boolean;
	t: T;
}

function DecisionPanel({ client: c, draft, check, catalogue, attempted, t }: PanelProps) {
	const product = draft.productId ? findProduct(catalogue, draft.productId) : undefined;
	const limits = product ? draftLimits(c, product) : null;
	const id = (f: DraftField) => fieldId(c.id, f);
	const shown = (f: DraftField) => attempted || (f !== 'productId' && draft[f] !== '') || (f === 'productId' && draft.productId !== '');
	const err = (f: DraftField) => {
		const e = check?.errors[f];
		return e && shown(f) ? errorText(t, f, e, draft[f]) : null;
	};
	const describedBy = (f: DraftField, help: boolean) => [help ? `${id(f)}-help` : '', err(f) ? `${id(f)}-error` : ''].filter(Boolean).join(' ') || undefined;
	const errorLine = (f: DraftField) => {
		const m = err(f);
		return m ? (
			<p id={`${id(f)}-error`} class="field-error" role="alert">
				{m}
			</p>
		) : null;
	};
	const numberField = (f: 'amountWan' | 'ratePct' | 'termMonths', help: string | null) => (
		<div class="field">
			<label for={id(f)}>{t(`sim.capstone.field.${f}`)}</label>
			<input
				id={id(f)}
				type="text"
				inputMode="decimal"
				autoComplete="off"
				value={draft[f]}
				onInput={(e) => setField(c.id, f, (e.currentTarget as HTMLInputElement).value)}
				aria-invalid={err(f) ? 'true' : undefined}
				aria-describedby={describedBy(f, help !== null)}
			/>
			{help !== null && (
				<p id={`${id(f)}-help`} class="meta field-help">
					{help}
				</p>
			)}
			{errorLine(f)}
		</div>
	);
	const selectField = (f: 'repayment' | 'guarantee') => (
		<div class="field">
			<label for={id(f)}>{t(`sim.capstone.field.${f}`)}</label>
			<select id={id(f)} value={draft[f]} onChange={(e) => setField(c.id, f, (e.currentTarget as HTMLSelectElement).value)} aria-invalid={err(f) ? 'true' : undefined} aria-describedby={describedBy(f, false)}>
				<option value="">{t('sim.capstone.choose')}</option>
				{(limits ? limits[f] : []).map((m) => (
					<option key={m} value={m}>
						{t(`${f}.${m}`)}
					</option>
				))}
			</select>
			{errorLine(f)}
		</div>
	);
	return (
		<fieldset class="cap-panel">
			<legend>{t('sim.capstone.panel.legend', { name: c.name })}</legend>
			<div class="cap-grid">
				<div class="field cap-product">
					<label for={id('productId')}>{t('sim.capstone.field.productId')}</label>
					<select
						id={id('productId')}
						value={draft.productId}
						onChange={(e) => selectProduct(c.id, (e.currentTarget as HTMLSelectElement).value)}
						aria-invalid={err('productId') ? 'true' : undefined}
						aria-describedby={describedBy('productId', false)}
					>
						<option value="">{t('sim.capstone.chooseProduct')}</option>
						{catalogue.map((p) => (
							<option key={p.id} value={p.id}>
								{t(`product.${p.id}`)}
							</option>
						))}
					</select>
					{errorLine('productId')}
				</div>
				{product && limits && (
					<>
						{numberField('amountWan', t('sim.capstone.help.amount', { min: product.amountWan.min, max: product.amountWan.max, cap: limits.needCapWan }))}
						{numberField('ratePct', t('sim.capstone.help.rate', { min: limits.ratePct.min, max: limits.ratePct.max, lpr: pct(LPR_1Y), date: LPR_DATE }))}
						{numberField('termMonths', t('sim.capstone.help.term', { min: limits.termMonths.min, max: limits.termMonths.max }))}
						{selectField('repayment')}
						{selectField('guarantee')}
					</>
				)}
			</div>
		</fieldset>
	);
}
