import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const DEMO = { 'x-api-key': 'DEMO_MILMED_2025_500_PATIENTS' };

async function waitForJob(t: TestApp, jobId: string) {
  for (let i = 0; i < 40; i++) {
    const res = await t.app.inject({ url: `/api/v1/jobs/${jobId}`, headers: DEMO });
    const job = res.json();
    if (job.status === 'completed' || job.status === 'failed') return job;
    // Poll like the SDK, every 6 s of (test) time, which keeps within the demo key's 10 per minute.
    t.clock.advance(6000);
    await t.services.jobs.changed();
  }
  throw new Error(
    `job did not finish: ${JSON.stringify((await t.app.inject({ url: `/api/v1/jobs/${jobId}`, headers: DEMO })).json())}`,
  );
}

describe('the earlier SDK flow with the demo key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('creates a job, polls it to completion, and downloads a ZIP holding patients.json', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/generation/',
      headers: DEMO,
      payload: {
        configuration: { name: 'SDK Generated Test', total_patients: 5 },
        output_formats: ['json', 'csv'],
        use_compression: false,
        use_encryption: false,
        priority: 'normal',
      },
    });
    expect(created.statusCode).toBe(201);
    const { job_id, status } = created.json();
    expect(status).toBe('pending');

    const job = await waitForJob(t, job_id);
    expect(job.error ?? job.status).toBe('completed');
    expect(job.progress).toBe(100);
    expect(job.summary.total_patients).toBe(5);

    t.clock.advance(6000);
    const download = await t.app.inject({ url: `/api/v1/downloads/${job_id}`, headers: DEMO });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toContain('attachment');
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    writeFileSync(join(dir, 'out.zip'), download.rawPayload);
    const listing = execFileSync('python3', [
      '-c',
      `import zipfile,json,sys; z=zipfile.ZipFile('${dir}/out.zip'); print(json.dumps({n: len(json.loads(z.read(n))) if n.endswith('.json') else len(z.read(n).decode().splitlines()) for n in z.namelist()}))`,
    ]).toString();
    expect(JSON.parse(listing)).toEqual({ 'patients.json': 5, 'patients.csv': 6 });
  });
});
