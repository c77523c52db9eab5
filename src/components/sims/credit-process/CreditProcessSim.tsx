/**
 * Credit factory vs loan officer (lesson m3/03): configure two plans side by side — a credit
 * factory, a loan-officer team or a hybrid that routes thin files to officers — run a seeded
 * quarter, compare throughput, turnaround, cost and loss, then submit one plan against the brief.
 * Native inputs only; errors show next to the field.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { OPERATING_MODELS, PROCESS_BRIEF, capacityPerDay, leadDays, teamsOf, type ProcessResult, type ProcessWeights, type TeamKind } from '../../../domain/credit-process';
import type { Finding } from '../../../domain/scoring/feedback';
import { $progress } from '../../../stores/progress';
import {
	$cpBrief,
	$cpEnv,
	$cpEnvErrors,
	$cpPlanErrors,
	$cpPlans,
	$cpResults,
	$cpSeed,
	$cpSubmitted,
	$cpWeights,
	CREDIT_PROCESS_SIM_ID,
	newSeed,
	planOf,
	resetPlans,
	runComparison,
	setEnvField,
	setPlanField,
	setSeed,
	submitPlan,
	type EnvField,
	type PlanForm,
	type PlanTextField,
} from '../../../stores/credit-process';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict, type T } from '../../../i18n/format';
import SimShell from '../SimShell';
import NumberTextField from '../../ui/NumberTextField';
import FeedbackPanel from '../LazyFeedback';
import { findingVars } from '../finding-vars';
import LazyChartCanvas from '../../charts/LazyChartCanvas';
import { groupedBarsConfig, weeklyThroughputConfig } from '../../charts/configs/credit-process';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: ProcessWeights;
	defaultSeed: string;
}

const P = 'sim.credit-process.';
const pct = (x: number, digits = 1) => `${Math.round(x * 100 * 10 ** digits) / 10 ** digits}%`;
const d1 = (x: number) => String(Math.round(x * 10) / 10);
const yuan = (wan: number) => String(Math.round(wan * 10000));

const LIMIT_TEXT: Record<string, { min: number; max: number }> = {
	staff: { min: 1, max: 300 },
	automationPct: { min: 0, max: 100 },
	applicationsPerDay: { min: 1, max: 200 },
	thinFilePct: { min: 0, max: 100 },
};

function TextField({ id, label, value, error, limits, onInput, t }: { id: string; label: string; value: string; error: string | undefined; limits: { min: number; max: number }; onInput: (v: string) => void; t: T }) {
	return <NumberTextField id={id} label={label} value={value} onInput={onInput} inputMode="numeric" error={error ? t(`${P}error.${error}`, limits) : null} />;
}

function FindingList({ findings, t }: { findings: Finding[]; t: T }) {
	return (
		<ul class="cp-notes">
			{findings.map((f, i) => (
				<li key={`${f.code}-${i}`} class="finding" data-code={f.code}>
					{t(`finding.${f.code}`, findingVars(f, t))}
				</li>
			))}
		</ul>
	);
}

const FIELD_LIMIT: Record<PlanTextField, string> = { factoryStaff: 'staff', factoryAutomationPct: 'automationPct', officerStaff: 'staff', officerAutomationPct: 'automationPct' };

export default function CreditProcessSim({ strings, topicLinks, weights, defaultSeed }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const seed = useStore($cpSeed);
	const env = useStore($cpEnv);
	const envErrors = useStore($cpEnvErrors);
	const plans = useStore($cpPlans);
	const planErrors = useStore($cpPlanErrors);
	const results = useStore($cpResults);
	const submitted = useStore($cpSubmitted);
	const brief = useStore($cpBrief);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [showErrors, setShowErrors] = useState(false);

	useEffect(() => {
		$cpWeights.set(weights);
		const p = parseSimParams(location.search, { seed: defaultSeed, count: 1 }, { min: 1, max: 1 });
		if (p.invalid.includes('seed')) setNotice(t('shell.urlInvalid'));
		setSeed(p.seed);
	}, []);

	const applySeed = (s: string) => {
		setSeed(s);
		history.replaceState(null, '', withSimParams(location.search, s) + location.hash);
	};

	const focusFirstError = () => {
		const el = document.querySelector<HTMLElement>('[data-sim="credit-process"] [aria-invalid="true"]');
		el?.focus();
	};

	const run = () => {
		setShowErrors(true);
		if (!runComparison()) requestAnimationFrame(focusFirstError);
	};
	const submit = (i: 0 | 1) => {
		setShowErrors(true);
		if (!submitPlan(i)) requestAnimationFrame(focusFirstError);
	};

	const planName = (i: number) => t(`${P}plan${i + 1}`);
	const saved = progress.sims[CREDIT_PROCESS_SIM_ID];
	const teamLine = (kind: TeamKind, form: PlanForm) => {
		const plan = planOf(form);
		const cfg = plan[kind];
		if (!Number.isFinite(cfg.staff) || !Number.isFinite(cfg.automation)) return '';
		return t(`${P}teamLine`, { capacity: d1(capacityPerDay(kind, cfg)), lead: d1(leadDays(kind, cfg)) });
	};

	const envField = (field: EnvField, label: string) => (
		<TextField
			id={`cp-${field}`}
			label={label}
			value={env[field]}
			error={showErrors ? envErrors[field] : undefined}
			limits={LIMIT_TEXT[field] as { min: number; max: number }}
			onInput={(v) => setEnvField(field, v)}
			t={t}
		/>
	);

	const planBlock = (i: 0 | 1) => {
		const form = plans[i];
		const errs = showErrors ? planErrors[i] : {};
		const teamFields = (kind: TeamKind) => {
			const staffKey = `${kind}Staff` as PlanTextField;
			const autoKey = `${kind}AutomationPct` as PlanTextField;
			return (
				<div class="cp-team" key={kind}>
					<p class="cp-team-name">{t(`${P}teamTitle.${kind}`)}</p>
					<TextField id={`cp-${i}-${staffKey}`} label={t(`${P}staff`)} value={form[staffKey]} error={errs[staffKey]} limits={LIMIT_TEXT[FIELD_LIMIT[staffKey]] as { min: number; max: number }} onInput={(v) => setPlanField(i, staffKey, v)} t={t} />
					<TextField id={`cp-${i}-${autoKey}`} label={t(`${P}automation`)} value={form[autoKey]} error={errs[autoKey]} limits={LIMIT_TEXT[FIELD_LIMIT[autoKey]] as { min: number; max: number }} onInput={(v) => setPlanField(i, autoKey, v)} t={t} />
					<p class="meta">{teamLine(kind, form)}</p>
				</div>
			);
		};
		return (
			<fieldset class="cp-plan sim-card" key={i}>
				<legend>{planName(i)}</legend>
				<fieldset class="cp-models">
					<legend>{t(`${P}modelLegend`, { plan: planName(i) })}</legend>
					{OPERATING_MODELS.map((m) => (
						<label key={m}>
							<input type="radio" name={`cp-model-${i}`} value={m} checked={form.model === m} onChange={() => setPlanField(i, 'model', m)} /> {t(`processModel.${m}`)}
						</label>
					))}
				</fieldset>
				<p class="meta">{t(`${P}modelHint.${form.model}`)}</p>
				{teamsOf(form.model).map(teamFields)}
				<button type="button" class="btn" onClick={() => submit(i)}>
					{t(`${P}submitPlan`, { plan: planName(i) })}
				</button>
			</fieldset>
		);
	};

	const table = (rs: readonly [ProcessResult, ProcessResult]) => {
		const rows: [string, (r: ProcessResult) => string][] = [
			[t(`${P}row.model`), (r) => t(`processModel.${r.plan.model}`)],
			[t(`${P}row.staff`), (r) => r.teams.map((x) => `${t(`${P}teamTitle.${x.kind}`)} ${x.staff}`).join(' + ')],
			[t(`${P}row.capacity`), (r) => d1(r.capacityPerDay)],
			[t(`${P}row.decided`), (r) => t(`${P}row.decidedValue`, { decided: r.decided, arrived: r.arrived, share: pct(r.decidedShare, 0) })],
			[t(`${P}row.turnaround`), (r) => t(`${P}row.turnaroundValue`, { mean: d1(r.turnaroundMeanDays), p90: d1(r.turnaroundP90Days) })],
			[t(`${P}row.approval`), (r) => t(`${P}row.approvalValue`, { all: pct(r.approvalRate, 0), data: pct(r.dataApprovalRate, 0), thin: pct(r.thinApprovalRate, 0) })],
			[t(`${P}row.cost`), (r) => t(`${P}row.costValue`, { decision: yuan(r.costPerDecisionWan), loan: yuan(r.costPerLoanWan) })],
			[t(`${P}row.totalCost`), (r) => t(`${P}row.totalCostValue`, { total: d1(r.totalCostWan), staff: d1(r.staffCostWan), system: d1(r.systemCostWan) })],
			[t(`${P}row.loss`), (r) => pct(r.lossRate, 2)],
			[t(`${P}row.costPlusLoss`), (r) => t(`${P}row.costPlusLossValue`, { cost: pct(r.costShareOfLoan, 2), loss: pct(r.lossRate, 2), total: pct(r.costPlusLoss, 2) })],
		];
		return (
			<div class="cp-table" role="region" aria-labelledby="cp-table-caption" tabIndex={0}>
				<table>
					<caption id="cp-table-caption">{t(`${P}tableCaption`, { apps: rs[0].environment.applicationsPerDay, thin: pct(rs[0].environment.thinFileShare, 0) })}</caption>
					<thead>
						<tr>
							<th scope="col">{t(`${P}row.measure`)}</th>
							<th scope="col">{planName(0)}</th>
							<th scope="col">{planName(1)}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(([label, f]) => (
							<tr key={label}>
								<th scope="row">{label}</th>
								<td>{f(rs[0])}</td>
								<td>{f(rs[1])}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		);
	};

	const briefTable = (r: ProcessResult) => {
		const b = PROCESS_BRIEF;
		const rows: [string, string, string, boolean][] = [
			[t(`${P}row.decided`), t(`${P}row.decidedValue`, { decided: r.decided, arrived: r.arrived, share: pct(r.decidedShare, 0) }), `≥ ${pct(b.minDecidedShare, 0)}`, r.decidedShare >= b.minDecidedShare],
			[t(`${P}row.turnaroundMean`), t(`${P}row.days`, { n: d1(r.turnaroundMeanDays) }), `≤ ${t(`${P}row.days`, { n: b.maxMeanTurnaroundDays })}`, r.turnaroundMeanDays <= b.maxMeanTurnaroundDays],
			[t(`${P}row.loss`), pct(r.lossRate, 2), `≤ ${pct(b.maxLossRate, 1)}`, r.approved > 0 && r.lossRate <= b.maxLossRate],
			[t(`${P}row.costDecision`), t(`${P}row.yuan`, { n: yuan(r.costPerDecisionWan) }), `≤ ${t(`${P}row.yuan`, { n: yuan(b.maxCostPerDecisionWan) })}`, r.decided > 0 && r.costPerDecisionWan <= b.maxCostPerDecisionWan],
		];
		return (
			<div class="cp-table" role="region" aria-labelledby="cp-brief-table-caption" tabIndex={0}>
				<table>
					<caption id="cp-brief-table-caption">{t(`${P}briefTableCaption`)}</caption>
					<thead>
						<tr>
							<th scope="col">{t(`${P}row.measure`)}</th>
							<th scope="col">{t(`${P}row.result`)}</th>
							<th scope="col">{t(`${P}row.target`)}</th>
							<th scope="col">{t(`${P}row.met`)}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(([label, value, target, ok]) => (
							<tr key={label}>
								<th scope="row">{label}</th>
								<td>{value}</td>
								<td>{target}</td>
								<td class={ok ? 'cp-ok' : 'cp-bad'}>{ok ? t(`${P}row.yes`) : t(`${P}row.no`)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		);
	};

	const charts = (rs: readonly [ProcessResult, ProcessResult]) => {
		const weeks = rs[0].decidedPerWeek.map((_, i) => t(`${P}week`, { n: i + 1 }));
		const names = [planName(0), planName(1)];
		return (
			<div class="cp-charts">
				<LazyChartCanvas
					config={weeklyThroughputConfig(weeks, rs.map((r, i) => ({ label: names[i] as string, values: r.decidedPerWeek })), { label: t(`${P}chart.arrived`), values: rs[0].arrivedPerWeek }, { x: t(`${P}chart.weekAxis`), y: t(`${P}chart.filesAxis`) })}
					label={t(`${P}chart.weeklyLabel`)}
					summary={t(`${P}chart.weeklySummary`, { arrived: rs[0].arrived, a: rs[0].decided, b: rs[1].decided })}
					table={{ caption: t(`${P}chart.weeklyLabel`), columns: [t(`${P}chart.weekAxis`), t(`${P}chart.arrived`), ...names], rows: weeks.map((w, i) => [w, rs[0].arrivedPerWeek[i] as number, rs[0].decidedPerWeek[i] as number, rs[1].decidedPerWeek[i] as number]) }}
					size="chart-md"
				/>
				<LazyChartCanvas
					config={groupedBarsConfig(names, [{ label: t(`${P}chart.mean`), values: rs.map((r) => r.turnaroundMeanDays) }, { label: t(`${P}chart.p90`), values: rs.map((r) => r.turnaroundP90Days) }], t(`${P}chart.daysAxis`))}
					label={t(`${P}chart.turnaroundLabel`)}
					summary={t(`${P}chart.turnaroundSummary`, { aMean: d1(rs[0].turnaroundMeanDays), aP90: d1(rs[0].turnaroundP90Days), bMean: d1(rs[1].turnaroundMeanDays), bP90: d1(rs[1].turnaroundP90Days) })}
					table={{ caption: t(`${P}chart.turnaroundLabel`), columns: [t(`${P}row.measure`), t(`${P}chart.mean`), t(`${P}chart.p90`)], rows: rs.map((r, i) => [names[i] as string, d1(r.turnaroundMeanDays), d1(r.turnaroundP90Days)]) }}
					size="chart-sm"
				/>
				<LazyChartCanvas
					config={groupedBarsConfig(names, [{ label: t(`${P}chart.costShare`), values: rs.map((r) => Math.round(r.costShareOfLoan * 10000) / 100) }, { label: t(`${P}chart.lossRate`), values: rs.map((r) => Math.round(r.lossRate * 10000) / 100) }], t(`${P}chart.pctAxis`), true)}
					label={t(`${P}chart.costLossLabel`)}
					summary={t(`${P}chart.costLossSummary`, { a: pct(rs[0].costPlusLoss, 2), b: pct(rs[1].costPlusLoss, 2), aCost: yuan(rs[0].costPerDecisionWan), bCost: yuan(rs[1].costPerDecisionWan) })}
					table={{ caption: t(`${P}chart.costLossLabel`), columns: [t(`${P}row.measure`), t(`${P}chart.costShare`), t(`${P}chart.lossRate`)], rows: rs.map((r, i) => [names[i] as string, pct(r.costShareOfLoan, 2), pct(r.lossRate, 2)]) }}
					size="chart-sm"
				/>
			</div>
		);
	};

	return (
		<SimShell
			id="credit-process"
			title={t(`${P}title`)}
			intro={t(`${P}intro`)}
			t={t}
			seed={seed}
			onSeed={applySeed}
			onNew={() => {
				newSeed();
				history.replaceState(null, '', withSimParams(location.search, $cpSeed.get()) + location.hash);
			}}
			onReset={() => {
				resetPlans();
				setShowErrors(false);
			}}
			notice={notice}
			saved={brief && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			<section class="sim-card cp-brief" aria-labelledby="cp-brief-title">
				<h4 id="cp-brief-title">{t(`${P}briefTitle`)}</h4>
				<p>{t(`${P}briefText`, { apps: PROCESS_BRIEF.applicationsPerDay, thin: pct(PROCESS_BRIEF.thinFileShare, 0) })}</p>
				<ul>
					<li>{t(`${P}target.throughput`, { share: pct(PROCESS_BRIEF.minDecidedShare, 0) })}</li>
					<li>{t(`${P}target.turnaround`, { days: PROCESS_BRIEF.maxMeanTurnaroundDays })}</li>
					<li>{t(`${P}target.loss`, { rate: pct(PROCESS_BRIEF.maxLossRate, 1) })}</li>
					<li>{t(`${P}target.cost`, { yuan: yuan(PROCESS_BRIEF.maxCostPerDecisionWan) })}</li>
				</ul>
				<p class="meta">{t(`${P}assumptions`)}</p>
			</section>

			<fieldset class="cp-env">
				<legend>{t(`${P}envLegend`)}</legend>
				{envField('applicationsPerDay', t(`${P}applicationsPerDay`))}
				{envField('thinFilePct', t(`${P}thinFilePct`))}
				<p class="meta field-help">{t(`${P}envNote`)}</p>
			</fieldset>

			<div class="cp-plans">
				{planBlock(0)}
				{planBlock(1)}
			</div>
			<div class="btn-row">
				<button type="button" class="btn btn-primary" onClick={run}>
					{t(`${P}run`)}
				</button>
			</div>

			{results && (
				<section class="cp-results" aria-labelledby="cp-results-title">
					<h4 id="cp-results-title">{t(`${P}resultsTitle`)}</h4>
					{table(results.results)}
					{charts(results.results)}
					<h5>{t(`${P}notesTitle`)}</h5>
					<FindingList findings={results.findings} t={t} />
				</section>
			)}

			{brief && submitted && (
				<section class="cp-submission" aria-labelledby="cp-submission-title">
					<h4 id="cp-submission-title">{t(`${P}submissionTitle`, { plan: planName(submitted.index), model: t(`processModel.${submitted.plan.model}`) })}</h4>
					<FeedbackPanel feedback={brief.feedback} t={t} topicLinks={topicLinks} severities={['critical', 'major', 'minor', 'info', 'good']}>
						{briefTable(brief.result)}
					</FeedbackPanel>
				</section>
			)}
		</SimShell>
	);
}
