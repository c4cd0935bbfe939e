import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_OWNER } from '../../src/db/index.js';
import { JobRepository } from '../../src/jobs/index.js';
import { type Client, createJob, inject, personalKey } from '../api/helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';
import { DEFAULT_SCENARIO } from '../../src/generator/index.js';

const HOUR = 3_600_000;

/** Failed, cancelled and interrupted jobs expire like completed ones; nothing a job wrote outlives it. */
describe.each(BACKENDS)('job retention and interruption on %s', (backend) => {
  let t: TestApp;
  let key: Client & { id: string };
  let repository: JobRepository;
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { JOB_RETENTION_HOURS: '2' } });
    key = await personalKey(t);
    repository = new JobRepository(t.services.database.db);
  });
  afterAll(() => t.close());

  const jobsDir = () => join(t.dataDir, 'jobs');
  const row = (id: string) => repository.get(id, SYSTEM_OWNER);
  /**
   * Leaves output as a job killed mid-run would: a partial directory and ZIP in the spool (killed
   * while generating) and in the store (killed while publishing).
   */
  function partialOutput(id: string): void {
    for (const root of [jobsDir(), join(t.dataDir, 'spool')]) {
      mkdirSync(join(root, id), { recursive: true });
      writeFileSync(join(root, id, 'patients.json'), '[{"partial":');
      writeFileSync(join(root, `${id}.zip`), 'PK');
    }
  }
  const onDisk = (id: string) => readdirSync(jobsDir()).filter((name) => name.startsWith(id));
  /** What a running job's worker has written so far: it writes into the spool, not the store. */
  const spooled = (id: string) =>
    existsSync(join(t.dataDir, 'spool'))
      ? readdirSync(join(t.dataDir, 'spool')).filter((name) => name.startsWith(id))
      : [];
  async function runningJob(): Promise<string> {
    const id = randomUUID();
    await repository.create({
      id,
      ownerKeyId: key.id,
      ownerSubject: '',
      status: 'running',
      seed: 'killed',
      totalPatients: 100_000,
      config: { name: 'killed mid-run' },
      scenario: DEFAULT_SCENARIO,
      outputFormats: ['json'],
      heartbeatAt: t.clock.now(),
      createdAt: t.clock.now(),
    });
    return id;
  }
  /** What a restart does to the job runner, without a new process. */
  async function restartRunner(): Promise<void> {
    await t.services.jobs.stop();
    t.clock.advance(5 * 60_000); // past the heartbeat timeout of another instance
    await t.services.jobs.start();
  }

  // The embedded store's one process left it behind; on PostgreSQL pg-boss delivers a dead worker's
  // job again instead (test/jobs/worker-death.test.ts).
  if (backend === 'embedded')
    it('fails a job killed mid-run at restart, removes its partial files at once, and deletes it after the retention', async () => {
      const id = await runningJob();
      partialOutput(id);

      await restartRunner();
      const failed = await row(id);
      expect(failed?.status).toBe('failed');
      expect(failed?.expiresAt?.getTime()).toBe(t.clock.now().getTime() + 2 * HOUR);
      expect(onDisk(id)).toEqual([]);
      expect(spooled(id)).toEqual([]);

      t.clock.advance(2 * HOUR - 1000);
      await t.services.jobs.sweepExpired();
      expect(await row(id)).toBeDefined();
      t.clock.advance(2000);
      await t.services.jobs.sweepExpired();
      expect(await row(id)).toBeUndefined();
    });

  it('gives a cancelled job an expiry and deletes it after the retention', async () => {
    const created = await createJob(t, key, { configuration: { name: 'cancelled' }, total_patients: 50_000 });
    const cancel = await inject(t, { ...key, method: 'POST', url: `/api/v1/jobs/${created.job_id}/cancel` });
    expect(cancel.json().status).toBe('cancelled');
    expect((await row(created.job_id))?.expiresAt?.getTime()).toBe(t.clock.now().getTime() + 2 * HOUR);

    t.clock.advance(2 * HOUR + 1000);
    await t.services.jobs.sweepExpired();
    expect((await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}` })).statusCode).toBe(404);
  });

  it('deletes failed jobs stored without an expiry once the retention has passed since they finished', async () => {
    const id = await runningJob();
    await repository.fail(id, 'failed before failed jobs had an expiry', t.clock.now(), t.clock.now());
    await t.services.database.db.execute(sql`UPDATE jobs SET expires_at = NULL WHERE id = ${id}`);
    expect((await row(id))?.expiresAt).toBeNull();

    t.clock.advance(HOUR);
    await t.services.jobs.sweepExpired();
    expect(await row(id)).toBeDefined();
    t.clock.advance(HOUR + 1000);
    await t.services.jobs.sweepExpired();
    expect(await row(id)).toBeUndefined();
  });

  it('removes output of jobs that no longer exist in the database, and nothing else', async () => {
    const gone = randomUUID();
    partialOutput(gone);
    const kept = await runningJob();
    partialOutput(kept);
    writeFileSync(join(jobsDir(), 'README.txt'), 'not a job');

    await t.services.jobs.sweepExpired();
    expect(onDisk(gone)).toEqual([]);
    expect(spooled(gone)).toEqual([]);
    expect(onDisk(kept).sort()).toEqual([kept, `${kept}.zip`]);
    expect(spooled(kept).sort()).toEqual([kept, `${kept}.zip`]);
    expect(existsSync(join(jobsDir(), 'README.txt'))).toBe(true);
    await repository.fail(kept, 'done with it', t.clock.now(), t.clock.now());
  });

  it('hands a job running at shutdown back to the queue, at warn level, removes its files, and runs it at the next start', async () => {
    const created = await createJob(t, key, {
      configuration: { name: 'interrupted' },
      total_patients: 100_000,
      output_formats: ['json', 'fhir'],
    });
    // Wait (bounded) until the worker is writing, so the shutdown catches it mid-run.
    for (let i = 0; i < 600 && spooled(created.job_id).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await row(created.job_id))?.status).toBe('running');
    const from = t.logs.length;

    await t.services.jobs.stop();

    const lines = t.logs
      .slice(from)
      .map((line) => JSON.parse(line) as { level: number; msg: string; jobId?: string });
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'job handed back to the queue at shutdown',
        jobId: created.job_id,
      }),
    );
    const job = (await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}` })).json();
    expect(job).toMatchObject({ status: 'pending', error: null, progress: 0 });
    expect(onDisk(created.job_id)).toEqual([]);
    expect(spooled(created.job_id)).toEqual([]);

    await t.services.jobs.start();
    for (let i = 0; i < 600 && (await row(created.job_id))?.status === 'pending'; i++) {
      await t.services.jobs.changed();
    }
    expect((await row(created.job_id))?.status).toMatch(/running|completed/);
    await inject(t, { ...key, method: 'POST', url: `/api/v1/jobs/${created.job_id}/cancel` });
  });
});
