/**
 * After a submit: the shared feedback panel (overall and per-dimension scores, findings) with this
 * simulation's summary inside — the learner's choice next to the expert's and the expert's reasons,
 * expected loss and RAROC, the compliance checks — and the what-if replay of one element.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { WHAT_IF_ELEMENTS, draftOf, productLimits, rateToPct, type InputError, type WhatIfElement } from '../../../domain/product-matching';
import type { ProductDecision } from '../../../domain/product-rules';
import { findProduct } from '../../../domain/products';
import type { Feedback, Finding } from '../../../domain/scoring/feedback';
import type { ProductMatching } from '../../../stores/product-matching';
import type { T } from '../../../i18n/format';
import type { Lang } from '../../../i18n/index';
import { fmt } from '../../../lib/format-number';
import FeedbackPanel from '../LazyFeedback';
import { findingVars } from '../finding-vars';
import { inputErrorText } from './messages';

export interface DebriefProps {
	pm: ProductMatching;
	t: T;
	lang: Lang;
	id: string;
	topicLinks: Record<string, string>;
}

const say = (t: T, f: Finding) => t(`finding.${f.code}`, findingVars(f, t));

/** One element of a decision in words. */
function valueText(t: T, lang: Lang, d: ProductDecision, k: WhatIfElement | 'productId'): string {
	if (k === 'productId') return t(`product.${d.productId}`);
	if (k === 'amountWan') return `${fmt(d.amountWan, lang)} ${t('sim.product-matching.unit.wanShort')}`;
	if (k === 'termMonths') return `${fmt(d.termMonths, lang)} ${t('sim.product-matching.unit.months')}`;
	if (k === 'ratePct') return `${fmt(rateToPct(d.annualRate), lang)}%`;
	return t(`${k}.${d[k]}`);
}

export default function Debrief({ pm, t, lang, id, topicLinks }: DebriefProps) {
	const feedback = useStore(pm.$feedback);
	const decision = useStore(pm.$submitted);
	const sc = useStore(pm.$case);
	if (!feedback || !decision || !sc) return null;
	const { expert } = sc;
	const find = (code: string) => feedback.findings.find((f) => f.code === code);
	const el = find('profit.expected-loss');
	const raroc = find('profit.raroc');
	const compliance = feedback.findings.filter((f) => f.dimension === 'compliance');
	const e = expert.decision;
	const rows: (WhatIfElement | 'productId')[] = ['productId', ...WHAT_IF_ELEMENTS];
	const pct = (x: unknown) => `${fmt((typeof x === 'number' ? x : 0) * 100, lang, 1)}%`;
	return (
		<>
			<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks}>
				<div class="pm-debrief sim-card">
					<h4>{t('sim.product-matching.compareTitle')}</h4>
					{e ? (
						<div class="pm-table-wrap">
							<table class="pm-compare">
								<thead>
									<tr>
										<th scope="col">{t('sim.product-matching.elementCol')}</th>
										<th scope="col">{t('sim.product-matching.yoursCol')}</th>
										<th scope="col">{t('sim.product-matching.expertCol')}</th>
										<th scope="col">{t('sim.product-matching.sameCol')}</th>
									</tr>
								</thead>
								<tbody>
									{rows.map((k) => {
										const mine = valueText(t, lang, decision, k);
										const theirs = valueText(t, lang, e, k);
										return (
											<tr key={k}>
												<th scope="row">{t(`sim.product-matching.field.${k}`)}</th>
												<td>{mine}</td>
												<td>{theirs}</td>
												<td>{mine === theirs ? t('sim.product-matching.same') : t('sim.product-matching.differs')}</td>
											</tr>
										);
									})}
									<tr>
										<th scope="row">RAROC</th>
										<td>{pct(raroc?.data['raroc'])}</td>
										<td>{pct(expert.raroc)}</td>
										<td>—</td>
									</tr>
								</tbody>
							</table>
						</div>
					) : (
						<p>{t('finding.expert.declines', { decisionName: t(`decision.${expert.action}`) })}</p>
					)}
					<p class="pm-why">{t('sim.product-matching.expertWhy')}</p>
					<ul class="pm-reasons">
						{expert.reasons.map((code) => (
							<li key={code}>{t(`finding.${code}`)}</li>
						))}
					</ul>
					<h4>{t('sim.product-matching.riskTitle')}</h4>
					<ul>
						{el && <li>{say(t, el)}</li>}
						{raroc && <li>{say(t, raroc)}</li>}
					</ul>
					<p class="meta">{t('sim.product-matching.riskNote')}</p>
					<h4>{t('sim.product-matching.complianceTitle')}</h4>
					<ul class="pm-compliance">
						{compliance.map((f, i) => (
							<li key={`${f.code}-${i}`} class={`finding-${f.severity}`}>
								<span class="pm-flag">{t(`sim.product-matching.flag.${f.severity}`)}</span> {say(t, f)}
							</li>
						))}
					</ul>
					{decision.rationale && <p>{t('sim.product-matching.yourRationale', { text: decision.rationale })}</p>}
				</div>
			</FeedbackPanel>
			<WhatIf pm={pm} t={t} lang={lang} id={id} decision={decision} before={feedback} />
		</>
	);
}

