import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type * as schema from './schema/index.js';

/** Drizzle over either driver; both speak the same PostgreSQL dialect. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = 'embedded' | 'postgres' | 'embedded-via-server';

/** An open store. `ping` throws while the database is unreachable. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** PostgreSQL only: the connection pool, which the job queue (pg-boss) shares. */
  readonly pool?: pg.Pool;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The logger shape the data layer needs (pino satisfies it). */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
