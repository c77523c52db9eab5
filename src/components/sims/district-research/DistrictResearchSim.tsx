/**
 * District-research simulation (m5/03 营销前调研): a seeded mock district with a register of 150–300
 * businesses; the learner studies the mix, then picks 2–3 target segments, the linkage channels to
 * reach them and the competitor products to watch, and gets feedback against the district's real
 * opportunities, explained with the register's numbers. Keyboard and pointer: native checkboxes.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { CHOICE_LIMITS, DISTRICT_CHANNELS } from '../../../domain/district-codes';
import type { DistrictView } from '../../../domain/district';
import type { DistrictWeights } from '../../../domain/scoring/district';
import { $progress } from '../../../stores/progress';
import {
	$district,
	$districtChoice,
	$districtDefault,
	$districtErrors,
	$districtFeedback,
	$districtLoad,
	$districtScoring,
	$districtSeed,
	$districtSubmitted,
	$districtView,
	$districtWeights,
	DEFAULT_DISTRICT_SEED,
	DISTRICT_SIM_ID,
	clearDistrictChoice,
	newDistrict,
	retryDistrictLoad,
	retryDistrictScoring,
	setDistrictSeed,
	submitDistrict,
	toggleDistrictOption,
	type ChoiceField,
} from '../../../stores/district';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict } from '../../../i18n/format';
import SimShell from '../SimShell';
import FeedbackPanel from '../LazyFeedback';
import DistrictOverview from './DistrictOverview';
import DistrictDebrief from './DistrictDebrief';
import LoadStatus from '../LoadStatus';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: Partial<DistrictWeights>;
	defaultSeed?: string;
	/** The default district's view, computed at build (the same domain functions the generator uses). */
	defaultView?: DistrictView;
}

interface Option {
	code: string;
	label: string;
	hint?: string;
}

export default function DistrictResearchSim({ strings, topicLinks, weights, defaultSeed = DEFAULT_DISTRICT_SEED, defaultView }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	// Before the first render, so the default district built into the page shows at once (no loading line).
	useMemo(() => {
		$districtWeights.set(weights);
		$districtDefault.set(defaultView ?? null);
	}, []);
	const seed = useStore($districtSeed);
	// Null while the generator of a district other than the default loads (see the store).
	const view = useStore($districtView);
	const district = useStore($district);
	const load = useStore($districtLoad);
	const choice = useStore($districtChoice);
	const errors = useStore($districtErrors);
	const submitted = useStore($districtSubmitted);
	const feedback = useStore($districtFeedback);
	const scoring = useStore($districtScoring);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [showErrors, setShowErrors] = useState(false);

	useEffect(() => {
		const p = parseSimParams(location.search, { seed: defaultSeed, count: 1 }, { min: 1, max: 1 });
		if (p.invalid.includes('seed')) setNotice(t('shell.urlInvalid'));
		setDistrictSeed(p.seed);
	}, []);

	const applySeed = (s: string) => {
		setDistrictSeed(s);
		setShowErrors(false);
		history.replaceState(null, '', withSimParams(location.search, s) + location.hash);
	};

	const submit = (e: Event) => {
		e.preventDefault();
		// The scorer is fetched on the first submit; the feedback panel takes focus when it appears.
		if (submitDistrict() === false) {
			setShowErrors(true);
			const first = $districtErrors.get()[0];
			if (first) document.getElementById(`dr-${first.field}`)?.focus();
			return;
		}
		setShowErrors(false);
	};

	const group = (field: ChoiceField, options: Option[]) => {
		const err = showErrors ? errors.find((x) => x.field === field) : undefined;
		const { min, max } = CHOICE_LIMITS[field];
		const errId = `dr-${field}-error`;
		return (
			<fieldset class="dr-choice" id={`dr-${field}`} tabIndex={-1} aria-describedby={err ? errId : undefined}>
				<legend>{t(`sim.district-research.legend.${field}`, { min, max })}</legend>
				<ul>
					{options.map((o) => (
						<li key={o.code}>
							<label>
								<input
									type="checkbox"
									checked={(choice[field] as string[]).includes(o.code)}
									onChange={(ev) => toggleDistrictOption(field, o.code, (ev.currentTarget as HTMLInputElement).checked)}
								/>
								<span>
									{o.label}
									{o.hint && <span class="dr-hint">{o.hint}</span>}
								</span>
							</label>
						</li>
					))}
				</ul>
				{err && (
					<p id={errId} class="field-error" role="alert">
						{t(`sim.district-research.error.${err.code}`, { min: err.min, max: err.max, count: err.count, what: t(`sim.district-research.what.${field}`) })}
					</p>
				)}
			</fieldset>
		);
	};

	const saved = progress.sims[DISTRICT_SIM_ID];

	return (
		<SimShell
			id={DISTRICT_SIM_ID}
			title={t('sim.district-research.title')}
			intro={t('sim.district-research.intro')}
			t={t}
			seed={seed}
			onSeed={applySeed}
			onNew={() => {
				newDistrict();
				setShowErrors(false);
				history.replaceState(null, '', withSimParams(location.search, $districtSeed.get()) + location.hash);
			}}
			onRetry={() => {
				clearDistrictChoice();
				setShowErrors(false);
			}}
			notice={notice}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			{!view ? (
				<LoadStatus failed={load === 'failed'} t={t} onRetry={() => void retryDistrictLoad()} />
			) : (
				<>
					<DistrictOverview t={t} view={view} register={district?.businesses ?? null} registerLoad={load} onRegister={() => void retryDistrictLoad()} />
					<form class="dr-form" onSubmit={submit} noValidate>
						<h4>{t('sim.district-research.decisionTitle')}</h4>
						{group(
							'segments',
							view.stats.map((s) => ({ code: s.trade, label: t('sim.district-research.segmentOption', { name: t(`districtTrade.${s.trade}`), count: s.count }) })),
						)}
						{group(
							'channels',
							DISTRICT_CHANNELS.map((c) => ({ code: c, label: t(`districtChannel.${c}`), hint: t(`sim.district-research.channelHint.${c}`) })),
						)}
						{group(
							'competitors',
							view.competitors.map((c) => ({ code: c, label: t(`districtCompetitor.${c}`) })),
						)}
						<div class="btn-row">
							<button type="submit" class="btn btn-primary">
								{t('sim.district-research.submit')}
							</button>
						</div>
					</form>
					{((submitted && scoring === 'loading') || scoring === 'failed') && <LoadStatus failed={scoring === 'failed'} t={t} onRetry={() => void retryDistrictScoring()} />}
					{feedback && submitted && (
						<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks}>
							<DistrictDebrief t={t} stats={view.stats} chosen={choice.segments} />
						</FeedbackPanel>
					)}
				</>
			)}
		</SimShell>
	);
}
