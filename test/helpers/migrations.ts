import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { type Database, MIGRATIONS_FOLDER, openEmbedded, openPostgres } from '../../src/db/index.js';
import { type Backend, createPostgresDatabase, silentLogger } from './database.js';
import { emptyImage } from './pglite-template.js';

const copies: string[] = [];

/** A copy of the migrations folder that stops just before the migration whose tag ends with `tag`. */
export function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'milmed-migrations-'));
  copies.push(folder);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  if (at <= 0) throw new Error(`no migration after the first ends with ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

/** Removes the folders `migrationsBefore` made (call it in `afterAll`). */
export function removeMigrationCopies(): void {
  for (const f of copies.splice(0)) rmSync(f, { recursive: true, force: true });
}

/** Applies the migrations of `folder` only. */
export async function migrateWith(database: Database, folder: string): Promise<void> {
  if (database.kind === 'embedded') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  } else {
    await migratePg(drizzlePg((database as Database & { pool: pg.Pool }).pool), { migrationsFolder: folder });
  }
}

/** An empty, unmigrated database on `backend`, and how to get rid of it. */
export async function openEmptyDatabase(
  backend: Backend,
): Promise<{ database: Database; drop(): Promise<void> }> {
  if (backend === 'embedded') {
    // Loaded from the image taken right after initdb: the same empty database without running initdb here.
    const database = await openEmbedded({ loadDataDir: await emptyImage() }, silentLogger);
    return { database, drop: () => database.close() };
  }
  const created = await createPostgresDatabase();
  const database = openPostgres({ connectionString: created.url }, silentLogger);
  return {
    database,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}
