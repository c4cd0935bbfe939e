import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_OWNER } from '../../src/db/index.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { type Instance, startInstance, until } from '../helpers/instances.js';

/**
 * Two instances on one PostgreSQL with pg-boss: a worker instance and an API instance that runs no
 * shared job (JOB_WORKERS=0). Jobs created on the API instance run on the worker; a cancellation made
 * on the API instance stops the generation on the worker; an encrypted job runs only where its
 * password is.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'jobs across two instances (pg-boss on PostgreSQL)',
  { timeout: 120_000 },
  () => {
    let shared: TestDatabase;
    let dataDir: string;
    let worker: Instance;
    let api: Instance;
    let headers: Record<string, string>;
    const env = { JOB_POLL_INTERVAL_MS: '50', JOB_HEARTBEAT_MS: '100', JOB_EXPIRY_CHECK_SECONDS: '1' };

    beforeAll(async () => {
      shared = await openTestDatabase('postgres');
      dataDir = mkdtempSync(join(tmpdir(), 'milmed-cross-'));
      worker = await startInstance(shared.url!, dataDir, env);
      api = await startInstance(shared.url!, dataDir, { ...env, JOB_WORKERS: '0' });
      const { key } = await api.services.keys.createKey({
        name: 'cross',
        rateLimitPerMinute: 10_000,
        rateLimitPerHour: 100_000,
        patientLimit: 100_000,
      });
      headers = { 'x-api-key': key };
    }, 60_000);
    afterAll(async () => {
      await api?.close();
      await worker?.close();
      await shared?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const create = async (payload: Record<string, unknown>) => {
      const res = await api.app.inject({ method: 'POST', url: '/api/v1/generation/', headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().job_id as string;
    };
    const row = (id: string) => api.services.jobs.get(id, SYSTEM_OWNER);

    it('runs a job created on the API instance on the worker, and a cancel there stops it on the worker promptly', async () => {
      const id = await create({
        configuration: { name: 'cross-cancel' },
        total_patients: 100_000,
        output_formats: ['json', 'fhir', 'xml'],
      });
      await until(async () => (await row(id))?.status === 'running');
      expect((await row(id))?.workerId).toBe(worker.services.jobs.workerId);
      expect(api.services.jobs.runningCount()).toBe(0);
      await until(() => worker.services.jobs.runningCount() === 1); // its thread starts just after the claim

      const cancelledAt = Date.now();
      const res = await api.app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/cancel`, headers });
      expect(res.json().status).toBe('cancelled');
      // The worker sees it at its next heartbeat (100 ms here), stops the thread and removes the files.
      await until(() => worker.services.jobs.runningCount() === 0, 10_000);
      await worker.services.jobs.idle();
      expect(Date.now() - cancelledAt).toBeLessThan(5_000);
      expect(existsSync(join(dataDir, 'spool', id))).toBe(false);
      expect(existsSync(join(dataDir, 'jobs', id))).toBe(false);
      expect((await row(id))?.status).toBe('cancelled');
    });

    it('runs an encrypted job only on the instance that holds its password, even one taking no shared jobs', async () => {
      const id = await create({
        configuration: { name: 'cross-encrypted' },
        total_patients: 5,
        use_encryption: true,
        encryption_password: 'cross-password-1234',
      });
      await until(async () => (await row(id))?.status === 'completed');
      expect((await row(id))?.workerId).toBe(api.services.jobs.workerId);
    });
  },
);
