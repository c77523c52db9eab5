/**
 * The capstone on the lesson page: a long four-quarter game a learner starts deliberately, so its
 * code (CapstoneSim, the pipeline, the book model) is fetched when they start or resume it, not
 * with the page. Until then a small panel shows the title, the intro and one button: "start", or
 * "resume" with the saved game's quarter. A link with a scenario (`?seed=`) opens the game at
 * once, as before. While the code loads a status line stands in; a failed download offers a retry.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { persistentAtom } from '@nanostores/persistent';
import { useStore } from '@nanostores/preact';
import { makeT } from '../../../i18n/format';
import { lazyModule } from '../../../lib/lazy';
import LoadStatus from '../LoadStatus';
import type { CapstoneSimProps } from './CapstoneSim';
import { CAPSTONE_ROUNDS } from '../../../domain/capstone-rounds';
import { CAPSTONE_KEY, savedRound } from '../../../stores/capstone-save';

const loadSim = lazyModule(() => import('./CapstoneSim'));

export default function CapstoneStart(props: CapstoneSimProps) {
	const t = useMemo(() => makeT(props.strings), [props.strings]);
	const [Sim, setSim] = useState<FunctionComponent<CapstoneSimProps> | null>(null);
	const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
	const [focusOnOpen, setFocusOnOpen] = useState(false);
	const $raw = useMemo(() => persistentAtom<string | undefined>(CAPSTONE_KEY, undefined), []);
	const saved = savedRound(useStore($raw));

	const open = (byLearner: boolean) => {
		setState('loading');
		setFocusOnOpen(byLearner);
		loadSim().then(
			(m) => setSim(() => m.default),
			() => setState('failed'),
		);
	};
	// A link to a scenario opens its game at once.
	useEffect(() => {
		if (new URLSearchParams(location.search).has('seed')) open(false);
	}, []);
	// The start button is gone once the game shows: focus its round heading. The game renders it
	// after opening its saved state (an effect, a frame or two later), so wait for it, briefly.
	useEffect(() => {
		if (!Sim || !focusOnOpen) return;
		let frames = 0;
		let id = 0;
		const tryFocus = () => {
			const h = document.querySelector<HTMLElement>('[data-sim="capstone"] .cap-round');
			if (h) {
				h.tabIndex = -1;
				h.focus();
			} else if (++frames < 120) id = requestAnimationFrame(tryFocus);
		};
		id = requestAnimationFrame(tryFocus);
		return () => cancelAnimationFrame(id);
	}, [Sim, focusOnOpen]);

	if (Sim) return <Sim {...props} />;
	return (
		<section class="sim" aria-labelledby="capstone-title" data-sim="capstone">
			<h3 id="capstone-title" class="sim-title">
				{t('sim.capstone.title')}
			</h3>
			<p class="sim-intro">{t('sim.capstone.intro')}</p>
			{state !== 'idle' ? (
				<LoadStatus failed={state === 'failed'} t={t} onRetry={() => open(true)} />
			) : (
				<div class="btn-row cap-start">
					<button type="button" class="btn btn-primary" onClick={() => open(true)}>
						{saved
							? saved.debrief
								? t('sim.capstone.start.resumeDebrief')
								: t('sim.capstone.start.resume', { round: saved.round, total: CAPSTONE_ROUNDS })
							: t('sim.capstone.start.new')}
					</button>
					<span class="meta">{saved ? t('sim.capstone.start.savedNote') : t('sim.capstone.start.note')}</span>
				</div>
			)}
		</section>
	);
}
