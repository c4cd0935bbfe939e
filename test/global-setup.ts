import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDist } from './build-setup.js';
import { writeImages, writeTemplateDirectory } from './helpers/pglite-template.js';

/**
 * Once per run, before any test file:
 * - builds dist/ when a source is newer than its output (test/build-setup.ts);
 * - makes the migrated PGlite image and data directory every embedded test database is copied
 *   from, and the unmigrated image the migration tests start from, so no worker runs initdb and
 *   the migrations itself (test/helpers/pglite-template.ts).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  buildDist();

  // In memory where the machine has a tmpfs: every embedded test database is a copy of the template.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'milmed-pglite-template-'));
  const paths = { empty: join(dir, 'empty.tar'), migrated: join(dir, 'migrated.tar') };
  await writeImages(paths);
  await writeTemplateDirectory(paths.migrated, join(dir, 'migrated-pgdata'));
  project.provide('pgliteTemplate', paths.migrated);
  project.provide('pgliteEmptyImage', paths.empty);
  project.provide('pgliteTemplateDir', join(dir, 'migrated-pgdata'));
  return () => {
    rmSync(dir, { recursive: true, force: true });
    reportSkippedServiceSuites();
  };
}

/**
 * The last line of `npm test` says which service suites did not run, so a green run without
 * PostgreSQL or Redis is never mistaken for a full one (see README, Tests).
 */
function reportSkippedServiceSuites(): void {
  const skipped = [
    process.env.TEST_DATABASE_URL ? '' : 'the PostgreSQL runs of every storage suite (set TEST_DATABASE_URL)',
    process.env.TEST_REDIS_URL ? '' : 'the Redis rate-limit suites (set TEST_REDIS_URL)',
  ].filter(Boolean);
  if (skipped.length > 0) process.stdout.write(`\nskipped service suites: ${skipped.join('; ')}\n`);
}
