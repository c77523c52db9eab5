/**
 * Build-time helpers for the SCORM packages (pure functions; used by scripts/package-scorm.mjs,
 * scripts/check-scorm.mjs and the unit tests): relative-URL rewriting of the LMS build, the two
 * imsmanifest.xml documents, and a deterministic zip.
 */
import { zipSync } from 'fflate';

/** The base the LMS build is made with; every occurrence becomes a relative URL. */
export const LMS_BASE = '/__lms_base__/';
/** The launch file at the package root. */
export const LAUNCH_FILE = 'scorm-launch.html';

/**
 * Relative prefix from a file to the package root: `./` at the root, `../../` two folders down.
 * @param {string} file path from the package root, with `/`
 */
export function rootPrefix(file) {
	const depth = file.split('/').length - 1;
	return depth === 0 ? './' : '../'.repeat(depth);
}

/**
 * A page URL made explicit: a folder URL gets `index.html` (LMS file servers rarely resolve
 * folders to their index). Query and fragment are kept.
 * @param {string} path path part only (no `?` or `#`)
 */
export const explicitIndex = (path) => (path === '' || path.endsWith('/') ? `${path}index.html` : path);

/**
 * Rewrite the base-absolute URLs of one HTML file of the LMS build to relative ones: attributes,
 * island props (HTML-escaped JSON) and data attributes alike. Folder URLs become `…/index.html`,
 * except `data-base` (the search's base folder).
 * @param {string} html
 * @param {string} file path of the HTML file from the package root
 */
export function rewriteHtml(html, file) {
	const prefix = rootPrefix(file);
	return html
		.replaceAll(`data-base="${LMS_BASE}"`, `data-base="${prefix}"`)
		.replace(/\/__lms_base__\/([^"'\s<>&#?)\\]*)/g, (_, path) => prefix + explicitIndex(path));
}

/**
 * Rewrite base-absolute string literals in a JavaScript module of the LMS build (Vite's preload
 * helper writes `"/base/" + dep`) to URLs computed at run time from the module's own URL.
 * @param {string} js
 * @param {string} file path of the module from the package root
 */
export function rewriteJs(js, file) {
	const up = JSON.stringify(rootPrefix(file));
	return js.replace(/(["'`])\/__lms_base__\/([^"'`\\$\n]*)\1/g, (_, q, rest) => `(new URL(${up},import.meta.url).href+${q}${rest}${q})`);
}

/**
 * Rewrite `url(/base/…)` in a stylesheet of the LMS build to a path relative to the stylesheet.
 * @param {string} css
 * @param {string} file
 */
export function rewriteCss(css, file) {
	const prefix = rootPrefix(file);
	return css.replace(/\/__lms_base__\/([^"')\s]*)/g, (_, path) => prefix + path);
}

/** @param {string} s */
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** @param {string} s an identifier made XML-ID-safe */
const xmlId = (s) => s.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^([^A-Za-z_])/, '_$1');

/**
 * @typedef {object} ManifestInput
 * @property {string} courseId content/settings/site.json course.id
 * @property {string} title course title (Chinese, UTF-8)
 * @property {string} orgTitle organisation title shown by the LMS
 * @property {number} masteryScore 0..1 from settings
 * @property {string[]} files every file of the course, from the package root, sorted
 * @property {string} version package version (package.json)
 */

/** @param {string[]} files */
const fileList = (files) => files.map((f) => `      <file href="${xml(encodeURI(f))}"/>`).join('\n');

/**
 * imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2 + ADL CP 1.2): one SCO, the launch file, a mastery
 * score (0–100) and every file listed.
 * @param {ManifestInput} m
 */
export function manifest12(m) {
	const id = xmlId(m.courseId);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}-scorm12" version="${xml(m.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xml(m.orgTitle)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xml(m.title)}</title>
        <adlcp:masteryscore>${Math.round(m.masteryScore * 100)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${fileList(m.files)}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * imsmanifest.xml for SCORM 2004 4th Edition: one SCO whose primary objective is satisfied by
 * measure (scaled passing score = mastery score), content-set completion and success, every file.
 * @param {ManifestInput} m
 */
export function manifest2004(m) {
	const id = xmlId(m.courseId);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}-scorm2004" version="${xml(m.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xml(m.orgTitle)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xml(m.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}-mastery" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${Number(m.masteryScore.toFixed(4))}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${fileList(m.files)}
    </resource>
  </resources>
</manifest>
`;
}

/** Files already compressed: stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip|gz)$|\/pagefind\/(fragment|index)\//;
/** The fixed modification time of every entry (local-time fields, so the bytes do not depend on the time zone). */
const FIXED_MTIME = () => new Date(2000, 0, 1, 12, 0, 0);

/**
 * A zip whose bytes depend only on the files: entries sorted by path, one fixed mtime, fixed
 * compression level (fflate zipSync).
 * @param {Map<string, Uint8Array>} files path from the package root → bytes
 * @returns {Uint8Array}
 */
export function zipDeterministic(files) {
	/** @type {Record<string, [Uint8Array, { level: 0 | 9; mtime: Date }]>} */
	const entries = {};
	for (const name of [...files.keys()].sort()) {
		entries[name] = [/** @type {Uint8Array} */ (files.get(name)), { level: STORED.test(`/${name}`) ? 0 : 9, mtime: FIXED_MTIME() }];
	}
	return zipSync(entries);
}
