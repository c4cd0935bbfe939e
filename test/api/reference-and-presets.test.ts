import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, createJob, DEMO, inject, personalKey, waitForJob } from './helpers.js';

const NATO =
  'ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL PRT ROU SVK SVN ESP SWE TUR GBR USA'.split(
    ' ',
  );
const LEGACY_KEY = 'a-secret-legacy-key-never-shown';

describe.each(HTTP_BACKENDS)('reference data and presets on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: { API_KEY: LEGACY_KEY } });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('serves the reference routes without a key', async () => {
    const base = '/api/v1/configurations/reference';
    const nationalities = await inject(t, { url: `${base}/nationalities/` });
    expect(nationalities.statusCode).toBe(200);
    const codes = nationalities.json().map((n: { code: string; name: string }) => n.code);
    expect(codes.slice(0, 32)).toEqual(NATO);
    expect(nationalities.json().every((n: { name: unknown }) => typeof n.name === 'string')).toBe(true);

    const conditions = await inject(t, { url: `${base}/condition-types/` });
    expect(conditions.json()).toEqual(['DISEASE', 'NON_BATTLE', 'BATTLE_TRAUMA']);
    const facilities = await inject(t, { url: `${base}/facility-types/` });
    expect(facilities.json().map((f: { id: string }) => f.id)).toEqual(['POI', 'R1', 'R2', 'R3', 'R4']);
    expect((await inject(t, { url: `${base}/static-fronts/` })).statusCode).toBe(200);
    expect((await inject(t, { url: `${base}/nationalities` })).statusCode).toBe(200);
  });

  it('never returns a secret key from /api/v1/config/frontend', async () => {
    const res = await inject(t, { url: '/api/v1/config/frontend' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['apiKey', 'appName', 'debug', 'registration', 'version']);
    expect(res.body).not.toContain(LEGACY_KEY);
    expect(res.body).not.toContain(key.headers['x-api-key']);
  });

  it('lists presets with total_count equal to their number, and filters by category', async () => {
    const res = await inject(t, { ...key, url: '/api/v1/presets' });
    const body = res.json();
    expect(body.total_count).toBe(body.presets.length);
    expect(body.presets.length).toBeGreaterThanOrEqual(8);
    for (const preset of body.presets) {
      expect(Object.keys(preset)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'description',
          'category',
          'difficulty',
          'total_patients',
          'duration_days',
        ]),
      );
    }
    const category = body.presets[0].category;
    const filtered = (await inject(t, { ...key, url: `/api/v1/presets?category=${category}` })).json();
    expect(filtered.total_count).toBe(filtered.presets.length);
    expect(filtered.presets.every((p: { category: string }) => p.category === category)).toBe(true);
    const categories = (await inject(t, { ...key, url: '/api/v1/presets/categories/list' })).json();
    expect(categories.total_categories).toBe(categories.categories.length);
  });

  it('answers 404 for an unknown preset, and presets need a key', async () => {
    const res = await inject(t, { ...key, url: '/api/v1/presets/x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe("Preset 'x' not found");
    expect((await inject(t, { url: '/api/v1/presets' })).statusCode).toBe(401);
  });

  it('generates from every preset’s generation_config, and every nationality generated is in the reference list', async () => {
    const reference = new Set(
      (await inject(t, { url: '/api/v1/configurations/reference/nationalities/' }))
        .json()
        .map((n: { code: string }) => n.code),
    );
    const { presets } = (await inject(t, { ...key, url: '/api/v1/presets' })).json();
    const created: string[] = [];
    for (const { id } of presets) {
      const detail = await inject(t, { ...key, url: `/api/v1/presets/${id}` });
      expect(detail.statusCode).toBe(200);
      const job = await createJob(t, key, {
        configuration: detail.json().generation_config,
        total_patients: 30,
      });
      created.push(job.job_id);
    }
    const seen = new Set<string>();
    for (const jobId of created) {
      const { job } = await waitForJob(t, key, jobId);
      expect(job.status, `${job.config.preset_id}: ${job.error}`).toBe('completed');
      const page = (await inject(t, { ...key, url: `/api/v1/jobs/${jobId}/results?per_page=30` })).json();
      for (const patient of page.patients) seen.add(patient.nationality);
    }
    expect([...seen].filter((code) => !reference.has(code))).toEqual([]);
  });

  it('lets the demo key take the default preset within its limit', async () => {
    const { presets } = (await inject(t, { headers: DEMO, url: '/api/v1/presets' })).json();
    const detail = (await inject(t, { headers: DEMO, url: `/api/v1/presets/${presets[0].id}` })).json();
    const res = await inject(t, {
      headers: DEMO,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: detail.generation_config, total_patients: 5 },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});