function WhatIf({ pm, t, lang, id, decision, before }: { pm: ProductMatching; t: T; lang: Lang; id: string; decision: ProductDecision; before: Feedback }) {
	const w = useStore(pm.$whatIf);
	const result = useStore(pm.$whatIfResult);
	const [element, setElement] = useState<WhatIfElement>('termMonths');
	const [raw, setRaw] = useState(() => draftOf(decision).termMonths);
	const [error, setError] = useState<InputError | null>(null);
	// Switching the element refills the value in the same update (an effect would run after the
	// next paint and could overwrite what the learner has started typing); a new submitted
	// decision refills it too.
	const choose = (next: WhatIfElement) => {
		setElement(next);
		setRaw(draftOf(decision)[next]);
		setError(null);
	};
	useEffect(() => {
		setRaw(draftOf(decision)[element]);
		setError(null);
	}, [decision]);
	const product = findProduct(pm.catalogue, decision.productId);
	const limits = product ? productLimits(product) : null;
	const fid = `${id}-whatif-value`;
	const run = (e: Event) => {
		e.preventDefault();
		setError(pm.runWhatIf(element, raw));
	};
	const n1 = (x: number) => fmt(x, lang, 1);
	const signed = (x: number) => (Math.abs(x) < 0.05 ? '0' : `${x > 0 ? '+' : '−'}${n1(Math.abs(x))}`);
	const after = result?.after;
	const errorText = error ? inputErrorText(t, element, error, raw) : null;
	return (
		<section class="pm-section sim-card pm-whatif" aria-labelledby={`${id}-whatif`}>
			<h4 id={`${id}-whatif`}>{t('sim.product-matching.whatIfTitle')}</h4>
			<p class="meta">{t('sim.product-matching.whatIfLead')}</p>
			<form class="pm-whatif-form" onSubmit={run} noValidate>
				<div class="field">
					<label for={`${id}-whatif-element`}>{t('sim.product-matching.whatIfElement')}</label>
					<select id={`${id}-whatif-element`} value={element} onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value as WhatIfElement)}>
						{WHAT_IF_ELEMENTS.map((k) => (
							<option key={k} value={k}>
								{t(`sim.product-matching.field.${k}`)}
							</option>
						))}
					</select>
				</div>
				<div class="field">
					<label for={fid}>
						{t('sim.product-matching.whatIfValue')}
						{element === 'repayment' || element === 'guarantee' ? '' : t(`sim.product-matching.fieldUnit.${element}`)}
					</label>
					{element === 'repayment' || element === 'guarantee' ? (
						<select id={fid} value={raw} onChange={(e) => setRaw((e.currentTarget as HTMLSelectElement).value)} aria-invalid={errorText ? 'true' : undefined} aria-describedby={errorText ? `${fid}-error` : undefined}>
							{(limits ? limits[element] : []).map((m) => (
								<option key={m} value={m}>
									{t(`${element}.${m}`)}
								</option>
							))}
						</select>
					) : (
						<input
							id={fid}
							type="text"
							inputMode="decimal"
							autoComplete="off"
							value={raw}
							onInput={(e) => setRaw((e.currentTarget as HTMLInputElement).value)}
							aria-invalid={errorText ? 'true' : undefined}
							aria-describedby={errorText ? `${fid}-error` : undefined}
						/>
					)}
				</div>
				<button type="submit" class="btn">
					{t('sim.product-matching.whatIfRun')}
				</button>
				{errorText && (
					<p id={`${fid}-error`} class="field-error" role="alert">
						{errorText}
					</p>
				)}
			</form>
			<div aria-live="polite">
				{w && after && (
					<>
						{valueText(t, lang, decision, w.element) === valueText(t, lang, { ...decision, ...w.change }, w.element) && (
							<p class="meta">{t('sim.product-matching.whatIfSame')}</p>
						)}
						<p class="pm-whatif-summary">
							{t('sim.product-matching.whatIfSummary', {
								element: t(`sim.product-matching.field.${w.element}`),
								from: valueText(t, lang, decision, w.element),
								to: valueText(t, lang, { ...decision, ...w.change }, w.element),
								before: n1(before.score),
								after: n1(after.score),
								max: n1(after.max),
								delta: signed(after.score - before.score),
							})}
						</p>
						<div class="pm-table-wrap">
							<table class="pm-whatif-table">
								<caption class="visually-hidden">{t('sim.product-matching.whatIfTitle')}</caption>
								<thead>
									<tr>
										<th scope="col">{t('sim.product-matching.dimensionCol')}</th>
										<th scope="col">{t('sim.product-matching.beforeCol')}</th>
										<th scope="col">{t('sim.product-matching.afterCol')}</th>
										<th scope="col">{t('sim.product-matching.changeCol')}</th>
									</tr>
								</thead>
								<tbody>
									{before.dimensions.map((d, i) => {
										const a = after.dimensions[i];
										const delta = (a?.score ?? 0) - d.score;
										return (
											<tr key={d.id} class={delta > 0.04 ? 'pm-up' : delta < -0.04 ? 'pm-down' : undefined}>
												<th scope="row">{t(`dimension.${d.id}`)}</th>
												<td>
													{n1(d.score)} / {n1(d.max)}
												</td>
												<td>
													{n1(a?.score ?? 0)} / {n1(a?.max ?? d.max)}
												</td>
												<td>{signed(delta)}</td>
											</tr>
										);
									})}
									<tr class="pm-total">
										<th scope="row">{t('sim.product-matching.totalRow')}</th>
										<td>
											{n1(before.score)} / {n1(before.max)}
										</td>
										<td>
											{n1(after.score)} / {n1(after.max)}
										</td>
										<td>{signed(after.score - before.score)}</td>
									</tr>
								</tbody>
							</table>
						</div>
					</>
				)}
			</div>
		</section>
	);
}
