/**
 * Product-matching simulation (syllabus 5.三): the learner reads a seeded client of one industry
 * track (dossier and charts), sizes the need with the 2010 working-capital formula, picks a product
 * from the bank's catalogue and sets its five elements, then gets the scored debrief, the expert's
 * choice and a one-element what-if replay. Each instance has its own state (a lesson may embed one
 * per track). Keyboard and pointer: native radios, selects, text fields and buttons only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { MATCHING_TRACKS, isMatchingTrack, type MatchingTrack } from '../../../domain/product-matching';
import type { MatchingScenario } from '../../../domain/product-matching';
import type { Product } from '../../../domain/products';
import type { ProductWeights } from '../../../domain/scoring/product-choice';
import { $progress } from '../../../stores/progress';
import { createProductMatching, PRODUCT_MATCHING_SIM_ID } from '../../../stores/product-matching';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict } from '../../../i18n/format';
import type { Lang } from '../../../i18n/index';
import SimShell from '../SimShell';
import ClientDossier from '../shared/ClientDossier';
import LazyClientCharts from './LazyClientCharts';
import WcCalculator from './WcCalculator';
import DecisionForm from './DecisionForm';
import LazyDebrief from './LazyDebrief';
import LoadStatus from '../LoadStatus';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	weights: ProductWeights;
	catalogue: Product[];
	/** Track preselected by the lesson; without it the URL's `?track=` (or trade) applies. */
	track?: MatchingTrack;
	defaultSeed: string;
	/** The scenario of `defaultSeed` and the default track, made at build time (scenarioFor). */
	initial?: MatchingScenario;
	lang: Lang;
}

export default function ProductMatchingSim({ strings, topicLinks, weights, catalogue, track, defaultSeed, initial, lang }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const id = track ? `product-matching-${track}` : 'product-matching';
	const pm = useMemo(() => createProductMatching({ catalogue, weights, seed: defaultSeed, track: track ?? 'trade', ...(initial ? { initial } : {}) }), []);
	const scenario = useStore(pm.$scenario);
	const sc = useStore(pm.$case);
	const caseStatus = useStore(pm.$caseStatus);
	const submitted = useStore(pm.$submitted);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [ready, setReady] = useState(false);

	useEffect(() => {
		const p = parseSimParams(location.search, { seed: defaultSeed, count: 1 }, { min: 1, max: Number.MAX_SAFE_INTEGER });
		const q = new URLSearchParams(location.search).get('track');
		let tr: MatchingTrack = track ?? 'trade';
		let bad = p.invalid.includes('seed');
		if (!track && q !== null) {
			if (isMatchingTrack(q)) tr = q;
			else bad = true;
		}
		if (bad) setNotice(t('shell.urlInvalid'));
		pm.setScenario(p.seed, tr);
		setReady(true);
	}, []);

	/** Keep the scenario in the address bar (the track only for an instance the lesson did not fix). */
	const syncUrl = () => {
		const { seed, track: tr } = pm.$scenario.get();
		const q = new URLSearchParams(withSimParams(location.search, seed));
		if (!track) q.set('track', tr);
		history.replaceState(null, '', `?${q.toString()}${location.hash}`);
	};
	const apply = (seed: string, tr: MatchingTrack) => {
		pm.setScenario(seed, tr);
		syncUrl();
	};

	const saved = progress.sims[PRODUCT_MATCHING_SIM_ID];
	return (
		<SimShell
			id={id}
			title={t('sim.product-matching.title')}
			intro={t('sim.product-matching.intro')}
			t={t}
			seed={scenario.seed}
			onSeed={(s) => apply(s, scenario.track)}
			onNew={() => {
				pm.newClient();
				syncUrl();
			}}
			onRetry={pm.retry}
			notice={notice}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
			{...(track ? {} : { shareParams: { track: scenario.track } })}
		>
			<fieldset class="pm-tracks">
				<legend>{t('sim.product-matching.trackLegend')}</legend>
				{MATCHING_TRACKS.map((tr) => (
					<label key={tr}>
						<input type="radio" name={`${id}-track`} value={tr} checked={scenario.track === tr} onChange={() => apply(scenario.seed, tr)} />{' '}
						<span>
							<strong>{t(`track.${tr}`)}</strong> <span class="meta">{t(`sim.product-matching.trackHint.${tr}`)}</span>
						</span>
					</label>
				))}
			</fieldset>
			{ready && caseStatus !== 'ready' && <LoadStatus failed={caseStatus === 'failed'} t={t} onRetry={() => pm.reloadScenario()} />}
			{ready && sc && caseStatus === 'ready' && (
				<>
					<div class="sim-card pm-dossier">
						<ClientDossier client={sc.client} t={t} detail />
					</div>
					<LazyClientCharts pm={pm} client={sc.client} t={t} lang={lang} id={id} />
					<WcCalculator pm={pm} client={sc.client} t={t} lang={lang} id={id} />
					<DecisionForm pm={pm} t={t} id={id} />
					<LazyDebrief pm={pm} t={t} lang={lang} id={id} topicLinks={topicLinks} />
				</>
			)}
		</SimShell>
	);
}
