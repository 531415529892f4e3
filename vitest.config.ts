import { defineConfig } from 'vitest/config';

// Unit tests sit beside their modules; integration, contract and security tests live in test/.
// Browser tests have their own config (vitest.browser.config.ts).
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'contract/**/*.test.ts', 'local/**/*.test.ts', 'static/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
