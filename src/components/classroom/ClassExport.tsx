/**
 * A trainee's export of their results for a class session: name, optional staff number and the
 * class code (from `?session=` or typed), then a compact code to paste into the class chat and a
 * .json file (Blob URL download). Used on /class/ and on the progress page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { checkTraineeName, checkTraineeNumber, parseSessionCode } from '../../domain/class-session';
import type { exportResult } from '../../domain/class-results';
import { $progress } from '../../stores/progress';
import { $learner, updateLearner } from '../../stores/learner';
import { makeT, type Dict } from '../../i18n/format';
import { copyText, numText } from './types';

interface Props {
	strings: Dict;
	lang: string;
	/** Heading level of the section title (the progress page nests it). */
	level?: 2 | 3;
}

type Made = ReturnType<typeof exportResult> & { url: string };

export default function ClassExport({ strings, lang, level = 2 }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const learner = useStore($learner);
	const progress = useStore($progress);
	const [errors, setErrors] = useState<{ name?: string; number?: string; session?: string }>({});
	const [made, setMade] = useState<Made | null>(null);
	const [status, setStatus] = useState('');
	const [nothing, setNothing] = useState(false);

	useEffect(() => {
		const fromUrl = new URLSearchParams(location.search).get('session');
		const parsed = fromUrl ? parseSessionCode(fromUrl) : null;
		if (parsed) updateLearner({ session: parsed.code });
	}, []);
	useEffect(() => () => (made ? URL.revokeObjectURL(made.url) : undefined), [made]);

	const make = async (e: Event) => {
		e.preventDefault();
		const nameError = checkTraineeName(learner.name);
		const numberError = checkTraineeNumber(learner.number);
		const session = parseSessionCode(learner.session);
		const next = {
			...(nameError ? { name: t(`classroom.traineeError.${nameError}`) } : {}),
			...(numberError ? { number: t(`classroom.traineeError.${numberError}`) } : {}),
			...(session ? {} : { session: t('classroom.export.sessionError') }),
		};
		setErrors(next);
		setStatus('');
		if (nameError || numberError || !session) {
			const first = nameError ? 'class-trainee-name' : numberError ? 'class-trainee-number' : 'class-trainee-session';
			document.getElementById(first)?.focus();
			return;
		}
		const hasAny = Object.keys(progress.quizzes).length + Object.keys(progress.sims).length > 0;
		setNothing(!hasAny);
		if (!hasAny) {
			setMade(null);
			return;
		}
		// The encoder (and its compression library) loads only when a code is made.
		const { exportResult: encode } = await import('../../domain/class-results');
		const out = encode(progress, { name: learner.name, number: learner.number }, session.code, Date.now());
		setMade({ ...out, url: URL.createObjectURL(new Blob([out.fileText], { type: 'application/json' })) });
	};

	const H = level === 2 ? 'h2' : 'h3';
	const field = (id: string, key: 'name' | 'number' | 'session', label: string, help?: string) => (
		<div class="field">
			<label for={id}>{label}</label>
			<input
				id={id}
				type="text"
				value={learner[key]}
				autocomplete={key === 'name' ? 'name' : 'off'}
				aria-invalid={errors[key] ? 'true' : undefined}
				aria-describedby={[help ? `${id}-help` : '', errors[key] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
				onInput={(e) => {
					updateLearner({ [key]: e.currentTarget.value });
					setMade(null);
				}}
			/>
			{help && (
				<p id={`${id}-help`} class="field-help meta">
					{help}
				</p>
			)}
			{errors[key] && (
				<p id={`${id}-error`} class="field-error" role="alert">
					{errors[key]}
				</p>
			)}
		</div>
	);

	return (
		<section class="class-export" aria-labelledby="class-export-title">
			<H id="class-export-title">{t('classroom.export.heading')}</H>
			<form onSubmit={(e) => void make(e)} noValidate>
				<div class="class-grid">
					{field('class-trainee-name', 'name', t('classroom.export.name'))}
					{field('class-trainee-number', 'number', t('classroom.export.number'))}
				</div>
				{field('class-trainee-session', 'session', t('classroom.export.session'), t('classroom.export.sessionHelp'))}
				<p class="meta">{t('classroom.export.saved')}</p>
				<div class="btn-row">
					<button type="submit" class="btn btn-primary">
						{t('classroom.export.make')}
					</button>
				</div>
			</form>
			{nothing && (
				<p class="notice" role="alert">
					{t('classroom.export.nothing')}
				</p>
			)}
			{made && (
				<div class="class-code-out">
					<div class="field">
						<label for="class-result-code">{t('classroom.export.codeLabel')}</label>
						<textarea id="class-result-code" readOnly rows={4} value={made.code} spellcheck={false} aria-describedby="class-result-contains" onFocus={(e) => e.currentTarget.select()} />
						<p id="class-result-contains" class="field-help meta">
							{t('classroom.export.contains', { quizzes: Object.keys(made.result.quizzes).length, sims: Object.keys(made.result.sims).length, chars: numText(made.code.length, lang, 0) })}
						</p>
					</div>
					<div class="btn-row">
						<button type="button" class="btn" onClick={async () => setStatus((await copyText(made.code)) ? t('classroom.export.copied') : t('classroom.export.copyFailed'))}>
							{t('classroom.export.copy')}
						</button>
						<a class="btn" href={made.url} download={made.fileName}>
							{t('classroom.export.download')}
						</a>
					</div>
				</div>
			)}
			<p role="status" class="meta">
				{status}
			</p>
		</section>
	);
}
