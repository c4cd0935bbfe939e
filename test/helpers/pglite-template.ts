import { readFile, writeFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openEmbedded, runMigrations } from '../../src/db/index.js';

const quiet = { info() {}, warn() {}, error() {} };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file test/global-setup.ts wrote the migrated PGlite image to; unset outside `vitest run`. */
    pgliteTemplate?: string;
    /** The file test/global-setup.ts wrote the unmigrated (initdb only) PGlite image to. */
    pgliteEmptyImage?: string;
    /** The migrated image as a data directory, in memory (/dev/shm) where the machine has it. */
    pgliteTemplateDir?: string;
  }
}

export interface PgliteImages {
  /** Right after initdb, no migration applied: for the migration tests. */
  empty: Blob;
  /** Every migration applied: what every other embedded test database starts from. */
  migrated: Blob;
}

/**
 * A fresh in-memory PGlite as two tarballs of its data directory: before and after the
 * migrations. initdb is most of the cost (~6 s of CPU on the CI machine) and runs once for both;
 * loading an image instead costs well under a second.
 */
export async function buildImages(): Promise<PgliteImages> {
  const database = await openEmbedded({}, quiet);
  try {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const empty = await client.dumpDataDir('none');
    await runMigrations(database);
    return { empty, migrated: await client.dumpDataDir('none') };
  } finally {
    await database.close();
  }
}

/** Builds both images and writes them to the two paths (the global setup, once per run). */
export async function writeImages(paths: { empty: string; migrated: string }): Promise<void> {
  const images = await buildImages();
  await writeFile(paths.empty, Buffer.from(await images.empty.arrayBuffer()));
  await writeFile(paths.migrated, Buffer.from(await images.migrated.arrayBuffer()));
}

/**
 * Unpacks the migrated image into the data directory `path` (the global setup, once per run). A test
 * database copied from it opens in about two thirds of the CPU time of loading the image, and takes
 * less memory: PGlite reads the files it needs instead of holding all 40 MB.
 */
export async function writeTemplateDirectory(migratedImagePath: string, path: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create({
    dataDir: path,
    loadDataDir: new Blob([await readFile(migratedImagePath)]),
  });
  await client.close();
}

let built: Promise<PgliteImages> | undefined;
const loaded: Partial<Record<keyof PgliteImages, Promise<Blob>>> = {};

/**
 * One image for this test worker: read from the file the global setup wrote, or built here when
 * there is none (a file run outside the global setup).
 */
function image(which: keyof PgliteImages, path: string | undefined): Promise<Blob> {
  loaded[which] ??= (async () => {
    if (path) return new Blob([await readFile(path)]);
    built ??= buildImages();
    return (await built)[which];
  })();
  return loaded[which];
}

/** The migrated image: every embedded test database is loaded from it. */
export function migratedImage(): Promise<Blob> {
  return image('migrated', inject('pgliteTemplate'));
}

/** The image right after initdb, for tests that apply the migrations themselves. */
export function emptyImage(): Promise<Blob> {
  return image('empty', inject('pgliteEmptyImage'));
}
