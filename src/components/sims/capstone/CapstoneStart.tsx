/**
 * The capstone on the lesson page: a long four-quarter game a learner starts deliberately, so its
 * code (CapstoneSim, the pipeline, the book model) is fetched when they start or resume it, not
 * with the page (lazyView). Until then a small panel shows the title, the intro and one button:
 * "start", or "resume" with the saved game's quarter. A link with a scenario (`?seed=`) opens the
 * game at once. While the code loads the panel shows the shared status line; a failed download
 * offers a retry. Started by the learner, the game takes the focus (its quarter's heading).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { persistentAtom } from '@nanostores/persistent';
import { useStore } from '@nanostores/preact';
import { makeT, type T } from '../../../i18n/format';
import { lazyView } from '../lazy-view';
import LoadStatus from '../LoadStatus';
import type { CapstoneSimProps } from './CapstoneSim';
import { CAPSTONE_ROUNDS } from '../../../domain/capstone-rounds';
import { CAPSTONE_KEY, savedRound } from '../../../stores/capstone-save';

/** The panel the page opens on: title, intro and what `children` add. */
function Panel({ t, children }: { t: T; children: ComponentChildren }) {
	return (
		<section class="sim" aria-labelledby="capstone-title" data-sim="capstone">
			<h3 id="capstone-title" class="sim-title">
				{t('sim.capstone.title')}
			</h3>
			<p class="sim-intro">{t('sim.capstone.intro')}</p>
			{children}
		</section>
	);
}

const Game = lazyView<CapstoneSimProps>(
	() => import('./CapstoneSim'),
	({ strings }, failed, retry) => {
		const t = makeT(strings);
		return (
			<Panel t={t}>
				<LoadStatus failed={failed} t={t} onRetry={retry} />
			</Panel>
		);
	},
);

export default function CapstoneStart(props: CapstoneSimProps) {
	const t = useMemo(() => makeT(props.strings), [props.strings]);
	/** Opened by the learner's click (the game then takes the focus) or by a link with a seed. */
	const [opened, setOpened] = useState<'learner' | 'link' | null>(null);
	const $raw = useMemo(() => persistentAtom<string | undefined>(CAPSTONE_KEY, undefined), []);
	const saved = savedRound(useStore($raw));

	useEffect(() => {
		if (new URLSearchParams(location.search).has('seed')) setOpened('link');
	}, []);

	if (opened) return <Game {...props} focusOnOpen={opened === 'learner'} />;
	return (
		<Panel t={t}>
			<div class="btn-row cap-start">
				<button type="button" class="btn btn-primary" onClick={() => setOpened('learner')}>
					{saved
						? saved.debrief
							? t('sim.capstone.start.resumeDebrief')
							: t('sim.capstone.start.resume', { round: saved.round, total: CAPSTONE_ROUNDS })
						: t('sim.capstone.start.new')}
				</button>
				<span class="meta">{saved ? t('sim.capstone.start.savedNote') : t('sim.capstone.start.note')}</span>
			</div>
		</Panel>
	);
}
