/**
 * The capstone 组合经营 (m5/05, final section): four quarters of a branch's inclusive-finance book.
 * Each quarter the learner decides a seeded pipeline (PipelineTable), runs the quarter and reads the
 * report (QuarterReport); after the fourth, the debrief compares the book with the expert's
 * (Debrief). The game in progress survives a reload (stores/capstone.ts). Keyboard and pointer:
 * native radios, selects, inputs and buttons only.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import {
	ALL_LOANS_GROWTH_PER_QUARTER,
	ALL_LOANS_NPL_RATIO,
	CAPSTONE_ROUNDS,
	COST_TARGET_RATE,
	NPL_LIMIT,
	applicantRow,
	inclusiveFigures,
} from '../../../domain/capstone';
import type { PortfolioWeights } from '../../../domain/portfolio';
import { RECOVERY_LAG_MONTHS } from '../../../domain/portfolio';
import type { Product } from '../../../domain/products';
import { CAPITAL_RATIO, FUNDING_RATE, HURDLE_RAROC } from '../../../domain/rates';
import { makeT, type Dict } from '../../../i18n/format';
import {
	$capCatalogue,
	$capChecks,
	$capCostliest,
	$capDrafts,
	$capFeedback,
	$capGame,
	$capNotice,
	$capPipeline,
	$capSave,
	CAPSTONE_SIM_ID,
	configureCapstone,
	declineProhibited,
	declineUndecided,
	dismissCapNotice,
	newGame,
	nextRound,
	openCapstone,
	randomGame,
	restartGame,
	runQuarter,
} from '../../../stores/capstone';
import { $progress } from '../../../stores/progress';
import { isValidSeed, withSimParams } from '../../../stores/sim-params';
import SimShell from '../SimShell';
import Debrief from './Debrief';
import { fieldId } from './PipelineTable';
import PipelineTable from './PipelineTable';
import QuarterReport from './QuarterReport';
import { pct, wan } from './format';

export interface CapstoneSimProps {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: PortfolioWeights;
	catalogue: Product[];
	defaultSeed: string;
	/** Focus the quarter's heading once the game shows (the learner opened it from the start panel). */
	focusOnOpen?: boolean;
}

