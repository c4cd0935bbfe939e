import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_OWNER } from '../../src/db/index.js';
import { JobRepository } from '../../src/jobs/index.js';
import { type Client, createJob, personalKey } from '../api/helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/**
 * The orphan sweep fails jobs whose process died. A job this process is still running is not an
 * orphan, even when its heartbeat looks stale: under load, or with the test clock moved forward.
 */
describe('the orphan sweep', () => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('leaves alone a job this process is running, however stale its heartbeat', async () => {
    const created = await createJob(t, key, {
      configuration: { name: 'long', total_patients: 100_000 },
      output_formats: ['json', 'fhir', 'xml'],
    });
    const repository = new JobRepository(t.services.database.db);
    for (let i = 0; i < 600; i++) {
      if ((await repository.get(created.job_id, SYSTEM_OWNER))?.status === 'running') break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await repository.get(created.job_id, SYSTEM_OWNER))?.status).toBe('running');
    t.clock.advance(10 * 60_000); // far past the heartbeat timeout
    // biome-ignore lint/complexity/useLiteralKeys: the sweep is private; the test runs it now instead of in 30 s.
    await t.services.jobs['sweepOrphans']();
    const job = await repository.get(created.job_id, SYSTEM_OWNER);
    expect(job?.error ?? null).toBeNull();
    expect(['running', 'completed']).toContain(job?.status);
    await t.services.jobs.cancel(created.job_id, SYSTEM_OWNER);
  });
});
