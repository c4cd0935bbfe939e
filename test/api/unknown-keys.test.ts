import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Client, inject, personalKey } from './helpers.js';

describe('unknown keys are reported as warnings, not ignored in silence', () => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  const generate = (payload: Record<string, unknown>) =>
    inject(t, { ...key, method: 'POST', url: '/api/v1/generation/', payload });
  const validate = (payload: Record<string, unknown>) =>
    inject(t, { ...key, method: 'POST', url: '/api/v1/configurations/validate/', payload });

  it('names each misspelt configuration key with the key it probably meant, when generating', async () => {
    const res = await generate({ configuration: { total_patiens: 5, days_of_figthing: 3 } });
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toEqual([
      "Unknown key 'total_patiens' in configuration was ignored; did you mean 'total_patients'?",
      "Unknown key 'days_of_figthing' in configuration was ignored; did you mean 'days_of_fighting'?",
    ]);
  });

  it('warns about a misspelt field of the request itself', async () => {
    const res = await generate({ configuration: { total_patients: 2 }, output_fromats: ['csv'] });
    expect(res.json().warnings).toEqual([
      "Unknown key 'output_fromats' in the request was ignored; did you mean 'output_formats'?",
    ]);
  });

  it('reports the same warnings from validate/, where the configuration is still valid', async () => {
    const res = await validate({ total_patiens: 50, days_of_figthing: 3 });
    expect(res.json()).toMatchObject({ valid: true, errors: [] });
    expect(res.json().warnings).toHaveLength(2);
    expect(res.json().warnings[0]).toContain("did you mean 'total_patients'?");
  });

  it('gives no suggestion for a key that resembles nothing', async () => {
    const res = await validate({ name: 'x', colour: 'green' });
    expect(res.json().warnings).toEqual(["Unknown key 'colour' in configuration was ignored"]);
  });

  it('stays quiet about the extra fields the earlier web page and SDK send, and a preset config', async () => {
    const webPage = {
      configuration: {
        name: 'Web page',
        total_patients: 2,
        medical_simulation: { enabled: true },
        advanced_overrides: {},
        evacuation_config: {},
      },
      output_formats: ['json'],
      use_compression: false,
      use_encryption: false,
      encryption_password: null,
      priority: 'normal',
    };
    expect((await generate(webPage)).json().warnings).toEqual([]);
    const preset = (await inject(t, { ...key, url: '/api/v1/presets/training_exercise' })).json();
    const res = await generate({ configuration: { ...preset.generation_config, total_patients: 2 } });
    expect(res.json().warnings).toEqual([]);
    expect((await validate({ name: 'ok', total_patients: 3 })).json().warnings).toEqual([]);
  });
});
