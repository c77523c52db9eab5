/**
 * Server-side helpers for simulation wrappers (Embed.astro): the strings an island needs, links from
 * scoring topics to lesson sections, and the bank's scoring weights from content/settings.
 */
import { getCourse } from '../../lib/course';
import { lessonUrl } from '../../lib/paths';
import { pickStrings, type Lang } from '../../i18n/index';

/** Prefixes every simulation needs (shell, feedback panel, dossier, code names). */
export const COMMON_PREFIXES = [
	'shell.',
	'feedback.',
	'severity.',
	'topic.',
	'dimension.',
	'reason.',
	'segment.',
	'riskTier.',
	'sizeClass.',
	'industry.',
	'legalForm.',
	'track.',
	'statements.',
	'collateral.',
	'guarantor.',
	'creditHistory.',
	'purpose.',
	'repayment.',
	'guarantee.',
	'dossier.',
	'unit.',
	'reputation.',
	'indicator.',
	'progress.recovered',
	'progress.dismiss',
];

/** Strings for an island: the common ones plus the simulation's own prefixes. */
export function simStrings(lang: Lang, prefixes: string[]): Record<string, string> {
	return pickStrings(lang, [...COMMON_PREFIXES, ...prefixes]);
}

/** Scoring topic → URL of the lesson section that teaches it. */
export async function topicLinks(lang: Lang): Promise<Record<string, string>> {
	const course = await getCourse();
	return Object.fromEntries([...course.topics].map(([topic, ref]) => [topic, lessonUrl(ref.lesson.id, lang, ref.heading.slug)]));
}

/** The bank's override for one scorer's weights (content/settings/site.json → scoring.<key>). */
export async function scoringOverride(key: string): Promise<Record<string, unknown>> {
	const course = await getCourse();
	const v = (course.settings.scoring as Record<string, unknown>)[key];
	return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}
