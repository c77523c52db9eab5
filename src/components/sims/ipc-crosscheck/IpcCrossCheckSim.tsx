/**
 * IPC cross-check simulation (lesson m2/02): a micro business without statements, a list of
 * clues (each a number with its unit), and a worksheet — three routes to monthly revenue, a final
 * estimate, the clue that does not reconcile, and a loan amount. The debrief shows each route,
 * the rebuilt P&L and the loan limit with the case's own numbers.
 */
import { useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { CLUE_GROUPS, ROUTES, monthlyDebtService, type Clue, type IpcWeights } from '../../../domain/ipc-crosscheck';
import { $progress } from '../../../stores/progress';
import { parseNumber } from '../../../stores/parse-number';
import {
	$ipcCase,
	$ipcDraft,
	$ipcFeedback,
	$ipcSeed,
	$ipcSolution,
	$ipcSubmitted,
	$ipcWeights,
	IPC_SIM_ID,
	clearIpcWorksheet,
	ipcProblems,
	newIpcCase,
	setIpcField,
	setIpcSeed,
	submitIpc,
	type IpcNumberField,
} from '../../../stores/ipc-crosscheck';
import { withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict, type T } from '../../../i18n/format';
import SimShell from '../SimShell';
import { useUrlSeed } from '../use-url-seed';
import NumberTextField from '../../ui/NumberTextField';
import FeedbackPanel from '../LazyFeedback';
import RouteChart from './LazyRouteChart';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: IpcWeights;
	defaultSeed: string;
}

const P = 'sim.ipc-crosscheck.';
/** 4,800 / 12.5 — thousands separators, at most `digits` decimals, never "-0". */
const fmt = (x: number, digits = 2): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(Math.round(x * 10 ** digits) / 10 ** digits || 0);
const wan = (yuan: number) => fmt(yuan / 10_000);

/** A clue's value in its unit, e.g. "5,400 元/天", "14%". */
function clueText(t: T, c: Clue): string {
	const v = c.unit === 'share' ? fmt(c.value * 100, 1) : fmt(c.value, c.unit === 'times' ? 1 : 0);
	return t(`ipcUnit.${c.unit}`, { v });
}

/** A clue's label, with the day of the week for a visit. */
function clueLabel(t: T, c: Clue): string {
	const label = t(`ipcClue.${c.id}`);
	return c.day ? t(`${P}withDay`, { label, day: t(`ipcDay.${c.day}`) }) : label;
}

