/**
 * The findings of one quarter, grouped by severity like the shared feedback panel, each explained
 * with the applicant's own numbers (i18n `finding.<code>`) and linked to the lesson that teaches it.
 */
import type { Finding, Severity } from '../../../domain/scoring/feedback';
import type { T } from '../../../i18n/format';
import { capstoneVars } from './format';

interface Props {
	findings: Finding[];
	t: T;
	topicLinks: Record<string, string>;
	subjectLabels: Record<string, string>;
}

const ORDER: Severity[] = ['critical', 'major', 'minor', 'info', 'good'];

export default function FindingList({ findings, t, topicLinks, subjectLabels }: Props) {
	const groups = ORDER.map((s) => [s, findings.filter((f) => f.severity === s)] as const).filter(([, l]) => l.length > 0);
	return (
		<div class="cap-findings">
			{groups.map(([severity, list]) => (
				<details key={severity} class={`findings findings-${severity}`} open={severity !== 'good' && severity !== 'info' ? true : undefined}>
					<summary>
						<h5 class="findings-title">{t(`severity.${severity}`, { count: list.length })}</h5>
					</summary>
					<ul>
						{list.map((f, i) => {
							const href = topicLinks[f.topic];
							const subject = f.subject ? subjectLabels[f.subject] : undefined;
							return (
								<li key={`${f.code}-${f.subject ?? ''}-${i}`} class={`finding finding-${f.severity}`} data-code={f.code} data-subject={f.subject}>
									{subject && <strong class="finding-subject">{subject}：</strong>}
									<span>{t(`finding.${f.code}`, capstoneVars(f, t))}</span>
									{href && (
										<>
											{' '}
											<a href={href} class="finding-link">
												{t('feedback.learnMore', { topic: t(`topic.${f.topic}`) })}
											</a>
										</>
									)}
								</li>
							);
						})}
					</ul>
				</details>
			))}
		</div>
	);
}
