import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, DEMO, inject, personalKey, ROOMY_DEMO_ENV, runJob } from './helpers.js';

/** The earlier SDK's own example: fronts without `id`, facilities with `died_rate`, percentages. */
const SDK_EXAMPLE = {
  name: 'SDK Example Scenario',
  description: 'Created by the SDK example',
  total_patients: 50,
  injury_distribution: { Disease: 60, 'Non-Battle Injury': 25, 'Battle Injury': 15 },
  front_configs: [
    {
      name: 'Northern Front',
      casualty_rate: 0.6,
      nationality_distribution: [
        { nationality_code: 'USA', percentage: 60 },
        { nationality_code: 'GBR', percentage: 40 },
      ],
    },
    {
      name: 'Southern Front',
      casualty_rate: 0.4,
      nationality_distribution: [{ nationality_code: 'DEU', percentage: 100 }],
    },
  ],
  facility_configs: [
    { id: 'r1', name: 'Role 1', died_rate: 0.02, rtd_rate: 0.3 },
    { id: 'r2', name: 'Role 2', died_rate: 0.01, rtd_rate: 0.4 },
  ],
};

/** The web page's generation body (as the earlier service's page sends it), with its temporal keys and extras. */
function webUiBody(total: number) {
  const fronts = [
    {
      id: 'poland',
      name: 'Poland Front',
      casualty_rate: 0.6,
      nationality_distribution: [
        ['POL', 50],
        ['LTU', 25],
        ['NLD', 20],
        ['ESP', 5],
      ],
    },
    {
      id: 'estonia',
      name: 'Estonia Front',
      casualty_rate: 0.3,
      nationality_distribution: [
        ['EST', 50],
        ['GBR', 50],
      ],
    },
    {
      id: 'finland',
      name: 'Finland Front',
      casualty_rate: 0.1,
      nationality_distribution: [
        ['FIN', 50],
        ['USA', 50],
      ],
    },
  ].map((f) => ({
    ...f,
    nationality_distribution: f.nationality_distribution.map(([code, pct]) => ({
      nationality_code: code,
      percentage: pct,
    })),
  }));
  return {
    configuration: {
      name: 'Patient Generation 1/15/2026',
      description: 'Generated from the web interface',
      total_patients: total,
      days_of_fighting: 8,
      base_date: '2025-06-01',
      injury_mix: { Disease: 0.52, 'Non-Battle Injury': 0.33, 'Battle Injury': 0.15 },
      warfare_types: {
        conventional: true,
        artillery: true,
        urban: false,
        guerrilla: false,
        drone: true,
        naval: false,
        cbrn: false,
        peacekeeping: false,
      },
      intensity: 'high',
      tempo: 'sustained',
      special_events: { major_offensive: false, ambush: true, mass_casualty: true },
      environmental_conditions: {
        night_operations: true,
        extreme_weather: true,
        mountainous_terrain: false,
        urban_environment: true,
      },
      front_configs: fronts,
      facility_configs: fronts.map((f) => ({
        id: `role2_${f.id}`,
        name: `Role 2 ${f.name}`,
        capacity: Math.round(1000 * f.casualty_rate),
        kia_rate: 0.05,
        rtd_rate: 0.85,
        role: 'Role2',
        front_id: f.id,
      })),
      medical_simulation: {
        enabled: true,
        use_markov_chain: true,
        track_deterioration: true,
        enable_treatment_utility: false,
      },
      advanced_overrides: { triage_mode: 'default', custom_rates: null },
    },
    output_formats: ['json', 'csv'],
  };
}

describe.each(HTTP_BACKENDS)('tolerance of earlier clients on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend, env: ROOMY_DEMO_ENV });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('stores the SDK example configuration that the earlier service refused', async () => {
    const res = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: SDK_EXAMPLE,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'SDK Example Scenario', version: 1 });
    const validated = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/validate/',
      payload: SDK_EXAMPLE,
    });
    expect(validated.json()).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('generates from the SDK example configuration inline and by id', async () => {
    const inline = await runJob(t, key, { configuration: SDK_EXAMPLE, total_patients: 6 });
    expect(inline.job.summary.total_patients).toBe(6);
    const stored = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/configurations/',
      payload: SDK_EXAMPLE,
    });
    const byId = await runJob(t, key, { configuration_id: stored.json().id, total_patients: 4 });
    expect(byId.job.summary.total_patients).toBe(4);
  });

  it('accepts the web page’s body with its temporal keys and extras, and the job completes', async () => {
    const { job } = await runJob(t, { headers: DEMO }, webUiBody(60));
    expect(job.summary.total_patients).toBe(60);
    expect(job.config.medical_simulation).toBeDefined();
  });

  it('answers the job list at /api/v1/jobs and /api/v1/jobs/', async () => {
    const bare = await inject(t, { ...key, url: '/api/v1/jobs' });
    const slash = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(bare.statusCode).toBe(200);
    expect(slash.statusCode).toBe(200);
    expect(bare.json().map((j: { job_id: string }) => j.job_id)).toEqual(
      slash.json().map((j: { job_id: string }) => j.job_id),
    );
    expect(slash.json().length).toBeGreaterThanOrEqual(2);
  });
});
