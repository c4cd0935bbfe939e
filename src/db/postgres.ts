import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, DatabaseKind, Db, DbLogger } from './database.js';
import * as schema from './schema/index.js';

export interface PostgresOptions {
  connectionString?: string;
  /** node-postgres connection fields, used for the embedded store's Unix socket. */
  host?: string;
  port?: number;
  max?: number;
  kind?: DatabaseKind;
}

/** Opens a pooled connection to PostgreSQL. Connections are made lazily. */
export function openPostgres(options: PostgresOptions, logger: DbLogger): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    host: options.host,
    port: options.port,
    user: options.connectionString ? undefined : 'postgres',
    database: options.connectionString ? undefined : 'template1',
    max: options.max ?? 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error }, 'database connection lost'));
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    kind: options.kind ?? 'postgres',
    db,
    pool,
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
