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
import { UsageRepository } from '../../src/usage/index.js';
import { BACKENDS, createPostgresDatabase, silentLogger } from '../helpers/database.js';

const TAG = 'usage_counts';
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

describe.each(BACKENDS)('the migration to usage aggregates, on %s', (backend) => {
  // A fresh PGlite runs initdb, which takes a while on a busy machine.
  it('turns the per-request rows into minute aggregates, masking demo clients to their /24', {
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
      const [live, demo] = [randomUUID(), randomUUID()];
      await database.db.execute(
        `INSERT INTO api_keys (id, key_hash, key_prefix, name, is_demo) VALUES
           ('${live}', 'h-${live}', 'milmed_live_a', 'live', false), ('${demo}', 'h-${demo}', 'DEMO', 'demo', true)`,
      );
      const row = (key: string, at: string, method: string, status: number, patients: number, ip: string) =>
        `('${key}', '${at}', '${method}', '/api/v1/generation/', ${status}, ${patients}, '${ip}')`;
      await database.db.execute(
        `INSERT INTO api_key_usage (key_id, occurred_at, method, route, status_code, patients_generated, client_ip) VALUES
         ${[
           row(live, '2026-01-01T10:00:05Z', 'POST', 201, 5, '198.51.100.1'),
           row(live, '2026-01-01T10:00:55Z', 'POST', 201, 6, '198.51.100.1'),
           row(live, '2026-01-01T10:00:30Z', 'POST', 401, 0, '198.51.100.1'),
           row(live, '2026-01-01T10:01:00Z', 'JOB', 200, 40, ''),
           row(demo, '2026-01-01T10:00:00Z', 'POST', 201, 1, '203.0.113.9'),
         ].join(',')}`,
      );
      await runMigrations(database);

      const usage = new UsageRepository(database.db);
      const period = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') };
      expect(await usage.byDay(live, period.from)).toEqual([
        { day: '2026-01-01', requests: 3, patients: 51 },
      ]);
      expect(await usage.totals({ ...period, keyId: live })).toMatchObject({
        unauthorized: 1,
        status: { '2xx': 2, '4xx': 1 },
      });
      expect((await usage.demoNetworks(period, 5)).map((n) => n.network)).toEqual(['203.0.113.0/24']);
      const { rows } = (await database.db.execute(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'api_key_usage'`,
      )) as unknown as { rows: { n: number }[] };
      expect(rows[0]!.n).toBe(0);
    } finally {
      await database.close();
      await drop();
    }
  });
});
