/**
 * Segmentation simulation (syllabus 4.四): the learner sorts a seeded pool of mock clients by size
 * segment and risk-tolerance tier, then gets per-client verdicts explained with each client's own
 * numbers, a chart of accuracy by segment and links to the lessons. Keyboard and pointer: every
 * answer is a native radio button.
 */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { RISK_TIERS, SIZE_SEGMENTS, type Client } from '../../../domain/client';
import type { SegmentationWeights } from '../../../domain/scoring/segmentation';
import { $progress } from '../../../stores/progress';
import {
	$segAccuracy,
	$segAnswers,
	$segDefault,
	$segFeedback,
	$segPool,
	$segPoolLoad,
	$segScenario,
	$segScoring,
	$segSubmitted,
	$segWeights,
	answer,
	clearAnswers,
	newPool,
	POOL_RANGE,
	retryPoolLoad,
	retryScoring,
	SEGMENTATION_SIM_ID,
	setScenario,
	submitSegmentation,
	DEFAULT_POOL,
} from '../../../stores/segmentation';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict } from '../../../i18n/format';
import SimShell from '../SimShell';
import FeedbackPanel from '../LazyFeedback';
import ClientDossier from '../shared/ClientDossier';
import LazyChartCanvas from '../../charts/LazyChartCanvas';
import { accuracyBarsConfig, percent } from '../../charts/configs/accuracy-bars';
import LoadStatus from '../LoadStatus';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: SegmentationWeights;
	defaultSeed: string;
	/** The pool of `defaultSeed` at the default size, made at build, so the page needs no generator. */
	initialPool: Client[];
}

