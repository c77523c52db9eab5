/**
 * A quarter's report: the key figures, the 两增两控 tests, three charts over the quarters so far
 * (balance and borrowers; inclusive NPL against its limit; income and new-loan RAROC), each with a
 * table twin, and the findings on the learner's decisions.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { ALL_LOANS_NPL_RATIO, NPL_LIMIT, inclusiveFigures, newLoanRaroc, quarterNetWan, type CapstoneGame, type RoundResult } from '../../../domain/capstone';
import { bookRaroc, twoIncreasesFindings } from '../../../domain/portfolio';
import { HURDLE_RAROC } from '../../../domain/rates';
import type { T } from '../../../i18n/format';
import ChartCanvas from '../../charts/ChartCanvas';
import { balanceBorrowersConfig, incomeRarocConfig, nplConfig } from '../../charts/configs/capstone';
import { capstoneVars, pct, pctNumber, wan } from './format';
import FindingList from './FindingList';

interface Props {
	game: CapstoneGame;
	round: RoundResult;
	t: T;
	topicLinks: Record<string, string>;
}

/** Quarter labels from the opening book to `upTo`. */
export function quarterLabels(t: T, upTo: number): string[] {
	return [t('sim.capstone.chart.opening'), ...Array.from({ length: upTo }, (_, i) => t('sim.capstone.chart.q', { n: i + 1 }))];
}

