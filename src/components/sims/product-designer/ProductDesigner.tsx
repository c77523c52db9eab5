/**
 * Product designer (lesson m3/01): pick a target segment brief, read its sample profile, design a
 * working-capital product's five elements and entry conditions, and see how it serves a seeded
 * sample of that segment — reach, fit, risk-return and compliance, explained with the sample's own
 * numbers. Every control is a native input; errors show next to the field.
 */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { GUARANTEE_METHODS, REPAYMENT_METHODS } from '../../../domain/loan-terms';
import { BRIEF_IDS, DATA_REQUIREMENTS, DESIGN_RULES, rateOf, type BriefId, type DesignError, type DesignField, type ProductDesignWeights, type SampleProfile } from '../../../domain/product-design';
import { LPR_1Y } from '../../../domain/rates';
import { $progress } from '../../../stores/progress';
import {
	$pdBrief,
	$pdDefault,
	$pdDesign,
	$pdErrors,
	$pdEvaluation,
	$pdFeedback,
	$pdForm,
	$pdHistogram,
	$pdProfile,
	$pdSampleLoad,
	$pdScenario,
	$pdScoring,
	$pdSubmitted,
	$pdWeights,
	DEFAULT_SAMPLE,
	PRODUCT_DESIGNER_SIM_ID,
	SAMPLE_RANGE,
	newSample,
	resetDesign,
	retrySampleLoad,
	retryScoring,
	setBrief,
	setNumber,
	setScenario,
	submitDesign,
	toggle,
	type NumberField,
} from '../../../stores/product-designer';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict, type T } from '../../../i18n/format';
import SimShell from '../SimShell';
import LoadStatus from '../LoadStatus';
import NumberTextField from '../../ui/NumberTextField';
import FeedbackPanel from '../LazyFeedback';
import LazyChartCanvas from '../../charts/LazyChartCanvas';
import { needHistogramConfig, shareBarsConfig } from '../../charts/configs/product-designer';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: ProductDesignWeights;
	defaultSeed: string;
	/** The profile of every brief's sample for defaultSeed and DEFAULT_SAMPLE, made at build (the page needs the evaluation module only for another sample). */
	initialProfiles: Readonly<Record<BriefId, SampleProfile>>;
}

const P = 'sim.product-designer.';
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const num = (x: number) => String(Math.round(x * 10) / 10);

function errorText(t: T, e: DesignError): string {
	return t(`${P}error.${e.code}`, { min: e.min, max: e.max });
}

/** A labelled text field for a number, with its inline error. */
function NumberInput({ id, field, label, unit, value, error, t }: { id: string; field: NumberField; label: string; unit: string; value: string; error: DesignError | undefined; t: T }) {
	return <NumberTextField id={id} label={`${label}（${unit}）`} value={value} onInput={(v) => setNumber(field, v)} error={error ? errorText(t, error) : null} />;
}

