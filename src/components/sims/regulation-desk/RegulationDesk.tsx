/**
 * Regulation case desk (lesson m1/04): one loan proposal at a time, in a seeded order. The learner
 * judges it compliant or not and cites the breached rules; the compliance rules score the verdict
 * at once and explain it with the proposal's own numbers and each rule's source document. When the
 * whole pile is judged, a total with right verdicts by kind of case is saved to progress.
 * Keyboard and pointer: native radios, checkboxes and buttons only.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { checkProposal, type ComplianceWeights } from '../../../domain/compliance';
import { deskRules, deskTally, type DeskCase } from '../../../domain/regulation-desk';
import { $progress } from '../../../stores/progress';
import {
	$deskCaseFeedback,
	$deskCases,
	$deskCurrent,
	$deskDone,
	$deskDrafts,
	$deskFeedback,
	$deskFiled,
	$deskOrder,
	$deskSeed,
	$deskWeights,
	REGULATION_DESK_SIM_ID,
	clearDesk,
	fileCase,
	goToCase,
	initDesk,
	nextOpenCase,
	setDeskSeed,
	setDraftVerdict,
	toggleCitation,
} from '../../../stores/regulation-desk';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict } from '../../../i18n/format';
import SimShell from '../SimShell';
import FeedbackPanel from '../LazyFeedback';
import LazyChartCanvas from '../../charts/LazyChartCanvas';
import { accuracyBarsConfig, percent } from '../../charts/configs/accuracy-bars';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: ComplianceWeights;
	/** The proposals with their narrative in the page's language. */
	cases: (DeskCase & { narrative: string })[];
	defaultSeed: string;
}

