import { defineConfig } from 'vitest/config';

/**
 * `npm run test:security`: the security suite attacks live servers (built dist/, child processes), so
 * it runs apart from `npm test`. Its JSON report joins the CI total through scripts/ci-summary.mjs.
 */
export default defineConfig({
  test: {
    include: ['test/security/**/*.test.ts'],
    // The live servers run the build; no test here opens an embedded database, so no PGlite template.
    globalSetup: ['test/build-setup.ts', 'test/security/report-table.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-security-report.json' },
  },
});
