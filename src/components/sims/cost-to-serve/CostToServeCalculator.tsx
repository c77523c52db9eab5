/**
 * Cost-to-serve calculator (lesson m2/01): the learner sets a loan and the lesson's assumptions,
 * sees each channel's cost breakdown, profit and break-even size, a chart of profit against loan
 * size, and answers three seeded questions with it. Every control is a native input or radio.
 */
import { useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { STAGES, chartSizes, profitCurve, riskCostRate, solveCostTask, type CostError, type CostField, type CostTaskWeights } from '../../../domain/cost-to-serve';
import { CHANNELS, type Channel } from '../../../domain/rates';
import { $progress } from '../../../stores/progress';
import {
	$ctsAnswers,
	$ctsDraft,
	$ctsErrors,
	$ctsFeedback,
	$ctsInput,
	$ctsResults,
	$ctsScoring,
	$ctsSeed,
	$ctsSubmitted,
	$ctsTask,
	$ctsTaskLoad,
	$ctsWeights,
	COST_SIM_ID,
	PERCENT_FIELDS,
	SCALAR_FIELDS,
	answerNumber,
	answerProfitable,
	clearCostAnswers,
	newCostTask,
	resetAssumptions,
	retryCostScoring,
	retryTaskLoad,
	setCostSeed,
	setDraft,
	submitCostTask,
	taskProblems,
	type DraftKey,
} from '../../../stores/cost-to-serve';
import { withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict, type T } from '../../../i18n/format';
import SimShell from '../SimShell';
import { useUrlSeed } from '../use-url-seed';
import FeedbackPanel from '../LazyFeedback';
import ChartCanvas from '../../charts/ChartCanvas';
import { profitLinesConfig } from '../../charts/configs/cost-to-serve-profit';
import LoadStatus from '../LoadStatus';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: CostTaskWeights;
	defaultSeed: string;
}

const P = 'sim.cost-to-serve.';

/** 4,800 / 12.5 / 0.13 — thousands separators, at most `digits` decimals, never "-0". */
export const fmt = (x: number, digits = 2): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(Math.round(x * 10 ** digits) / 10 ** digits || 0);
const pct = (x: number, digits = 2): string => `${fmt(x * 100, digits)}%`;

/** An error message for a field, with the range in the unit the learner types. */
function errorText(t: T, e: CostError, percent: boolean): string {
	const k = percent ? 100 : 1;
	return t(`${P}error.${e.code}`, { min: fmt(e.min * k), max: fmt(e.max * k) });
}

