/**
 * Needs-trait matching (lesson m4/03-five-needs): the learner reads short client statements, in a
 * seeded order, and picks for each the trait of SME needs it shows. After submitting, every
 * statement is explained — the cue in the client's words, how the chosen trait differs from the
 * right one, and the product or service that answers the need — with a link to the trait's section.
 * Keyboard and pointer: one native select per statement.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { NEED_TRAITS, confusionKey, isNeedTrait, traitOf, type NeedCue, type NeedTrait } from '../../../domain/needs-matching';
import { $progress } from '../../../stores/progress';
import {
	$needsAnswers,
	$needsFeedback,
	$needsOrder,
	$needsSeed,
	$needsSubmitted,
	NEEDS_SIM_ID,
	chooseTrait,
	clearNeeds,
	initNeeds,
	setNeedsSeed,
	submitNeeds,
} from '../../../stores/needs-matching';
import { parseSimParams, withSimParams } from '../../../stores/sim-params';
import { makeT, type Dict } from '../../../i18n/format';
import SimShell from '../SimShell';
import FeedbackPanel from '../LazyFeedback';

interface Statement {
	id: string;
	cue: NeedCue;
	speaker: string;
	text: string;
}

interface Props {
	strings: Dict;
	/** The statements with speaker and text in the page's language. */
	statements: Statement[];
	/** Trait → the lesson section teaching it (resolved at build time). */
	traitLinks: Record<string, { href: string; title: string }>;
	defaultSeed: string;
}

export default function NeedsMatching({ strings, statements, traitLinks, defaultSeed }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	const seed = useStore($needsSeed);
	const order = useStore($needsOrder);
	const answers = useStore($needsAnswers);
	const submitted = useStore($needsSubmitted);
	const feedback = useStore($needsFeedback);
	const progress = useStore($progress);
	const [notice, setNotice] = useState<string | null>(null);
	const [missing, setMissing] = useState<string[]>([]);
	const content = useMemo(() => Object.fromEntries(statements.map((s) => [s.id, s])), [statements]);

	useEffect(() => {
		const p = parseSimParams(location.search, { seed: defaultSeed, count: statements.length }, { min: statements.length, max: statements.length });
		if (p.invalid.includes('seed')) setNotice(t('shell.urlInvalid'));
		initNeeds(
			statements.map(({ id, cue }) => ({ id, cue })),
			p.seed,
		);
	}, []);

	const applySeed = (s: string) => {
		setNeedsSeed(s);
		setMissing([]);
		history.replaceState(null, '', withSimParams(location.search, s) + location.hash);
	};
	const submit = (e: Event) => {
		e.preventDefault();
		const m = submitNeeds();
		setMissing(m);
		if (m.length > 0) document.getElementById(`needs-${m[0]}`)?.focus();
	};
	const choose = (id: string, value: string) => {
		chooseTrait(id, value);
		if (missing.includes(id) && isNeedTrait(value)) setMissing(missing.filter((x) => x !== id));
	};

	const labels = Object.fromEntries(order.map((s, i) => [s.id, t('sim.needs-matching.subjectN', { n: i + 1 })]));
	const trait = (x: string) => t(`needsTrait.${x}`);
	const saved = progress.sims[NEEDS_SIM_ID];

	return (
		<SimShell
			id="needs-matching"
			title={t('sim.needs-matching.title')}
			intro={t('sim.needs-matching.intro', { count: statements.length })}
			t={t}
			seed={seed}
			onSeed={applySeed}
			onRetry={() => {
				clearNeeds();
				setMissing([]);
			}}
			notice={notice}
			saved={submitted && saved ? { best: saved.best, max: saved.max, attempts: saved.attempts } : null}
		>
			<div class="needs-cheat sim-card">
				<p class="needs-cheat-title">{t('sim.needs-matching.cheatTitle')}</p>
				<ul>
					{NEED_TRAITS.map((x) => (
						<li key={x}>
							<strong>{trait(x)}</strong>
							{t('sim.needs-matching.colon')}
							{t(`sim.needs-matching.cheat.${x}`)}
						</li>
					))}
				</ul>
			</div>
			<form onSubmit={submit} noValidate class="needs-form">
				<ol class="needs-list">
					{order.map((s, i) => {
						const c = content[s.id];
						const expected = traitOf(s.cue) as NeedTrait;
						const chosen = answers[s.id];
						const ok = chosen === expected;
						const isMissing = missing.includes(s.id);
						const link = traitLinks[expected];
						return (
							<li key={s.id} class="needs-item sim-card" data-statement={s.id}>
								<blockquote class="needs-quote">
									<p>“{c?.text}”</p>
									<footer>{t('sim.needs-matching.speaker', { speaker: c?.speaker })}</footer>
								</blockquote>
								<div class="field">
									<label for={`needs-${s.id}`}>{t('sim.needs-matching.selectLabel', { n: i + 1 })}</label>
									<select
										id={`needs-${s.id}`}
										value={chosen ?? ''}
										onChange={(e) => choose(s.id, (e.currentTarget as HTMLSelectElement).value)}
										aria-invalid={isMissing ? 'true' : undefined}
									>
										<option value="">{t('sim.needs-matching.choose')}</option>
										{NEED_TRAITS.map((x) => (
											<option key={x} value={x}>
												{trait(x)}
											</option>
										))}
									</select>
								</div>
								{submitted && chosen && (
									<div class={`needs-verdict ${ok ? 'ok' : 'bad'}`}>
										<p class="needs-verdict-head">
											<span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
											{ok ? t('sim.needs-matching.right', { trait: trait(expected) }) : t('sim.needs-matching.wrong', { chosen: trait(chosen), trait: trait(expected) })}
										</p>
										<p>{t('sim.needs-matching.cue', { cue: t(`needsCue.${s.cue}`) })}</p>
										{!ok && <p>{t('sim.needs-matching.diffLabel', { diff: t(`sim.needs-matching.diff.${confusionKey(chosen, expected)}`) })}</p>}
										<p>{t('sim.needs-matching.responseLabel', { response: t(`sim.needs-matching.response.${s.cue}`) })}</p>
										{link && <a href={link.href}>{t('sim.needs-matching.review', { title: link.title })}</a>}
									</div>
								)}
							</li>
						);
					})}
				</ol>
				{missing.length > 0 && (
					<p class="field-error" role="alert">
						{t('sim.needs-matching.missing', { count: missing.length, items: missing.map((id) => labels[id]).join(t('sim.needs-matching.sep')) })}
					</p>
				)}
				<div class="btn-row">
					<button type="submit" class="btn btn-primary">
						{t('sim.needs-matching.submit')}
					</button>
				</div>
			</form>
			{feedback && submitted && <FeedbackPanel feedback={feedback} t={t} topicLinks={{}} subjectLabels={labels} severities={['critical', 'major', 'minor', 'good']} />}
		</SimShell>
	);
}
