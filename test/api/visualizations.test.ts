import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, downloadZip, inject, personalKey, runJob } from './helpers.js';

describe.each(HTTP_BACKENDS)('visualizations on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('reports an empty dashboard before any job has completed', async () => {
    const res = await inject(t, { ...key, url: '/api/v1/visualizations/dashboard-data' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      metadata: { data_source: 'empty', job_id: null },
      cache_expires_at: null,
    });
    const samples = (await inject(t, { ...key, url: '/api/v1/visualizations/sample-patients' })).json();
    expect(samples.data.patients).toEqual([]);
  });

  it('shows the latest completed job’s counts, sample patients and one patient in full', async () => {
    const { created } = await runJob(t, key, { configuration: { name: 'viz' }, total_patients: 12 });
    const dashboard = (await inject(t, { ...key, url: '/api/v1/visualizations/dashboard-data' })).json();
    expect(dashboard.metadata).toMatchObject({ job_id: created.job_id, data_source: 'completed_job' });
    expect(dashboard.data.total_patients ?? dashboard.data.summary?.total_patients).toBe(12);

    const samples = (
      await inject(t, {
        ...key,
        url: `/api/v1/visualizations/sample-patients?job_id=${created.job_id}&limit=3`,
      })
    ).json();
    expect(samples.metadata).toMatchObject({ requested_limit: 3, actual_count: 3 });
    const patients = JSON.parse((await downloadZip(t, key, created.job_id))['patients.json']!.toString());
    expect(samples.data.patients.map((p: { id: unknown }) => p.id)).toEqual(
      patients.slice(0, 3).map((p: { id: unknown }) => p.id),
    );
    for (const p of samples.data.patients) expect(p.name).not.toBe('Unknown Unknown');

    const detail = await inject(t, {
      ...key,
      url: `/api/v1/visualizations/patient-detail/${patients[1].id}?job_id=${created.job_id}`,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toEqual(patients[1]);
    expect(
      (await inject(t, { ...key, url: `/api/v1/visualizations/patient-detail/${patients[1].id}` }))
        .statusCode,
    ).toBe(422);
    expect(
      (await inject(t, { ...key, url: `/api/v1/visualizations/sample-patients?limit=101` })).statusCode,
    ).toBe(422);
  });
});
