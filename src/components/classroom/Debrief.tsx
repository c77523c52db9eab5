/**
 * The class debrief: mean score per item, the score distribution of a chosen item, error rates per
 * question of a chosen knowledge check, per-client error rates and common wrong choices of the
 * segmentation simulation, product choices of the product-matching simulation, and the class table
 * with CSV export. Numbers come from src/domain/class-debrief.ts; every chart has a table twin.
 */
import { useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { classTableCsv, type ItemKind, type ItemStats } from '../../domain/class-debrief';
import { $debrief, $sessionCode } from '../../stores/classroom';
import type { T } from '../../i18n/format';
import ChartCanvas from '../charts/ChartCanvas';
import { histogramConfig, percentBarsConfig } from '../charts/configs/classroom';
import { downloadText, numText, pctText, timeText, type QuizInfo, type SimLink } from './types';

interface Props {
	t: T;
	lang: string;
	sims: SimLink[];
	quizzes: QuizInfo[];
}

export default function Debrief({ t, lang, sims, quizzes }: Props) {
	const d = useStore($debrief);
	const sessionCode = useStore($sessionCode);
	const [histKey, setHistKey] = useState('');
	const [quizKey, setQuizKey] = useState('');
	const pct = (x: number) => pctText(x, lang);
	const num = (x: number) => numText(x, lang);
	const simTitle = new Map(sims.map((s) => [s.id, s.title]));
	const quizById = new Map(quizzes.map((q) => [q.id, q]));
	/** Chart axis labels stay short; the table twins carry the full titles. */
	const short = (s: string, n = 18) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);
	const title = (kind: ItemKind, id: string) =>
		kind === 'sim' ? (simTitle.get(id) ?? id) : quizById.has(id) ? t('classroom.dash.quizTitle', { lesson: quizById.get(id)!.title }) : id;

	if (!d) {
		return (
			<section aria-labelledby="class-debrief">
				<h2 id="class-debrief">{t('classroom.dash.heading')}</h2>
				<p class="meta">{t('classroom.dash.empty')}</p>
			</section>
		);
	}

	const key = (i: ItemStats) => `${i.kind}:${i.id}`;
	const sorted = [...d.items].sort((a, b) => b.meanShare - a.meanShare);
	const best = sorted[0];
	const worst = sorted[sorted.length - 1];
	// Results may hold no scored item at all (an empty export): then only the table is shown.
	const hist = d.items.find((i) => key(i) === histKey) ?? d.items[0];
	const binLabel = (i: ItemStats, b: { from: number; to: number }) =>
		i.unit === 'points' ? t('classroom.dash.binPoints', { from: num(b.from) }) : t('classroom.dash.binShare', { from: Math.round(b.from * 100), to: Math.round(b.to * 100) });
	const histLabels = hist ? hist.bins.map((b) => binLabel(hist, b)) : [];
	const histTitle = hist ? title(hist.kind, hist.id) : '';

	const quizIds = [...new Set(d.questions.map((q) => q.quizId))];
	const quizId = quizIds.includes(quizKey) ? quizKey : (quizIds[0] ?? '');
	const qStats = d.questions.filter((q) => q.quizId === quizId);
	const qInfo = quizById.get(quizId);
	const worstQ = [...qStats].sort((a, b) => b.rate - a.rate)[0];
	const optionText = (questionId: string, optionId: string | null) => {
		if (!optionId) return '—';
		const text = qInfo?.questions.find((q) => q.id === questionId)?.optionText[optionId];
		return text ? `${optionId.toUpperCase()}. ${text}` : optionId;
	};

	const seg = d.segmentation && d.segmentation.n > 0 ? d.segmentation : null;
	const worstClient = seg ? [...seg.clients].sort((a, b) => b.rate - a.rate)[0] : undefined;
	const csv = () =>
		classTableCsv(d, {
			name: t('classroom.dash.nameCol'),
			number: t('classroom.dash.numberCol'),
			exportedAt: t('classroom.dash.exportedCol'),
			total: t('classroom.dash.csvTotal'),
			item: (kind, id, max) => (max === null ? t('classroom.dash.csvItemShare', { title: title(kind, id) }) : t('classroom.dash.csvItemPoints', { title: title(kind, id), max })),
			time: (ms) => timeText(ms, lang),
		});

	return (
		<section aria-labelledby="class-debrief" class="class-debrief">
			<h2 id="class-debrief">{t('classroom.dash.heading')}</h2>
			<p data-debrief-summary>
				<strong>{t('classroom.dash.summary', { count: d.count, pct: pct(d.meanShare) })}</strong>
			</p>

			{best && worst && (
				<ChartCanvas
					config={percentBarsConfig(d.items.map((i) => short(title(i.kind, i.id))), d.items.map((i) => Math.round(i.meanShare * 100)), t('classroom.dash.pctAxis'))}
					label={t('classroom.dash.overviewChart')}
					summary={t('classroom.dash.overviewSummary', { best: title(best.kind, best.id), bestPct: pct(best.meanShare), worst: title(worst.kind, worst.id), worstPct: pct(worst.meanShare) })}
					size={d.items.length > 8 ? 'chart-lg' : 'chart-md'}
					table={{
						caption: t('classroom.dash.overviewCaption'),
						columns: [t('classroom.dash.itemCol'), t('classroom.dash.nCol'), t('classroom.dash.meanCol'), t('classroom.dash.meanPctCol')],
						rows: d.items.map((i) => [title(i.kind, i.id), i.n, num(i.meanScore), pct(i.meanShare)]),
					}}
				/>
			)}

			{hist && (
				<>
					<h3>{t('classroom.dash.histHeading')}</h3>
					<div class="field">
						<label for="class-hist-pick">{t('classroom.dash.histPick')}</label>
						<select id="class-hist-pick" value={key(hist)} onChange={(e) => setHistKey(e.currentTarget.value)}>
							{d.items.map((i) => (
								<option key={key(i)} value={key(i)}>
									{title(i.kind, i.id)}
								</option>
							))}
						</select>
					</div>
					<ChartCanvas
						config={histogramConfig(histLabels, hist.bins.map((b) => b.count), t('classroom.dash.countAxis'), t('classroom.dash.scoreCol'))}
						label={t('classroom.dash.histChart', { title: histTitle })}
						summary={
							hist.unit === 'points'
								? t('classroom.dash.histSummaryPoints', { title: histTitle, n: hist.n, mean: num(hist.meanScore), max: num(hist.max ?? 0), pct: pct(hist.meanShare) })
								: t('classroom.dash.histSummaryShare', { title: histTitle, n: hist.n, pct: pct(hist.meanShare) })
						}
						size="chart-sm"
						table={{
							caption: t('classroom.dash.histChart', { title: histTitle }),
							columns: [t('classroom.dash.scoreCol'), t('classroom.dash.countAxis')],
							rows: hist.bins.map((b, i) => [histLabels[i]!, b.count]),
						}}
					/>
					{hist.otherSeed > 0 && <p class="notice">{t('classroom.dash.otherSeed', { count: hist.otherSeed })}</p>}
				</>
			)}

			<h3>{t('classroom.dash.questionsHeading')}</h3>
			{quizIds.length === 0 ? (
				<p class="meta">{t('classroom.dash.noQuestionData')}</p>
			) : (
				<>
					<div class="field">
						<label for="class-quiz-pick">{t('classroom.dash.questionPick')}</label>
						<select id="class-quiz-pick" value={quizId} onChange={(e) => setQuizKey(e.currentTarget.value)}>
							{quizIds.map((id) => (
								<option key={id} value={id}>
									{title('quiz', id)}
								</option>
							))}
						</select>
					</div>
					<ChartCanvas
						config={percentBarsConfig(qStats.map((q) => t('classroom.dash.questionLabel', { n: q.number })), qStats.map((q) => Math.round(q.rate * 100)), t('classroom.dash.errorAxis'), 1)}
						label={t('classroom.dash.questionChart', { title: title('quiz', quizId) })}
						summary={t('classroom.dash.questionSummary', { n: worstQ!.number, pct: pct(worstQ!.rate), errors: worstQ!.errors, count: worstQ!.n })}
						size="chart-sm"
						table={{
							caption: t('classroom.dash.questionCaption'),
							columns: [t('classroom.dash.qCol'), t('classroom.dash.errorsCol'), t('classroom.dash.errorRateCol'), t('classroom.dash.commonWrongCol')],
							rows: qStats.map((q) => [t('classroom.dash.questionLabel', { n: q.number }), `${q.errors}/${q.n}`, pct(q.rate), optionText(q.questionId, q.commonWrong)]),
						}}
					/>
					<div class="table-scroll">
						<table class="class-questions">
							<caption class="visually-hidden">{t('classroom.dash.questionCaption')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('classroom.dash.qCol')}</th>
									<th scope="col">{t('classroom.dash.errorsCol')}</th>
									<th scope="col">{t('classroom.dash.errorRateCol')}</th>
									<th scope="col">{t('classroom.dash.commonWrongCol')}</th>
								</tr>
							</thead>
							<tbody>
								{qStats.map((q) => (
									<tr key={q.questionId}>
										<th scope="row">
											{t('classroom.dash.questionLabel', { n: q.number })}
											<span class="class-prompt">{qInfo?.questions.find((x) => x.id === q.questionId)?.prompt}</span>
										</th>
										<td class="class-rate">
											{q.errors}/{q.n}
										</td>
										<td class="class-rate">{pct(q.rate)}</td>
										<td>{optionText(q.questionId, q.commonWrong)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</>
			)}

			{d.segmentation && (
				<>
					<h3>{t('classroom.dash.segHeading')}</h3>
					{!seg ? (
						<p class="meta">{t('classroom.dash.segNoData')}</p>
					) : (
						<>
							<p>{t('classroom.dash.segIntro', { seed: seg.seed, n: seg.n })}</p>
							{seg.otherSeed > 0 && <p class="notice">{t('classroom.dash.otherSeed', { count: seg.otherSeed })}</p>}
							<ChartCanvas
								config={percentBarsConfig(seg.clients.map((c) => short(`${c.index + 1}. ${c.name}`, 14)), seg.clients.map((c) => Math.round(c.rate * 100)), t('classroom.dash.errorAxis'), 2)}
								label={t('classroom.dash.segChart')}
								summary={t('classroom.dash.segSummary', { n: worstClient!.index + 1, name: worstClient!.name, pct: pct(worstClient!.rate) })}
								size={seg.clients.length > 12 ? 'chart-lg' : 'chart-md'}
								table={{
									caption: t('classroom.dash.segCaption'),
									columns: [t('classroom.dash.clientCol'), t('classroom.dash.expectedCol'), t('classroom.dash.segErrCol'), t('classroom.dash.riskErrCol'), t('classroom.dash.errorRateCol')],
									rows: seg.clients.map((c) => [
										`${c.index + 1}. ${c.name}`,
										`${t(`segment.${c.expectedSegment}`)} · ${t(`riskTier.${c.expectedRisk}`)}`,
										`${c.segmentErrors}/${c.n}`,
										`${c.riskErrors}/${c.n}`,
										pct(c.rate),
									]),
								}}
							/>
							<Confusions t={t} heading={t('classroom.dash.wrongSegHeading')} rows={seg.wrongSegments.slice(0, 5).map((w) => [t(`segment.${w.expected}`), t(`segment.${w.chosen}`), w.count])} />
							<Confusions t={t} heading={t('classroom.dash.wrongRiskHeading')} rows={seg.wrongRisks.slice(0, 5).map((w) => [t(`riskTier.${w.expected}`), t(`riskTier.${w.chosen}`), w.count])} />
						</>
					)}
				</>
			)}

			{d.products && (
				<>
					<h3>{t('classroom.dash.productsHeading')}</h3>
					<p>{t('classroom.dash.productsSummary', { n: d.products.n, correct: d.products.correct })}</p>
					<Confusions
						t={t}
						heading=""
						track
						rows={d.products.wrong.slice(0, 8).map((w) => [t(`track.${w.track}`), w.expected ? t(`product.${w.expected}`) : t('classroom.dash.expertDeclines'), t(`product.${w.chosen}`), w.count])}
					/>
				</>
			)}

			<h3>{t('classroom.dash.tableHeading')}</h3>
			<div class="table-scroll">
				<table class="class-table" data-class-table>
					<caption class="visually-hidden">{t('classroom.dash.tableCaption')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('classroom.dash.nameCol')}</th>
							<th scope="col">{t('classroom.dash.numberCol')}</th>
							{d.columns.map((c) => (
								<th scope="col" key={c.key}>
									{title(c.kind, c.id)}
								</th>
							))}
							<th scope="col">{t('classroom.dash.totalCol')}</th>
							<th scope="col">{t('classroom.dash.exportedCol')}</th>
						</tr>
					</thead>
					<tbody>
						{d.rows.map((r, i) => (
							<tr key={i}>
								<th scope="row" data-trainee>
									{r.name}
								</th>
								<td>{r.number}</td>
								{d.columns.map((c) => {
									const e = r.cells[c.key];
									return <td key={c.key}>{e ? `${num(e.score)}/${num(e.max)}` : '—'}</td>;
								})}
								<td>{r.max > 0 ? pct(r.score / r.max) : '—'}</td>
								<td>{timeText(r.exportedAt, lang)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<div class="btn-row">
				<button type="button" class="btn btn-primary" onClick={() => downloadText(csv(), `${t('classroom.dash.csvFile')}${sessionCode ? `-${sessionCode}` : ''}.csv`, 'text/csv;charset=utf-8')}>
					{t('classroom.dash.csv')}
				</button>
			</div>
		</section>
	);
}

function Confusions({ t, heading, rows, track = false }: { t: T; heading: string; rows: (string | number)[][]; track?: boolean }) {
	return (
		<>
			{heading && <h4>{heading}</h4>}
			{rows.length === 0 ? (
				<p class="meta">{t('classroom.dash.noneWrong')}</p>
			) : (
				<div class="table-scroll">
					<table>
						<thead>
							<tr>
								{track && <th scope="col">{t('classroom.dash.trackHead')}</th>}
								<th scope="col">{t('classroom.dash.expectedHead')}</th>
								<th scope="col">{t('classroom.dash.chosenHead')}</th>
								<th scope="col">{t('classroom.dash.timesHead')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r, i) => (
								<tr key={i}>
									{r.map((c, j) => (
										<td key={j}>{c}</td>
									))}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</>
	);
}
