import type { Config } from '../config/index.js';
import type { Database, DbLogger } from './database.js';
import { openEmbedded } from './embedded.js';
import { runMigrations } from './migrate.js';
import { openPostgres } from './postgres.js';

export interface OpenDatabaseOptions {
  /** The server shares the embedded store on a socket; the CLI only connects. */
  role: 'server' | 'cli';
  migrate?: boolean;
}

/** PostgreSQL when `DATABASE_URL` is set, otherwise the embedded store under `DATA_DIR`; migrated. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbConnectTimeoutMs' | 'dbStatementTimeoutMs'>,
  logger: DbLogger,
  options: OpenDatabaseOptions,
): Promise<Database> {
  const database = config.databaseUrl
    ? openPostgres(
        {
          connectionString: config.databaseUrl,
          connectTimeoutMs: config.dbConnectTimeoutMs,
          statementTimeoutMs: config.dbStatementTimeoutMs,
        },
        logger,
      )
    : await openEmbedded({ dataDir: config.dataDir, shareViaSocket: options.role === 'server' }, logger);
  if (options.migrate !== false && database.kind !== 'embedded-via-server') {
    try {
      await runMigrations(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