export default function CapstoneSim({ strings, topicLinks, weights, catalogue, defaultSeed, focusOnOpen = false }: CapstoneSimProps) {
	const t = useMemo(() => makeT(strings), [strings]);
	const save = useStore($capSave);
	const notice = useStore($capNotice);
	const apps = useStore($capPipeline);
	const drafts = useStore($capDrafts);
	const checks = useStore($capChecks);
	const game = useStore($capGame);
	const feedback = useStore($capFeedback);
	const costliest = useStore($capCostliest);
	const cat = useStore($capCatalogue);
	const progress = useStore($progress);
	const [urlNotice, setUrlNotice] = useState(false);
	const [attempted, setAttempted] = useState(false);
	const [blocked, setBlocked] = useState<string | null>(null);
	const [bulk, setBulk] = useState<string | null>(null);
	const roundHeading = useRef<HTMLHeadingElement>(null);
	const focused = useRef(!focusOnOpen);

	useEffect(() => {
		configureCapstone(catalogue, weights);
		const seed = new URLSearchParams(location.search).get('seed');
		if (seed !== null && !isValidSeed(seed)) setUrlNotice(true);
		openCapstone(defaultSeed, seed);
	}, []);

	// The heading renders once the saved game is open (an effect above): focus it then, once.
	useEffect(() => {
		if (focused.current || !roundHeading.current) return;
		focused.current = true;
		roundHeading.current.focus();
	});

	useEffect(() => {
		setAttempted(false);
		setBlocked(null);
		setBulk(null);
	}, [save?.seed, save?.round, save?.phase]);

	const syncUrl = (seed: string) => history.replaceState(null, '', withSimParams(location.search, seed) + location.hash);

	if (!save || cat.length === 0) return <p class="meta">{t('sim.capstone.title')}</p>;

	const round = save.round;
	const phase = save.phase;
	const played = game?.rounds ?? [];
	const result = played[round - 1];
	const prohibited = apps.filter((c) => !applicantRow(c).permittedPurpose).length;
	const undecided = apps.filter((c) => !drafts[c.id]?.choice).length;
	const approved = apps.filter((c) => drafts[c.id]?.choice === 'approve');
	const approvedAmount = approved.reduce((s, c) => s + (checks[c.id]?.decision?.amountWan ?? 0), 0);
	const saved = progress.sims[CAPSTONE_SIM_ID];
	const openingInc = game ? inclusiveFigures(game.opening.state) : null;
	const previous = round > 1 ? played[round - 2] : undefined;

	const run = () => {
		setBulk(null);
		const r = runQuarter();
		if (r.ok) return;
		setAttempted(true);
		setBlocked([r.undecided > 0 ? t('sim.capstone.blocked.undecided', { count: r.undecided }) : '', r.invalid > 0 ? t('sim.capstone.blocked.invalid', { count: r.invalid }) : '', t('sim.capstone.blocked.focus')].filter(Boolean).join(''));
		requestAnimationFrame(() => document.getElementById(fieldId(r.first.clientId, r.first.field))?.focus());
	};

	const noticeText = notice === 'corrupted' ? t('sim.capstone.recovered') : urlNotice ? t('shell.urlInvalid') : null;

	return (
		<SimShell
			id="capstone"
			title={t('sim.capstone.title')}
			intro={t('sim.capstone.intro')}
			t={t}
			seed={save.seed}
			onSeed={(s) => {
				if (s === save.seed) return;
				newGame(s);
				syncUrl(s);
			}}
			onNew={() => syncUrl(randomGame())}
			onRetry={() => {
				restartGame();
				syncUrl(save.seed);
			}}
			notice={noticeText}
			saved={phase !== 'deciding' && round === CAPSTONE_ROUNDS && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			{notice === 'corrupted' && (
				<p>
					<button type="button" class="btn" onClick={dismissCapNotice}>
						{t('sim.capstone.dismiss')}
					</button>
				</p>
			)}
			<details class="cap-assumptions">
				<summary>{t('sim.capstone.assumptions.title')}</summary>
				<ul>
					<li>{t('sim.capstone.assumptions.npl', { allNplPct: pct(ALL_LOANS_NPL_RATIO, 1), limitPct: pct(NPL_LIMIT, 1) })}</li>
					<li>{t('sim.capstone.assumptions.growth', { growthPct: pct(ALL_LOANS_GROWTH_PER_QUARTER, 1) })}</li>
					<li>{t('sim.capstone.assumptions.cost', { targetPct: pct(COST_TARGET_RATE) })}</li>
					<li>{t('sim.capstone.assumptions.amount')}</li>
					<li>{t('sim.capstone.assumptions.rates', { fundingPct: pct(FUNDING_RATE, 1), capitalPct: pct(CAPITAL_RATIO, 1), hurdlePct: pct(HURDLE_RAROC, 0), lagMonths: RECOVERY_LAG_MONTHS })}</li>
					<li>{t('sim.capstone.assumptions.opening')}</li>
					<li>{t('sim.capstone.assumptions.luck')}</li>
				</ul>
			</details>
			<div class="cap-header">
				<h4 class="cap-round" ref={roundHeading} tabIndex={-1}>{phase === 'debrief' ? t('sim.capstone.round.debrief') : t('sim.capstone.round.heading', { round, total: CAPSTONE_ROUNDS })}</h4>
				<ol class="cap-steps" aria-label={t('sim.capstone.steps')}>
					{Array.from({ length: CAPSTONE_ROUNDS }, (_, i) => i + 1).map((n) => {
						const current = phase !== 'debrief' && n === round;
						const done = n < round || (n === round && phase !== 'deciding');
						return (
							<li key={n} class={`${current ? 'current' : ''}${done ? ' done' : ''}`} aria-current={current ? 'step' : undefined}>
								{t('sim.capstone.step.quarter', { n })}
								<span class="visually-hidden">{current ? t('sim.capstone.step.current') : done ? t('sim.capstone.step.done') : ''}</span>
							</li>
						);
					})}
					<li class={phase === 'debrief' ? 'current' : ''} aria-current={phase === 'debrief' ? 'step' : undefined}>
						{t('sim.capstone.step.debrief')}
					</li>
				</ol>
				{game && openingInc && (
					<p class="meta">
						{t('sim.capstone.opening', {
							balanceWan: wan(game.opening.state.balanceWan),
							borrowers: game.opening.state.borrowers,
							inclusiveBalanceWan: wan(openingInc.balanceWan),
							inclusiveBorrowers: openingInc.borrowers,
						})}
						{previous && phase === 'deciding' && (
							<>
								{' '}
								{t('sim.capstone.nowLine', { balanceWan: wan(previous.learner.report.balanceWan), borrowers: previous.learner.report.borrowers, nplPct: pct(previous.learner.report.nplRatio) })}
							</>
						)}
					</p>
				)}
			</div>

			{phase === 'deciding' && (
				<div class="cap-decide">
					<h4>{t('sim.capstone.pipeline.heading', { count: apps.length })}</h4>
					<fieldset class="cap-bulk">
						<legend>{t('sim.capstone.bulk.legend')}</legend>
						<div class="btn-row">
							<button type="button" class="btn" disabled={prohibited === 0} onClick={() => setBulk(t('sim.capstone.bulk.done', { count: declineProhibited() }))}>
								{t('sim.capstone.bulk.prohibited', { count: prohibited })}
							</button>
							<button type="button" class="btn" disabled={undecided === 0} onClick={() => setBulk(t('sim.capstone.bulk.done', { count: declineUndecided() }))}>
								{t('sim.capstone.bulk.undecided', { count: undecided })}
							</button>
						</div>
						<p class="meta" role="status">
							{bulk ?? ''}
						</p>
					</fieldset>
					<PipelineTable round={round} applicants={apps} drafts={drafts} checks={checks} catalogue={cat} attempted={attempted} t={t} />
					<p class="cap-tally">
						{t('sim.capstone.tally', { decided: apps.length - undecided, total: apps.length, approved: approved.length, amountWan: wan(approvedAmount) })}
					</p>
					{blocked && (
						<p class="field-error" role="alert">
							{blocked}
						</p>
					)}
					<div class="btn-row">
						<button type="button" class="btn btn-primary" onClick={run}>
							{t('sim.capstone.run')}
						</button>
					</div>
				</div>
			)}

			{phase === 'report' && game && result && (
				<>
					<QuarterReport game={game} round={result} t={t} topicLinks={topicLinks} />
					<div class="btn-row">
						<button type="button" class="btn btn-primary" onClick={nextRound}>
							{round < CAPSTONE_ROUNDS ? t('sim.capstone.next', { round: round + 1 }) : t('sim.capstone.toDebrief')}
						</button>
					</div>
				</>
			)}

			{phase === 'debrief' && game && feedback && <Debrief game={game} feedback={feedback} costliest={costliest} t={t} topicLinks={topicLinks} />}
		</SimShell>
	);
}
