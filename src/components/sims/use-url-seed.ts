/**
 * The scenario seed of a one-scenario simulation, read from the page URL (`?seed=`) before the first
 * paint. Until it is applied the island shows nothing (`ready` is false), so an answer typed early
 * cannot be wiped by the scenario reset. `applySeed` starts another scenario and keeps the URL in step.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { parseSimParams, withSimParams } from '../../stores/sim-params';
import type { T } from '../../i18n/format';

/** Read `?seed=` once, start that scenario, and say so when the URL's seed was invalid. */
export function useUrlSeed(defaultSeed: string, start: (seed: string) => void, t: T) {
	const [ready, setReady] = useState(false);
	const [notice, setNotice] = useState<string | null>(null);
	useLayoutEffect(() => {
		const p = parseSimParams(location.search, { seed: defaultSeed, count: 0 });
		if (p.invalid.includes('seed')) setNotice(t('shell.urlInvalid'));
		start(p.seed);
		setReady(true);
	}, []);
	const applySeed = (seed: string) => {
		start(seed);
		history.replaceState(null, '', withSimParams(location.search, seed) + location.hash);
	};
	return { ready, notice, applySeed };
}
