import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Builds dist/ when a source is newer than its output (`npm ci` already built it): the CLI tests
 * and the live servers run the built `dist/cli/main.js` and `dist/main.js`, as users do. tsc still
 * emits when another part of the tree has type errors; those are reported here and fail
 * `npm run typecheck`, but do not stop the tests.
 */
export function buildDist(): void {
  const result = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
  if (result.status !== 0) {
    process.stderr.write(
      `global-setup: tsc reported errors (emitted anyway):\n${result.stdout}${result.stderr}\n`,
    );
  }
  for (const file of ['dist/cli/main.js', 'dist/main.js']) {
    if (!existsSync(file)) throw new Error(`global-setup: the build did not produce ${file}`);
  }
}

/** Global setup of the suites that only need the build: the security suite attacks live servers. */
export default function setup(): void {
  buildDist();
}
