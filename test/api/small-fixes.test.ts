import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Client, createJob, downloadZip, inject, personalKey, runJob } from './helpers.js';

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

  it('tells a holder of the earlier demo key that it was renamed, with 401', async () => {
    const res = await inject(t, {
      headers: { 'x-api-key': 'DEMO_MILMED_2025_50_PATIENTS' },
      url: '/api/v1/keys/me',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe(
      'Invalid API key: the public demo key was renamed to DEMO_MILMED_2025_500_PATIENTS',
    );
  });

  it('maps each reference facility type to the id patients carry, and patients use only those', async () => {
    const types = (await inject(t, { url: '/api/v1/configurations/reference/facility-types/' })).json();
    expect(types.map((f: { id: string }) => f.id)).toEqual(['POI', 'R1', 'R2', 'R3', 'R4']);
    const patientIds = types.map((f: { patient_facility_id: string }) => f.patient_facility_id);
    expect(patientIds).toEqual(['POI', 'Role1', 'Role2', 'Role3', 'Role4']);
    const { job } = await runJob(t, key, { configuration: { name: 'facilities' }, total_patients: 40 });
    const page = await inject(t, { ...key, url: `/api/v1/jobs/${job.job_id}/results?per_page=40` });
    for (const patient of page.json().patients) {
      expect(patientIds).toContain(patient.last_facility);
      for (const event of patient.movement_timeline) {
        if (event.facility) expect(patientIds).toContain(event.facility);
      }
    }
  });

  it('shows each religion code with its display, in JSON and XML', async () => {
    const { job } = await runJob(t, key, {
      configuration: { name: 'religion' },
      total_patients: 30,
      output_formats: ['json', 'xml'],
      seed: 'religion',
    });
    const zip = await downloadZip(t, key, job.job_id);
    const patients = JSON.parse(String(zip['patients.json']));
    const withReligion = patients.filter(
      (p: { demographics: { religion?: string } }) => p.demographics.religion,
    );
    expect(withReligion.length).toBeGreaterThan(0);
    for (const { demographics } of withReligion) {
      expect(demographics.religion_display).toMatch(/^[A-Z][A-Za-z (),-]+$/);
      expect(demographics.religion_display).not.toBe(demographics.religion);
    }
    const first = withReligion[0].demographics;
    expect(String(zip['patients.xml'])).toContain(
      `<religion>${first.religion}</religion><religion_display>${first.religion_display}</religion_display>`,
    );
  });
});
