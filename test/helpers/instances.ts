import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { openPostgres } from '../../src/db/index.js';
import { buildApp } from '../../src/http/app.js';
import { buildServices, type Services } from '../../src/services.js';
import { silentLogger } from './database.js';

export { until } from './until.js';

/** One server instance in this process: its own pool on a shared PostgreSQL database, driven with inject(). */
export interface Instance {
  app: FastifyInstance;
  services: Services;
  close(): Promise<void>;
}

/**
 * Starts a server graph (services, queue, app) on the PostgreSQL database at `url`, as another
 * process would; `env` adds configuration (JOB_WORKERS, intervals). Nothing listens on a socket.
 */
export async function startInstance(
  url: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const database = openPostgres({ connectionString: url }, silentLogger);
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: url, ...env });
  const services = await buildServices(config, pino({ level: 'silent' }), { role: 'server', database });
  await services.start();
  const app = await buildApp(services, { logger: pino({ level: 'silent' }) });
  await app.ready();
  return {
    app,
    services,
    async close() {
      await app.close();
      await services.close();
    },
  };
}
