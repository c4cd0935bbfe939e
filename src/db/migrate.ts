import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database } from './database.js';

/** The committed SQL migrations, shared by both back ends (`drizzle-kit generate` writes them). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any constant will do; it only has to be the same for every instance.
const MIGRATION_LOCK_ID = 727_274_001;

/**
 * Applies pending migrations. On PostgreSQL it holds a session advisory lock,
 * so instances starting together apply each migration exactly once.
 */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'embedded') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const pool = (database as Database & { pool?: pg.Pool }).pool;
  if (!pool) throw new Error('runMigrations: the PostgreSQL database has no pool');
  // Its own connection without the pool's statement and query timeouts: waiting for another
  // instance's migration lock, or a long migration, is not a hung database.
  const client = new pg.Client({ ...pool.options, statement_timeout: false, query_timeout: undefined });
  client.on('error', () => {}); // a lost connection fails the pending query, which is reported
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end().catch(() => {});
  }
}
