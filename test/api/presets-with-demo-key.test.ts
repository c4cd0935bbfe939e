import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../src/generator/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { DEMO, downloadZip, inject, ROOMY_DEMO_ENV, runJob } from './helpers.js';

const demo = { headers: DEMO, remoteAddress: '10.9.0.1' };

describe('presets with the demo key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: ROOMY_DEMO_ENV });
  });
  afterAll(() => t.close());

  it.each(PRESET_IDS)('runs preset %s by its id, with fewer patients, to downloaded patients', async (id) => {
    const { job } = await runJob(t, demo, { configuration: { preset_id: id, total_patients: 3 } });
    expect(job.total_patients).toBe(3);
    const patients = JSON.parse(String((await downloadZip(t, demo, job.job_id))['patients.json']));
    expect(patients).toHaveLength(3);
  });

  it('uses the preset, not the default scenario: its fronts and its name', async () => {
    const preset = (await inject(t, { ...demo, url: '/api/v1/presets/nato_article_5' })).json();
    const { job } = await runJob(t, demo, {
      configuration: { preset_id: 'nato_article_5', total_patients: 20 },
    });
    const fronts = preset.preset.fronts.map((f: { name: string }) => f.name);
    expect(Object.keys(job.summary.by_front).every((f) => fronts.includes(f))).toBe(true);
    expect(job.config.name).toBe(preset.preset.name);
  });

  it('refuses a preset over the limit with the way to ask for fewer', async () => {
    const res = await inject(t, {
      ...demo,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { preset_id: 'nato_article_5' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      'Requested 2500 patients exceeds limit of 500; set configuration.total_patients to 500 or fewer',
    );
  });

  it('answers 422 naming an unknown preset_id and listing the known ones, on generate and validate', async () => {
    const configuration = { preset_id: 'cbrn_incidnet', total_patients: 5 };
    const res = await inject(t, {
      ...demo,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].loc).toEqual(['configuration', 'preset_id']);
    expect(res.json().detail).toContain('Unknown preset "cbrn_incidnet"; the presets are: nato_article_5');
    const validated = await inject(t, {
      ...demo,
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: configuration,
    });
    expect(validated.json().valid).toBe(false);
    expect(validated.json().errors[0]).toContain('Unknown preset "cbrn_incidnet"');
  });

  it('validates a preset with overrides as valid', async () => {
    const res = await inject(t, {
      ...demo,
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: { configuration: { preset_id: 'cbrn_incident', total_patients: 300 } },
    });
    expect(res.json()).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it("lists which presets fit the caller's patient limit", async () => {
    const body = (await inject(t, { ...demo, url: '/api/v1/presets' })).json();
    expect(body.max_patients_for_key).toBe(500);
    for (const preset of body.presets) expect(preset.fits_your_limit).toBe(preset.total_patients <= 500);
    expect(body.presets.some((p: { fits_your_limit: boolean }) => p.fits_your_limit)).toBe(true);
    expect(body.presets.some((p: { fits_your_limit: boolean }) => !p.fits_your_limit)).toBe(true);
  });
});
