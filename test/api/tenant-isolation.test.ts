import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, DEMO, inject, personalKey, ROOMY_DEMO_ENV, runJob } from './helpers.js';

const LEGACY_KEY = 'legacy-secret-key-for-tests';

describe.each(HTTP_BACKENDS)('tenant isolation on %s', (backend) => {
  let t: TestApp;
  let a: Client;
  let b: Client;
  let admin: Client;
  const legacy: Client = { headers: { 'x-api-key': LEGACY_KEY } };
  let jobId: string;
  let configId: string;

  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { ...ROOMY_DEMO_ENV, API_KEY: LEGACY_KEY } });
    a = await personalKey(t, { name: 'A' });
    b = await personalKey(t, { name: 'B' });
    admin = await personalKey(t, { name: 'admin', scopes: ['admin'] });
    jobId = (await runJob(t, a, { configuration: { name: 'A job' }, total_patients: 4 })).created.job_id;
    const stored = await inject(t, {
      ...a,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: { name: 'A config' },
    });
    configId = stored.json().id;
  });
  afterAll(() => t.close());

  const reads = () => [
    `/api/v1/jobs/${jobId}`,
    `/api/v1/jobs/${jobId}/results`,
    `/api/v1/downloads/${jobId}`,
    `/api/v1/downloads/${jobId}?format=json`,
    `/api/v1/configurations/${configId}`,
    `/api/v1/visualizations/dashboard-data?job_id=${jobId}`,
    `/api/v1/visualizations/sample-patients?job_id=${jobId}`,
    `/api/v1/streaming/generate?configuration_id=${configId}&count=1`,
  ];

  it('answers 404 to another key for the job, its download, its results and the configuration', async () => {
    for (const url of reads()) {
      const res = await inject(t, { ...b, url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toBe('Not Found');
    }
    const list = await inject(t, { ...b, url: '/api/v1/jobs/' });
    expect(list.json()).toEqual([]);
    const configs = await inject(t, { ...b, url: '/api/v1/configurations/' });
    expect(configs.json()).toEqual([]);
    const generate = await inject(t, {
      ...b,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration_id: configId },
    });
    expect(generate.statusCode).toBe(404);
  });

  it('answers 404 to another key that tries to cancel, delete or change them, and they survive', async () => {
    const attempts = [
      { method: 'POST' as const, url: `/api/v1/jobs/${jobId}/cancel` },
      { method: 'DELETE' as const, url: `/api/v1/jobs/${jobId}` },
      { method: 'DELETE' as const, url: `/api/v1/configurations/${configId}` },
      { method: 'PUT' as const, url: `/api/v1/configurations/${configId}`, payload: { name: 'stolen' } },
    ];
    for (const attempt of attempts) {
      const res = await inject(t, { ...b, ...attempt });
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
    }
    expect((await inject(t, { ...a, url: `/api/v1/jobs/${jobId}` })).json().status).toBe('completed');
    expect((await inject(t, { ...a, url: `/api/v1/configurations/${configId}` })).json().name).toBe(
      'A config',
    );
  });

  it('lets the owner, an admin-scoped key and the legacy key see them', async () => {
    for (const [who, client] of [
      ['owner', a],
      ['admin', admin],
      ['legacy', legacy],
    ] as const) {
      for (const url of reads().filter((u) => !u.includes('streaming'))) {
        const res = await inject(t, { ...client, url });
        expect(res.statusCode, `${who} ${url}`).toBe(200);
      }
      const list = await inject(t, { ...client, url: '/api/v1/jobs/' });
      expect(
        list.json().map((j: { job_id: string }) => j.job_id),
        who,
      ).toContain(jobId);
    }
  });

  it('keeps one demo client’s jobs from another client IP', async () => {
    const alice = { headers: DEMO, remoteAddress: '10.2.0.1' };
    const bob = { headers: DEMO, remoteAddress: '10.2.0.2' };
    const { created } = await runJob(t, alice, { configuration: { name: 'alice' }, total_patients: 2 });
    expect((await inject(t, { ...alice, url: `/api/v1/jobs/${created.job_id}` })).statusCode).toBe(200);
    expect((await inject(t, { ...bob, url: `/api/v1/jobs/${created.job_id}` })).statusCode).toBe(404);
    expect((await inject(t, { ...bob, url: `/api/v1/downloads/${created.job_id}` })).statusCode).toBe(404);
    expect((await inject(t, { ...bob, url: '/api/v1/jobs/' })).json()).toEqual([]);
    expect((await inject(t, { ...alice, url: '/api/v1/jobs/' })).json()).toHaveLength(1);
    // Nor does the demo key see personal keys' jobs.
    expect((await inject(t, { ...alice, url: `/api/v1/jobs/${jobId}` })).statusCode).toBe(404);
  });
});