export default function ProductDesigner({ strings, topicLinks, weights, defaultSeed, initialProfiles }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const scenario = useStore($pdScenario);
	const brief = useStore($pdBrief);
	const form = useStore($pdForm);
	const design = useStore($pdDesign);
	const errors = useStore($pdErrors);
	const profile = useStore($pdProfile);
	const evaluation = useStore($pdEvaluation);
	const feedback = useStore($pdFeedback);
	const histogram = useStore($pdHistogram);
	const submitted = useStore($pdSubmitted);
	const sampleLoad = useStore($pdSampleLoad);
	const scoring = useStore($pdScoring);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [showErrors, setShowErrors] = useState(false);

	// Before the first paint, so the page's profile shows at once (no loading line for the built sample).
	useLayoutEffect(() => {
		$pdWeights.set(weights);
		$pdDefault.set({ seed: defaultSeed, count: DEFAULT_SAMPLE, profiles: initialProfiles });
		const p = parseSimParams(location.search, { seed: defaultSeed, count: DEFAULT_SAMPLE }, SAMPLE_RANGE);
		if (p.invalid.length) setNotice(t('shell.urlInvalid'));
		setScenario(p.seed, p.count);
	}, []);

	const applyScenario = (seed: string, count = scenario.count) => {
		setScenario(seed, count);
		history.replaceState(null, '', withSimParams(location.search, seed, count) + location.hash);
	};

	const errorOf = (field: DesignField) => (showErrors ? errors.find((e) => e.field === field) : undefined);

	const submit = (e: Event) => {
		e.preventDefault();
		setShowErrors(true);
		const first = $pdErrors.get()[0];
		if (first) document.getElementById(`pd-${first.field}`)?.focus();
		else void submitDesign();
	};

	const saved = progress.sims[PRODUCT_DESIGNER_SIM_ID];
	const rate = Number.isFinite(design.spreadBp) ? rateOf(design.spreadBp) : null;
	const bins = histogram
		? histogram.map((b) => ({ label: Number.isFinite(b.toWan) ? `${b.fromWan}–${b.toWan}` : `≥ ${b.fromWan}`, covered: b.covered, missed: b.missed }))
		: [];
	const shares = evaluation
		? [
				{ label: t(`${P}bar.reach`), share: evaluation.reachShare },
				{ label: t(`${P}bar.amount`), share: evaluation.elementShares.amount },
				{ label: t(`${P}bar.term`), share: evaluation.elementShares.term },
				{ label: t(`${P}bar.repayment`), share: evaluation.elementShares.repayment },
				{ label: t(`${P}bar.guarantee`), share: evaluation.elementShares.guarantee },
				{ label: t(`${P}bar.fit`), share: evaluation.fitShare },
			]
		: [];
	const listError = (field: 'repayments' | 'guarantees') => errorOf(field);

	return (
		<SimShell
			id="product-designer"
			title={t(`${P}title`)}
			intro={t(`${P}intro`)}
			t={t}
			seed={scenario.seed}
			onSeed={(s) => applyScenario(s)}
			count={{ value: scenario.count, ...SAMPLE_RANGE, onChange: (n) => applyScenario(scenario.seed, n) }}
			onNew={() => {
				newSample();
				history.replaceState(null, '', withSimParams(location.search, $pdScenario.get().seed, $pdScenario.get().count) + location.hash);
			}}
			onReset={() => {
				resetDesign();
				setShowErrors(false);
			}}
			notice={notice}
			saved={feedback && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			<fieldset class="pd-briefs">
				<legend>{t(`${P}briefLegend`)}</legend>
				{BRIEF_IDS.map((id) => (
					<label key={id} class="pd-brief">
						<input type="radio" name="pd-brief" value={id} checked={brief === id} onChange={() => setBrief(id)} />
						<span>
							<strong>{t(`${P}brief.${id}.name`)}</strong>
							<span class="pd-brief-desc">{t(`${P}brief.${id}.desc`)}</span>
						</span>
					</label>
				))}
			</fieldset>

			{profile ? (
				<section class="sim-card pd-profile" aria-labelledby="pd-profile-title">
					<h4 id="pd-profile-title">{t(`${P}profileTitle`, { name: t(`${P}brief.${brief}.name`), size: profile.size, lendable: profile.lendable })}</h4>
					<p class="meta">{t(`${P}profileNote`, { minNeed: DESIGN_RULES.minNeedWan })}</p>
					<dl class="pd-facts">
						<div class="pd-wide">
							<dt>{t(`${P}profile.need`)}</dt>
							<dd>{t(`${P}profile.needValue`, { median: num(profile.medianNeedWan), p90: num(profile.p90NeedWan) })}</dd>
						</div>
						<div class="pd-wide">
							<dt>{t(`${P}profile.cycle`)}</dt>
							<dd>{t(`${P}profile.cycleValue`, { median: num(profile.medianCycleMonths), max: num(profile.maxCycleMonths) })}</dd>
						</div>
						<div>
							<dt>{t(`${P}profile.seasonal`)}</dt>
							<dd>{pct(profile.seasonal)}</dd>
						</div>
						<div>
							<dt>{t('dataReq.statements')}</dt>
							<dd>{pct(profile.statements)}</dd>
						</div>
						<div>
							<dt>{t('dataReq.tax-data')}</dt>
							<dd>{pct(profile.taxData)}</dd>
						</div>
						<div>
							<dt>{t('dataReq.settlement-history')}</dt>
							<dd>{pct(profile.settlement)}</dd>
						</div>
						<div>
							<dt>{t('dataReq.anchor-buyer')}</dt>
							<dd>{pct(profile.anchorBuyer)}</dd>
						</div>
						<div>
							<dt>{t(`${P}profile.mortgageable`)}</dt>
							<dd>{pct(profile.mortgageable)}</dd>
						</div>
						<div>
							<dt>{t(`${P}profile.noSecurity`)}</dt>
							<dd>{pct(profile.noSecurity)}</dd>
						</div>
						<div>
							<dt>{t(`${P}profile.thinFile`)}</dt>
							<dd>{pct(profile.thinFile)}</dd>
						</div>
						<div>
							<dt>{t(`${P}profile.pd`)}</dt>
							<dd>{pct(profile.medianPd)}</dd>
						</div>
					</dl>
				</section>
			) : (
				<LoadStatus failed={sampleLoad === 'failed'} t={t} onRetry={() => void retrySampleLoad()} />
			)}

			<form class="pd-form" onSubmit={submit} noValidate>
				<h4>{t(`${P}designTitle`)}</h4>
				<div class="pd-grid">
					<fieldset class="pd-group">
						<legend>{t(`${P}amountLegend`)}</legend>
						<NumberInput id="pd-amountMinWan" field="amountMinWan" label={t(`${P}min`)} unit={t('unit.wan')} value={form.numbers.amountMinWan} error={errorOf('amountMinWan')} t={t} />
						<NumberInput id="pd-amountMaxWan" field="amountMaxWan" label={t(`${P}max`)} unit={t('unit.wan')} value={form.numbers.amountMaxWan} error={errorOf('amountMaxWan')} t={t} />
					</fieldset>
					<fieldset class="pd-group">
						<legend>{t(`${P}termLegend`)}</legend>
						<NumberInput id="pd-termMinMonths" field="termMinMonths" label={t(`${P}min`)} unit={t(`${P}months`)} value={form.numbers.termMinMonths} error={errorOf('termMinMonths')} t={t} />
						<NumberInput id="pd-termMaxMonths" field="termMaxMonths" label={t(`${P}max`)} unit={t(`${P}months`)} value={form.numbers.termMaxMonths} error={errorOf('termMaxMonths')} t={t} />
					</fieldset>
					<fieldset class="pd-group">
						<legend>{t(`${P}priceLegend`)}</legend>
						<NumberInput id="pd-spreadBp" field="spreadBp" label={t(`${P}spread`)} unit="bp" value={form.numbers.spreadBp} error={errorOf('spreadBp')} t={t} />
						<p class="meta" aria-live="polite">
							{rate === null ? t(`${P}rateUnknown`) : t(`${P}rateValue`, { lpr: `${(LPR_1Y * 100).toFixed(2)}%`, spread: design.spreadBp, rate: `${(rate * 100).toFixed(2)}%` })}
						</p>
					</fieldset>
				</div>
				<fieldset class="pd-group pd-checks" id="pd-repayments" tabIndex={-1} aria-describedby={listError('repayments') ? 'pd-repayments-error' : undefined}>
					<legend>{t(`${P}repaymentLegend`)}</legend>
					{REPAYMENT_METHODS.map((m) => (
						<label key={m}>
							<input type="checkbox" checked={form.repayments.includes(m)} onChange={(e) => toggle('repayments', m, (e.currentTarget as HTMLInputElement).checked)} /> {t(`repayment.${m}`)}
						</label>
					))}
					{listError('repayments') && (
						<p id="pd-repayments-error" class="field-error" role="alert">
							{errorText(t, listError('repayments') as DesignError)}
						</p>
					)}
				</fieldset>
				<fieldset class="pd-group pd-checks" id="pd-guarantees" tabIndex={-1} aria-describedby={listError('guarantees') ? 'pd-guarantees-error' : undefined}>
					<legend>{t(`${P}guaranteeLegend`)}</legend>
					{GUARANTEE_METHODS.map((m) => (
						<label key={m}>
							<input type="checkbox" checked={form.guarantees.includes(m)} onChange={(e) => toggle('guarantees', m, (e.currentTarget as HTMLInputElement).checked)} /> {t(`guarantee.${m}`)}
						</label>
					))}
					{listError('guarantees') && (
						<p id="pd-guarantees-error" class="field-error" role="alert">
							{errorText(t, listError('guarantees') as DesignError)}
						</p>
					)}
				</fieldset>
				<fieldset class="pd-group pd-checks">
					<legend>{t(`${P}entryLegend`)}</legend>
					{DATA_REQUIREMENTS.map((r) => (
						<label key={r}>
							<input type="checkbox" checked={form.requirements.includes(r)} onChange={(e) => toggle('requirements', r, (e.currentTarget as HTMLInputElement).checked)} /> {t(`${P}require.${r}`, { months: DESIGN_RULES.settlementMonths })}
						</label>
					))}
					<NumberInput id="pd-minYearsInBusiness" field="minYearsInBusiness" label={t(`${P}minYears`)} unit={t(`${P}years`)} value={form.numbers.minYearsInBusiness} error={errorOf('minYearsInBusiness')} t={t} />
					<p class="meta">{t(`${P}channelNote`)}</p>
				</fieldset>
				{showErrors && errors.length > 0 && (
					<p class="field-error" role="alert">
						{t(`${P}fixErrors`, { count: errors.length })}
					</p>
				)}
				<div class="btn-row">
					<button type="submit" class="btn btn-primary">
						{t(`${P}submit`)}
					</button>
				</div>
			</form>

			{((submitted && scoring === 'loading') || scoring === 'failed') && <LoadStatus failed={scoring === 'failed'} t={t} onRetry={() => void retryScoring()} />}

			{feedback && evaluation && profile && (
				<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks} severities={['critical', 'major', 'minor', 'info', 'good']}>
					<div class="pd-summary table-scroll">
						<table>
							<caption>{t(`${P}summaryCaption`)}</caption>
							<tbody>
								<tr>
									<th scope="row">{t(`${P}sum.reach`)}</th>
									<td>{t(`${P}sum.reachValue`, { share: pct(evaluation.reachShare), eligible: evaluation.eligible, lendable: evaluation.lendable })}</td>
								</tr>
								<tr>
									<th scope="row">{t(`${P}sum.fit`)}</th>
									<td>{t(`${P}sum.fitValue`, { share: pct(evaluation.fitShare), served: evaluation.wellServed, eligible: evaluation.eligible })}</td>
								</tr>
								<tr>
									<th scope="row">{t(`${P}sum.booked`)}</th>
									<td>{t(`${P}sum.bookedValue`, { count: evaluation.booked, amount: num(evaluation.bookedAmountWan), channel: t(`channel.${evaluation.product.channel}`) })}</td>
								</tr>
								<tr>
									<th scope="row">{t(`${P}sum.risk`)}</th>
									<td>{t(`${P}sum.riskValue`, { rate: pct(evaluation.annualRate), el: `${Math.round(evaluation.expectedLossRate * 10000) / 100}%`, raroc: pct(evaluation.raroc) })}</td>
								</tr>
							</tbody>
						</table>
					</div>
					<div class="pd-charts">
						<LazyChartCanvas
							config={needHistogramConfig(bins, { covered: t(`${P}chart.covered`), missed: t(`${P}chart.missed`), x: t(`${P}chart.needAxis`), y: t(`${P}chart.clientsAxis`) })}
							label={t(`${P}chart.needLabel`)}
							summary={t(`${P}chart.needSummary`, {
								min: num(design.amountMinWan),
								max: num(design.amountMaxWan),
								covered: bins.reduce((s, b) => s + b.covered, 0),
								lendable: evaluation.lendable,
								median: num(profile.medianNeedWan),
							})}
							table={{
								caption: t(`${P}chart.needLabel`),
								columns: [t(`${P}chart.needAxis`), t(`${P}chart.covered`), t(`${P}chart.missed`)],
								rows: bins.map((b) => [b.label, b.covered, b.missed]),
							}}
							size="chart-md"
						/>
						<LazyChartCanvas
							config={shareBarsConfig(shares, t(`${P}chart.shareAxis`))}
							label={t(`${P}chart.shareLabel`)}
							summary={t(`${P}chart.shareSummary`, { parts: shares.map((s) => `${s.label} ${pct(s.share)}`).join(t(`${P}listSep`)) })}
							table={{ caption: t(`${P}chart.shareLabel`), columns: [t(`${P}chart.measureCol`), t(`${P}chart.shareAxis`)], rows: shares.map((s) => [s.label, pct(s.share)]) }}
							size="chart-sm"
						/>
					</div>
				</FeedbackPanel>
			)}
		</SimShell>
	);
}
