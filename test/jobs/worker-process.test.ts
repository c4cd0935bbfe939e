import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_OWNER } from '../../src/db/index.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { type Instance, startInstance, until } from '../helpers/instances.js';
import { type ServerProcess, startServer } from '../helpers/server-process.js';

describe('npm run worker (dist/worker.js)', () => {
  it('refuses to start without DATABASE_URL: the embedded store runs jobs in the server', () => {
    const result = spawnSync(process.execPath, ['dist/worker.js'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: '/nonexistent/never-used' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('A worker needs DATABASE_URL');
  });

  describe.skipIf(!process.env.TEST_DATABASE_URL)(
    'beside an API instance that runs no jobs (PostgreSQL)',
    { timeout: 90_000 },
    () => {
      let shared: TestDatabase;
      let dataDir: string;
      let api: Instance;
      let worker: ServerProcess;
      beforeAll(async () => {
        shared = await openTestDatabase('postgres');
        dataDir = mkdtempSync(join(tmpdir(), 'milmed-worker-'));
        api = await startInstance(shared.url!, dataDir, { JOB_WORKERS: '0' });
        worker = await startServer(
          {
            DATABASE_URL: shared.url!,
            DATA_DIR: dataDir,
            INSTANCE_ID: 'worker-1',
            JOB_POLL_INTERVAL_MS: '50',
          },
          { entry: 'dist/worker.js', readyLine: 'worker ready' },
        );
      }, 60_000);
      afterAll(async () => {
        await worker?.terminate();
        await api?.close();
        await shared?.close();
        rmSync(dataDir, { recursive: true, force: true });
      });

      it('runs the jobs the API instance queues, and exits 0 on SIGTERM', async () => {
        const { key } = await api.services.keys.createKey({ name: 'worker', rateLimitPerMinute: 1000 });
        const res = await api.app.inject({
          method: 'POST',
          url: '/api/v1/generation/',
          headers: { 'x-api-key': key },
          payload: { configuration: { total_patients: 20 } },
        });
        expect(res.statusCode, res.body).toBe(201);
        const id = res.json().job_id as string;
        await until(async () => (await api.services.jobs.get(id, SYSTEM_OWNER))?.status === 'completed');
        expect((await api.services.jobs.get(id, SYSTEM_OWNER))?.workerId).toMatch(/^worker-1:/);
        const download = await api.app.inject({
          url: `/api/v1/downloads/${id}`,
          headers: { 'x-api-key': key },
        });
        expect(download.statusCode).toBe(200);
        expect(await worker.terminate()).toBe(0);
      });
    },
  );
});
