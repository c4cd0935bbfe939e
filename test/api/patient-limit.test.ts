import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';
import { createJob, DEMO, inject, personalKey, ROOMY_DEMO_ENV, waitForJob } from './helpers.js';

function expectRefused(res: LightMyRequestResponse, requested: number) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().detail).toBe(
    `Requested ${requested} patients exceeds limit of 500; set configuration.total_patients to 500 or fewer`,
  );
  expect(res.headers['x-limit-type']).toBe('patients_per_request');
  expect(res.headers['x-limit-value']).toBe('500');
  expect(res.headers['x-requested']).toBe(String(requested));
}

describe.each(BACKENDS)('the patient limit on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: ROOMY_DEMO_ENV });
  });
  afterAll(() => t.close());

  async function demoKeyRow() {
    await t.services.usage.flush();
    return (await t.services.keyRepository.list({ includeInactive: true })).find((k) => k.isDemo)!;
  }

  it('refuses 501 patients on every generating path, creating no job and recording no usage', async () => {
    const client = { headers: DEMO, remoteAddress: '10.1.0.1' };
    const stored = await inject(t, {
      ...client,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: { name: 'Too big', total_patients: 501 },
    });
    expect(stored.statusCode).toBe(201);
    expect(stored.headers['x-daily-usage']).toBe('1');
    const configId = stored.json().id;

    const generate = (payload: Record<string, unknown>) =>
      inject(t, { ...client, method: 'POST', url: '/api/v1/generation/', payload });
    expectRefused(await generate({ configuration: { name: 'x' }, total_patients: 501 }), 501);
    expectRefused(await generate({ configuration: { name: 'x', total_patients: 501 } }), 501);
    expectRefused(await generate({ configuration: { name: 'x', count: 501 } }), 501);
    expectRefused(await generate({ configuration: { configuration: { total_patients: 501 } } }), 501);
    expectRefused(await generate({ configuration_id: configId }), 501);
    expectRefused(
      await generate({ configuration: { name: 'x', total_patients: 3 }, total_patients: 501 }),
      501,
    );
    expectRefused(
      await inject(t, {
        ...client,
        url: `/api/v1/streaming/generate?configuration_id=${configId}&count=501`,
      }),
      501,
    );
    expectRefused(
      await inject(t, { ...client, url: `/api/v1/streaming/generate?configuration_id=${configId}` }),
      501,
    );
    expectRefused(
      await inject(t, {
        ...client,
        method: 'POST',
        url: '/api/v1/streaming/generate',
        payload: { count: 501 },
      }),
      501,
    );
    expectRefused(
      await inject(t, {
        ...client,
        method: 'POST',
        url: '/api/v1/streaming/generate',
        payload: { configuration: { total_patients: 501 } },
      }),
      501,
    );

    const jobs = await inject(t, { ...client, url: '/api/v1/jobs/' });
    expect(jobs.statusCode).toBe(200);
    expect(jobs.json()).toEqual([]);
    // Only the configuration and this listing were admitted today.
    expect(jobs.headers['x-daily-usage']).toBe('2');
    expect((await demoKeyRow()).totalPatientsGenerated).toBe(0);
  });

  it('admits exactly 500 patients, and the effective count wins over the configuration’s own', async () => {
    const client = { headers: DEMO, remoteAddress: '10.1.0.2' };
    const res = await inject(t, {
      ...client,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { name: 'x', total_patients: 9000 }, total_patients: 500 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().total_patients).toBe(500);
    const { job } = await waitForJob(t, client, res.json().job_id);
    expect(job.status).toBe('completed');
    expect(job.summary.total_patients).toBe(500);

    const streamed = await inject(t, {
      ...client,
      method: 'POST',
      url: '/api/v1/streaming/generate',
      payload: { count: 500 },
    });
    expect(streamed.statusCode).toBe(200);
    expect(streamed.json().patients).toHaveLength(500);
  });

  it('grows a key’s usage by exactly the patients generated: a job of 7 and a stream of 3 make 10', async () => {
    const key = await personalKey(t);
    const created = await createJob(t, key, { configuration: { name: 'seven' }, total_patients: 7 });
    const { job } = await waitForJob(t, key, created.job_id);
    expect(job.status).toBe('completed');
    const streamed = await inject(t, {
      method: 'POST',
      url: '/api/v1/streaming/generate',
      headers: key.headers,
      payload: { count: 3 },
    });
    expect(streamed.json().total_patients).toBe(3);
    await t.services.usage.flush();
    expect((await t.services.keyRepository.getById(key.id))?.totalPatientsGenerated).toBe(10);
  });
});
