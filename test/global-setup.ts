import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Builds the project to dist/ before any test file runs, when a source is newer
 * than its output (`npm ci` already built it): the CLI tests run the built
 * `dist/cli/main.js` and the built server, as users do.
 * tsc still emits when another part of the tree has type errors; those are
 * reported here and fail `npm run typecheck`, but do not stop the tests.
 */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) {
    process.stderr.write(
      `global-setup: tsc reported errors (emitted anyway):\n${result.stdout}${result.stderr}\n`,
    );
  }
  for (const file of ['dist/cli/main.js', 'dist/main.js']) {
    if (!existsSync(file)) throw new Error(`global-setup: the build did not produce ${file}`);
  }
}
