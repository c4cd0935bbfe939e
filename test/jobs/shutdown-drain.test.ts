import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_BY_SHUTDOWN } from '../../src/jobs/index.js';
import { createJob, inject, personalKey, type Client } from '../api/helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('shutdown drains running jobs', () => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  const status = async (id: string) => (await inject(t, { ...key, url: `/api/v1/jobs/${id}` })).json();

  /** Creates a job and waits (on job events, never a timer) until a worker runs it. */
  async function runningJob(total: number, extra: Record<string, unknown> = {}): Promise<string> {
    const created = await createJob(t, key, {
      configuration: { name: 'drain' },
      total_patients: total,
      ...extra,
    });
    for (let i = 0; i < 1000 && (await status(created.job_id)).status === 'pending'; i++) {
      await t.services.jobs.changed();
    }
    return created.job_id;
  }

  it('lets a running job finish within the grace period, and says so at warn', async () => {
    const id = await runningJob(200);
    const from = t.logs.length;
    await t.services.jobs.stop(120_000);
    expect((await status(id)).status).toBe('completed');
    const lines = t.logs.slice(from).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'shutting down: waiting for running jobs' }),
    );
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    await t.services.jobs.start();
  });

  it('hands a job still running when the grace period ends back to the queue; the next start runs it', async () => {
    const id = await runningJob(100_000);
    const from = t.logs.length;
    await t.services.jobs.stop(1);
    expect(await status(id)).toMatchObject({ status: 'pending', error: null, progress: 0 });
    const lines = t.logs
      .slice(from)
      .map((l) => JSON.parse(l) as { level: number; msg: string; jobId?: string });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'job handed back to the queue at shutdown', jobId: id }),
    );
    await t.services.jobs.start();
    for (let i = 0; i < 1000 && (await status(id)).status === 'pending'; i++) await t.services.jobs.changed();
    expect((await status(id)).status).toMatch(/running|completed/);
    await inject(t, { ...key, method: 'POST', url: `/api/v1/jobs/${id}/cancel` });
  });

  it('fails an encrypted job still running at the end of the grace period: its password dies with the process', async () => {
    const id = await runningJob(100_000, {
      use_encryption: true,
      encryption_password: 'drain-password-1234',
    });
    await t.services.jobs.stop(1);
    expect(await status(id)).toMatchObject({ status: 'failed', error: INTERRUPTED_BY_SHUTDOWN });
    await t.services.jobs.start();
  });
});
