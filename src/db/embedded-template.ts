/**
 * A prepared, migrated PGlite data directory, written at build time, so that the first start on a
 * new DATA_DIR copies it instead of running initdb (which alone takes the process to 700-800 MB).
 * A directory rather than a tarball: loading a tarball into PGlite still costs ~130 MB more than a restart.
 * The file is named after the PGlite version: after an upgrade an old template is simply not found,
 * and the first start runs initdb as before.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbLogger } from './database.js';
import { openEmbedded } from './embedded.js';
import { runMigrations } from './migrate.js';

/** The installed PGlite's version, from its package.json (not exported, so found from its entry point). */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version: string;
      };
      if (name === '@electric-sql/pglite') return version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the @electric-sql/pglite package.json was not found');
    dir = parent;
  }
}

/** Where the build writes the template: beside the compiled code (`dist/`), never in the sources. */
export function templatePath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', `pglite-template-${pgliteVersion()}`);
}

/** Builds the template (initdb and migrations, on disk) as the directory `path`. */
export async function writeEmbeddedTemplate(path: string, logger: DbLogger): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'milmed-template-'));
  try {
    const database = await openEmbedded({ dataDir: workDir }, logger);
    try {
      await runMigrations(database);
    } finally {
      await database.close();
    }
    rmSync(path, { recursive: true, force: true });
    cpSync(join(workDir, 'pgdata'), path, { recursive: true });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Fills a new `pgdata` directory from the template; false when the build made none (then initdb runs).
 * A copy on disk, so the first start costs what a restart does.
 */
export function copyEmbeddedTemplate(pgdata: string): boolean {
  try {
    const path = templatePath();
    if (!existsSync(path)) return false;
    cpSync(path, pgdata, { recursive: true });
    return true;
  } catch {
    rmSync(pgdata, { recursive: true, force: true });
    return false;
  }
}
