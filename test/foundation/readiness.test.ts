import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openPostgres, runMigrations } from '../../src/db/index.js';
import { buildApp } from '../../src/http/app.js';
import { buildServices, type Services } from '../../src/services.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createPostgresDatabase, silentLogger } from '../helpers/database.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describe('readiness on embedded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('reports the database as ok with 200', async () => {
    const res = await t.app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'healthy', checks: { database: 'ok' } });
  });
});

describeOnPostgres('readiness on postgres', () => {
  const proxy = new TcpProxy(
    Number(new URL(process.env.TEST_DATABASE_URL ?? 'postgres://x:5432').port || 5432),
  );
  let drop: () => Promise<void>;
  let services: Services;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    await proxy.start();
    const viaProxy = new URL(created.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const database = openPostgres({ connectionString: viaProxy.toString() }, silentLogger);
    await runMigrations(database);
    const logger = pino({ level: 'silent' });
    services = await buildServices(loadConfig({ LOG_LEVEL: 'silent' }), logger, { role: 'server', database });
    app = await buildApp(services, { logger });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await services.close();
    await proxy.stop();
    await drop();
  });

  it('answers 503 while PostgreSQL is unreachable, and 200 once it is back, with no restart', async () => {
    expect((await app.inject('/api/v1/health')).statusCode).toBe(200);

    await proxy.stop();
    const down = await app.inject('/api/v1/health');
    expect(down.statusCode).toBe(503);
    const body = down.json();
    expect(body).toMatchObject({ error: 'Service Unavailable', checks: { database: 'down' } });
    expect(body.detail).toContain('database');
    expect(body.request_id).toBe(down.headers['x-request-id']);
    expect(body.timestamp).toMatch(/Z$/);
    // Liveness does not depend on the database.
    expect((await app.inject('/health')).statusCode).toBe(200);

    await proxy.start();
    const up = await app.inject('/api/v1/health');
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ checks: { database: 'ok' } });
  });
});
