/**
 * The line that stands in for code fetched on demand: "loading…" while it downloads, or the
 * failure with a retry button. One place for the wording and roles every simulation uses.
 */
import type { T } from '../../i18n/format';

export default function LoadStatus({ failed, t, onRetry }: { failed: boolean; t: T; onRetry: () => void }) {
	if (failed) {
		return (
			<p class="notice" role="alert">
				{t('shell.loadFailed')}{' '}
				<button type="button" class="btn" onClick={onRetry}>
					{t('shell.loadRetry')}
				</button>
			</p>
		);
	}
	return (
		<p class="meta" role="status">
			{t('shell.loading')}
		</p>
	);
}
