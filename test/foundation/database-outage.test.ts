import { type EventEmitter, once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { type Logger, pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openPostgres, runMigrations, schema } from '../../src/db/index.js';
import { buildApp } from '../../src/http/app.js';
import { DEMO_API_KEY } from '../../src/keys/index.js';
import { buildServices, type Services } from '../../src/services.js';
import { createPostgresDatabase } from '../helpers/database.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const UNKNOWN_JOB = '00000000-0000-4000-8000-000000000000';
/** Small timeouts so a hung database fails fast; the bound asserted is far looser, so the test is not a timing test. */
const TIMEOUT_MS = 300;

describeOnPostgres('PostgreSQL outages', () => {
  const proxy = new TcpProxy(
    Number(new URL(process.env.TEST_DATABASE_URL ?? 'postgres://x:5432').port || 5432),
  );
  const logs: { level: number; msg: string; reason?: string }[] = [];
  let drop: () => Promise<void>;
  let services: Services;
  let app: FastifyInstance;
  let dataDir: string;
  let proxiedUrl: string;
  let logger: Logger;
  let used: Record<string, string>;
  let newKey: (name: string) => Promise<Record<string, string>>;

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    await proxy.start();
    const viaProxy = new URL(created.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    proxiedUrl = viaProxy.toString();
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    logger = pino({ level: 'info' }, stream);
    const database = openPostgres(
      { connectionString: viaProxy.toString(), connectTimeoutMs: TIMEOUT_MS, statementTimeoutMs: TIMEOUT_MS },
      logger,
    );
    await runMigrations(database);
    dataDir = mkdtempSync(join(tmpdir(), 'milmed-outage-'));
    const config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: dataDir });
    services = await buildServices(config, logger, { role: 'server', database });
    await services.keys.ensureDemoKey();
    await services.start();
    app = await buildApp(services, { logger });
    await app.ready();
    newKey = async (name: string) => {
      const made = await services.keys.createKey({
        name,
        rateLimitPerMinute: 10_000,
        rateLimitPerHour: 100_000,
      });
      return { 'x-api-key': made.key };
    };
    used = await newKey('used before the outage');
  });
  // Each test begins with the database reachable, whatever the one before left behind.
  beforeEach(async () => {
    proxy.restore();
    await proxy.start();
  });
  afterAll(async () => {
    proxy.restore();
    await proxy.start();
    await app?.close();
    await services?.close();
    await proxy.stop();
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every request that needs the database: cached key, uncached key (auth reads it), demo key (quota), job routes. */
  const requests = (unused: Record<string, string>): InjectOptions[] => [
    { url: '/api/v1/jobs/', headers: used },
    { url: `/api/v1/jobs/${UNKNOWN_JOB}`, headers: used },
    { url: `/api/v1/downloads/${UNKNOWN_JOB}`, headers: used },
    { method: 'POST', url: `/api/v1/jobs/${UNKNOWN_JOB}/cancel`, headers: used },
    {
      method: 'POST',
      url: '/api/v1/generation/',
      headers: used,
      payload: { configuration: { name: 'during the outage', total_patients: 2 } },
    },
    { url: '/api/v1/configurations/', headers: used },
    { url: '/api/v1/keys/me', headers: unused },
    { url: '/api/v1/jobs/', headers: { 'x-api-key': DEMO_API_KEY } },
  ];

  function expectUnavailable(res: Awaited<ReturnType<FastifyInstance['inject']>>, what: string) {
    expect(res.statusCode, `${what}: ${res.body}`).toBe(503);
    expect(Number(res.headers['retry-after']), what).toBeGreaterThan(0);
    const body = res.json();
    expect(body, what).toMatchObject({
      error: 'Service Unavailable',
      detail: 'The database is temporarily unavailable; retry later',
      request_id: res.headers['x-request-id'],
    });
    expect(body.timestamp).toMatch(/Z$/);
  }

  it('answers 503 with Retry-After on every route that needs the database while it is down, and 200 once it is back', async () => {
    expect((await app.inject({ url: '/api/v1/jobs/', headers: used })).statusCode).toBe(200);
    const unused = await newKey('first used during the outage');

    await proxy.stop();
    for (const request of requests(unused)) {
      expectUnavailable(await app.inject(request), `${request.method ?? 'GET'} ${request.url}`);
    }
    // Logged without SQL or parameters, only the reason.
    const logged = logs.filter((line) => line.msg === 'database unavailable');
    expect(logged[0]).toMatchObject({ level: 50, reason: expect.stringMatching(/^(ECONN|Connection)/) });
    expect(JSON.stringify(logged)).not.toMatch(/select|insert|params/i);

    await proxy.start();
    expect((await app.inject({ url: '/api/v1/jobs/', headers: used })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/keys/me', headers: unused })).statusCode).toBe(200);
  });

  it('answers within the timeouts while PostgreSQL accepts connections but never answers', async () => {
    // A pooled connection is open, so the hang catches one in use as well as new ones.
    expect((await app.inject({ url: '/api/v1/jobs/', headers: used })).statusCode).toBe(200);
    const unused = await newKey('first used during the hang');

    proxy.hang();
    for (const request of requests(unused)) {
      const started = Date.now();
      const res = await app.inject(request);
      const what = `${request.method ?? 'GET'} ${request.url}`;
      expectUnavailable(res, what);
      expect(Date.now() - started, what).toBeLessThan(10_000);
    }

    proxy.restore();
    expect((await app.inject({ url: '/api/v1/jobs/', headers: used })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/keys/me', headers: unused })).statusCode).toBe(200);
  });

  it('writes a few log lines, not one per failed request, during an outage', async () => {
    await proxy.stop();
    const from = logs.length;
    const failing = 60;
    for (let i = 0; i < failing; i++) {
      expect((await app.inject({ url: '/api/v1/jobs/', headers: used })).statusCode).toBe(503);
    }
    // Warnings and errors; the access log (info, one line per request) is a separate, deliberate stream.
    const problems = logs.slice(from).filter((line) => line.level >= 40);
    expect(problems.length).toBeLessThan(failing / 10);
    await proxy.start();
  });

  describe('the connection pool', () => {
    const select1 = (db: ReturnType<typeof openPostgres>['db']) => db.select().from(schema.jobs).limit(1);
    const options = () => ({
      connectionString: proxiedUrl,
      max: 1,
      connectTimeoutMs: TIMEOUT_MS,
      statementTimeoutMs: TIMEOUT_MS,
    });

    it('gets its connection back from a transaction whose BEGIN hung, so it works once the database answers', async () => {
      const database = openPostgres(options(), logger);
      try {
        await select1(database.db);
        proxy.hang();
        await expect(database.db.transaction(async (tx) => select1(tx))).rejects.toThrow();
        proxy.restore();
        // With its only connection leaked, the pool would time out acquiring one for ever.
        await expect(select1(database.db)).resolves.toBeDefined();
      } finally {
        proxy.restore();
        await database.close();
      }
    });

    it('survives losing the connection in the middle of a transaction, and reconnects', async () => {
      const database = openPostgres(options(), logger);
      let checkedOut: EventEmitter | undefined;
      database.pool.on('acquire', (client) => {
        checkedOut = client;
      });
      try {
        await expect(
          database.db.transaction(async (tx) => {
            await select1(tx);
            // The checked-out connection drops between two statements; before the next one is sent.
            const ended = once(checkedOut!, 'end');
            await proxy.stop();
            await ended;
            await select1(tx);
          }),
        ).rejects.toThrow();
        await proxy.start();
        await expect(select1(database.db)).resolves.toBeDefined();
      } finally {
        await proxy.start();
        await database.close();
      }
    });
  });
});
