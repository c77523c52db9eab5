/**
 * The instructor's import: paste codes (many at once, chat text around them is ignored), choose
 * files with a keyboard-accessible file input, or drop files onto the text box. Every refusal is
 * listed as plain text (names and file names are never parsed as HTML).
 */
import { useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { LIMITS, type ImportMessage, type ImportSource } from '../../domain/class-results';
import { $classResults, $importMessages, $lastAdded, clearDashboard, importIntoDashboard } from '../../stores/classroom';
import type { T } from '../../i18n/format';
import { numText, timeText } from './types';

/** Read files as text; a file above the size cap is passed on unread (the import refuses it by size). */
async function readFiles(files: File[]): Promise<ImportSource[]> {
	return Promise.all(
		files.map(async (f) => ({ kind: 'file' as const, label: f.name, size: f.size, text: f.size > LIMITS.fileBytes ? '' : await f.text() })),
	);
}

export default function ResultsImport({ t, lang }: { t: T; lang: string }) {
	const results = useStore($classResults);
	const messages = useStore($importMessages);
	const added = useStore($lastAdded);
	const [text, setText] = useState('');
	const [busy, setBusy] = useState(false);
	const fileInput = useRef<HTMLInputElement>(null);
	const [session, setSession] = useState<string | null>(null);

	const run = async (files: File[], pasted: string) => {
		setBusy(true);
		const sources: ImportSource[] = [...(pasted.trim() ? [{ kind: 'paste' as const, label: '', text: pasted }] : []), ...(await readFiles(files))];
		importIntoDashboard(sources);
		setSession($classResults.get()[0]?.session ?? null);
		setBusy(false);
		setText('');
		if (fileInput.current) fileInput.current.value = '';
	};

	const describe = (m: ImportMessage): string => {
		const source = m.kind === 'paste' ? t('classroom.instructor.sourcePaste') : t('classroom.instructor.sourceFile', { label: m.label });
		const where = m.index > 0 ? ` · ${t('classroom.instructor.sourceIndex', { index: m.index })}` : '';
		const data: Record<string, string | number> = { ...m.data };
		if (m.issue === 'too-large') {
			const max = Number(m.data['max']);
			data['max'] = m.kind === 'file' && m.index === 0 ? t('classroom.instructor.maxBytes', { max: numText(max / 1024, lang, 0) }) : t('classroom.instructor.maxChars', { max: numText(max, lang, 0) });
		}
		if (m.issue === 'duplicate') {
			data['kept'] = timeText(Number(m.data['kept']), lang);
			data['dropped'] = timeText(Number(m.data['dropped']), lang);
		}
		return `${source}${where}：${t(`classroom.import.${m.issue}`, data)}`;
	};

	return (
		<section aria-labelledby="class-import">
			<h2 id="class-import">{t('classroom.instructor.importHeading')}</h2>
			<p>{t('classroom.instructor.importIntro')}</p>
			<form
				class="class-import"
				onSubmit={(e) => {
					e.preventDefault();
					void run([...(fileInput.current?.files ?? [])], text);
				}}
			>
				<div class="field">
					<label for="class-paste">{t('classroom.instructor.pasteLabel')}</label>
					<textarea
						id="class-paste"
						rows={5}
						value={text}
						spellcheck={false}
						aria-describedby="class-paste-help"
						onInput={(e) => setText(e.currentTarget.value)}
						onDragOver={(e) => e.preventDefault()}
						onDrop={(e) => {
							const files = [...(e.dataTransfer?.files ?? [])];
							if (files.length === 0) return;
							e.preventDefault();
							void run(files, '');
						}}
					/>
					<p id="class-paste-help" class="field-help meta">
						{t('classroom.instructor.pasteHelp')}
					</p>
				</div>
				<div class="field">
					<label for="class-files">{t('classroom.instructor.filesLabel')}</label>
					<input id="class-files" ref={fileInput} type="file" multiple accept=".json,.txt,application/json,text/plain" />
				</div>
				<div class="btn-row">
					<button type="submit" class="btn btn-primary" disabled={busy}>
						{t('classroom.instructor.importButton')}
					</button>
					<button
						type="button"
						class="btn"
						onClick={() => {
							clearDashboard();
							setSession(null);
						}}
					>
						{t('classroom.instructor.clear')}
					</button>
				</div>
			</form>
			<div role="status" class="class-import-status">
				{busy && <p>{t('classroom.instructor.reading')}</p>}
				{added !== null && (
					<p data-import-summary>
						{t('classroom.instructor.imported', { added, count: results.length })} {session && t('classroom.instructor.importSession', { session })}
					</p>
				)}
			</div>
			{messages.length > 0 && (
				<div class="class-messages">
					<h3>{t('classroom.instructor.messagesHeading')}</h3>
					<ul>
						{messages.map((m, i) => (
							<li key={i} class={m.severity === 'error' ? 'class-msg-error' : 'class-msg-info'} data-issue={m.issue}>
								{describe(m)}
							</li>
						))}
					</ul>
				</div>
			)}
		</section>
	);
}
