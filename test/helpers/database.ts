import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openEmbedded, openPostgres, runMigrations } from '../../src/db/index.js';
import { migratedImage } from './pglite-template.js';

export type Backend = 'embedded' | 'postgres';

/** The back ends this run covers: always the embedded one, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

/**
 * The back ends of the HTTP suites that exercise no storage behaviour of their own (generation,
 * formats, validation, tenancy, job lifecycle): the embedded store only. What those routes need
 * from storage is tested on both back ends by the storage contract (test/storage/contract.ts).
 */
export const HTTP_BACKENDS: Backend[] = ['embedded'];

export const silentLogger = { info() {}, warn() {}, error() {} };

export interface TestDatabase {
  database: Database;
  /** For PostgreSQL: the URL of this test's own database. */
  url?: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of the given kind, seen by no other test: a PGlite
 * on a copy of the migrated data directory the global setup made once per run (no
 * initdb, no migrations), or a new PostgreSQL database created from
 * TEST_DATABASE_URL and dropped on close.
 */
export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'embedded') {
    const templateDir = inject('pgliteTemplateDir');
    if (!templateDir) {
      const database = await openEmbedded({ loadDataDir: await migratedImage() }, silentLogger);
      return { database, close: () => database.close() };
    }
    // A DATA_DIR of its own, next to the template, as a first start on a new directory makes it.
    const dataDir = mkdtempSync(join(dirname(templateDir), 'db-'));
    cpSync(templateDir, join(dataDir, 'pgdata'), { recursive: true });
    const database = await openEmbedded({ dataDir }, silentLogger);
    return {
      database,
      async close() {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await createPostgresDatabase();
  const database = openPostgres({ connectionString: url }, silentLogger);
  await runMigrations(database);
  return {
    database,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/** Creates an empty PostgreSQL database for one test; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{
  url: string;
  name: string;
  drop(): Promise<void>;
}> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `milmed_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
