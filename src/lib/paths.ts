/**
 * Site URLs, always built through here so the course works under any sub-path (BASE_PATH) and in
 * both locales. Chinese is unprefixed; English lives under /en/.
 */
import type { Lang } from '../i18n/index';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Absolute path (with base) of a site page, e.g. `url('lessons/m1/01-macro-2023/', 'en')`. */
export function url(path: string, lang: Lang = 'zh-CN'): string {
	const clean = path.replace(/^\//, '');
	return `${BASE}${lang === 'en' ? 'en/' : ''}${clean}`;
}

/** Path of a static asset under public/ (not localised). */
export function asset(path: string): string {
	return `${BASE}${path.replace(/^\//, '')}`;
}

export const lessonUrl = (id: string, lang: Lang, slug?: string): string =>
	`${url(`lessons/${id}/`, lang)}${slug ? `#${slug}` : ''}`;
export const moduleUrl = (id: string, lang: Lang): string => url(`modules/${id}/`, lang);
