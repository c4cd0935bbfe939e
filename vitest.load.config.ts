import { defineConfig } from 'vitest/config';

/**
 * `npm run test:load` (LOAD_SECONDS=60) and `npm run test:load:ci` (LOAD_SECONDS=10): three built servers
 * on one PostgreSQL and one Redis, under load and through outages (test/load/). It runs apart from
 * `npm test`, one file at a time so nothing else shares the cores; its JSON report joins the CI total
 * through scripts/ci-summary.mjs.
 */
export default defineConfig({
  test: {
    include: ['test/load/**/*.test.ts'],
    globalSetup: ['test/load/report-table.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-load-report.json' },
  },
});