export default function IpcCrossCheckSim({ strings, topicLinks, weights, defaultSeed }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const seed = useStore($ipcSeed);
	const c = useStore($ipcCase);
	const solution = useStore($ipcSolution);
	const draft = useStore($ipcDraft);
	const submitted = useStore($ipcSubmitted);
	const feedback = useStore($ipcFeedback);
	const progress = useStore($progress);
	const [tried, setTried] = useState(false);

	const { ready, notice, applySeed: startSeed } = useUrlSeed(
		defaultSeed,
		(seed) => {
			$ipcWeights.set(weights);
			setIpcSeed(seed);
		},
		t,
	);
	const applySeed = (s: string) => {
		startSeed(s);
		setTried(false);
	};

	const problems = ipcProblems(draft);
	const order: (IpcNumberField | 'flag')[] = ['takingsWan', 'inflowsWan', 'purchasesWan', 'estimateWan', 'flag', 'loanWan'];
	const submit = (e: Event) => {
		e.preventDefault();
		setTried(true);
		// Read the store, not this render's copy: the last keystroke may not have re-rendered yet.
		const now = ipcProblems($ipcDraft.get());
		const first = order.find((f) => now[f]);
		if (first) return document.getElementById(`ipc-${first}`)?.focus();
		submitIpc();
	};
	const errorOf = (f: IpcNumberField | 'flag') => (tried && problems[f] ? t(f === 'flag' ? `${P}error.flag` : `${P}error.${problems[f]}`) : null);

	const loanNow = parseNumber(draft.loanWan);
	const service = Number.isFinite(loanNow) && loanNow > 0 ? monthlyDebtService(loanNow * 10_000, c.loanRate, c.termMonths, c.repayment) : null;
	const saved = progress.sims[IPC_SIM_ID];
	const trade = t(`ipcTrade.${c.trade}`);

	// Debrief chart: the routes as the clues give them, the truth, and the learner's figures.
	const chart = useMemo(() => {
		if (!submitted) return null;
		const mine = (s: string) => {
			const v = parseNumber(s);
			return Number.isFinite(v) ? v : null;
		};
		const rows = [
			...ROUTES.map((r) => ({ label: t(`${P}bar.${r}`), expected: solution.routes[r] / 10_000, mine: mine(draft[`${r}Wan` as IpcNumberField]) })),
			{ label: t(`${P}bar.estimate`), expected: c.truth.revenueYuan / 10_000, mine: mine(draft.estimateWan) },
		];
		return { rows };
	}, [submitted, solution, draft, t]);

	const pnl = solution.pnl;
	const pnlRows: [string, number, boolean][] = [
		[t(`${P}pnl.revenue`), pnl.revenue, true],
		[t(`${P}pnl.cogs`), -pnl.cogs, false],
		[t(`${P}pnl.gross`), pnl.grossProfit, true],
		[t(`${P}pnl.expenses`), -pnl.expenses, false],
		[t(`${P}pnl.operating`), pnl.operatingProfit, true],
		[t(`${P}pnl.interest`), -pnl.interest, false],
		[t(`${P}pnl.net`), pnl.netProfit, true],
		[t(`${P}pnl.family`), -pnl.family, false],
		[t(`${P}pnl.surplus`), pnl.surplus, true],
	];

	if (!ready) return null;
	return (
		<SimShell
			id="ipc-crosscheck"
			title={t(`${P}title`)}
			intro={t(`${P}intro`)}
			t={t}
			labels={{ newPool: t(`${P}newPool`), retry: t(`${P}retry`), seedHelp: t(`${P}seedHelp`) }}
			seed={seed}
			onSeed={applySeed}
			onNew={() => {
				newIpcCase();
				setTried(false);
				history.replaceState(null, '', withSimParams(location.search, $ipcSeed.get()) + location.hash);
			}}
			onRetry={() => {
				clearIpcWorksheet();
				setTried(false);
			}}
			notice={notice}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			<section class="ipc-case sim-card" aria-labelledby="ipc-case-title">
				<h4 id="ipc-case-title">{t(`${P}caseTitle`, { trade, years: c.yearsInBusiness })}</h4>
				<p>
					{t(`${P}caseRequest`, {
						amount: fmt(c.requestedWan),
						purpose: t(`ipcPurpose.${c.purpose}`),
						detail: t(`${P}detail.${c.trade}`),
						months: c.termMonths,
						rate: `${fmt(c.loanRate * 100)}%`,
						repayment: t(`repayment.${c.repayment}`),
					})}
				</p>
				<p class="meta">{t(`${P}caseNote`)}</p>
			</section>

			<section aria-labelledby="ipc-clues-title">
				<h4 id="ipc-clues-title">{t(`${P}cluesHeading`)}</h4>
				<div class="ipc-clue-groups">
					{CLUE_GROUPS.map((g) => {
						const list = c.clues.filter((x) => x.group === g);
						return (
							<div class="ipc-table-wrap sim-card" role="region" tabIndex={0} aria-labelledby={`ipc-group-${g}`} key={g}>
								<table class="ipc-clues">
									<caption id={`ipc-group-${g}`}>{t(`${P}group.${g}`)}</caption>
									<tbody>
										{list.map((x) => (
											<tr key={x.id} data-clue={x.id}>
												<th scope="row">{clueLabel(t, x)}</th>
												<td>{clueText(t, x)}</td>
											</tr>
										))}
									</tbody>
								</table>
							</div>
						);
					})}
				</div>
			</section>

			<form class="ipc-worksheet" onSubmit={submit} noValidate aria-labelledby="ipc-ws-title">
				<h4 id="ipc-ws-title">{t(`${P}worksheetHeading`)}</h4>
				<fieldset class="ipc-fieldset">
					<legend>{t(`${P}routesLegend`)}</legend>
					{(['takingsWan', 'inflowsWan', 'purchasesWan'] as const).map((f) => (
						<NumberTextField key={f} id={`ipc-${f}`} label={t(`${P}field.${f}`)} help={t(`${P}help.${f}`)} value={draft[f]} error={errorOf(f)} onInput={(v) => setIpcField(f, v)} />
					))}
				</fieldset>
				<fieldset class="ipc-fieldset">
					<legend>{t(`${P}decisionLegend`)}</legend>
					<NumberTextField id="ipc-estimateWan" label={t(`${P}field.estimateWan`)} help={t(`${P}help.estimateWan`)} value={draft.estimateWan} error={errorOf('estimateWan')} onInput={(v) => setIpcField('estimateWan', v)} />
					<div class="field">
						<label for="ipc-flag">{t(`${P}field.flag`)}</label>
						<select
							id="ipc-flag"
							value={draft.flag}
							onChange={(e) => setIpcField('flag', (e.currentTarget as HTMLSelectElement).value)}
							aria-invalid={errorOf('flag') ? 'true' : undefined}
							aria-describedby={`ipc-flag-help${errorOf('flag') ? ' ipc-flag-error' : ''}`}
						>
							<option value="">{t(`${P}flagPlaceholder`)}</option>
							{c.clues.map((x) => (
								<option key={x.id} value={x.id}>
									{clueLabel(t, x)}
								</option>
							))}
							<option value="none">{t('ipcFlag.none')}</option>
						</select>
						<p id="ipc-flag-help" class="meta field-help">
							{t(`${P}help.flag`)}
						</p>
						{errorOf('flag') && (
							<p id="ipc-flag-error" class="field-error" role="alert">
								{errorOf('flag')}
							</p>
						)}
					</div>
					<NumberTextField id="ipc-loanWan" label={t(`${P}field.loanWan`)} help={t(`${P}help.loanWan`)} value={draft.loanWan} error={errorOf('loanWan')} onInput={(v) => setIpcField('loanWan', v)} />
					<p class="ipc-service" aria-live="polite">
						{service !== null ? t(`${P}service.${c.repayment}`, { amount: fmt(loanNow), service: fmt(service, 0), months: c.termMonths }) : ''}
					</p>
				</fieldset>
				<div class="btn-row">
					<button type="submit" class="btn btn-primary">
						{t(`${P}submit`)}
					</button>
				</div>
			</form>

			{feedback && submitted && (
				<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks} subjectLabels={Object.fromEntries(ROUTES.map((r) => [r, t(`ipcRoute.${r}`)]))}>
					<p class="ipc-truth">{t(`${P}truth`, { truth: wan(c.truth.revenueYuan), reconciled: wan(solution.revenueYuan), claimed: wan(c.clues.find((x) => x.id === 'claimed-revenue')?.value ?? 0) })}</p>
					{chart && (
						<RouteChart
							t={t}
							rows={chart.rows}
							series={[t(`${P}expectedSeries`), t(`${P}mineSeries`), t(`${P}axis`)]}
							label={t(`${P}chartLabel`)}
							summary={t(`${P}chartSummary`, {
								parts: chart.rows.map((r) => `${r.label} ${fmt(r.expected)}${r.mine === null ? '' : ` / ${fmt(r.mine)}`}`).join('；'),
							})}
							table={{
								caption: t(`${P}chartLabel`),
								columns: [t(`${P}itemCol`), t(`${P}expectedSeries`), t(`${P}mineSeries`)],
								rows: chart.rows.map((r) => [r.label, fmt(r.expected), r.mine === null ? '—' : fmt(r.mine)]),
							}}
							size="chart-md"
						/>
					)}
					<div class="ipc-table-wrap" role="region" tabIndex={0} aria-labelledby="ipc-pnl-caption">
						<table class="ipc-pnl">
							<caption id="ipc-pnl-caption">{t(`${P}pnlHeading`)}</caption>
							<tbody>
								{pnlRows.map(([label, v, strong]) => (
									<tr key={label} class={strong ? 'ipc-strong' : undefined}>
										<th scope="row">{label}</th>
										<td>{fmt(v, 0)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</FeedbackPanel>
			)}
		</SimShell>
	);
}
