import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Client, createJob, inject, personalKey, runJob } from './helpers.js';

describe('small API fixes a newcomer trips over', () => {
  let t: TestApp;
  let key: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    key = await personalKey(t);
    admin = await personalKey(t, { name: 'admin', scopes: ['admin'] });
  });
  afterAll(() => t.close());

  it('rotates a key on a POST with no body, with no grace period: the old key stops at once', async () => {
    const victim = await personalKey(t, { name: 'to rotate' });
    const res = await inject(t, { ...admin, method: 'POST', url: `/api/v1/admin/keys/${victim.id}/rotate` });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = { headers: { 'x-api-key': res.json().key as string } };
    expect((await inject(t, { ...fresh, url: '/api/v1/jobs/' })).statusCode).toBe(200);
    expect((await inject(t, { ...victim, url: '/api/v1/jobs/' })).statusCode).toBe(401);
  });

  it('answers patient-detail without job_id with 422 naming job_id', async () => {
    const res = await inject(t, { ...key, url: '/api/v1/visualizations/patient-detail/0' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'Validation Error' });
    expect(res.json().errors).toEqual([expect.objectContaining({ loc: ['querystring', 'job_id'] })]);
    expect(res.json().detail).toBe("querystring -> job_id: must have required property 'job_id'");
  });

  it('says a cancelled job was cancelled when it is downloaded, with 409', async () => {
    const created = await createJob(t, key, {
      configuration: { name: 'cancel me' },
      total_patients: 20_000,
      output_formats: ['json', 'xlsx'],
    });
    const cancel = await inject(t, { ...key, method: 'POST', url: `/api/v1/jobs/${created.job_id}/cancel` });
    expect(cancel.json().status).toBe('cancelled');
    const res = await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'Conflict' });
    expect(res.json().detail).toBe(
      `Job ${created.job_id} was cancelled; it has no files to download. Start a new job.`,
    );
  });

  it('says a failed job failed, with its error, when it is downloaded', async () => {
    const { created } = await runJob(t, key, { configuration: { name: 'will fail' }, total_patients: 1 });
    // A job that failed after writing its files (the worker died while zipping, say).
    await t.services.database.db.execute(
      sql`UPDATE jobs SET status = 'failed', error = 'The worker crashed' WHERE id = ${created.job_id}`,
    );
    const res = await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      `Job ${created.job_id} failed (The worker crashed); it has no files to download. Start a new job.`,
    );
  });

  it('spells the encryption rule in JSON, not Python', async () => {
    const res = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { name: 'x' }, use_encryption: true },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe(
      'encryption_password: encryption_password is required when use_encryption is true',
    );
  });

  for (const [what, headers] of [
    ['text/plain', { 'content-type': 'text/plain' }],
    ['no Content-Type', {}],
  ] as const) {
    it(`refuses a JSON route's body sent with ${what} with 415 naming application/json`, async () => {
      const res = await inject(t, {
        method: 'POST',
        url: '/api/v1/generation/',
        headers: { ...key.headers, ...headers },
        payload: Buffer.from(JSON.stringify({ configuration: { name: 'x' } })),
      });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({
        error: 'Unsupported Media Type',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: expect.stringContaining('Content-Type: application/json'),
        request_id: expect.any(String),
        timestamp: expect.any(String),
      });
      expect(res.json().detail).toContain(what);
    });
  }

  it('still takes JSON with a charset parameter', async () => {
    const res = await inject(t, {
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      headers: { ...key.headers, 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ name: 'x', total_patients: 2 }),
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
