import { defineConfig } from 'vitest/config';

// Browser tests drive the local host in the system Chromium; one at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
