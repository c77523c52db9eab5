/** Tells the learner, once, that saved progress was unreadable and had to be repaired or reset. */
import { useStore } from '@nanostores/preact';
import { $progressNotice, dismissProgressNotice } from '../../stores/progress';
import { makeT, type Dict } from '../../i18n/format';

export default function ProgressNotice({ strings }: { strings: Dict }) {
	const notice = useStore($progressNotice);
	if (!notice) return null;
	const t = makeT(strings);
	return (
		<div class="notice" role="alert">
			<p>{t('progress.recovered')}</p>
			<button type="button" class="btn" onClick={dismissProgressNotice}>
				{t('progress.dismiss')}
			</button>
		</div>
	);
}
