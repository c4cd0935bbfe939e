import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { type Config, loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { ERROR_CODES, type ErrorCode } from '../../src/http/error-codes.js';
import { buildServices, type Services } from '../../src/services.js';
import { TestClock } from './clock.js';
import { type Backend, openTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  clock: TestClock;
  /** Every JSON log line written so far. */
  logs: string[];
  /** This test's own DATA_DIR (job files). */
  dataDir: string;
  /** The database URL for PostgreSQL back ends. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  backend?: Backend;
  env?: Record<string, string>;
  clock?: TestClock;
  /** Where the built web pages are; defaults to dist/web. */
  webRoot?: string;
}

/** The whole service over a fresh database, driven with `app.inject()`. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await openTestDatabase(options.backend ?? 'embedded');
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-test-'));
  const config: Config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: dataDir, ...options.env });
  const clock = options.clock ?? new TestClock();
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: 'info' }, stream);
  const services = await buildServices(config, logger, {
    role: 'server',
    database: testDb.database,
    clock: clock.now,
  });
  await services.start();
  const app = await buildApp(services, { logStream: stream, webRoot: options.webRoot });
  await app.ready();
  checkErrorCodes(app);
  return {
    app,
    services,
    clock,
    logs,
    dataDir,
    databaseUrl: testDb.url,
    async close() {
      await app.close();
      await services.close();
      await testDb.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every error body must carry a catalog `code` whose status is the response's: each `inject`
 * in every suite built on this helper checks it, so no route can answer an error without one.
 */
function checkErrorCodes(app: FastifyInstance): void {
  const original = app.inject.bind(app) as unknown as (...args: unknown[]) => unknown;
  const checked = (options: unknown) =>
    (original(options) as Promise<LightMyRequestResponse>).then((res) => {
      const json = res.statusCode >= 400 && /^application\/json/.test(String(res.headers['content-type']));
      if (json && res.body) {
        const code = (res.json() as { code?: string }).code;
        if (ERROR_CODES[code as ErrorCode]?.status !== res.statusCode) {
          throw new Error(`error body without a catalog code for ${res.statusCode}: ${res.body}`);
        }
      }
      return res;
    });
  app.inject = ((options?: unknown, callback?: unknown) =>
    options === undefined || callback !== undefined
      ? original(options, callback)
      : checked(options)) as typeof app.inject;
}
