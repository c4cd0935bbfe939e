import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, downloadZip, inject, personalKey, runJob } from './helpers.js';

const TEMPLATE = {
  name: 'Baltic exercise',
  description: 'Two fronts',
  total_patients: 12,
  injury_distribution: { Disease: 0.5, 'Non-Battle Injury': 0.3, 'Battle Injury': 0.2 },
  front_configs: [
    {
      id: 'ee',
      name: 'Estonia',
      casualty_rate: 0.7,
      nationality_distribution: [{ nationality_code: 'EST', percentage: 100 }],
    },
    {
      id: 'lv',
      name: 'Latvia',
      casualty_rate: 0.3,
      nationality_distribution: [{ nationality_code: 'LVA', percentage: 100 }],
    },
  ],
  facility_configs: [{ id: 'r2', name: 'Role 2', kia_rate: 0.05, rtd_rate: 0.5 }],
};

describe.each(HTTP_BACKENDS)('stored configurations on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('creates, reads, lists, replaces and deletes a configuration', async () => {
    const created = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: TEMPLATE,
    });
    expect(created.statusCode, created.body).toBe(201);
    const stored = created.json();
    expect(stored).toMatchObject({ ...TEMPLATE, version: 1, parent_config_id: null });
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(stored.created_at)).not.toBeNaN();
    expect(Date.parse(stored.updated_at)).not.toBeNaN();

    const url = `/api/v1/configurations/${stored.id}`;
    expect((await inject(t, { ...key, url })).json()).toEqual(stored);
    const list = (await inject(t, { ...key, url: '/api/v1/configurations/' })).json();
    expect(list).toContainEqual(stored);

    t.clock.advance(60_000);
    const replaced = await inject(t, {
      ...key,
      method: 'PUT',
      url,
      payload: { ...TEMPLATE, name: 'Baltic v2', total_patients: 20 },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      id: stored.id,
      name: 'Baltic v2',
      total_patients: 20,
      version: 2,
    });
    expect(replaced.json().updated_at).not.toBe(stored.updated_at);
    expect(replaced.json().created_at).toBe(stored.created_at);

    const deleted = await inject(t, { ...key, method: 'DELETE', url });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await inject(t, { ...key, url });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().detail).toBe(`Configuration ${stored.id} not found`);
    expect((await inject(t, { ...key, method: 'DELETE', url })).statusCode).toBe(404);
    expect((await inject(t, { ...key, method: 'PUT', url, payload: TEMPLATE })).statusCode).toBe(404);
  });

  it('validates without storing: no fronts is {valid: false}, a good template is valid', async () => {
    const empty = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: { ...TEMPLATE, front_configs: [] },
    });
    expect(empty.statusCode).toBe(200);
    expect(empty.json().valid).toBe(false);
    expect(empty.json().errors).toEqual([
      expect.stringContaining('front_configs: At least one front configuration is required'),
    ]);
    const good = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: TEMPLATE,
    });
    expect(good.json()).toEqual({ valid: true, errors: [], warnings: [] });
    const bad = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: {
        ...TEMPLATE,
        injury_distribution: { Disease: 10, 'Non-Battle Injury': 10, 'Battle Injury': 10 },
      },
    });
    expect(bad.json().valid).toBe(false);
  });

  it('refuses a configuration the generator cannot use with 422', async () => {
    const res = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: { ...TEMPLATE, facility_configs: [{ id: 'r', name: 'R', kia_rate: 2, rtd_rate: 0.1 }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('facility_configs');
    expect(
      (await inject(t, { ...key, method: 'POST', url: '/api/v1/configurations/', payload: {} })).statusCode,
    ).toBe(422);
  });

  it('runs a job from a stored configuration with total_patients 3', async () => {
    const stored = (
      await inject(t, { ...key, method: 'POST', url: '/api/v1/configurations/', payload: TEMPLATE })
    ).json();
    const { created, job } = await runJob(t, key, { configuration_id: stored.id, total_patients: 3 });
    expect(job.summary.total_patients).toBe(3);
    expect(job.config.configuration_id).toBe(stored.id);
    const patients = JSON.parse((await downloadZip(t, key, created.job_id))['patients.json']!.toString());
    expect(patients).toHaveLength(3);
    expect(patients.every((p: { nationality: string }) => ['EST', 'LVA'].includes(p.nationality))).toBe(true);
    const unknown = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
