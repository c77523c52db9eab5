/**
 * The one feedback view every simulation uses: total score, a bar per dimension, and findings grouped
 * by severity, each explained in words (i18n `finding.<code>` with the finding's numbers) and linked
 * to the lesson section that teaches its topic.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Feedback, Finding, Severity } from '../../domain/scoring/feedback';
import type { T } from '../../i18n/format';
import { findingVars } from './finding-vars';

export interface FeedbackPanelProps {
	feedback: Feedback;
	t: T;
	/** Topic → URL of the lesson section teaching it. */
	topicLinks: Record<string, string>;
	/** Subject id (client id, question id) → label shown before its findings. */
	subjectLabels?: Record<string, string>;
	/** Severities to show; defaults to all. */
	severities?: Severity[];
	/** Extra content under the score (a chart, a summary). */
	children?: ComponentChildren;
	headingLevel?: 2 | 3;
	/** Move keyboard focus to the score when the panel appears (default true). */
	focusOnMount?: boolean;
}

const ORDER: Severity[] = ['critical', 'major', 'minor', 'info', 'good'];

export default function FeedbackPanel({ feedback, t, topicLinks, subjectLabels = {}, severities = ORDER, children, headingLevel = 3, focusOnMount = true }: FeedbackPanelProps) {
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => {
		if (focusOnMount) heading.current?.focus();
	}, []);
	const H = headingLevel === 2 ? 'h2' : 'h3';
	const H2 = headingLevel === 2 ? 'h3' : 'h4';
	const pct = feedback.max > 0 ? Math.round((feedback.score / feedback.max) * 100) : 0;
	const groups = ORDER.filter((s) => severities.includes(s))
		.map((s) => [s, feedback.findings.filter((f) => f.severity === s)] as const)
		.filter(([, list]) => list.length > 0);
	return (
		<section class="feedback" aria-label={t('feedback.title')}>
			<H class="feedback-score" tabIndex={-1} ref={heading}>
				{t('feedback.score', { score: feedback.score, max: feedback.max, pct })}
			</H>
			<ul class="dimension-bars">
				{feedback.dimensions.map((d) => {
					const p = d.max > 0 ? Math.round((d.score / d.max) * 100) : 0;
					return (
						<li key={d.id}>
							<span class="dimension-name">{t(`dimension.${d.id}`)}</span>
							<progress max={d.max} value={d.score} aria-label={t(`dimension.${d.id}`)} />
							<span class="dimension-value">
								{d.score} / {d.max} ({p}%)
							</span>
						</li>
					);
				})}
			</ul>
			{children}
			{groups.map(([severity, list]) => (
				<details key={severity} class={`findings findings-${severity}`} open={severity !== 'good' && severity !== 'info' ? true : undefined}>
					<summary>
						<H2 class="findings-title">{t(`severity.${severity}`, { count: list.length })}</H2>
					</summary>
					<ul>
						{list.map((f, i) => (
							<FindingItem key={`${f.code}-${f.subject ?? ''}-${i}`} finding={f} t={t} topicLinks={topicLinks} subjectLabels={subjectLabels} />
						))}
					</ul>
				</details>
			))}
		</section>
	);
}

function FindingItem({ finding, t, topicLinks, subjectLabels }: { finding: Finding; t: T; topicLinks: Record<string, string>; subjectLabels: Record<string, string> }) {
	const href = topicLinks[finding.topic];
	const subject = finding.subject ? subjectLabels[finding.subject] : undefined;
	const vars = findingVars(finding, t);
	// A finding may carry the code of the rule that decided it (`reason`); explain that too.
	const reasonKey = typeof finding.data['reason'] === 'string' ? `reason.${finding.data['reason']}` : '';
	const reasonText = reasonKey ? t(reasonKey, vars) : '';
	const reason = reasonText && reasonText !== reasonKey ? reasonText : '';
	return (
		<li class={`finding finding-${finding.severity}`} data-code={finding.code}>
			{subject && <strong class="finding-subject">{subject}：</strong>}
			<span>{t(`finding.${finding.code}`, vars)}</span>
			{reason && <span class="finding-reason"> {reason}</span>}
			{href && (
				<>
					{' '}
					<a href={href} class="finding-link">
						{t('feedback.learnMore', { topic: t(`topic.${finding.topic}`) })}
					</a>
				</>
			)}
		</li>
	);
}
