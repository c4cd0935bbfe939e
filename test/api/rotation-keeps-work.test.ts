import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Client, inject, personalKey, runJob, smallConfiguration } from './helpers.js';

const LEGACY = { headers: { 'x-api-key': 'a-legacy-admin-key-for-rotation-tests' } };

describe('rotation keeps the holder’s jobs and configurations', () => {
  let t: TestApp;
  let holder: Client & { id: string };
  /** The holder's current key: each test rotates it further. */
  let current: Client & { id: string };
  let stranger: Client;
  let jobId: string;
  let configId: string;

  beforeAll(async () => {
    t = await buildTestApp({ env: { API_KEY: LEGACY.headers['x-api-key'] } });
    holder = await personalKey(t, { name: 'holder' });
    stranger = await personalKey(t, { name: 'stranger' });
    jobId = (await runJob(t, holder, { configuration: smallConfiguration(2) })).job.job_id;
    const stored = await inject(t, {
      ...holder,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: { name: 'Kept', total_patients: 2 },
    });
    configId = stored.json().id;
    current = holder;
  });
  afterAll(() => t.close());

  async function rotate(id: string): Promise<Client & { id: string }> {
    const res = await inject(t, { ...LEGACY, method: 'POST', url: `/api/v1/admin/keys/${id}/rotate` });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().api_key.id, headers: { 'x-api-key': res.json().key } };
  }

  it('lets the new key read, list and download the old key’s jobs, and read its configurations', async () => {
    const rotated = await rotate(current.id);
    current = rotated;
    expect((await inject(t, { ...rotated, url: `/api/v1/jobs/${jobId}` })).statusCode).toBe(200);
    const listed = (await inject(t, { ...rotated, url: '/api/v1/jobs/' })).json();
    expect(listed.map((j: { job_id: string }) => j.job_id)).toContain(jobId);
    expect((await inject(t, { ...rotated, url: `/api/v1/downloads/${jobId}` })).statusCode).toBe(200);
    expect((await inject(t, { ...rotated, url: `/api/v1/configurations/${configId}` })).statusCode).toBe(200);
  });

  it('keeps them through a second rotation, and the jobs the new key makes belong to the same holder', async () => {
    const made = (await runJob(t, current, { configuration: smallConfiguration(2) })).job.job_id;
    const second = await rotate(current.id);
    for (const id of [jobId, made]) {
      expect((await inject(t, { ...second, url: `/api/v1/jobs/${id}` })).statusCode).toBe(200);
    }
  });

  it('still answers 404 to another key', async () => {
    expect((await inject(t, { ...stranger, url: `/api/v1/jobs/${jobId}` })).statusCode).toBe(404);
    expect((await inject(t, { ...stranger, url: `/api/v1/configurations/${configId}` })).statusCode).toBe(
      404,
    );
  });
});

describe('expired keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { API_KEY: LEGACY.headers['x-api-key'] } });
  });
  afterAll(() => t.close());

  it('are not listed as active, only with all=true', async () => {
    const now = t.clock.now().getTime();
    const { record } = await t.services.keys.createKey({ name: 'expired', expiresAt: new Date(now - 1000) });
    const active = (await inject(t, { ...LEGACY, url: '/api/v1/admin/keys/' })).json();
    expect(active.map((k: { id: string }) => k.id)).not.toContain(record.id);
    const all = (await inject(t, { ...LEGACY, url: '/api/v1/admin/keys/?all=true' })).json();
    expect(all.map((k: { id: string }) => k.id)).toContain(record.id);
  });

  it('keys/me shows when the calling key expires', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 86_400_000);
    const { key } = await t.services.keys.createKey({ name: 'expiring', expiresAt });
    const me = await inject(t, { headers: { 'x-api-key': key }, url: '/api/v1/keys/me' });
    expect(me.json().expires_at).toBe(expiresAt.toISOString());
  });
});
