import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { type Database, openPostgres } from '../../src/db/index.js';
import { buildApp } from '../../src/http/app.js';
import { JobRepository } from '../../src/jobs/index.js';
import { buildServices, type Services } from '../../src/services.js';
import { type Client, inject, personalKey, runJob, unzip } from '../api/helpers.js';
import type { TestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import {
  type Backend,
  BACKENDS,
  openTestDatabase,
  silentLogger,
  type TestDatabase,
} from '../helpers/database.js';
import { DEFAULT_SCENARIO } from '../../src/generator/index.js';

/** One server process over a shared database and DATA_DIR; `crash()` drops it without a clean shutdown. */
interface Instance extends TestApp {
  services: Services;
  app: FastifyInstance;
}

describe.each(BACKENDS)('restart safety on %s', (backend: Backend) => {
  let shared: TestDatabase;
  let dataDir: string;
  const clock = new TestClock();
  const opened: Database[] = [];
  const instances: Instance[] = [];

  beforeEach(async () => {
    shared = await openTestDatabase(backend);
    dataDir = mkdtempSync(join(tmpdir(), 'milmed-restart-'));
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    for (const database of opened.splice(0)) await database.close().catch(() => {});
    await shared.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A new server graph on the same database: the same object for PGlite, a new pool for PostgreSQL. */
  async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
    let database = shared.database;
    if (backend === 'postgres') {
      database = openPostgres({ connectionString: shared.url }, silentLogger);
      opened.push(database);
    }
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
    const services = await buildServices(config, pino({ level: 'silent' }), {
      role: 'server',
      database,
      clock: clock.now,
    });
    await services.start();
    const app = await buildApp(services, { logger: pino({ level: 'silent' }) });
    await app.ready();
    let closed = false;
    const instance: Instance = {
      app,
      services,
      clock,
      logs: [],
      dataDir,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        // The shared PGlite database outlives each instance; stop the rest by hand.
        await services.jobs.close();
        await services.usage.close();
        await services.rateLimiter.close();
      },
    };
    instances.push(instance);
    return instance;
  }

  // The embedded store's one process left these behind. On PostgreSQL pg-boss delivers a dead
  // worker's job again instead (test/jobs/worker-death.test.ts).
  if (backend === 'embedded')
    it('fails a job left running by a process that died, with a clear reason, at start-up', async () => {
      const first = await startInstance();
      const key: Client = await personalKey(first, { name: 'restart' });
      await first.close();

      const repository = new JobRepository(shared.database.db);
      const keyId = (await first.services.keyRepository.list({}))[0]!.id;
      const base = {
        ownerKeyId: keyId,
        ownerSubject: '',
        seed: 's',
        totalPatients: 5,
        config: { name: 'crashed' },
        scenario: DEFAULT_SCENARIO,
        outputFormats: ['json' as const],
        createdAt: clock.now(),
      };
      // One claimed by a worker (it has a heartbeat), one marked running by hand with none.
      const claimed = await repository.create({ ...base, id: randomUUID(), status: 'pending' });
      expect((await repository.claim(claimed.id, 'dead-worker', clock.now()))?.id).toBe(claimed.id);
      const bare = await repository.create({ ...base, id: randomUUID(), status: 'running' });
      clock.advance(5 * 60_000);

      const second = await startInstance();
      for (const id of [claimed.id, bare.id]) {
        const job = (await inject(second, { ...key, url: `/api/v1/jobs/${id}` })).json();
        expect(job.status, id).toBe('failed');
        expect(job.error).toMatch(/server stopped while this job was running/);
        expect(job.completed_at).toEqual(expect.any(String));
      }
    });

  it('keeps a finished job and its files across a restart on the same DATA_DIR and database', async () => {
    const first = await startInstance();
    const key = await personalKey(first, { name: 'survivor' });
    const { created } = await runJob(first, key, { configuration: { name: 'kept' }, total_patients: 4 });
    const before = await inject(first, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    await first.close();

    const second = await startInstance();
    const job = (await inject(second, { ...key, url: `/api/v1/jobs/${created.job_id}` })).json();
    expect(job.status).toBe('completed');
    const after = await inject(second, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    expect(after.statusCode).toBe(200);
    expect(after.rawPayload.equals(before.rawPayload)).toBe(true);
    expect(JSON.parse((await unzip(after.rawPayload))['patients.json']!.toString())).toHaveLength(4);
  });

  it('deletes a job and its files once its retention has passed', async () => {
    const instance = await startInstance({ JOB_RETENTION_HOURS: '0.5' });
    const key = await personalKey(instance, { name: 'retention' });
    const { created } = await runJob(instance, key, {
      configuration: { name: 'short-lived' },
      total_patients: 2,
    });
    const files = () => readdirSync(join(dataDir, 'jobs')).filter((f) => f.startsWith(created.job_id));
    expect(files().length).toBeGreaterThan(0);

    await instance.services.jobs.sweepExpired();
    expect((await inject(instance, { ...key, url: `/api/v1/jobs/${created.job_id}` })).statusCode).toBe(200);

    clock.advance(31 * 60_000);
    await instance.services.jobs.sweepExpired();
    expect((await inject(instance, { ...key, url: `/api/v1/jobs/${created.job_id}` })).statusCode).toBe(404);
    expect(files()).toEqual([]);
    expect(existsSync(join(dataDir, 'jobs', `${created.job_id}.zip`))).toBe(false);
  });
});