export default function CostToServeCalculator({ strings, topicLinks, weights, defaultSeed }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const draft = useStore($ctsDraft);
	const errors = useStore($ctsErrors);
	const input = useStore($ctsInput);
	const results = useStore($ctsResults);
	const seed = useStore($ctsSeed);
	const task = useStore($ctsTask);
	const taskLoad = useStore($ctsTaskLoad);
	const answers = useStore($ctsAnswers);
	const submitted = useStore($ctsSubmitted);
	const feedback = useStore($ctsFeedback);
	const scoring = useStore($ctsScoring);
	const progress = useStore($progress);
	const [tried, setTried] = useState(false);

	const { ready, notice, applySeed: startSeed } = useUrlSeed(
		defaultSeed,
		(seed) => {
			$ctsWeights.set(weights);
			setCostSeed(seed);
		},
		t,
	);
	const applySeed = (s: string) => {
		startSeed(s);
		setTried(false);
	};

	const channelName = (c: Channel) => t(`channel.${c}`);
	const stageName = (s: string) => t(`${P}stage.${s}`);
	const hasErrors = Object.keys(errors).length > 0;
	const years = input.termMonths / 12;

	// Chart: profit against loan size for each channel.
	const chart = useMemo(() => {
		const sizes = chartSizes(input);
		const series = CHANNELS.map((c) => ({ label: channelName(c), points: profitCurve(input, c, sizes).map((p) => ({ x: p.loanWan, y: p.profitYuan })) }));
		return { sizes, series, config: profitLinesConfig(series, t(`${P}xAxis`), t(`${P}yAxis`)) };
	}, [input, t]);
	const breakEvens = results.map((r) => `${channelName(r.channel)} ${r.breakEvenWan === null ? t(`${P}none`) : `${fmt(r.breakEvenWan)} ${t('unit.wan')}`}`).join('；');
	const profitsNow = results.map((r) => `${channelName(r.channel)} ${fmt(r.economics.profitYuan, 0)} ${t(`${P}yuan`)}`).join('；');

	// The task.
	// Null while the generator of a seed other than the lesson's loads (see the store).
	const solution = useMemo(() => (task ? solveCostTask(task) : null), [task]);
	const problems = taskProblems(answers);
	const submit = (e: Event) => {
		e.preventDefault();
		setTried(true);
		// Read the store, not this render's copy: the last keystroke may not have re-rendered yet.
		const now = taskProblems($ctsAnswers.get());
		if (now.missing.length > 0) return document.getElementById(`cts-q1-${now.missing[0]}`)?.focus();
		if (now.breakEven) return document.getElementById('cts-q2')?.focus();
		if (now.drop) return document.getElementById('cts-q3')?.focus();
		// The scorer is fetched on the first submit; the feedback panel takes focus when it appears.
		void submitCostTask();
	};
	const saved = progress.sims[COST_SIM_ID];
	const answerError = (which: 'breakEven' | 'drop') => (tried && problems[which] ? t(`${P}answer.${problems[which]}`) : null);

	const field = (f: CostField) => {
		const id = `cts-${f}`;
		const err = errors[f];
		return (
			<div class="field" key={f}>
				<label for={id}>{t(`${P}field.${f}`)}</label>
				<input
					id={id}
					type="text"
					inputMode="decimal"
					autoComplete="off"
					value={draft[f]}
					onInput={(ev) => setDraft(f, (ev.currentTarget as HTMLInputElement).value)}
					aria-invalid={err ? 'true' : undefined}
					aria-describedby={err ? `${id}-error` : undefined}
				/>
				{err && (
					<p id={`${id}-error`} class="field-error" role="alert">
						{errorText(t, err, PERCENT_FIELDS.includes(f))}
					</p>
				)}
			</div>
		);
	};

	const hourErrors = (Object.entries(errors) as [DraftKey, CostError][]).filter(([k]) => k.startsWith('hours.'));

	if (!ready) return null;
	return (
		<SimShell
			id="cost-to-serve"
			title={t(`${P}title`)}
			intro={t(`${P}intro`)}
			t={t}
			labels={{ newPool: t(`${P}newPool`), retry: t(`${P}retry`), seedHelp: t(`${P}seedHelp`) }}
			seed={seed}
			onSeed={applySeed}
			onNew={() => {
				newCostTask();
				setTried(false);
				history.replaceState(null, '', withSimParams(location.search, $ctsSeed.get()) + location.hash);
			}}
			onRetry={() => {
				clearCostAnswers();
				setTried(false);
			}}
			notice={notice}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			<section class="cts-calc" aria-labelledby="cts-calc-title">
				<h4 id="cts-calc-title">{t(`${P}calcHeading`)}</h4>
				<form class="cts-fields" noValidate onSubmit={(e) => e.preventDefault()}>
					{SCALAR_FIELDS.map(field)}
				</form>
				<p class="cts-derived">
					{t(`${P}derived`, { e: pct(riskCostRate(input.pd, input.lgd)), spread: pct(results[0]?.economics.netSpread ?? 0), years: fmt(years) })}
				</p>
				<details class="cts-assumptions">
					<summary>{t(`${P}assumptionsSummary`)}</summary>
					<p class="meta">{t(`${P}assumptionsNote`)}</p>
					{field('hourlyCostYuan')}
					<div class="cts-table-wrap" role="region" tabIndex={0} aria-labelledby="cts-hours-caption">
						<table class="cts-hours">
							<caption id="cts-hours-caption">{t(`${P}hoursCaption`)}</caption>
							<thead>
								<tr>
									<th scope="col">{t(`${P}channelCol`)}</th>
									{STAGES.map((s) => (
										<th scope="col" key={s}>
											{stageName(s)}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{CHANNELS.map((c) => (
									<tr key={c}>
										<th scope="row">{channelName(c)}</th>
										{STAGES.map((s) => {
											const key = `hours.${c}.${s}` as DraftKey;
											const err = errors[key];
											return (
												<td key={s}>
													<input
														id={`cts-${key.replaceAll('.', '-')}`}
														type="text"
														inputMode="decimal"
														autoComplete="off"
														class="cts-hours-input"
														value={draft[key]}
														aria-label={t(`${P}hoursLabel`, { channel: channelName(c), stage: stageName(s) })}
														aria-invalid={err ? 'true' : undefined}
														aria-describedby={err ? 'cts-hours-errors' : undefined}
														onInput={(ev) => setDraft(key, (ev.currentTarget as HTMLInputElement).value)}
													/>
												</td>
											);
										})}
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{hourErrors.length > 0 && (
						<ul id="cts-hours-errors" class="field-error" role="alert">
							{hourErrors.map(([k, e]) => {
								const [, c, s] = k.split('.') as [string, Channel, string];
								return <li key={k}>{`${channelName(c)} · ${stageName(s)}：${errorText(t, e, false)}`}</li>;
							})}
						</ul>
					)}
					<div class="btn-row">
						<button type="button" class="btn" onClick={resetAssumptions}>
							{t(`${P}reset`)}
						</button>
					</div>
				</details>
				{hasErrors && (
					<p class="notice" role="status">
						{t(`${P}stale`)}
					</p>
				)}
			</section>

			<section class="cts-results" aria-labelledby="cts-results-title">
				<h4 id="cts-results-title">{t(`${P}resultsHeading`, { loan: fmt(input.loanWan), months: input.termMonths })}</h4>
				<ul class="cts-channels">
					{results.map((r) => (
						<li key={r.channel} class="sim-card cts-channel" data-channel={r.channel}>
							<div class="cts-table-wrap" role="region" tabIndex={0} aria-labelledby={`cts-card-${r.channel}`}>
								<table class="cts-breakdown">
									<caption id={`cts-card-${r.channel}`}>{channelName(r.channel)}</caption>
									<tbody>
										<Row label={t(`${P}row.hours`)} value={`${fmt(r.cost.totalHours)} ${t(`${P}hoursUnit`)}`} />
										{STAGES.map((s) => (
											<Row key={s} label={t(`${P}row.stageCost`, { stage: stageName(s) })} value={`${fmt(r.cost.costYuan[s], 0)} ${t(`${P}yuan`)}`} />
										))}
										<Row label={t(`${P}row.opCost`)} value={`${fmt(r.cost.totalYuan, 0)} ${t(`${P}yuan`)}`} strong />
										<Row label={t(`${P}row.interest`)} value={`${fmt(r.economics.interestYuan, 0)} ${t(`${P}yuan`)}`} />
										<Row label={t(`${P}row.funding`)} value={`−${fmt(r.economics.fundingCostYuan, 0)} ${t(`${P}yuan`)}`} />
										<Row label={t(`${P}row.risk`)} value={`−${fmt(r.economics.expectedLossYuan, 0)} ${t(`${P}yuan`)}`} />
										<Row label={t(`${P}row.opCostLess`)} value={`−${fmt(r.cost.totalYuan, 0)} ${t(`${P}yuan`)}`} />
										<Row
											label={t(`${P}row.profit`)}
											value={`${fmt(r.economics.profitYuan, 0)} ${t(`${P}yuan`)}`}
											strong
											tone={r.economics.profitYuan > 0 ? 'ok' : r.economics.profitYuan < 0 ? 'bad' : ''}
										/>
										<Row label={t(`${P}row.costRatio`)} value={pct(r.economics.costRatio)} />
										<Row label={t(`${P}row.perHour`)} value={`${fmt(r.profitPerHourYuan, 0)} ${t(`${P}yuan`)}`} />
										<Row label={t(`${P}row.breakEven`)} value={r.breakEvenWan === null ? t(`${P}none`) : `${fmt(r.breakEvenWan)} ${t('unit.wan')}`} strong />
										{r.breakEvenCheckYuan !== null && <Row label={t(`${P}row.check`)} value={`${fmt(r.breakEvenCheckYuan, 0)} ${t(`${P}yuan`)}`} />}
									</tbody>
								</table>
							</div>
						</li>
					))}
				</ul>
				<p class="meta">{t(`${P}formula`)}</p>
				<ChartCanvas
					config={chart.config}
					label={t(`${P}chartLabel`)}
					summary={t(`${P}chartSummary`, { parts: breakEvens, loan: fmt(input.loanWan), profits: profitsNow })}
					table={{
						caption: t(`${P}chartLabel`),
						columns: [t(`${P}xAxis`), ...CHANNELS.map(channelName)],
						rows: chart.sizes.map((x, i) => [fmt(x), ...chart.series.map((s) => fmt(s.points[i]?.y ?? 0, 0))]),
					}}
					size="chart-md"
				/>
			</section>

			<form class="cts-task" onSubmit={submit} noValidate aria-labelledby="cts-task-title">
				<h4 id="cts-task-title">{t(`${P}taskHeading`)}</h4>
				<p>{t(`${P}taskIntro`)}</p>
				{!task || !solution ? (
					<LoadStatus failed={taskLoad === 'failed'} t={t} onRetry={() => void retryTaskLoad()} />
				) : (
					<>
						<fieldset class="cts-q">
							<legend>{t(`${P}q1`, { loan: fmt(task.loanWan), rate: fmt(task.rate * 100), months: task.termMonths })}</legend>
							{CHANNELS.map((c) => (
								<fieldset class="cts-choice" key={c} id={`cts-q1-${c}`} tabIndex={-1}>
									<legend>{channelName(c)}</legend>
									{(['profit', 'loss'] as const).map((v) => (
										<label key={v}>
											<input type="radio" name={`cts-q1-${c}`} value={v} checked={answers.profitable[c] === v} onChange={() => answerProfitable(c, v)} /> {t(`${P}${v}`)}
										</label>
									))}
								</fieldset>
							))}
							{tried && problems.missing.length > 0 && (
								<p class="field-error" role="alert">
									{t(`${P}q1Missing`, { count: problems.missing.length })}
								</p>
							)}
						</fieldset>
						<NumberAnswer id="cts-q2" legend={t(`${P}q2`, { rate: fmt(task.rate * 100), months: task.termMonths })} label={t(`${P}answerWan`)} value={answers.breakEven} error={answerError('breakEven')} onInput={(v) => answerNumber('breakEven', v)} />
						<NumberAnswer
							id="cts-q3"
							legend={t(`${P}q3`, { stage: stageName(task.cutStage), from: fmt(solution.q3HoursBefore), to: fmt(solution.q3HoursAfter), rate: fmt(task.rate * 100), months: task.termMonths })}
							label={t(`${P}answerWan`)}
							value={answers.drop}
							error={answerError('drop')}
							onInput={(v) => answerNumber('drop', v)}
						/>
						<div class="btn-row">
							<button type="submit" class="btn btn-primary">
								{t(`${P}submit`)}
							</button>
						</div>
					</>
				)}
			</form>
			{((submitted && scoring === 'loading') || scoring === 'failed') && <LoadStatus failed={scoring === 'failed'} t={t} onRetry={() => void retryCostScoring()} />}
			{feedback && submitted && (
				<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks} subjectLabels={{ q1: t(`${P}q1Short`), q2: t(`${P}q2Short`), q3: t(`${P}q3Short`) }} />
			)}
		</SimShell>
	);
}

function Row({ label, value, strong = false, tone = '' }: { label: string; value: string; strong?: boolean; tone?: string }) {
	return (
		<tr class={strong ? 'cts-strong' : undefined}>
			<th scope="row">{label}</th>
			<td class={tone ? `cts-${tone}` : undefined}>{value}</td>
		</tr>
	);
}

function NumberAnswer({ id, legend, label, value, error, onInput }: { id: string; legend: string; label: string; value: string; error: string | null; onInput: (v: string) => void }) {
	return (
		<fieldset class="cts-q">
			<legend>{legend}</legend>
			<div class="field">
				<label for={id}>{label}</label>
				<input
					id={id}
					type="text"
					inputMode="decimal"
					autoComplete="off"
					value={value}
					onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
					aria-invalid={error ? 'true' : undefined}
					aria-describedby={error ? `${id}-error` : undefined}
				/>
				{error && (
					<p id={`${id}-error`} class="field-error" role="alert">
						{error}
					</p>
				)}
			</div>
		</fieldset>
	);
}
