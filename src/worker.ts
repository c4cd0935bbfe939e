import { pino } from 'pino';
import { ConfigError, loadConfig } from './config/index.js';
import { loggerOptions } from './http/logger.js';
import { buildServices } from './services.js';

/**
 * Runs generation jobs without serving HTTP (`npm run worker`): the same services as the server,
 * taking jobs from the shared queue on PostgreSQL. SIGTERM stops taking jobs, gives the running ones
 * SHUTDOWN_GRACE_MS, then hands the rest back to the queue and exits 0.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    if (!config.databaseUrl)
      throw new ConfigError(
        'A worker needs DATABASE_URL: the embedded store runs jobs in the server process',
      );
    if (!config.jobQueue.workers) throw new ConfigError('A worker with JOB_WORKERS=0 would run no job');
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino(loggerOptions(config.logLevel));
  const services = await buildServices(config, logger, { role: 'worker' });
  await services.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await services.close({ jobGraceMs: config.shutdownGraceMs });
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  logger.info({ concurrency: config.jobConcurrency, queue: services.jobs.queueKind }, 'worker ready');
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
