/**
 * The client's charts (ClientCharts.tsx, with chart.js), fetched when the learner scrolls near
 * them: the simulation sits well down its lesson, so opening the lesson does not download about
 * 64 KB gzip of chart code nobody sees yet. Until they arrive the section shows its heading and
 * the shared loading line; a failed download offers a retry. The dossier above already gives the
 * client's figures as text. Same props as ClientCharts.
 */
import { lazyView } from '../lazy-view';
import { whenNear } from '../when-near';
import LoadStatus from '../LoadStatus';
import type { ClientChartsProps } from './ClientCharts';

function standIn({ t, id }: ClientChartsProps, failed = false, retry = () => {}) {
	return (
		<section class="pm-section" aria-labelledby={`${id}-charts`}>
			<h4 id={`${id}-charts`}>{t('sim.product-matching.chartsTitle')}</h4>
			<LoadStatus failed={failed} t={t} onRetry={retry} />
		</section>
	);
}

export default whenNear(lazyView<ClientChartsProps>(() => import('./ClientCharts'), standIn), standIn);
