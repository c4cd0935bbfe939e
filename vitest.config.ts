import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The security suite attacks live servers, and the load suite runs three of them through outages;
    // each runs on its own: `npm run test:security`, `npm run test:load`.
    exclude: [...configDefaults.exclude, 'test/security/**', 'test/load/**'],
    // Builds dist/ once: the CLI and docs tests run the compiled binaries.
    globalSetup: ['test/global-setup.ts'],
    // Worker threads start from that build, not from TypeScript through tsx (src/jobs/worker-thread.ts).
    env: { MILMED_WORKER_ENTRIES_DIR: fileURLToPath(new URL('dist/jobs', import.meta.url)) },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker process: modules (Fastify, drizzle, PGlite's compiled
    // WebAssembly) load once per worker, not once per file. Safe here because no test mocks a
    // module or changes process.env, and every file closes what it opens; spies are restored.
    isolate: false,
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-report.json' },
  },
});
