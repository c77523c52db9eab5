/** The class links (lesson + ?seed=&session= + #section) with a copy button and a locally drawn QR code each. */
import { useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { checkSeed, resultsPageLink, sessionLink } from '../../domain/class-session';
import { $instructorSession, $sessionCode } from '../../stores/classroom';
import type { T } from '../../i18n/format';
import QrCode from './QrCode';
import { copyText, type SimLink } from './types';

/** The link as people read it (Chinese not percent-encoded); the href and the copy stay encoded. */
function readable(link: string): string {
	try {
		return decodeURI(link);
	} catch {
		return link;
	}
}

export default function SessionLinks({ t, sims, resultsPath }: { t: T; sims: SimLink[]; resultsPath: string }) {
	const session = useStore($instructorSession);
	const code = useStore($sessionCode);
	const [status, setStatus] = useState('');
	const seed = session.seed.trim();
	const chosen = sims.filter((s) => session.sims.includes(s.id));
	const ready = code !== null && checkSeed(seed) === null && chosen.length > 0;
	const origin = location.origin;
	const copy = async (link: string, title: string) => setStatus((await copyText(link)) ? t('classroom.instructor.copied', { title }) : t('classroom.instructor.copyFailed'));
	const items = ready
		? [
				...chosen.map((s) => ({ id: s.id, title: s.title, link: sessionLink(origin, s, seed, code), help: '' })),
				{ id: 'results', title: t('classroom.instructor.resultsTitle'), link: resultsPageLink(origin, resultsPath, code), help: t('classroom.instructor.resultsHelp') },
			]
		: [];
	return (
		<section aria-labelledby="class-links">
			<h2 id="class-links">{t('classroom.instructor.linksHeading')}</h2>
			{!ready ? (
				<p class="meta">{t('classroom.instructor.linksEmpty')}</p>
			) : (
				<>
					<p>{t('classroom.instructor.linksIntro')}</p>
					<ul class="class-links">
						{items.map((it) => (
							<li key={it.id} class="class-link-card" data-link={it.id}>
								<div class="class-link-text">
									<h3>{it.title}</h3>
									{it.help && <p class="meta">{it.help}</p>}
									<p class="class-url">
										<a href={it.link}>{readable(it.link)}</a>
									</p>
									<button type="button" class="btn" onClick={() => void copy(it.link, it.title)}>
										{t('classroom.instructor.copy')}
									</button>
								</div>
								<QrCode text={it.link} label={t('classroom.instructor.qrLabel', { title: it.title })} />
							</li>
						))}
					</ul>
					<p role="status" class="meta">
						{status}
					</p>
				</>
			)}
		</section>
	);
}
