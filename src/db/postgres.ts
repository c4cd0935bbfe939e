import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { LogThrottle } from '../logging/index.js';
import type { Database, DatabaseKind, Db, DbLogger } from './database.js';
import { OutageSafeClient } from './outage-safe-client.js';
import * as schema from './schema/index.js';

/** Defaults for callers that do not pass the configured values (tests, the CLI's socket). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 2000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
/**
 * How much longer than `statement_timeout` the client waits for an answer.
 * A slow query is cancelled by the server first (a clean 57014); the client
 * timeout only fires when the server does not answer at all (a hung link).
 */
const QUERY_TIMEOUT_MARGIN_MS = 1000;

export interface PostgresOptions {
  connectionString?: string;
  /** node-postgres connection fields, used for the embedded store's Unix socket. */
  host?: string;
  port?: number;
  max?: number;
  kind?: DatabaseKind;
  /** Opening a connection, or waiting for a free one in the pool, fails after this long. */
  connectTimeoutMs?: number;
  /** The server cancels a statement running longer; 0 leaves statements unbounded. */
  statementTimeoutMs?: number;
}

/**
 * Opens a pooled connection to PostgreSQL. Connections are made lazily.
 * Every wait is bounded, so a database that is down or hung fails a request
 * within seconds instead of holding it: connecting and acquiring a pooled
 * connection (`connectTimeoutMs`), a statement on the server
 * (`statement_timeout`), and the answer on the wire (`query_timeout`).
 */
export function openPostgres(options: PostgresOptions, logger: DbLogger): Database & { pool: pg.Pool } {
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    Client: OutageSafeClient,
    connectionString: options.connectionString,
    host: options.host,
    port: options.port,
    user: options.connectionString ? undefined : 'postgres',
    database: options.connectionString ? undefined : 'template1',
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    ...(statementTimeoutMs > 0 && {
      statement_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    }),
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  // During an outage every pooled connection reports it: one line per interval is enough.
  const lostLog = new LogThrottle();
  pool.on('error', (error) => {
    const { write, suppressed } = lostLog.admit('lost');
    if (write) logger.warn({ err: error, suppressed }, 'database connection lost');
  });
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
