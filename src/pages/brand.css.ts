/** The bank's colours as CSS variables, generated from content/settings/site.json at build time. */
import type { APIRoute } from 'astro';
import { getCourse } from '../lib/course';

export const GET: APIRoute = async () => {
	const { settings } = await getCourse();
	const { primary, accent } = settings.bank.colours;
	const css = `:root{--brand:${primary};--accent:${accent}}\n`;
	return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
