/**
 * Build-time i18n: every message of both locales, merged from the UI files (ui.<lang>.json) and
 * the domain's code messages (domain-*.<lang>.json). Pages call `useTranslations(lang)`; islands
 * get a subset through `pickStrings` so their bundles stay small.
 */
import zhUi from './ui.zh-CN.json';
import enUi from './ui.en.json';
import { makeT, type Dict, type T } from './format';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';
export type UiKey = keyof typeof zhUi;

const extraFiles = import.meta.glob<Dict>('./*.json', { eager: true, import: 'default' });

function mergeLocale(lang: Lang, ui: Dict): Dict {
	const merged: Dict = {};
	for (const [path, dict] of Object.entries(extraFiles)) {
		if (path.startsWith('./ui.')) continue;
		if (path.endsWith(`.${lang}.json`)) Object.assign(merged, dict);
	}
	return Object.assign(merged, ui);
}

/** All messages of each locale. */
export const MESSAGES: Record<Lang, Dict> = {
	'zh-CN': mergeLocale('zh-CN', zhUi),
	en: mergeLocale('en', enUi),
};

/** A translator for pages; keys are typed for UI strings and open for domain codes. */
export function useTranslations(lang: Lang): (key: UiKey | (string & {}), vars?: Parameters<T>[1]) => string {
	return makeT(MESSAGES[lang]);
}

/** The messages of `lang` whose keys start with any of `prefixes`, for an island's props. */
export function pickStrings(lang: Lang, prefixes: string[]): Dict {
	const out: Dict = {};
	for (const [k, v] of Object.entries(MESSAGES[lang])) {
		if (prefixes.some((p) => k.startsWith(p))) out[k] = v;
	}
	return out;
}

/** The locale of a URL path (after the base): `/en/...` is English, everything else Chinese. */
export function langFromPath(pathname: string, base: string): Lang {
	const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
	return rest.replace(/^\//, '').startsWith('en/') || rest === 'en' ? 'en' : 'zh-CN';
}

/** BCP-47 tag for the html lang attribute. */
export function htmlLang(lang: Lang): string {
	return lang === 'en' ? 'en' : 'zh-CN';
}
