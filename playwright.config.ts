import { defineConfig, devices } from '@playwright/test';

const isCI = !!process.env['CI'];
const PORT = Number(process.env['E2E_PORT'] ?? 4327);
/** Base path the site was built with (BASE_PATH at build time), so tests run under a sub-path too. */
const BASE = process.env['BASE_PATH'] ?? '/';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	// Hosted variants (SCORM packages, sub-path build) run with playwright.hosting.config.ts.
	testIgnore: ['**/lms.test.ts', '**/subpath.test.ts'],
	forbidOnly: isCI,
	retries: isCI ? 1 : 0,
	workers: 2,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}${BASE}`,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'off',
		launchOptions: {
			executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: `node scripts/serve.mjs --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}${BASE}`,
		reuseExistingServer: !isCI,
		timeout: 60_000,
	},
});
