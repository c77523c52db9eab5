/**
 * The completion certificate, made from local progress: the learner's name (validated, kept
 * locally), modules completed (all their lessons marked complete), knowledge-check totals per
 * module, the best score of each simulation, and today's date. Prints on one A4 page.
 */
import { useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { checkTraineeName } from '../../domain/class-session';
import { $progress } from '../../stores/progress';
import { $learner, updateLearner } from '../../stores/learner';
import { makeT, type Dict } from '../../i18n/format';
import { numText, pctText } from './types';

interface Props {
	strings: Dict;
	lang: string;
	course: string;
	bank: string;
	/** Share of points needed to pass, 0–1 (site settings). */
	mastery: number;
	modules: { id: string; title: string; lessons: string[]; quizzes: string[] }[];
	sims: { id: string; title: string }[];
}

export default function Certificate({ strings, lang, course, bank, mastery, modules, sims }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const learner = useStore($learner);
	const progress = useStore($progress);
	const [touched, setTouched] = useState(false);
	const error = touched || learner.name !== '' ? checkTraineeName(learner.name) : null;
	const name = learner.name.trim() !== '' && checkTraineeName(learner.name) === null ? learner.name.trim() : null;
	const rows = modules.map((m) => {
		const done = m.lessons.filter((id) => progress.lessons[id]?.completedAt !== undefined).length;
		const taken = m.quizzes.map((q) => progress.quizzes[q]).filter((r) => r !== undefined);
		return {
			...m,
			done,
			complete: done === m.lessons.length,
			score: taken.reduce((s, r) => s + r.score, 0),
			max: taken.reduce((s, r) => s + r.max, 0),
			taken: taken.length,
		};
	});
	const completed = rows.filter((r) => r.complete).length;
	const all = completed === modules.length;
	const quizScore = rows.reduce((s, r) => s + r.score, 0);
	const quizMax = rows.reduce((s, r) => s + r.max, 0);
	const simRows = sims.filter((s) => progress.sims[s.id]);
	const num = (x: number) => numText(x, lang);
	// The name is placed as its own element (plain text, bold) inside the translated sentence.
	const [bodyBefore = '', bodyAfter = ''] = t('classroom.certificate.body', { name: '\u0000', course }).split('\u0000');
	const date = new Date().toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });

	return (
		<div class="certificate-wrap">
			<form class="certificate-form no-print" onSubmit={(e) => e.preventDefault()}>
				<div class="field">
					<label for="cert-name">{t('classroom.certificate.nameLabel')}</label>
					<input
						id="cert-name"
						type="text"
						autocomplete="name"
						value={learner.name}
						aria-invalid={error ? 'true' : undefined}
						aria-describedby={error ? 'cert-name-help cert-name-error' : 'cert-name-help'}
						onInput={(e) => updateLearner({ name: e.currentTarget.value })}
						onBlur={() => setTouched(true)}
					/>
					<p id="cert-name-help" class="field-help meta">
						{t('classroom.certificate.nameSaved')}
					</p>
					{error && (
						<p id="cert-name-error" class="field-error" role="alert">
							{t(`classroom.traineeError.${error}`)}
						</p>
					)}
				</div>
				<div class="btn-row">
					<button type="button" class="btn btn-primary" onClick={() => window.print()}>
						{t('classroom.certificate.print')}
					</button>
				</div>
			</form>
			<article class="certificate" aria-labelledby="cert-heading" data-certificate>
				<p class="certificate-bank">{bank}</p>
				<h2 id="cert-heading">{all ? t('classroom.certificate.headingComplete') : t('classroom.certificate.headingPartial')}</h2>
				<p class="certificate-body">
					{bodyBefore}
					<strong class="certificate-name" data-cert-name>
						{name ?? t('classroom.certificate.needName')}
					</strong>
					{bodyAfter}
				</p>
				<p class="certificate-status">
					<strong>{all ? t('classroom.certificate.allDone', { total: modules.length }) : t('classroom.certificate.someDone', { done: completed, total: modules.length })}</strong>
				</p>
				<table class="certificate-table">
					<thead>
						<tr>
							<th scope="col">{t('classroom.certificate.moduleCol')}</th>
							<th scope="col">{t('classroom.certificate.lessonsCol')}</th>
							<th scope="col">{t('classroom.certificate.quizCol')}</th>
							<th scope="col">{t('classroom.certificate.statusCol')}</th>
						</tr>
					</thead>
					<tbody>
						{rows.map((r) => (
							<tr key={r.id}>
								<th scope="row">{r.title}</th>
								<td>
									{r.done}/{r.lessons.length}
								</td>
								<td>{r.taken > 0 ? `${num(r.score)}/${num(r.max)}` : '—'}</td>
								<td>{r.complete ? t('classroom.certificate.done') : t('classroom.certificate.notDone')}</td>
							</tr>
						))}
					</tbody>
				</table>
				{quizMax > 0 && (
					<p>
						{t('classroom.certificate.quizTotal', { score: num(quizScore), max: num(quizMax), pct: pctText(quizScore / quizMax, lang), mastery: pctText(mastery, lang) })}
					</p>
				)}
				<h3>{t('classroom.certificate.simsHeading')}</h3>
				{simRows.length === 0 ? (
					<p>{t('classroom.certificate.noSims')}</p>
				) : (
					<ul class="certificate-sims">
						{simRows.map((s) => {
							const r = progress.sims[s.id]!;
							return (
								<li key={s.id}>
									<span>{s.title}</span>
									<span class="certificate-score">
										{num(r.best)}/{num(r.max)}
									</span>
								</li>
							);
						})}
					</ul>
				)}
				<p class="certificate-date">{t('classroom.certificate.date', { date })}</p>
				<p class="certificate-note meta">{t('classroom.certificate.note')}</p>
			</article>
		</div>
	);
}
