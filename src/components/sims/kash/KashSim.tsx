/**
 * KASH self-assessment (lesson m1/06, section 「KASH 模型」): the learner rates themself 1–5 on every
 * item of Knowledge, Attitude, Skills and Habits, then gets a radar chart (compared with the previous
 * assessment when there is one), the domain's findings and next month's plan, each item with an
 * action and a link to the lesson section that builds it. Every rating is a native radio button.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { KASH_DIMENSIONS, KASH_ITEMS, RATING_MAX, RATING_MIN, kashDimensions, kashTotal, type KashItemId } from '../../../domain/kash';
import { $progress } from '../../../stores/progress';
import {
	$kashFeedback,
	$kashPlan,
	$kashPrevious,
	$kashRatings,
	$kashSubmitted,
	KASH_SIM_ID,
	clearKash,
	loadPreviousKash,
	rateKash,
	startFromPrevious,
	submitKash,
} from '../../../stores/kash';
import { makeT, type Dict } from '../../../i18n/format';
import SimShell from '../SimShell';
import FeedbackPanel from '../LazyFeedback';
import LazyChartCanvas from '../../charts/LazyChartCanvas';
import { kashRadarConfig } from '../../charts/configs/kash-radar';

interface Props {
	strings: Dict;
	/** Item → the lesson section that builds it (resolved at build time). */
	itemLinks: Record<string, { href: string; title: string }>;
	/** Locale for dates, e.g. zh-CN. */
	locale: string;
}

const LEVELS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
const dimensionOf = (id: KashItemId) => KASH_ITEMS.find((i) => i.id === id)?.dimension ?? 'knowledge';

