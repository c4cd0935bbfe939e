import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createJob,
  downloadZip,
  inject,
  personalKey,
  runJob,
  waitForJob,
} from '../api/helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(HTTP_BACKENDS)('the job lifecycle on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  const filesOf = (jobId: string) => readdirSync(join(t.dataDir, 'jobs')).filter((f) => f.startsWith(jobId));

  it('moves pending → running → completed only, ends at 100 %, and echoes the request without the password', async () => {
    const created = await createJob(t, key, {
      configuration: { name: 'Lifecycle', total_patients: 5 },
      output_formats: ['json', 'csv'],
      use_encryption: true,
      encryption_password: 'correct horse battery',
      priority: 'high',
    });
    expect(created.status).toBe('pending');
    const { job, seen, progress } = await waitForJob(t, key, created.job_id);
    expect(['pending', 'running', 'completed']).toEqual(expect.arrayContaining(seen));
    expect(seen).toEqual(['pending', 'running', 'completed'].filter((s) => seen.includes(s)));
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(job.progress).toBe(100);
    expect(job.config).toMatchObject({
      name: 'Lifecycle',
      total_patients: 5,
      use_encryption: true,
      priority: 'high',
    });
    expect(job.config.encryption_password).toBeNull();
    expect(JSON.stringify(job)).not.toContain('correct horse battery');
    expect(job.output_files).toEqual(expect.arrayContaining(['patients.json.enc', 'patients.csv.enc']));
    expect(job.summary.total_patients).toBe(5);
    expect(job.completed_at).toEqual(expect.any(String));
    const listed = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(JSON.stringify(listed.json())).not.toContain('correct horse battery');
  });

  it('refuses to cancel a completed job with 400, and answers 404 for an unknown job everywhere', async () => {
    const { created } = await runJob(t, key, { configuration: { name: 'done' }, total_patients: 2 });
    const cancel = await inject(t, { ...key, method: 'POST', url: `/api/v1/jobs/${created.job_id}/cancel` });
    expect(cancel.statusCode).toBe(400);
    expect(cancel.json().detail).toBe(`Cannot cancel job ${created.job_id} with status completed`);

    for (const [method, url] of [
      ['GET', `/api/v1/jobs/${UNKNOWN}`],
      ['GET', `/api/v1/jobs/${UNKNOWN}/results`],
      ['GET', `/api/v1/downloads/${UNKNOWN}`],
      ['POST', `/api/v1/jobs/${UNKNOWN}/cancel`],
      ['DELETE', `/api/v1/jobs/${UNKNOWN}`],
      ['GET', '/api/v1/jobs/not-a-uuid'],
    ] as const) {
      const res = await inject(t, { ...key, method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error).toBe('Not Found');
    }
  });

  it('deletes a job with its files: 200 {success, deleted_id}, then 404', async () => {
    const { created } = await runJob(t, key, { configuration: { name: 'gone' }, total_patients: 3 });
    expect(filesOf(created.job_id).length).toBeGreaterThan(0);
    const res = await inject(t, { ...key, method: 'DELETE', url: `/api/v1/jobs/${created.job_id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ success: true, deleted_id: created.job_id });
    expect((await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}` })).statusCode).toBe(404);
    expect((await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` })).statusCode).toBe(404);
    expect(filesOf(created.job_id)).toEqual([]);
  });

  it('cancels a large running job, which stays cancelled and leaves no files', async () => {
    const created = await createJob(t, key, {
      configuration: { name: 'big' },
      total_patients: 20_000,
      output_formats: ['json', 'xlsx', 'fhir'],
    });
    const early = await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/is not completed yet/);
    const results = await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}/results` });
    expect(results.statusCode).toBe(400);

    const cancel = await inject(t, { ...key, method: 'POST', url: `/api/v1/jobs/${created.job_id}/cancel` });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'cancelled', error: 'Job cancelled by user' });

    // Once the service is idle no worker is left that could still write a late outcome.
    await t.services.jobs.idle();
    const job = (await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}` })).json();
    expect(job.status).toBe('cancelled');
    expect((await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` })).statusCode).toBe(409);
    expect(existsSync(join(t.dataDir, 'jobs', created.job_id))).toBe(false);
    expect(existsSync(join(t.dataDir, 'jobs', `${created.job_id}.zip`))).toBe(false);
  });

  it('cancels a job while it runs, not only while it waits', async () => {
    const created = await createJob(t, key, {
      configuration: { name: 'big' },
      total_patients: 20_000,
      output_formats: ['json', 'xlsx', 'fhir'],
    });
    let status = 'pending';
    for (let i = 0; i < 100 && status === 'pending'; i++) {
      await t.services.jobs.changed();
      status = (await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}` })).json().status;
    }
    expect(status).toBe('running');
    const cancel = await inject(t, { ...key, method: 'POST', url: `/api/v1/jobs/${created.job_id}/cancel` });
    expect(cancel.json().status).toBe('cancelled');
    await t.services.jobs.idle();
    expect((await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}` })).json().status).toBe(
      'cancelled',
    );
    expect(filesOf(created.job_id)).toEqual([]);
    // The runner has a free slot again.
    const next = await runJob(t, key, { configuration: { name: 'after' }, total_patients: 1 });
    expect(next.job.status).toBe('completed');
  });

  it('pages results: page 2 of 3 holds patients 3..5 of patients.json', async () => {
    const { created } = await runJob(t, key, {
      configuration: { name: 'paged' },
      total_patients: 8,
      seed: 'paging',
    });
    const res = await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}/results?page=2&per_page=3` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ job_id: created.job_id, total: 8, page: 2, per_page: 3, total_pages: 3 });
    const files = await downloadZip(t, key, created.job_id);
    const all = JSON.parse(files['patients.json']!.toString());
    expect(page.patients).toEqual(all.slice(3, 6));
    const last = (
      await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}/results?page=3&per_page=3` })
    ).json();
    expect(last.patients).toEqual(all.slice(6, 8));
    const bad = await inject(t, { ...key, url: `/api/v1/jobs/${created.job_id}/results?per_page=501` });
    expect(bad.statusCode).toBe(422);
  });
});
