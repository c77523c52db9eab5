/**
 * Browser tests of the hosted variants (npm run test:hosting), after `npm run package` and
 * scripts/build-subpath.mjs:
 * - project "lms": the SCORM packages unzipped under /lms/a/b/<version>/course/ with a scorm-again
 *   harness as the LMS (tests/e2e/lms/server.mjs);
 * - project "subpath": the web course built and served under /training/sme/ (scripts/serve.mjs).
 */
import { defineConfig, devices } from '@playwright/test';
import web from './playwright.config';

const LMS_PORT = Number(process.env['E2E_LMS_PORT'] ?? 4331);
const SUBPATH_PORT = Number(process.env['E2E_SUBPATH_PORT'] ?? 4332);
const SUBPATH = '/training/sme/';

export default defineConfig({
	...web,
	testMatch: ['**/lms.test.ts', '**/subpath.test.ts'],
	testIgnore: [],
	projects: [
		{ name: 'lms', testMatch: '**/lms.test.ts', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${LMS_PORT}/lms/` } },
		{ name: 'subpath', testMatch: '**/subpath.test.ts', use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}` } },
	],
	webServer: [
		{ command: `node tests/e2e/lms/server.mjs --port ${LMS_PORT}`, url: `http://127.0.0.1:${LMS_PORT}/lms/harness.html`, reuseExistingServer: false, timeout: 30_000 },
		{
			command: `node scripts/serve.mjs --dir dist-subpath --port ${SUBPATH_PORT}`,
			env: { BASE_PATH: SUBPATH },
			url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
			reuseExistingServer: false,
			timeout: 30_000,
		},
	],
});