export default function RegulationDesk({ strings, topicLinks, weights, cases, defaultSeed }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const seed = useStore($deskSeed);
	const order = useStore($deskOrder);
	const current = useStore($deskCurrent);
	const drafts = useStore($deskDrafts);
	const filed = useStore($deskFiled);
	const caseFeedback = useStore($deskCaseFeedback);
	const done = useStore($deskDone);
	const total = useStore($deskFeedback);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [error, setError] = useState(false);
	const heading = useRef<HTMLHeadingElement>(null);
	const rules = useMemo(() => deskRules(cases), [cases]);
	const narratives = useMemo(() => Object.fromEntries(cases.map((c) => [c.id, c.narrative])), [cases]);

	useEffect(() => {
		$deskWeights.set(weights);
		const p = parseSimParams(location.search, { seed: defaultSeed, count: cases.length }, { min: cases.length, max: cases.length });
		if (p.invalid.includes('seed')) setNotice(t('shell.urlInvalid'));
		initDesk(
			cases.map(({ id, proposal }) => ({ id, proposal })),
			p.seed,
		);
	}, []);

	const applySeed = (s: string) => {
		setDeskSeed(s);
		setError(false);
		history.replaceState(null, '', withSimParams(location.search, s) + location.hash);
	};
	const show = (i: number) => {
		goToCase(i);
		setError(false);
		requestAnimationFrame(() => heading.current?.focus());
	};

	const c = order[current];
	if (!c) return null;
	const draft = drafts[c.id] ?? { cited: [] };
	const verdict = filed[c.id];
	const fb = caseFeedback[c.id];
	const n = current + 1;
	const labels = Object.fromEntries(order.map((x, i) => [x.id, t('sim.regulation-desk.caseN', { n: i + 1 })]));
	const next = verdict ? nextOpenCase() : -1;
	const saved = progress.sims[REGULATION_DESK_SIM_ID];
	const ruleName = (r: string) => t(`rule.${r}`);
	const tally = done ? deskTally($deskCases.get(), filed) : [];
	const rows = tally.map((r) => ({ label: t(r.key === 'compliant' ? 'sim.regulation-desk.kindCompliant' : `sim.regulation-desk.ruleShort.${r.key}`), correct: r.correct, total: r.total }));

	const file = (e: Event) => {
		e.preventDefault();
		const res = fileCase(c.id);
		setError(res === 'no-verdict');
		if (res === 'no-verdict') document.getElementById(`desk-verdict-${c.id}`)?.focus();
	};

	return (
		<SimShell
			id="regulation-desk"
			title={t('sim.regulation-desk.title')}
			intro={t('sim.regulation-desk.intro', { count: cases.length })}
			t={t}
			seed={seed}
			onSeed={applySeed}
			onRetry={() => {
				clearDesk();
				setError(false);
			}}
			notice={notice}
			saved={done && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			<nav class="desk-queue" aria-label={t('sim.regulation-desk.queueLabel')}>
				<ol>
					{order.map((x, i) => {
						const f = caseFeedback[x.id];
						const ok = f?.findings.some((k) => k.code === 'verdict.correct');
						const status = !f ? t('sim.regulation-desk.statusOpen') : ok ? t('sim.regulation-desk.statusRight') : t('sim.regulation-desk.statusWrong');
						return (
							<li key={x.id}>
								<button
									type="button"
									class={`desk-tab${i === current ? ' current' : ''}${f ? (ok ? ' ok' : ' bad') : ''}`}
									aria-current={i === current ? 'step' : undefined}
									onClick={() => show(i)}
								>
									{i + 1}
									<span class="visually-hidden"> {t('sim.regulation-desk.tabName', { label: labels[x.id], status })}</span>
									<span aria-hidden="true">{f ? (ok ? ' ✓' : ' ✗') : ''}</span>
								</button>
							</li>
						);
					})}
				</ol>
			</nav>
			<article class="desk-case sim-card" data-case={c.id} aria-labelledby="desk-case-title">
				<h4 id="desk-case-title" tabIndex={-1} ref={heading}>
					{t('sim.regulation-desk.caseHeading', { n, total: order.length })}
				</h4>
				<p class="desk-narrative">{narratives[c.id]}</p>
				{!verdict ? (
					<form onSubmit={file} noValidate class="desk-form">
						<fieldset class="desk-choice" id={`desk-verdict-${c.id}`} tabIndex={-1} aria-describedby={error ? 'desk-error' : undefined}>
							<legend>{t('sim.regulation-desk.verdictLegend')}</legend>
							<label>
								<input type="radio" name={`verdict-${c.id}`} checked={draft.compliant === true} onChange={() => setDraftVerdict(c.id, true)} /> {t('sim.regulation-desk.compliant')}
							</label>
							<label>
								<input type="radio" name={`verdict-${c.id}`} checked={draft.compliant === false} onChange={() => setDraftVerdict(c.id, false)} /> {t('sim.regulation-desk.breach')}
							</label>
						</fieldset>
						<fieldset class="desk-rules" disabled={draft.compliant === true} aria-describedby={`desk-cite-help-${c.id}`}>
							<legend>{t('sim.regulation-desk.citeLegend')}</legend>
							<p class="meta" id={`desk-cite-help-${c.id}`}>
								{t(draft.compliant === true ? 'sim.regulation-desk.citeHelpCompliant' : 'sim.regulation-desk.citeHelp')}
							</p>
							{rules.map((r) => (
								<label key={r}>
									<input type="checkbox" checked={draft.cited.includes(r)} onChange={(e) => toggleCitation(c.id, r, (e.currentTarget as HTMLInputElement).checked)} /> {ruleName(r)}
								</label>
							))}
						</fieldset>
						{error && (
							<p class="field-error" id="desk-error" role="alert">
								{t('sim.regulation-desk.noVerdict')}
							</p>
						)}
						<div class="btn-row">
							<button type="submit" class="btn btn-primary">
								{t('sim.regulation-desk.file')}
							</button>
						</div>
					</form>
				) : (
					<>
						<p class="desk-yours">
							{t('sim.regulation-desk.yourVerdict', {
								verdict: t(verdict.compliant ? 'sim.regulation-desk.compliant' : 'sim.regulation-desk.breach'),
								rules: verdict.citedRules.length ? verdict.citedRules.map(ruleName).join(t('sim.regulation-desk.sep')) : t('sim.regulation-desk.noneCited'),
							})}
						</p>
						{fb && (
							<FeedbackPanel key={c.id} feedback={fb} t={t} topicLinks={topicLinks} severities={['critical', 'major', 'minor', 'good']} headingLevel={3}>
								<h4 class="desk-checks-title">{t('sim.regulation-desk.checksTitle')}</h4>
								<ul class="desk-checks">
									{checkProposal(c.proposal).map((k) => (
										<li key={k.rule} class={k.passed ? 'ok' : 'bad'}>
											<span aria-hidden="true">{k.passed ? '✓ ' : '✗ '}</span>
											<strong>{t(k.passed ? 'sim.regulation-desk.checkPassed' : 'sim.regulation-desk.checkFailed')}</strong> {ruleName(k.rule)}
											<br />
											<span class="meta">{t('sim.regulation-desk.source', { source: t(`rule.${k.rule}.source`) })}</span>
										</li>
									))}
								</ul>
							</FeedbackPanel>
						)}
						<div class="btn-row">
							{next >= 0 ? (
								<button type="button" class="btn btn-primary" onClick={() => show(next)}>
									{t('sim.regulation-desk.next')}
								</button>
							) : (
								<a class="btn btn-primary" href="#desk-summary">
									{t('sim.regulation-desk.toSummary')}
								</a>
							)}
						</div>
					</>
				)}
			</article>
			{total && done && (
				<section id="desk-summary" class="desk-summary" aria-labelledby="desk-summary-title">
					<h4 id="desk-summary-title">{t('sim.regulation-desk.summaryTitle', { count: order.length })}</h4>
					<FeedbackPanel feedback={total} t={t} topicLinks={topicLinks} subjectLabels={labels} severities={['critical', 'major', 'minor', 'good']} focusOnMount={false}>
						<LazyChartCanvas
							config={accuracyBarsConfig(rows, t('sim.regulation-desk.chartAxis'))}
							label={t('sim.regulation-desk.chartLabel')}
							summary={t('sim.regulation-desk.chartSummary', { parts: rows.map((r) => `${r.label} ${percent(r)}%`).join(t('sim.regulation-desk.sep')) })}
							table={{
								caption: t('sim.regulation-desk.chartLabel'),
								columns: [t('sim.regulation-desk.kindCol'), t('sim.regulation-desk.correctCol'), t('sim.regulation-desk.totalCol')],
								rows: rows.map((r) => [r.label, r.correct, r.total]),
							}}
							size="chart-lg"
						/>
					</FeedbackPanel>
				</section>
			)}
		</SimShell>
	);
}
