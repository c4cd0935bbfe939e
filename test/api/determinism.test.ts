import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, downloadZip, inject, personalKey, runJob } from './helpers.js';

const CONFIGURATION = {
  name: 'Determinism',
  injury_mix: { Disease: 0.3, 'Non-Battle Injury': 0.2, 'Battle Injury': 0.5 },
  front_configs: [
    {
      id: 'n',
      name: 'North',
      casualty_rate: 1,
      nationality_distribution: [{ nationality_code: 'NOR', percentage: 100 }],
    },
  ],
};

describe.each(HTTP_BACKENDS)('determinism over the API on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('gives byte-identical patients.json for the same configuration and seed', async () => {
    const payload = {
      configuration: CONFIGURATION,
      total_patients: 25,
      seed: 'exercise-2026',
      output_formats: ['json', 'csv'],
    };
    const first = await runJob(t, key, payload);
    t.clock.advance(3 * 86_400_000); // another day changes nothing
    const second = await runJob(t, key, payload);
    expect(first.created.seed).toBe('exercise-2026');
    expect(second.job.seed).toBe('exercise-2026');
    const a = await downloadZip(t, key, first.created.job_id);
    const b = await downloadZip(t, key, second.created.job_id);
    expect(a['patients.json']!.equals(b['patients.json']!)).toBe(true);
    expect(a['patients.csv']!.equals(b['patients.csv']!)).toBe(true);

    const other = await runJob(t, key, { ...payload, seed: 'exercise-2027' });
    const c = await downloadZip(t, key, other.created.job_id);
    expect(c['patients.json']!.equals(a['patients.json']!)).toBe(false);
  });

  it('treats an integer seed like its string form', async () => {
    const n = await runJob(t, key, { configuration: CONFIGURATION, total_patients: 5, seed: 42 });
    const s = await runJob(t, key, { configuration: CONFIGURATION, total_patients: 5, seed: '42' });
    const a = await downloadZip(t, key, n.created.job_id);
    const b = await downloadZip(t, key, s.created.job_id);
    expect(a['patients.json']!.equals(b['patients.json']!)).toBe(true);
  });

  it('reports a random seed back when none was sent, and it reproduces the job', async () => {
    const first = await runJob(t, key, { configuration: CONFIGURATION, total_patients: 5 });
    expect(first.created.seed).toMatch(/\S/);
    expect(first.job.seed).toBe(first.created.seed);
    const other = await runJob(t, key, { configuration: CONFIGURATION, total_patients: 5 });
    expect(other.created.seed).not.toBe(first.created.seed);
    const replay = await runJob(t, key, {
      configuration: CONFIGURATION,
      total_patients: 5,
      seed: first.created.seed,
    });
    const a = await downloadZip(t, key, first.created.job_id);
    const b = await downloadZip(t, key, replay.created.job_id);
    expect(a['patients.json']!.equals(b['patients.json']!)).toBe(true);
  });

  it('streams the same patients as a job with the same seed', async () => {
    const job = await runJob(t, key, { configuration: CONFIGURATION, total_patients: 4, seed: 'same' });
    const streamed = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/streaming/generate?seed=same',
      payload: { ...CONFIGURATION, count: 4 },
    });
    const fromZip = JSON.parse((await downloadZip(t, key, job.created.job_id))['patients.json']!.toString());
    expect(streamed.json().patients).toEqual(fromZip);
  });
});
