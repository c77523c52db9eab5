/** Props the classroom islands get from their pages (built from the course content at build time). */
import type { QuizQuestion } from '../../domain/scoring/quiz';

/** A simulation of the catalogue with its lesson page path (base and locale included) and section anchor. */
export interface SimLink {
	id: string;
	title: string;
	path: string;
	anchor: string;
}

/** A knowledge check: the lesson title, and its questions with short texts for the debrief. */
export interface QuizInfo {
	id: string;
	title: string;
	questions: (QuizQuestion & { prompt: string; optionText: Record<string, string> })[];
}

/** Percent text of a share 0–1, e.g. "67%". */
export const pctText = (share: number, lang: string): string =>
	new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A number with at most `digits` decimals, in the page's locale. */
export const numText = (x: number, lang: string, digits = 1): string => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x);

/** Date and time of an epoch-ms instant, in the page's locale. */
export const timeText = (ms: number, lang: string): string =>
	new Date(ms).toLocaleString(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Offer text as a file download through a Blob URL (no server; CSP allows blob: downloads). */
export function downloadText(text: string, fileName: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy text to the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
