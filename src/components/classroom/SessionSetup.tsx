/** The instructor's class session: name + date → class code, the shared seed and the simulations used. */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { checkSeed, checkSessionDate, checkSessionName } from '../../domain/class-session';
import { $instructorSession, $sessionCode, newClassSeed, toggleSim, updateSession } from '../../stores/classroom';
import type { T } from '../../i18n/format';
import type { SimLink } from './types';

const today = (): string => {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export default function SessionSetup({ t, sims }: { t: T; sims: SimLink[] }) {
	const session = useStore($instructorSession);
	const code = useStore($sessionCode);
	const [touched, setTouched] = useState<Record<string, boolean>>({});
	useEffect(() => {
		const s = $instructorSession.get();
		if (s.date === '') updateSession({ date: today() });
		if (s.seed === '') newClassSeed();
	}, []);
	const touch = (f: string) => setTouched((x) => ({ ...x, [f]: true }));
	const show = (f: 'name' | 'date' | 'seed', value: string) => touched[f] || value !== '';
	const nameError = show('name', session.name) ? checkSessionName(session.name) : null;
	const dateError = show('date', session.date) ? checkSessionDate(session.date) : null;
	const seedError = show('seed', session.seed) ? checkSeed(session.seed) : null;
	const err = (id: string, code: string | null) =>
		code && (
			<p id={id} class="field-error" role="alert">
				{t(`classroom.sessionError.${code}`)}
			</p>
		);
	return (
		<section aria-labelledby="class-setup">
			<h2 id="class-setup">{t('classroom.instructor.setupHeading')}</h2>
			<div class="class-grid">
				<div class="field">
					<label for="class-name">{t('classroom.instructor.name')}</label>
					<input
						id="class-name"
						type="text"
						value={session.name}
						autocomplete="off"
						aria-invalid={nameError ? 'true' : undefined}
						aria-describedby={nameError ? 'class-name-help class-name-error' : 'class-name-help'}
						onInput={(e) => updateSession({ name: e.currentTarget.value })}
						onBlur={() => touch('name')}
					/>
					<p id="class-name-help" class="field-help meta">{t('classroom.instructor.nameHelp')}</p>
					{err('class-name-error', nameError)}
				</div>
				<div class="field">
					<label for="class-date">{t('classroom.instructor.date')}</label>
					<input
						id="class-date"
						type="date"
						value={session.date}
						aria-invalid={dateError ? 'true' : undefined}
						aria-describedby={dateError ? 'class-date-error' : undefined}
						onInput={(e) => updateSession({ date: e.currentTarget.value })}
						onBlur={() => touch('date')}
					/>
					{err('class-date-error', dateError)}
				</div>
			</div>
			<p class="class-code-line">
				<span>{t('classroom.instructor.code')}：</span>
				{code ? (
					<strong class="class-code" data-class-code>
						{code}
					</strong>
				) : (
					<span class="meta">{t('classroom.instructor.codePending')}</span>
				)}
				{code && <span class="meta"> {t('classroom.instructor.codeHelp')}</span>}
			</p>
			<div class="field">
				<label for="class-seed">{t('classroom.instructor.seed')}</label>
				<div class="class-inline">
					<input
						id="class-seed"
						type="text"
						value={session.seed}
						autocomplete="off"
						spellcheck={false}
						aria-invalid={seedError ? 'true' : undefined}
						aria-describedby={seedError ? 'class-seed-help class-seed-error' : 'class-seed-help'}
						onInput={(e) => updateSession({ seed: e.currentTarget.value })}
						onBlur={() => touch('seed')}
					/>
					<button type="button" class="btn" onClick={() => newClassSeed()}>
						{t('classroom.instructor.newSeed')}
					</button>
				</div>
				<p id="class-seed-help" class="field-help meta">{t('classroom.instructor.seedHelp')}</p>
				{err('class-seed-error', seedError)}
			</div>
			<fieldset class="class-sims">
				<legend>{t('classroom.instructor.simsLegend')}</legend>
				{sims.map((s) => (
					<label key={s.id}>
						<input type="checkbox" value={s.id} checked={session.sims.includes(s.id)} onChange={(e) => toggleSim(s.id, e.currentTarget.checked)} /> {s.title}
					</label>
				))}
			</fieldset>
			<p class="meta">{t('classroom.instructor.saved')}</p>
		</section>
	);
}
