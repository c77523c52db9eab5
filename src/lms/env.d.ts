/** `PUBLIC_LMS=1` marks the LMS package build (scripts/package-scorm.mjs, astro.lms.config.mjs). */
interface ImportMetaEnv {
	readonly PUBLIC_LMS?: string;
}
