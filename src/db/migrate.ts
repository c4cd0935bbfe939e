import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
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
    // The embedded store has one process, so nothing can migrate between this check and the next
    // command; the CLI then skips reading and hashing every migration file on each run.
    if (await isUpToDate(database)) return;
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
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
    const [{ drizzle }, { migrate }] = await Promise.all([
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/**
 * True when the newest applied migration is the journal's last one: the same test drizzle's
 * migrator makes (it applies every migration newer than the newest applied `created_at`).
 * False when the bookkeeping table does not exist yet.
 */
async function isUpToDate(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  try {
    const result = await database.db.execute(
      sql`select max(created_at) as applied from drizzle.__drizzle_migrations`,
    );
    const applied = (result as unknown as { rows: { applied: string | number | null }[] }).rows[0]?.applied;
    return applied != null && Number(applied) >= newest;
  } catch {
    return false;
  }
}
