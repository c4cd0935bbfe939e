import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, runMigrations, type Database } from '../../src/db/index.js';
import {
  createPostgresDatabase,
  openTestDatabase,
  silentLogger,
  type TestDatabase,
} from '../helpers/database.js';
import journal from '../../drizzle/meta/_journal.json' with { type: 'json' };

const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const OUR_TABLES = ['api_keys', 'configurations', 'daily_quota', 'jobs', 'settings', 'usage_counts'];

async function columnsOf(database: Database): Promise<string[]> {
  const result = (await database.db.execute(
    `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = 'public'
      ORDER BY table_name, column_name`,
  )) as unknown as { rows: Record<string, string | null>[] };
  return result.rows
    .map((r) => [r.table_name, r.column_name, r.data_type, r.is_nullable, r.column_default].join(' | '))
    .sort();
}

describe('migrations on embedded', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await openTestDatabase('embedded');
  });
  afterAll(() => testDb.close());

  it('build every table of the schema', async () => {
    const tables = new Set((await columnsOf(testDb.database)).map((c) => c.split(' | ')[0]));
    expect([...tables].sort()).toEqual(OUR_TABLES);
  });

  it('are a no-op when run again', async () => {
    await runMigrations(testDb.database);
    const result = (await testDb.database.db.execute(
      'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
    )) as unknown as { rows: { n: number }[] };
    expect(result.rows[0]!.n).toBe(journal.entries.length);
  });
});

describeOnPostgres('migrations on postgres', () => {
  it('apply each migration exactly once when two instances start at the same moment', async () => {
    const { url, drop } = await createPostgresDatabase();
    const a = openPostgres({ connectionString: url }, silentLogger);
    const b = openPostgres({ connectionString: url }, silentLogger);
    try {
      await Promise.all([runMigrations(a), runMigrations(b)]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT hash FROM drizzle.__drizzle_migrations');
      await client.end();
      expect(rows).toHaveLength(journal.entries.length);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(journal.entries.length);
    } finally {
      await a.close();
      await b.close();
      await drop();
    }
  });

  it('build the same tables and columns as on embedded, from the same files', async () => {
    const embedded = await openTestDatabase('embedded');
    const postgres = await openTestDatabase('postgres');
    try {
      const onEmbedded = await columnsOf(embedded.database);
      expect(onEmbedded.length).toBeGreaterThan(OUR_TABLES.length);
      expect(await columnsOf(postgres.database)).toEqual(onEmbedded);
    } finally {
      await embedded.close();
      await postgres.close();
    }
  });
});
