/**
 * The one inline script: applies the saved theme before first paint so a dark-theme learner sees
 * no white flash. Its hash is added to the CSP in astro.config.mjs; keep this file the only copy.
 */
import { createHash } from 'node:crypto';

export const THEME_BOOT_SCRIPT =
	"try{var t=localStorage.getItem('sme-course:theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

export const THEME_BOOT_HASH = /** @type {`sha256-${string}`} */ (
	'sha256-' + createHash('sha256').update(THEME_BOOT_SCRIPT).digest('base64')
);