export default function SegmentationSim({ strings, topicLinks, weights, defaultSeed, initialPool }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const scenario = useStore($segScenario);
	// null while the generator of a pool other than the page's loads
	const loaded = useStore($segPool);
	const pool = loaded ?? [];
	const poolLoad = useStore($segPoolLoad);
	const answers = useStore($segAnswers);
	const submitted = useStore($segSubmitted);
	const feedback = useStore($segFeedback);
	const accuracy = useStore($segAccuracy);
	const scoring = useStore($segScoring);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [missing, setMissing] = useState(0);

	// Before the first paint, so an answer clicked straight away is not wiped by the scenario reset.
	useLayoutEffect(() => {
		$segWeights.set(weights);
		$segDefault.set({ seed: defaultSeed, count: DEFAULT_POOL, pool: initialPool });
		const p = parseSimParams(location.search, { seed: defaultSeed, count: DEFAULT_POOL }, POOL_RANGE);
		if (p.invalid.length) setNotice(t('shell.urlInvalid'));
		setScenario(p.seed, p.count);
	}, []);

	const applyScenario = (seed: string, count = scenario.count) => {
		setScenario(seed, count);
		history.replaceState(null, '', withSimParams(location.search, seed, count) + location.hash);
	};

	const submit = (e: Event) => {
		e.preventDefault();
		// Read the store, not this render's copy: the last click may not have re-rendered yet.
		const current = $segAnswers.get();
		const unanswered = ($segPool.get() ?? []).filter((c) => !current[c.id]?.segment || !current[c.id]?.riskTier);
		setMissing(unanswered.length);
		if (unanswered.length > 0) {
			document.getElementById(`seg-${unanswered[0]!.id}`)?.focus();
			return;
		}
		void submitSegmentation();
	};

	const labels = Object.fromEntries(pool.map((c) => [c.id, c.name]));
	const rows = accuracy ? SIZE_SEGMENTS.map((s) => ({ label: t(`segment.${s}`), ...accuracy[s] })) : [];
	const saved = progress.sims[SEGMENTATION_SIM_ID];

	return (
		<SimShell
			id="segmentation"
			title={t('sim.segmentation.title')}
			intro={t('sim.segmentation.intro')}
			t={t}
			seed={scenario.seed}
			onSeed={(s) => applyScenario(s)}
			count={{ value: scenario.count, ...POOL_RANGE, onChange: (n) => applyScenario(scenario.seed, n) }}
			onNew={() => {
				newPool();
				history.replaceState(null, '', withSimParams(location.search, $segScenario.get().seed, $segScenario.get().count) + location.hash);
			}}
			onRetry={clearAnswers}
			notice={notice}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			{!loaded && <LoadStatus failed={poolLoad === 'failed'} t={t} onRetry={() => void retryPoolLoad()} />}
			<form onSubmit={submit} noValidate class="seg-form" hidden={!loaded}>
				<ol class="seg-clients">
					{pool.map((c, i) => {
						const a = answers[c.id] ?? {};
						const verdict = submitted ? feedback?.findings.filter((f) => f.subject === c.id) : null;
						const sizeOk = verdict?.find((f) => f.dimension === 'size-segment')?.severity === 'good';
						const riskOk = verdict?.find((f) => f.dimension === 'risk-tier')?.severity === 'good';
						return (
							<li key={c.id} class="seg-client sim-card">
								<ClientDossier client={c} t={t} />
								<fieldset class="seg-choice" id={`seg-${c.id}`} tabIndex={-1}>
									<legend>{t('sim.segmentation.sizeQuestion', { n: i + 1 })}</legend>
									{SIZE_SEGMENTS.map((s) => (
										<label key={s}>
											<input type="radio" name={`size-${c.id}`} value={s} checked={a.segment === s} onChange={() => answer(c.id, 'segment', s)} /> {t(`segment.${s}`)}
										</label>
									))}
								</fieldset>
								<fieldset class="seg-choice">
									<legend>{t('sim.segmentation.riskQuestion', { n: i + 1 })}</legend>
									{RISK_TIERS.map((r) => (
										<label key={r}>
											<input type="radio" name={`risk-${c.id}`} value={r} checked={a.riskTier === r} onChange={() => answer(c.id, 'riskTier', r)} /> {t(`riskTier.${r}`)}
										</label>
									))}
								</fieldset>
								{verdict && (
									<p class={`seg-verdict ${sizeOk && riskOk ? 'ok' : 'bad'}`}>
										{sizeOk ? '✓' : '✗'} {t('sim.segmentation.sizeIs', { segment: t(`segment.${c.truth.segment}`) })} · {riskOk ? '✓' : '✗'}{' '}
										{t('sim.segmentation.riskIs', { tier: t(`riskTier.${c.truth.riskTier}`) })}
									</p>
								)}
							</li>
						);
					})}
				</ol>
				{missing > 0 && (
					<p class="field-error" role="alert">
						{t('sim.segmentation.missing', { count: missing })}
					</p>
				)}
				<div class="btn-row">
					<button type="submit" class="btn btn-primary">
						{t('sim.segmentation.submit')}
					</button>
				</div>
			</form>
			{((submitted && scoring === 'loading') || scoring === 'failed') && <LoadStatus failed={scoring === 'failed'} t={t} onRetry={() => void retryScoring()} />}
			{feedback && submitted && (
				<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks} subjectLabels={labels} severities={['critical', 'major', 'minor', 'good']}>
					<LazyChartCanvas
						config={accuracyBarsConfig(rows, t('sim.segmentation.accuracyAxis'))}
						label={t('sim.segmentation.chartLabel')}
						summary={t('sim.segmentation.chartSummary', {
							parts: rows.filter((r) => r.total > 0).map((r) => `${r.label} ${percent(r)}%`).join('，'),
						})}
						table={{ caption: t('sim.segmentation.chartLabel'), columns: [t('sim.segmentation.segmentCol'), t('sim.segmentation.correctCol'), t('sim.segmentation.totalCol')], rows: rows.map((r) => [r.label, r.correct, r.total]) }}
						size="chart-sm"
					/>
				</FeedbackPanel>
			)}
		</SimShell>
	);
}
