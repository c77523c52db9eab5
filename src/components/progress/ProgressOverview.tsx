/** The progress page: lessons by module, knowledge-check and simulation results, and a reset. */
import { useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { $progress, resetProgress } from '../../stores/progress';
import { makeT, type Dict } from '../../i18n/format';
import ProgressNotice from '../ui/ProgressNotice';

interface Item {
	id: string;
	title: string;
	href: string;
}
interface Props {
	modules: { title: string; lessons: (Item & { quizId: string | null })[] }[];
	sims: Item[];
	strings: Dict;
}

export default function ProgressOverview({ modules, sims, strings }: Props) {
	const t = makeT(strings);
	const progress = useStore($progress);
	const [cleared, setCleared] = useState(false);
	const all = modules.flatMap((m) => m.lessons);
	const done = all.filter((l) => progress.lessons[l.id]?.completedAt !== undefined).length;
	const pct = all.length ? Math.round((done / all.length) * 100) : 0;
	const date = (ms: number) => new Date(ms).toLocaleDateString(strings['progress.locale'] ?? undefined);
	const simRows = sims.filter((s) => progress.sims[s.id]);
	return (
		<div class="progress-overview">
			<ProgressNotice strings={strings} />
			<p>
				<strong>{t('progress.overall', { pct })}</strong>
			</p>
			<progress class="progress-native" max={100} value={pct} aria-label={t('progress.overall', { pct })} />
			<h2>{t('progress.lessons')}</h2>
			{modules.map((m) => (
				<section key={m.title}>
					<h3>{m.title}</h3>
					<table>
						<thead>
							<tr>
								<th scope="col">{t('progress.lessonCol')}</th>
								<th scope="col">{t('progress.statusCol')}</th>
								<th scope="col">{t('progress.quizzes')}</th>
							</tr>
						</thead>
						<tbody>
							{m.lessons.map((l) => {
								const rec = progress.lessons[l.id];
								const quiz = l.quizId ? progress.quizzes[l.quizId] : undefined;
								return (
									<tr key={l.id}>
										<td>
											<a href={l.href}>{l.title}</a>
										</td>
										<td>
											{rec?.completedAt !== undefined
												? `${t('progress.completedOn')} ${date(rec.completedAt)}`
												: rec
													? t('progress.visited')
													: t('progress.notStarted')}
										</td>
										<td>{quiz ? `${quiz.score} / ${quiz.max}` : '—'}</td>
									</tr>
								);
							})}
						</tbody>
					</table>
				</section>
			))}
			<h2>{t('progress.sims')}</h2>
			{simRows.length === 0 ? (
				<p>{t('progress.none')}</p>
			) : (
				<table>
					<thead>
						<tr>
							<th scope="col">{t('progress.simCol')}</th>
							<th scope="col">{t('progress.lastCol')}</th>
							<th scope="col">{t('progress.bestCol')}</th>
							<th scope="col">{t('progress.attemptsCol')}</th>
						</tr>
					</thead>
					<tbody>
						{simRows.map((s) => {
							const r = progress.sims[s.id]!;
							return (
								<tr key={s.id}>
									<td>
										<a href={s.href}>{s.title}</a>
									</td>
									<td>
										{r.score} / {r.max}
									</td>
									<td>{r.best}</td>
									<td>{r.attempts}</td>
								</tr>
							);
						})}
					</tbody>
				</table>
			)}
			<div class="btn-row">
				<button
					type="button"
					class="btn"
					onClick={() => {
						if (window.confirm(t('progress.resetConfirm'))) {
							resetProgress();
							setCleared(true);
						}
					}}
				>
					{t('progress.reset')}
				</button>
			</div>
			{cleared && <p role="status">{t('progress.resetDone')}</p>}
		</div>
	);
}
