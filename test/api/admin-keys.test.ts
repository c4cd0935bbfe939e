import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, DEMO, inject, personalKey } from './helpers.js';

const LEGACY: Client = { headers: { 'x-api-key': 'legacy-admin-key-for-tests' } };
const BASE = '/api/v1/admin/keys';

describe.each(HTTP_BACKENDS)('the admin key API on %s', (backend) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { API_KEY: LEGACY.headers['x-api-key']! } });
    admin = await personalKey(t, { name: 'admin', scopes: ['admin'] });
  });
  afterAll(() => t.close());

  it('answers 403 to keys without the admin scope, and 401 without a key', async () => {
    const plain = await personalKey(t, { name: 'plain' });
    for (const client of [plain, { headers: DEMO }]) {
      const list = await inject(t, { ...client, url: `${BASE}/` });
      expect(list.statusCode).toBe(403);
      const create = await inject(t, { ...client, method: 'POST', url: `${BASE}/`, payload: { name: 'x' } });
      expect(create.statusCode).toBe(403);
      const patch = await inject(t, {
        ...client,
        method: 'PATCH',
        url: `${BASE}/${plain.id}`,
        payload: { patient_limit: 1 },
      });
      expect(patch.statusCode).toBe(403);
    }
    expect((await inject(t, { url: `${BASE}/` })).statusCode).toBe(401);
  });

  it('shows a new key once: list and show never contain it', async () => {
    for (const client of [admin, LEGACY]) {
      const created = await inject(t, {
        ...client,
        method: 'POST',
        url: `${BASE}/`,
        payload: { name: 'issued', patient_limit: 50, rate_limit_per_minute: 1000 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { key, api_key } = created.json();
      expect(key).toEqual(expect.any(String));
      expect(api_key).toMatchObject({ name: 'issued', patient_limit: 50, is_active: true });
      expect(JSON.stringify(api_key)).not.toContain(key);
      const list = await inject(t, { ...client, url: `${BASE}/` });
      expect(list.json().map((k: { id: string }) => k.id)).toContain(api_key.id);
      expect(list.body).not.toContain(key);
      const show = await inject(t, { ...client, url: `${BASE}/${api_key.id}` });
      expect(show.statusCode).toBe(200);
      expect(show.body).not.toContain(key);
      // The new key works at once.
      expect((await inject(t, { headers: { 'x-api-key': key }, url: '/api/v1/jobs/' })).statusCode).toBe(200);
    }
  });

  it('enforces a PATCHed patient_limit on the next request', async () => {
    const created = await inject(t, {
      ...admin,
      method: 'POST',
      url: `${BASE}/`,
      payload: { name: 'limited', patient_limit: 100, rate_limit_per_minute: 1000 },
    });
    const { key, api_key } = created.json();
    const user = { headers: { 'x-api-key': key } };
    const stream = (count: number) =>
      inject(t, { ...user, method: 'POST', url: '/api/v1/streaming/generate', payload: { count } });
    expect((await stream(20)).statusCode).toBe(200);

    const patched = await inject(t, {
      ...admin,
      method: 'PATCH',
      url: `${BASE}/${api_key.id}`,
      payload: { patient_limit: 10 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().patient_limit).toBe(10);

    const refused = await stream(20);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe(
      'Requested 20 patients exceeds limit of 10; set configuration.total_patients to 10 or fewer',
    );
    expect(refused.headers['x-limit-value']).toBe('10');
    const job = await inject(t, {
      ...user,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { total_patients: 11 } },
    });
    expect(job.statusCode).toBe(400);
    expect((await stream(10)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown key id', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await inject(t, { ...admin, url: `${BASE}/${id}` })).statusCode).toBe(404);
    expect(
      (await inject(t, { ...admin, method: 'PATCH', url: `${BASE}/${id}`, payload: { name: 'x' } }))
        .statusCode,
    ).toBe(404);
  });
});
