import { ConfigError, loadConfig } from './config/index.js';

/** Starts the API server: config → services → app → listen; SIGTERM drains and exits 0. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // The service's modules (Fastify, the database drivers, the generator) load only once the configuration
  // is known to be good: a bad one is reported in a fraction of a second, not after all of them.
  const [{ pino }, { buildApp }, { loggerOptions }, { buildServices }] = await Promise.all([
    import('pino'),
    import('./http/app.js'),
    import('./http/logger.js'),
    import('./services.js'),
  ]);
  const logger = pino(loggerOptions(config.logLevel));
  const services = await buildServices(config, logger, { role: 'server' });
  await services.keys.ensureDemoKey();
  await services.start();
  const app = await buildApp(services, { logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.close(); // stops accepting, waits for in-flight requests
      await services.close({ jobGraceMs: config.shutdownGraceMs });
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  logger.info({ database: services.database.kind, redis: Boolean(config.redisUrl) }, 'service ready');
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
