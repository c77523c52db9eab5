/**
 * The frame around every seeded simulation: title, the scenario code (seed) with a field to change
 * it and a share link, optional pool size, the new/retry/reset buttons, and the "saved" line.
 * Simulations put their own content in `children`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isValidSeed } from '../../stores/sim-params';
import type { T } from '../../i18n/format';

interface Props {
	id: string;
	title: string;
	intro?: string;
	t: T;
	seed?: string;
	onSeed?: (seed: string) => void;
	count?: { value: number; min: number; max: number; onChange: (n: number) => void };
	onNew?: () => void;
	onRetry?: () => void;
	onReset?: () => void;
	/** Notice about invalid URL parameters, shown once. */
	notice?: string | null;
	saved?: { best: number; max: number; attempts: number } | null;
	/** Wording for a simulation whose scenario is not a pool of clients (e.g. an order of fixed cases). */
	labels?: { newPool?: string; retry?: string; seedHelp?: string };
	/** Extra query parameters for the share link, e.g. { track: 'services' }. */
	shareParams?: Record<string, string>;
	children: ComponentChildren;
}

export default function SimShell({ id, title, intro, t, seed, onSeed, count, onNew, onRetry, onReset, notice, saved, shareParams, labels, children }: Props) {
	const [draft, setDraft] = useState(seed ?? '');
	const [draftCount, setDraftCount] = useState(String(count?.value ?? ''));
	const [error, setError] = useState<string | null>(null);
	useEffect(() => setDraft(seed ?? ''), [seed]);
	useEffect(() => setDraftCount(String(count?.value ?? '')), [count?.value]);
	const headingId = `sim-${id}-title`;
	const shareQuery = new URLSearchParams({ seed: seed ?? '', ...(count ? { n: String(count.value) } : {}), ...shareParams });
	const share = typeof location === 'undefined' || !seed ? '' : `${location.pathname}?${shareQuery.toString()}`;
	const apply = (e: Event) => {
		e.preventDefault();
		const s = draft.trim();
		if (!isValidSeed(s)) {
			setError(t('shell.seedInvalid'));
			return;
		}
		if (count) {
			const n = Number(draftCount);
			if (!Number.isInteger(n) || n < count.min || n > count.max) {
				setError(t('shell.countInvalid', { min: count.min, max: count.max, value: count.value }));
				setDraftCount(String(count.value));
				return;
			}
			count.onChange(n);
		}
		setError(null);
		onSeed?.(s);
	};
	return (
		<section class="sim" aria-labelledby={headingId} data-sim={id}>
			<h3 id={headingId} class="sim-title">
				{title}
			</h3>
			{intro && <p class="sim-intro">{intro}</p>}
			{notice && (
				<p class="notice" role="status">
					{notice}
				</p>
			)}
			{seed !== undefined && onSeed && (
				<form class="sim-seed" onSubmit={apply} noValidate>
					<div class="field">
						<label for={`${id}-seed`}>{t('shell.seed')}</label>
						<input
							id={`${id}-seed`}
							value={draft}
							onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
							aria-describedby={`${id}-seed-help${error ? ` ${id}-seed-error` : ''}`}
							aria-invalid={error ? 'true' : undefined}
							maxLength={40}
							autoComplete="off"
						/>
					</div>
					{count && (
						<div class="field">
							<label for={`${id}-count`}>{t('shell.count')}</label>
							<input
								id={`${id}-count`}
								type="number"
								inputMode="numeric"
								min={count.min}
								max={count.max}
								value={draftCount}
								onInput={(e) => setDraftCount((e.currentTarget as HTMLInputElement).value)}
							/>
						</div>
					)}
					<button type="submit" class="btn">
						{t('shell.applySeed')}
					</button>
					<p id={`${id}-seed-help`} class="meta field-help">
						{labels?.seedHelp ?? t('shell.seedHelp')} {share && <a href={share}>{t('shell.share')}</a>}
					</p>
					{error && (
						<p id={`${id}-seed-error`} class="field-error" role="alert">
							{error}
						</p>
					)}
				</form>
			)}
			{children}
			<div class="btn-row sim-actions">
				{onNew && (
					<button type="button" class="btn" onClick={onNew}>
						{labels?.newPool ?? t('shell.newPool')}
					</button>
				)}
				{onRetry && (
					<button type="button" class="btn" onClick={onRetry}>
						{labels?.retry ?? t('shell.retry')}
					</button>
				)}
				{onReset && (
					<button type="button" class="btn" onClick={onReset}>
						{t('shell.reset')}
					</button>
				)}
			</div>
			{saved && (
				<p class="meta" role="status">
					{t('shell.saved', saved)}
				</p>
			)}
		</section>
	);
}
