/**
 * The debrief after the fourth quarter: the score (scorePortfolio through the shared feedback
 * panel), the learner's book against the expert's on the same pipelines (table and chart), and the
 * three costliest decisions, each with a what-if replay of the quarters it affected.
 */
import { useMemo } from 'preact/hooks';
import { summariseBook, type BookSummary, type CapstoneGame, type WhatIf } from '../../../domain/capstone';
import type { BookDecision } from '../../../domain/portfolio';
import type { Feedback } from '../../../domain/scoring/feedback';
import type { T } from '../../../i18n/format';
import ChartCanvas from '../../charts/ChartCanvas';
import { compareConfig } from '../../charts/configs/capstone';
import FeedbackPanel from '../LazyFeedback';
import { pct, wan } from './format';
import { quarterLabels } from './QuarterReport';

interface Props {
	game: CapstoneGame;
	feedback: Feedback;
	costliest: WhatIf[];
	t: T;
	topicLinks: Record<string, string>;
}

type Row = { key: keyof BookSummary; label: string; fmt: (x: number) => string };

export default function Debrief({ game, feedback, costliest, t, topicLinks }: Props) {
	const mine = summariseBook(game.learner.state);
	const expert = summariseBook(game.expert.state);
	const ratio = (x: number) => pct(x, 2);
	const rows: Row[] = [
		{ key: 'balanceWan', label: t('sim.capstone.d.balance'), fmt: wan },
		{ key: 'borrowers', label: t('sim.capstone.d.borrowers'), fmt: String },
		{ key: 'inclusiveBalanceWan', label: t('sim.capstone.d.inclusiveBalance'), fmt: wan },
		{ key: 'inclusiveBorrowers', label: t('sim.capstone.d.inclusiveBorrowers'), fmt: String },
		{ key: 'nplRatio', label: t('sim.capstone.d.npl'), fmt: ratio },
		{ key: 'inclusiveNplRatio', label: t('sim.capstone.d.inclusiveNpl'), fmt: ratio },
		{ key: 'totalLentWan', label: t('sim.capstone.d.lent'), fmt: wan },
		{ key: 'interestWan', label: t('sim.capstone.d.interest'), fmt: wan },
		{ key: 'lossWan', label: t('sim.capstone.d.loss'), fmt: wan },
		{ key: 'netIncomeWan', label: t('sim.capstone.d.net'), fmt: wan },
		{ key: 'raroc', label: t('sim.capstone.d.raroc'), fmt: (x) => pct(x, 1) },
		{ key: 'realisedRaroc', label: t('sim.capstone.d.realisedRaroc'), fmt: (x) => pct(x, 1) },
		{ key: 'complianceBreaches', label: t('sim.capstone.d.breaches'), fmt: String },
	];
	const labels = quarterLabels(t, game.rounds.length);
	const series = useMemo(() => {
		const m = [game.opening.state.balanceWan, ...game.rounds.map((r) => r.learner.book.state.balanceWan)].map((x) => Math.round(x * 10) / 10);
		const e = [game.opening.state.balanceWan, ...game.rounds.map((r) => r.expert.book.state.balanceWan)].map((x) => Math.round(x * 10) / 10);
		return { m, e, config: compareConfig(labels, m, e, { mine: t('sim.capstone.series.mine'), expert: t('sim.capstone.series.expert'), wan: t('sim.capstone.axis.wan') }) };
	}, [game, t]);
	const names = new Map(game.rounds.flatMap((r) => r.applicants.map((c) => [c.id, c.name] as const)));

	return (
		<div class="cap-debrief">
			<p class="cap-kicker">{t('sim.capstone.debrief.heading')}</p>
			<p>{t('sim.capstone.debrief.intro')}</p>
			<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks} severities={['critical', 'major', 'minor', 'good']}>
				<div class="cap-table-wrap">
					<table class="cap-compare">
						<caption>{t('sim.capstone.debrief.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('sim.capstone.col.metric')}</th>
								<th scope="col">{t('sim.capstone.col.mine')}</th>
								<th scope="col">{t('sim.capstone.col.expert')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => (
								<tr key={r.key}>
									<th scope="row">{r.label}</th>
									<td>{r.fmt(mine[r.key])}</td>
									<td>{r.fmt(expert[r.key])}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				<ChartCanvas
					config={series.config}
					label={t('sim.capstone.chart.compare.label')}
					summary={t('sim.capstone.chart.compare.summary', { mine: wan(mine.balanceWan), expert: wan(expert.balanceWan) })}
					table={{
						caption: t('sim.capstone.chart.compare.label'),
						columns: [t('sim.capstone.chart.quarter'), t('sim.capstone.series.mine'), t('sim.capstone.series.expert')],
						rows: labels.map((l, i) => [l, series.m[i] as number, series.e[i] as number]),
					}}
					size="chart-sm"
				/>
			</FeedbackPanel>
			<section class="cap-costly" aria-labelledby="cap-costly-heading">
				<h4 id="cap-costly-heading">{t('sim.capstone.costly.heading')}</h4>
				<p class="meta">{t('sim.capstone.costly.measure')}</p>
				{costliest.length === 0 ? (
					<p>{t('sim.capstone.costly.none')}</p>
				) : (
					<ol class="cap-costly-list">
						{costliest.map((w) => (
							<CostlyItem key={w.cost.clientId} w={w} name={names.get(w.cost.clientId) ?? w.cost.clientId} t={t} />
						))}
					</ol>
				)}
			</section>
		</div>
	);
}

function decisionText(d: BookDecision, t: T): string {
	if (!d.approve) return t('sim.capstone.decision.declined');
	return t('sim.capstone.decision.approved', {
		product: t(`product.${d.productId ?? ''}`),
		amount: wan(d.amountWan),
		rate: pct(d.annualRate),
		months: d.termMonths,
		repayment: t(`repayment.${d.repayment}`),
		guarantee: t(`guarantee.${d.guarantee}`),
	});
}

function CostlyItem({ w, name, t }: { w: WhatIf; name: string; t: T }) {
	const c = w.cost;
	const signed = (x: number, fmt: (v: number) => string) => (x > 0 ? `+${fmt(x)}` : fmt(x));
	const line = (label: string, a: number, b: number, fmt: (v: number) => string, dfmt = fmt) => [label, fmt(a), fmt(b), signed(Math.round((b - a) * 10000) / 10000, dfmt)];
	const pp = (digits: number) => (x: number) => t('sim.capstone.pp', { value: Math.round(x * 100 * 10 ** digits) / 10 ** digits });
	const rows = [
		line(t('sim.capstone.d.balance'), w.actual.balanceWan, w.replayed.balanceWan, wan),
		line(t('sim.capstone.d.borrowers'), w.actual.borrowers, w.replayed.borrowers, String),
		line(t('sim.capstone.d.npl'), w.actual.nplRatio, w.replayed.nplRatio, (x) => pct(x), pp(2)),
		line(t('sim.capstone.d.net'), w.actual.netIncomeWan, w.replayed.netIncomeWan, wan),
		line(t('sim.capstone.d.raroc'), w.actual.raroc, w.replayed.raroc, (x) => pct(x, 1), pp(1)),
		line(t('sim.capstone.d.breaches'), w.actual.complianceBreaches, w.replayed.complianceBreaches, String),
		line(t('sim.capstone.w.score'), w.actualScore, w.replayedScore, (x) => String(Math.round(x * 10) / 10)),
	];
	return (
		<li class="cap-costly-item sim-card" data-client={c.clientId}>
			<h5>{t('sim.capstone.costly.item', { round: c.round, name })}</h5>
			<p class="cap-cost">
				<strong>{c.breaches > 0 ? t('sim.capstone.costly.breach') : t('sim.capstone.costly.cost', { cost: wan(c.costWan) })}</strong>
				{' · '}
				{t('sim.capstone.costly.parts', { foregone: wan(c.foregoneWan), excess: wan(c.excessLossWan), breaches: c.breaches })}
			</p>
			<dl class="cap-decisions">
				<div>
					<dt>{t('sim.capstone.costly.yours')}</dt>
					<dd>{decisionText(c.learner, t)}</dd>
				</div>
				<div>
					<dt>{t('sim.capstone.costly.experts')}</dt>
					<dd>{decisionText(c.expert, t)}</dd>
				</div>
			</dl>
			<div class="cap-table-wrap">
				<table class="cap-whatif">
					<caption>{c.round < 4 ? t('sim.capstone.whatif.caption', { from: c.round }) : t('sim.capstone.whatif.captionLast')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('sim.capstone.col.metric')}</th>
							<th scope="col">{t('sim.capstone.whatif.actual')}</th>
							<th scope="col">{t('sim.capstone.whatif.replayed')}</th>
							<th scope="col">{t('sim.capstone.whatif.delta')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(([label, a, b, d]) => (
							<tr key={label}>
								<th scope="row">{label}</th>
								<td>{a}</td>
								<td>{b}</td>
								<td>{d}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</li>
	);
}
