import { readFile, writeFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openEmbedded, runMigrations } from '../../src/db/index.js';

const quiet = { info() {}, warn() {}, error() {} };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file test/global-setup.ts wrote the migrated PGlite image to; unset outside `vitest run`. */
    pgliteTemplate?: string;
  }
}

/**
 * A fresh in-memory PGlite, migrated, as a tarball of its data directory.
 * initdb is most of the cost (~6 s of CPU on the CI machine); loading the image
 * instead costs well under a second.
 */
export async function buildMigratedImage(): Promise<Blob> {
  const database = await openEmbedded({}, quiet);
  try {
    await runMigrations(database);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    return await client.dumpDataDir('none');
  } finally {
    await database.close();
  }
}

/** Builds the image and writes it to `path` (the global setup, once per run). */
export async function writeMigratedImage(path: string): Promise<void> {
  const image = await buildMigratedImage();
  await writeFile(path, Buffer.from(await image.arrayBuffer()));
}

let loaded: Promise<Blob> | undefined;

/**
 * The migrated image for this test worker: read from the file the global setup
 * wrote, or built here when there is none (a file run outside the global setup).
 */
export function migratedImage(): Promise<Blob> {
  loaded ??= (async () => {
    const path = inject('pgliteTemplate');
    return path ? new Blob([await readFile(path)]) : buildMigratedImage();
  })();
  return loaded;
}
