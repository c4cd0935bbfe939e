import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Client, downloadZip, inject, personalKey, runJob } from './helpers.js';

// The routes read files, not the database, so one back end is enough here.
describe('results, sample patients and patient detail come from the job’s stored files', () => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  const get = (url: string) => inject(t, { ...key, url });

  it('serves what patients.json holds, even when it differs from what the seed would generate', async () => {
    const { created } = await runJob(t, key, { configuration: { name: 'stored' }, total_patients: 5 });
    const path = join(t.dataDir, 'jobs', created.job_id, 'patients.json');
    const text = readFileSync(path, 'utf8');
    const original = JSON.parse(text)[1].demographics.family_name as string;
    // Same byte length, so the index still points at the right rows.
    const marker = 'Z'.repeat(Buffer.byteLength(original));
    writeFileSync(path, text.replace(`"family_name":"${original}"`, `"family_name":"${marker}"`));
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    expect(stored[1].demographics.family_name).toBe(marker);

    const detail = await get(`/api/v1/visualizations/patient-detail/1?job_id=${created.job_id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toEqual(stored[1]);
    const results = (await get(`/api/v1/jobs/${created.job_id}/results?per_page=2`)).json();
    expect(results).toMatchObject({ total: 5, page: 1, per_page: 2, total_pages: 3 });
    expect(results.patients).toEqual(stored.slice(0, 2));
    const samples = (
      await get(`/api/v1/visualizations/sample-patients?job_id=${created.job_id}&limit=2`)
    ).json();
    expect(samples.data.patients[1].name).toContain(marker);
  });

  it('answers 410 with the standard body once the job’s files are gone', async () => {
    const { created } = await runJob(t, key, { configuration: { name: 'expired' }, total_patients: 3 });
    rmSync(join(t.dataDir, 'jobs', created.job_id), { recursive: true });
    for (const url of [
      `/api/v1/jobs/${created.job_id}/results`,
      `/api/v1/visualizations/sample-patients?job_id=${created.job_id}`,
      `/api/v1/visualizations/patient-detail/0?job_id=${created.job_id}`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(410);
      expect(res.json(), url).toEqual({
        error: 'Gone',
        code: 'GONE',
        detail: 'The files of this job are no longer available',
        timestamp: expect.any(String),
        request_id: expect.any(String),
      });
    }
  });

  it('serves a compressed job from a plain copy that is neither listed nor zipped', async () => {
    const { created, job } = await runJob(t, key, {
      configuration: { name: 'compressed' },
      total_patients: 7,
      output_formats: ['json', 'csv'],
      use_compression: true,
    });
    expect(job.output_files).toEqual(['patients.json.gz', 'patients.csv.gz']);
    const entries = await downloadZip(t, key, created.job_id);
    expect(Object.keys(entries).sort()).toEqual(['patients.csv.gz', 'patients.json.gz']);
    const all = JSON.parse(gunzipSync(entries['patients.json.gz']!).toString());
    const page = (await get(`/api/v1/jobs/${created.job_id}/results?page=2&per_page=3`)).json();
    expect(page).toMatchObject({ total: 7, total_pages: 3 });
    expect(page.patients).toEqual(all.slice(3, 6));
    const detail = await get(`/api/v1/visualizations/patient-detail/6?job_id=${created.job_id}`);
    expect(detail.json()).toEqual(all[6]);
    expect((await get(`/api/v1/visualizations/patient-detail/7?job_id=${created.job_id}`)).statusCode).toBe(
      404,
    );
  });
});
