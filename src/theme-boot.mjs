/**
 * The one inline script: applies the saved theme (or the system's, when none is saved) before first
 * paint, so a dark-theme learner sees no white flash, and handles the theme buttons by delegation
 * (so no other script is needed for them). Its hash is added to the CSP in astro.config.mjs; keep this file the only copy.
 */
import { createHash } from 'node:crypto';

export const THEME_BOOT_SCRIPT =
	"(function(){var d=document.documentElement,k='sme-course:theme',t;try{t=localStorage.getItem(k)}catch(e){}" +
	"d.dataset.theme=t==='dark'||t==='light'?t:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';" +
	"document.addEventListener('click',function(e){if(!e.target.closest||!e.target.closest('[data-theme-toggle]'))return;" +
	"var n=d.dataset.theme==='dark'?'light':'dark';d.dataset.theme=n;try{localStorage.setItem(k,n)}catch(e){}})})()";

export const THEME_BOOT_HASH = /** @type {`sha256-${string}`} */ (
	'sha256-' + createHash('sha256').update(THEME_BOOT_SCRIPT).digest('base64')
);
