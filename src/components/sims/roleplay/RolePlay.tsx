/**
 * Branching role-play (syllabus: 七项技能 in the field; serving clients through shocks): the learner
 * reads a situation, picks one of 2–4 moves, sees what happened, and goes on until an ending. The
 * decision log shows the path so far; at the ending the feedback panel scores each named skill and
 * explains every decision's consequence, and any decision can be replayed. The path is saved as it
 * grows, so a reload resumes at the same situation. All moves are native buttons (keyboard + pointer).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { availableChoices, decisionsOf } from '../../../domain/roleplay';
import { $progress } from '../../../stores/progress';
import { roleplaySession, roleplaySimId } from '../../../stores/roleplay';
import { makeT, type Dict } from '../../../i18n/format';
import SimShell from '../SimShell';
import FeedbackPanel from '../LazyFeedback';
import { scenarioStrings } from './strings';
import type { ScenarioContent, ScenarioNodeContent } from './scenario';

interface Props {
	strings: Dict;
	topicLinks: Record<string, string>;
	scenario: ScenarioContent;
}

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p, i) => <p key={i}>{p}</p>);

export default function RolePlay({ strings, topicLinks, scenario }: Props) {
	const t = useMemo(() => makeT({ ...strings, ...scenarioStrings(scenario) }), [strings, scenario]);
	const session = useMemo(() => roleplaySession(scenario), [scenario]);
	const state = useStore(session.$state);
	const feedback = useStore(session.$feedback);
	const dropped = useStore(session.$dropped);
	const progress = useStore($progress);
	const [resumedAt, setResumedAt] = useState(session.resumedSteps > 0 && !state.ended ? session.resumedSteps + 1 : 0);
	const [focusTick, setFocusTick] = useState(0);
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => {
		if (focusTick > 0) heading.current?.focus();
	}, [focusTick]);

	const nodes = useMemo(() => new Map<string, ScenarioNodeContent>(scenario.nodes.map((n) => [n.id, n])), [scenario]);
	const node = nodes.get(state.node)!;
	const choiceOf = (nodeId: string, choiceId: string) => nodes.get(nodeId)!.choices.find((c) => c.id === choiceId)!;
	const decisions = decisionsOf(scenario, state.path).map((d) => ({ step: d.step, node: nodes.get(d.node.id)!, choice: choiceOf(d.node.id, d.choice.id) }));
	const last = decisions.at(-1);
	const open = new Set(availableChoices(scenario, state).map((c) => c.id));
	const choices = node.choices.filter((c) => open.has(c.id));
	const simId = roleplaySimId(scenario.id);
	const saved = progress.sims[simId];
	const idp = `rp-${scenario.id}`;

	const act = (fn: () => unknown) => {
		fn();
		setResumedAt(0);
		setFocusTick((n) => n + 1);
	};

	const subjectLabels = Object.fromEntries(decisions.map((d) => [`step-${d.step}`, t('sim.roleplay.subject', { n: d.step, title: d.node.title })]));

	return (
		<SimShell
			id={simId}
			title={t(`sim.${simId}.title`)}
			intro={t(`sim.${simId}.intro`)}
			t={t}
			saved={state.ended && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			{dropped && (
				<p class="notice" role="status">
					{t('sim.roleplay.dropped')}
				</p>
			)}
			{resumedAt > 0 && (
				<p class="notice" role="status">
					{t('sim.roleplay.resumed', { n: resumedAt })}
				</p>
			)}
			<details class="rp-brief" open={state.path.length === 0 ? true : undefined}>
				<summary>{t('sim.roleplay.brief')}</summary>
				<dl class="rp-brief-list">
					{scenario.brief.map((b) => (
						<div key={b.label}>
							<dt>{b.label}</dt>
							<dd>{b.value}</dd>
						</div>
					))}
				</dl>
				<p class="meta">{t('sim.roleplay.assumption')}</p>
			</details>

			<section class={`rp-scene sim-card${state.ended ? ` rp-ending rp-ending-${node.ending ?? 'mixed'}` : ''}`} aria-labelledby={`${idp}-scene`} data-node={node.id}>
				<p class="meta rp-progress">{t('sim.roleplay.progress', { done: state.path.length, min: scenario.minSteps, max: scenario.maxSteps })}</p>
				{last?.choice.outcome && (
					<p class="rp-outcome">
						<strong>{t('sim.roleplay.justNow')}</strong>
						{last.choice.outcome}
					</p>
				)}
				<h4 id={`${idp}-scene`} class="rp-scene-title" tabIndex={-1} ref={heading}>
					{state.ended ? t('sim.roleplay.ending', { title: node.title }) : `${t('sim.roleplay.step', { n: state.path.length + 1 })} · ${node.title}`}
				</h4>
				{state.ended && <p class={`rp-tone rp-tone-${node.ending ?? 'mixed'}`}>{t(`sim.roleplay.tone.${node.ending ?? 'mixed'}`)}</p>}
				<div class="rp-narrative">{paragraphs(node.narrative)}</div>
				{node.client && (
					<blockquote class="rp-client">
						<span class="rp-client-label">{t('sim.roleplay.client')}</span>
						{node.client}
					</blockquote>
				)}
				{!state.ended && (
					<fieldset class="rp-choices">
						<legend>{t('sim.roleplay.choose')}</legend>
						<ol>
							{choices.map((c) => (
								<li key={c.id}>
									<button type="button" class="btn rp-choice" data-choice={c.id} onClick={() => act(() => session.choose(c.id))}>
										{c.label}
									</button>
								</li>
							))}
						</ol>
					</fieldset>
				)}
			</section>

			{feedback && (
				<FeedbackPanel feedback={feedback} t={t} topicLinks={topicLinks} subjectLabels={subjectLabels} focusOnMount={false}>
					<p class="meta">{t('sim.roleplay.severityNote')}</p>
				</FeedbackPanel>
			)}

			<section class="rp-log" aria-labelledby={`${idp}-log`}>
				<h4 id={`${idp}-log`}>{t('sim.roleplay.log')}</h4>
				{decisions.length === 0 ? (
					<p class="meta">{t('sim.roleplay.logEmpty')}</p>
				) : (
					<ol class="rp-log-list">
						{decisions.map((d) => (
							<li key={d.step} data-step={d.step}>
								<p class="rp-log-head">
									{t('sim.roleplay.step', { n: d.step })} · {d.node.title}
								</p>
								<p class="rp-log-choice">
									<span class="rp-log-label">{t('sim.roleplay.yourChoice')}</span>
									{d.choice.label}
								</p>
								{d.choice.outcome && <p class="rp-log-outcome">{d.choice.outcome}</p>}
								{state.ended && (
									<button type="button" class="btn rp-replay" onClick={() => act(() => session.replayFrom(d.step))}>
										{t('sim.roleplay.replayFrom', { n: d.step })}
									</button>
								)}
							</li>
						))}
					</ol>
				)}
				{state.ended && <p class="meta">{t('sim.roleplay.replayHint')}</p>}
				<div class="btn-row">
					<button type="button" class="btn" onClick={() => act(() => session.restart())}>
						{t('sim.roleplay.restart')}
					</button>
				</div>
			</section>
		</SimShell>
	);
}