export default function QuarterReport({ game, round: r, t, topicLinks }: Props) {
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => heading.current?.focus(), [r.round]);
	const rounds = game.rounds.slice(0, r.round);
	const rep = r.learner.report;
	const state = r.learner.book.state;
	const inc = inclusiveFigures(state);
	const newRaroc = newLoanRaroc(r.learner.book, r.round);
	const labels = quarterLabels(t, r.round);
	const names = Object.fromEntries(r.applicants.map((c) => [c.id, c.name]));

	const charts = useMemo(() => {
		const books = [game.opening, ...rounds.map((x) => x.learner.book)];
		const balance = books.map((b) => Math.round(b.state.balanceWan * 10) / 10);
		const borrowers = books.map((b) => b.state.borrowers);
		const npl = books.map((b) => pctNumber(inclusiveFigures(b.state).nplRatio));
		const interest = [0, ...rounds.map((x) => Math.round(x.learner.report.interestWan * 100) / 100)];
		const net = [0, ...rounds.map((x) => Math.round(quarterNetWan(x.learner.report) * 100) / 100)];
		const raroc = [null, ...rounds.map((x) => {
			const v = newLoanRaroc(x.learner.book, x.round);
			return v === null ? null : pctNumber(v);
		})];
		const configs = {
			balance: balanceBorrowersConfig(labels, balance, borrowers, {
				balance: t('sim.capstone.series.balance'),
				borrowers: t('sim.capstone.series.borrowers'),
				wan: t('sim.capstone.axis.wan'),
				people: t('sim.capstone.axis.borrowers'),
			}),
			npl: nplConfig(labels, npl, pctNumber(NPL_LIMIT), {
				npl: t('sim.capstone.series.npl'),
				limit: t('sim.capstone.series.limit'),
				pct: t('sim.capstone.axis.pct'),
			}),
			income: incomeRarocConfig(labels, interest, net, raroc, {
				interest: t('sim.capstone.series.interest'),
				net: t('sim.capstone.series.net'),
				raroc: t('sim.capstone.series.raroc'),
				wan: t('sim.capstone.axis.wan'),
				pct: t('sim.capstone.axis.pct'),
			}),
		};
		return { balance, borrowers, npl, interest, net, raroc, configs };
	}, [game, r.round, t]);

	const rows: [string, string][] = [
		[t('sim.capstone.m.approved'), t('sim.capstone.m.approvedValue', { count: rep.approved, amountWan: wan(rep.newAmountWan) })],
		[t('sim.capstone.m.declined'), t('sim.capstone.m.count', { count: rep.declined })],
		[t('sim.capstone.m.balance'), t('sim.capstone.wan', { value: wan(rep.balanceWan) })],
		[t('sim.capstone.m.borrowers'), t('sim.capstone.m.count', { count: rep.borrowers })],
		[t('sim.capstone.m.inclusive'), t('sim.capstone.m.inclusiveValue', { balanceWan: wan(inc.balanceWan), borrowers: inc.borrowers })],
		[t('sim.capstone.m.npl'), t('sim.capstone.m.nplValue', { all: pct(rep.nplRatio), inclusive: pct(inc.nplRatio) })],
		[t('sim.capstone.m.nplLimit'), pct(NPL_LIMIT)],
		[t('sim.capstone.m.defaults'), t('sim.capstone.m.count', { count: rep.defaults })],
		[t('sim.capstone.m.interest'), t('sim.capstone.wan', { value: wan(rep.interestWan) })],
		[t('sim.capstone.m.funding'), t('sim.capstone.wan', { value: wan(rep.fundingCostWan) })],
		[t('sim.capstone.m.operating'), t('sim.capstone.wan', { value: wan(rep.operatingCostWan) })],
		[t('sim.capstone.m.loss'), t('sim.capstone.wan', { value: wan(rep.lossWan) })],
		[t('sim.capstone.m.net'), t('sim.capstone.wan', { value: wan(quarterNetWan(rep)) })],
		[t('sim.capstone.m.newRaroc'), newRaroc === null ? t('sim.capstone.m.none') : pct(newRaroc, 1)],
		[t('sim.capstone.m.raroc'), pct(bookRaroc(state), 1)],
		[t('sim.capstone.m.breaches'), String(rep.complianceBreaches)],
	];
	const tests = twoIncreasesFindings(r.learner.tests);
	const decisions = r.findings.filter((f) => !f.code.startsWith('two-'));
	const last = charts.balance.length - 1;

	return (
		<section class="cap-report" aria-labelledby="cap-report-heading">
			<h4 id="cap-report-heading" tabIndex={-1} ref={heading}>
				{t('sim.capstone.report.heading', { round: r.round })}
			</h4>
			<div class="cap-table-wrap">
				<table class="cap-figures">
					<caption>{t('sim.capstone.report.caption', { round: r.round })}</caption>
					<thead>
						<tr>
							<th scope="col">{t('sim.capstone.col.item')}</th>
							<th scope="col">{t('sim.capstone.col.value')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(([k, v]) => (
							<tr key={k}>
								<th scope="row">{k}</th>
								<td>{v}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<h5>{t('sim.capstone.tests.heading')}</h5>
			<ul class="cap-tests">
				{tests.map((f) => {
					const met = f.code.endsWith('.met');
					return (
						<li key={f.code} class={`cap-test ${met ? 'ok' : 'bad'}`} data-code={f.code}>
							<strong>
								{met ? '✓ ' : '✗ '}
								{t(met ? 'sim.capstone.tests.met' : 'sim.capstone.tests.missed')}
							</strong>
							：{t(`finding.${f.code}`, capstoneVars(f, t))}
						</li>
					);
				})}
			</ul>
			<div class="cap-charts">
				<ChartCanvas
					config={charts.configs.balance}
					label={t('sim.capstone.chart.balance.label')}
					summary={t('sim.capstone.chart.balance.summary', {
						from: charts.balance[0],
						to: charts.balance[last],
						round: r.round,
						fromBorrowers: charts.borrowers[0],
						toBorrowers: charts.borrowers[last],
					})}
					table={{
						caption: t('sim.capstone.chart.balance.label'),
						columns: [t('sim.capstone.chart.quarter'), t('sim.capstone.series.balance'), t('sim.capstone.series.borrowers')],
						rows: labels.map((l, i) => [l, charts.balance[i] as number, charts.borrowers[i] as number]),
					}}
					size="chart-sm"
				/>
				<ChartCanvas
					config={charts.configs.npl}
					label={t('sim.capstone.chart.npl.label')}
					summary={t('sim.capstone.chart.npl.summary', { round: r.round, npl: pct(inc.nplRatio), limit: pct(NPL_LIMIT), allNpl: pct(ALL_LOANS_NPL_RATIO) })}
					table={{
						caption: t('sim.capstone.chart.npl.label'),
						columns: [t('sim.capstone.chart.quarter'), t('sim.capstone.series.npl'), t('sim.capstone.series.limit')],
						rows: labels.map((l, i) => [l, charts.npl[i] as number, pctNumber(NPL_LIMIT)]),
					}}
					size="chart-sm"
				/>
				<ChartCanvas
					config={charts.configs.income}
					label={t('sim.capstone.chart.income.label')}
					summary={t('sim.capstone.chart.income.summary', {
						round: r.round,
						interest: wan(rep.interestWan),
						net: wan(quarterNetWan(rep)),
						raroc: newRaroc === null ? t('sim.capstone.m.none') : pct(newRaroc, 1),
						hurdle: pct(HURDLE_RAROC, 0),
					})}
					table={{
						caption: t('sim.capstone.chart.income.label'),
						columns: [t('sim.capstone.chart.quarter'), t('sim.capstone.series.interest'), t('sim.capstone.series.net'), t('sim.capstone.series.raroc')],
						rows: labels.map((l, i) => [l, charts.interest[i] as number, charts.net[i] as number, charts.raroc[i] ?? t('sim.capstone.m.none')]),
					}}
					size="chart-sm"
				/>
			</div>
			<h5>{t('sim.capstone.findings.heading')}</h5>
			<FindingList findings={decisions} t={t} topicLinks={topicLinks} subjectLabels={names} />
		</section>
	);
}
