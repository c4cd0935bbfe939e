import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Database,
  MIGRATIONS_FOLDER,
  openEmbedded,
  openPostgres,
  runMigrations,
} from '../../src/db/index.js';
import { BACKENDS, createPostgresDatabase, silentLogger } from '../helpers/database.js';

const TAG = 'encrypted_jobs_without_seed';
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A copy of the migrations folder that stops just before the migration under test. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'milmed-migrations-'));
  folders.push(folder);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

async function migrateWith(database: Database, folder: string): Promise<void> {
  if (database.kind === 'embedded') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  } else {
    await migratePg(drizzlePg((database as Database & { pool: pg.Pool }).pool), { migrationsFolder: folder });
  }
}

describe.each(BACKENDS)('the migration that drops encrypted jobs’ seeds, on %s', (backend) => {
  // A fresh PGlite runs initdb, which takes a while on a busy machine.
  it('forgets the seed of encrypted jobs stored before it, and keeps the others', {
    timeout: 120_000,
  }, async () => {
    let database: Database;
    let drop = async () => {};
    if (backend === 'embedded') {
      database = await openEmbedded({}, silentLogger);
    } else {
      const created = await createPostgresDatabase();
      database = openPostgres({ connectionString: created.url }, silentLogger);
      drop = created.drop;
    }
    try {
      await migrateWith(database, migrationsBefore(TAG));
      const [encrypted, plain] = [randomUUID(), randomUUID()];
      for (const [id, useEncryption] of [
        [encrypted, true],
        [plain, false],
      ] as const) {
        await database.db.execute(
          `INSERT INTO jobs (id, seed, total_patients, config, scenario, output_formats, use_encryption)
           VALUES ('${id}', 'old-seed-${id}', 5, '{"name":"old","seed":"old-seed-${id}"}', '{}', '{json}', ${useEncryption})`,
        );
      }
      await runMigrations(database);
      const { rows } = (await database.db.execute('SELECT id, seed, config FROM jobs')) as unknown as {
        rows: { id: string; seed: string | null; config: Record<string, unknown> }[];
      };
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(encrypted)).toMatchObject({ seed: null, config: { name: 'old' } });
      expect(byId.get(encrypted)?.config).not.toHaveProperty('seed');
      expect(byId.get(plain)).toMatchObject({
        seed: `old-seed-${plain}`,
        config: { seed: `old-seed-${plain}` },
      });
    } finally {
      await database.close();
      await drop();
    }
  });
});