export default function KashSim({ strings, itemLinks, locale }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const ratings = useStore($kashRatings);
	const submitted = useStore($kashSubmitted);
	const previous = useStore($kashPrevious);
	const feedback = useStore($kashFeedback);
	const plan = useStore($kashPlan);
	const progress = useStore($progress);
	const [missing, setMissing] = useState<KashItemId[]>([]);

	useEffect(() => {
		loadPreviousKash();
	}, []);

	const submit = (e: Event) => {
		e.preventDefault();
		const m = submitKash();
		setMissing(m);
		if (m.length > 0) document.getElementById(`kash-${m[0]}`)?.focus();
	};
	const rate = (id: KashItemId, n: number) => {
		rateKash(id, n);
		if (missing.includes(id)) setMissing(missing.filter((x) => x !== id));
	};

	const prevTotal = previous ? kashTotal(previous.ratings) : null;
	const dimName = (d: string) => t(`sim.kash.dimShort.${d}`);
	const nowMeans = kashDimensions(ratings);
	const prevMeans = previous ? kashDimensions(previous.ratings) : null;
	const parts = (ds: ReturnType<typeof kashDimensions>) => ds.map((d) => `${dimName(d.dimension)} ${d.mean}`).join(t('sim.kash.partSep'));
	const saved = progress.sims[KASH_SIM_ID];

	return (
		<SimShell
			id="kash"
			title={t('sim.kash.title')}
			intro={t('sim.kash.intro')}
			t={t}
			onReset={() => {
				clearKash();
				setMissing([]);
			}}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			{previous && prevTotal && (
				<div class="kash-previous sim-card">
					<p>{t('sim.kash.previous', { date: new Date(previous.at).toLocaleDateString(locale), score: prevTotal.score, max: prevTotal.max })}</p>
					<button type="button" class="btn" onClick={startFromPrevious}>
						{t('sim.kash.startFromPrevious')}
					</button>
				</div>
			)}
			<form onSubmit={submit} noValidate class="kash-form">
				{KASH_DIMENSIONS.map((dim) => (
					<fieldset key={dim} class="kash-dimension sim-card">
						<legend>{t(`sim.kash.dim.${dim}`)}</legend>
						<p class="kash-hint">{t(`sim.kash.dimHint.${dim}`)}</p>
						<details class="kash-scale">
							<summary>{t('sim.kash.scaleTitle')}</summary>
							<ol>
								{LEVELS.map((n) => (
									<li key={n}>{t('sim.kash.levelName', { n, text: t(`sim.kash.level.${dim}.${n}`) })}</li>
								))}
							</ol>
						</details>
						{KASH_ITEMS.filter((i) => i.dimension === dim).map(({ id }) => {
							const r = ratings[id];
							const prev = previous?.ratings[id];
							const isMissing = missing.includes(id);
							return (
								<fieldset key={id} id={`kash-${id}`} tabIndex={-1} class={`kash-item${isMissing ? ' kash-missing' : ''}`}>
									<legend>{t(`kashItem.${id}`)}</legend>
									<div class="kash-levels">
										{LEVELS.map((n) => (
											<label key={n}>
												<input type="radio" name={`kash-${id}`} value={n} checked={r === n} onChange={() => rate(id, n)} />
												<span class="kash-num" aria-hidden="true">
													{n}
												</span>
												<span class="visually-hidden">{t('sim.kash.levelName', { n, text: t(`sim.kash.level.${dim}.${n}`) })}</span>
											</label>
										))}
										{prev !== undefined && <span class="kash-prev">{t('sim.kash.prevRating', { n: prev })}</span>}
									</div>
									{r !== undefined && <p class="kash-chosen">{t('sim.kash.chosen', { n: r, text: t(`sim.kash.level.${dim}.${r}`) })}</p>}
								</fieldset>
							);
						})}
					</fieldset>
				))}
				{missing.length > 0 && (
					<p class="field-error" role="alert">
						{t('sim.kash.missing', { count: missing.length, items: missing.map((id) => t(`kashItem.${id}`)).join(t('sim.kash.sep')) })}
					</p>
				)}
				<div class="btn-row">
					<button type="submit" class="btn btn-primary">
						{t('sim.kash.submit')}
					</button>
				</div>
			</form>
			{feedback && submitted && (
				<FeedbackPanel feedback={feedback} t={t} topicLinks={{}} severities={['minor', 'info', 'good']}>
					<LazyChartCanvas
						config={kashRadarConfig(
							KASH_DIMENSIONS.map(dimName),
							{ label: t('sim.kash.seriesNow'), values: nowMeans.map((d) => d.mean) },
							prevMeans ? { label: t('sim.kash.seriesPrev'), values: prevMeans.map((d) => d.mean) } : null,
						)}
						label={t('sim.kash.chartLabel')}
						summary={prevMeans ? t('sim.kash.chartSummaryPrev', { now: parts(nowMeans), before: parts(prevMeans) }) : t('sim.kash.chartSummary', { now: parts(nowMeans) })}
						table={{
							caption: t('sim.kash.chartLabel'),
							columns: [t('sim.kash.itemCol'), t('sim.kash.dimCol'), ...(previous ? [t('sim.kash.prevCol')] : []), t('sim.kash.nowCol')],
							rows: KASH_ITEMS.map(({ id, dimension }) => [
								t(`kashItem.${id}`),
								dimName(dimension),
								...(previous ? [previous.ratings[id] ?? '–'] : []),
								ratings[id] ?? '–',
							]),
						}}
						size="chart-md"
					/>
					<section class="kash-plan" aria-labelledby="kash-plan-title">
						<h4 id="kash-plan-title">{t('sim.kash.planTitle')}</h4>
						{plan.length === 0 ? (
							<p>{t('sim.kash.planEmpty')}</p>
						) : (
							<>
								<p>{t('sim.kash.planIntro', { count: plan.length })}</p>
								<ol class="kash-plan-list">
									{plan.map((p) => {
										const link = itemLinks[p.item];
										return (
											<li key={p.item} class="sim-card" data-item={p.item}>
												<strong>{t('sim.kash.planItem', { item: t(`kashItem.${p.item}`), dim: dimName(dimensionOf(p.item)), rating: p.rating })}</strong>
												<p>{t(`sim.kash.action.${p.item}`)}</p>
												{link && <a href={link.href}>{t('sim.kash.planLink', { title: link.title })}</a>}
											</li>
										);
									})}
								</ol>
								<p class="meta">{t('sim.kash.planNote')}</p>
							</>
						)}
					</section>
				</FeedbackPanel>
			)}
		</SimShell>
	);
}
