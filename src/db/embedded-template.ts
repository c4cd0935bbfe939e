/**
 * A prepared, migrated PGlite data directory, written at build time, so that the first start on a
 * new DATA_DIR copies it instead of running initdb (which alone takes the process to 700-800 MB).
 * The file is named after the PGlite version: after an upgrade an old template is simply not found,
 * and the first start runs initdb as before.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
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
  return join(dirname(fileURLToPath(import.meta.url)), '..', `pglite-template-${pgliteVersion()}.tar.gz`);
}

/** Builds the template (initdb and migrations, in memory) and writes it to `path`. */
export async function writeEmbeddedTemplate(path: string, logger: DbLogger): Promise<void> {
  const database = await openEmbedded({}, logger);
  try {
    await runMigrations(database);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const image = await client.dumpDataDir('gzip');
    writeFileSync(path, Buffer.from(await image.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** The template for a new data directory, or undefined when the build made none (then initdb runs). */
export function readEmbeddedTemplate(): Blob | undefined {
  try {
    const path = templatePath();
    return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
  } catch {
    return undefined;
  }
}
