/**
 * Bundle-builder simulation (m5/01 数据化综合金融服务): the learner picks a client, builds a service
 * bundle around its loan (which add-ons, offered voluntarily or as a loan condition, and an optional
 * rate concession), then sees the contribution account, the simulated first year and explained
 * feedback against the best-fit bundle. Keyboard and pointer: native checkboxes, radios and a text field.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { ADD_ON_SERVICES, BUNDLE_PARAMS, BUNDLE_PROFILE_IDS, BUNDLE_SERVICES, DATA_KINDS, maxConcessionPp, parseConcession, type BundleWeights } from '../../../domain/bundle';
import { $progress } from '../../../stores/progress';
import {
	$bundleChoice,
	$bundleFeedback,
	$bundlePlan,
	$bundleProfile,
	$bundleScenario,
	$bundleSubmitted,
	$bundleWeights,
	$bundleYears,
	BUNDLE_SIM_ID,
	DEFAULT_BUNDLE_SEED,
	chooseProfile,
	clearBundle,
	setBundleScenario,
	setConcession,
	setOfferMode,
	submitBundle,
	toggleService,
} from '../../../stores/bundle';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict } from '../../../i18n/format';
import SimShell from '../SimShell';
import FeedbackPanel from '../LazyFeedback';
import BundleDossier from './BundleDossier';
// The contribution account and the year's charts appear only after submitting: fetched then.
import BundleResults from './LazyBundleResults';
import { num } from './format';

const RESULT_CONSTANTS = { params: BUNDLE_PARAMS, services: BUNDLE_SERVICES, dataKinds: DATA_KINDS };

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: Partial<BundleWeights>;
	defaultSeed?: string;
}

export default function BundleBuilderSim({ strings, topicLinks, weights, defaultSeed = DEFAULT_BUNDLE_SEED }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const scenario = useStore($bundleScenario);
	const profile = useStore($bundleProfile);
	const choice = useStore($bundleChoice);
	const plan = useStore($bundlePlan);
	const submitted = useStore($bundleSubmitted);
	const feedback = useStore($bundleFeedback);
	const years = useStore($bundleYears);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [draft, setDraft] = useState('0');
	const [error, setError] = useState<string | null>(null);

	useEffect(() => {
		$bundleWeights.set(weights);
		const p = parseSimParams(location.search, { seed: defaultSeed, count: 1 }, { min: 1, max: 1 });
		if (p.invalid.includes('seed')) setNotice(t('shell.urlInvalid'));
		setBundleScenario(p.seed, 'wholesaler');
	}, []);
	useEffect(() => {
		if (choice.concessionPp === 0 && !error) setDraft('0');
	}, [choice.concessionPp]);

	const applySeed = (seed: string) => {
		setBundleScenario(seed);
		setDraft('0');
		setError(null);
		history.replaceState(null, '', withSimParams(location.search, seed) + location.hash);
	};

	const checkDraft = (raw: string): boolean => {
		const r = parseConcession(raw, profile);
		if (r.ok) {
			setError(null);
			if (r.value !== $bundleChoice.get().concessionPp) setConcession(r.value);
			return true;
		}
		setError(t(`sim.bundle-builder.error.${r.error}`, { max: num(r.maxPp) }));
		return false;
	};

	const submit = (e: Event) => {
		e.preventDefault();
		if (!checkDraft(draft)) {
			document.getElementById('bb-concession')?.focus();
			return;
		}
		submitBundle();
	};

	const saved = progress.sims[BUNDLE_SIM_ID];
	const maxPp = num(maxConcessionPp(profile));
	const chosenCount = Object.keys(choice.services).length;

	return (
		<SimShell
			id={BUNDLE_SIM_ID}
			title={t('sim.bundle-builder.title')}
			intro={t('sim.bundle-builder.intro')}
			t={t}
			seed={scenario.seed}
			onSeed={applySeed}
			onRetry={() => {
				clearBundle();
				setDraft('0');
				setError(null);
			}}
			notice={notice}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			<fieldset class="bb-profiles">
				<legend>{t('sim.bundle-builder.profileLegend')}</legend>
				{BUNDLE_PROFILE_IDS.map((id) => (
					<label key={id} class="bb-profile">
						<input
							type="radio"
							name="bb-profile"
							value={id}
							checked={scenario.profile === id}
							onChange={() => {
								chooseProfile(id);
								setDraft('0');
								setError(null);
							}}
						/>
						<span>
							<strong>{t(`bundleProfile.${id}`)}</strong>
							<span class="bb-profile-line">{t(`bundleProfile.${id}.summary`)}</span>
						</span>
					</label>
				))}
			</fieldset>

			<BundleDossier profile={profile} t={t} />

			<form class="bb-form" onSubmit={submit} noValidate>
				<fieldset class="bb-services">
					<legend>{t('sim.bundle-builder.servicesLegend')}</legend>
					<p class="bb-loan">{t('sim.bundle-builder.loanIncluded', { loanWan: num(profile.loanWan), rate: `${num(profile.loanRate * 100)}%` })}</p>
					<ul class="bb-service-list">
						{ADD_ON_SERVICES.map((s) => {
							const mode = choice.services[s];
							return (
								<li key={s} class={`bb-service${mode ? ' bb-service-on' : ''}`}>
									<label class="bb-check">
										<input type="checkbox" checked={mode !== undefined} onChange={(e) => toggleService(s, (e.currentTarget as HTMLInputElement).checked)} />
										<span>
											<strong>{t(`bundleService.${s}`)}</strong>
											<span class="bb-service-desc">{t(`sim.bundle-builder.desc.${s}`)}</span>
										</span>
									</label>
									{mode && (
										<fieldset class="bb-mode">
											<legend>{t('sim.bundle-builder.modeLegend', { service: t(`bundleService.${s}`) })}</legend>
											<label>
												<input type="radio" name={`bb-mode-${s}`} checked={mode === 'voluntary'} onChange={() => setOfferMode(s, 'voluntary')} /> {t('sim.bundle-builder.mode.voluntary')}
											</label>
											<label>
												<input type="radio" name={`bb-mode-${s}`} checked={mode === 'tied'} onChange={() => setOfferMode(s, 'tied')} /> {t('sim.bundle-builder.mode.tied')}
											</label>
										</fieldset>
									)}
								</li>
							);
						})}
					</ul>
				</fieldset>
				<div class="field bb-concession">
					<label for="bb-concession">{t('sim.bundle-builder.concessionLabel')}</label>
					<input
						id="bb-concession"
						type="text"
						inputMode="decimal"
						autoComplete="off"
						value={draft}
						aria-invalid={error ? 'true' : undefined}
						aria-describedby={`bb-concession-help${error ? ' bb-concession-error' : ''}`}
						onInput={(e) => {
							const v = (e.currentTarget as HTMLInputElement).value;
							setDraft(v);
							// Once an error is shown, re-check as the learner types so it clears as soon as the value is fixed.
							if (error) checkDraft(v);
						}}
					/>
					<p id="bb-concession-help" class="meta field-help">
						{t('sim.bundle-builder.concessionHelp', { max: maxPp })}
					</p>
					{error && (
						<p id="bb-concession-error" class="field-error" role="alert">
							{error}
						</p>
					)}
				</div>
				<p class="meta" aria-live="polite">
					{t('sim.bundle-builder.chosen', { count: chosenCount })}
				</p>
				<div class="btn-row">
					<button type="submit" class="btn btn-primary">
						{t('sim.bundle-builder.submit')}
					</button>
				</div>
			</form>
			{feedback && submitted && years && (
				<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks}>
					<BundleResults t={t} profile={profile} plan={plan} concessionPp={choice.concessionPp} years={years} domain={RESULT_CONSTANTS} />
				</FeedbackPanel>
			)}
		</SimShell>
	);
}
