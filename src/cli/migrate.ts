import { pino } from 'pino';
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/index.js';
import { compileWasmForAShortRun } from './short-lived-wasm.js';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  compileWasmForAShortRun();
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, logger, { role: 'cli', migrate: false });
  if (database.kind === 'embedded-via-server') {
    logger.info('the running server owns the embedded database and migrated it at start-up');
  } else {
    const { runMigrations } = await import('../db/index.js');
    await runMigrations(database);
    logger.info({ database: database.kind }, 'migrations applied');
  }
  await database.close();
}

migrate().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${(error as Error).message}\n`);
  process.exit(1);
});
