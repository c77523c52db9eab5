import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		coverage: {
			provider: 'v8',
			include: ['src/domain/**/*.ts', 'src/stores/**/*.ts'],
			thresholds: {
				'src/domain/**/*.ts': { lines: 100, functions: 100, statements: 100 },
				'src/stores/**/*.ts': { lines: 85 },
			},
		},
	},
});
