/**
 * Storage: the Drizzle schema, the committed SQL migrations, and the two back
 * ends (embedded PGlite, or PostgreSQL via node-postgres). Imports only
 * `config`. Repositories live with the domain that owns them (keys, jobs).
 */
export type { Database, DatabaseKind, Db, DbLogger } from './database.js';
export { openEmbedded } from './embedded.js';
export { MIGRATIONS_FOLDER, runMigrations } from './migrate.js';
export { openDatabase } from './open-database.js';
export { openPostgres, type PostgresOptions } from './postgres.js';
export { type Owner, ownedBy, SYSTEM_OWNER } from './owner.js';
export { DatabaseUnavailableError, databaseUnavailableReason } from './unavailable.js';
export { isUuid } from './uuid.js';
export * as schema from './schema/index.js';
