import { describe, expect, it } from 'vitest';
import {
  CONDITION_TYPES,
  effectivePatientCount,
  generatePatients,
  getPreset,
  listPresets,
  NATIONALITIES,
  PRESET_IDS,
  parseScenario,
  presetCategories,
} from '../../src/generator/index.js';

/** Shaped like the Python SDK's "SDK Example Scenario" (the earlier service's SDK example). */
const SDK_EXAMPLE = {
  name: 'SDK Example Scenario',
  description: 'Created by the SDK example',
  total_patients: 50,
  front_configs: [
    {
      name: 'North Front',
      casualty_rate: 0.6,
      nationality_distribution: [
        { nationality_code: 'USA', percentage: 70 },
        { nationality_code: 'GBR', percentage: 30 },
      ],
    },
    {
      name: 'South Front',
      casualty_rate: 0.4,
      nationality_distribution: [{ nationality_code: 'DEU', percentage: 100 }],
    },
  ],
  facility_configs: [
    { name: 'Role 1 Aid Station', capacity: 50, died_rate: 0.02, rtd_rate: 0.3 },
    { name: 'Role 2 Field Hospital', capacity: 100, died_rate: 0.03, rtd_rate: 0.4 },
  ],
  injury_distribution: { 'Battle Injury': 60, 'Non-Battle Injury': 25, Disease: 15 },
};

/** The web UI's generation body (as the earlier service's page sends it). */
const UI_BODY = {
  configuration: {
    name: 'Patient Generation 01/06/2025',
    description: 'Generated from the web interface',
    total_patients: 1440,
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
      extreme_weather: false,
      mountainous_terrain: false,
      urban_environment: false,
    },
    front_configs: [
      {
        id: 'poland',
        name: 'Poland Front',
        casualty_rate: 0.6,
        nationality_distribution: [
          { nationality_code: 'POL', percentage: 50 },
          { nationality_code: 'LTU', percentage: 25 },
          { nationality_code: 'NLD', percentage: 20 },
          { nationality_code: 'ESP', percentage: 5 },
        ],
      },
      {
        id: 'estonia',
        name: 'Estonia Front',
        casualty_rate: 0.3,
        nationality_distribution: [
          { nationality_code: 'EST', percentage: 50 },
          { nationality_code: 'GBR', percentage: 50 },
        ],
      },
      {
        id: 'finland',
        name: 'Finland Front',
        casualty_rate: 0.1,
        nationality_distribution: [
          { nationality_code: 'FIN', percentage: 50 },
          { nationality_code: 'USA', percentage: 50 },
        ],
      },
    ],
    facility_configs: [
      {
        id: 'role2_poland',
        name: 'Role 2 Poland',
        capacity: 600,
        kia_rate: 0.05,
        rtd_rate: 0.85,
        role: 'Role2',
        front_id: 'poland',
      },
      {
        id: 'role2_estonia',
        name: 'Role 2 Estonia',
        capacity: 300,
        kia_rate: 0.05,
        rtd_rate: 0.85,
        role: 'Role2',
        front_id: 'estonia',
      },
    ],
    medical_simulation: {
      use_markov_chain: true,
      enable_treatment_effects: true,
      enable_deterioration: true,
      enable_capacity_limits: false,
    },
    advanced_overrides: {},
  },
  output_formats: ['json', 'csv'],
};

const errorsOf = (raw: unknown) => {
  const r = parseScenario(raw);
  if (r.ok) throw new Error('expected rejection');
  return r.errors;
};

describe('parseScenario accepts what real clients send', () => {
  it('accepts the SDK example (fronts without id, died_rate, percentages)', () => {
    const r = parseScenario(SDK_EXAMPLE);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.fronts.map((f) => f.id)).toEqual(['front_0', 'front_1']);
    expect(r.scenario.injury_mix.BATTLE_TRAUMA).toBeCloseTo(0.6);
    expect(r.scenario.facility_rates).toEqual([
      { role: 'Role1', front_id: null, kia_rate: 0.02, rtd_rate: 0.3 },
      { role: 'Role2', front_id: null, kia_rate: 0.03, rtd_rate: 0.4 },
    ]);
  });

  it('reads the nested configuration of the web UI body, with its extra keys', () => {
    const r = parseScenario(UI_BODY);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.total_patients).toBe(1440);
    expect(r.scenario.warfare_types).toEqual(['conventional', 'artillery', 'drone']);
    expect(r.scenario.special_events).toEqual({ major_offensive: false, ambush: true, mass_casualty: true });
    expect(r.scenario.facility_rates.map((f) => f.front_id)).toEqual(['poland', 'estonia']);
    const patients = [...generatePatients(r.scenario, { seed: 'ui', count: 200 })];
    expect(patients).toHaveLength(200);
  });

  it('accepts the UI names extreme_weather and urban_environment when set', () => {
    const r = parseScenario({ environmental_conditions: { extreme_weather: true, urban_environment: true } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.environmental_conditions).toEqual(['storm', 'urban_debris']);
  });

  it('accepts every preset generation_config and generates from it', () => {
    expect(PRESET_IDS).toHaveLength(9);
    for (const id of PRESET_IDS) {
      const preset = getPreset(id);
      const r = parseScenario(preset?.generation_config);
      if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.errors)}`);
      expect(r.scenario.total_patients).toBe(preset?.generation_config.total_patients);
    }
  });

  it('lists presets with filters and categories', () => {
    expect(listPresets().total_count).toBe(9);
    expect(listPresets({ difficulty: 'low' }).presets.map((p) => p.id)).toEqual([
      'peacekeeping',
      'training_exercise',
    ]);
    expect(presetCategories().total_categories).toBe(8);
    expect(getPreset('nope')).toBeUndefined();
  });

  it('exposes the reference data', () => {
    expect(NATIONALITIES).toHaveLength(32);
    expect(NATIONALITIES[0]).toEqual({ code: 'ALB', name: 'Albania' });
    expect(CONDITION_TYPES).toEqual(['DISEASE', 'NON_BATTLE', 'BATTLE_TRAUMA']);
  });
});

describe('parseScenario rejects bad values with the field named', () => {
  const front = (code: string, pct = 100) => ({
    name: 'F',
    nationality_distribution: [{ nationality_code: code, percentage: pct }],
  });
  it.each([
    [
      'unknown nationality',
      { front_configs: [front('XXX')] },
      ['front_configs', 0, 'nationality_distribution', 0, 'nationality_code'],
    ],
    [
      'negative rate',
      { facility_configs: [{ name: 'Role 1', kia_rate: -0.1, rtd_rate: 0.2 }] },
      ['facility_configs', 0, 'kia_rate'],
    ],
    [
      'rate above 1',
      { facility_configs: [{ name: 'Role 1', kia_rate: 0.1, rtd_rate: 1.2 }] },
      ['facility_configs', 0, 'rtd_rate'],
    ],
    ['mix not summing to 1 or 100', { injury_mix: { Disease: 0.5, 'Battle Injury': 0.2 } }, ['injury_mix']],
    [
      'nations not summing to 100',
      { front_configs: [front('POL', 70)] },
      ['front_configs', 0, 'nationality_distribution'],
    ],
    ['non-numeric value', { injury_mix: { Disease: 'lots', 'Battle Injury': 1 } }, ['injury_mix', 'Disease']],
    ['bad date', { base_date: '2025-02-30' }, ['base_date']],
    ['unknown intensity', { intensity: 'brutal' }, ['intensity']],
    ['unknown tempo', { tempo: 'lazy' }, ['tempo']],
    ['zero patients', { total_patients: 0 }, ['total_patients']],
    ['string count', { count: '12' }, ['count']],
  ])('rejects %s', (_label, raw, loc) => {
    expect(errorsOf(raw).map((e) => e.loc)).toContainEqual(loc);
  });

  it('rejects a configuration that is not an object', () => {
    expect(errorsOf('hello')[0]?.loc).toEqual([]);
  });
});

describe('effectivePatientCount', () => {
  it('prefers request > configuration total_patients > count > 10', () => {
    expect(effectivePatientCount(7, { total_patients: 20, count: 30 })).toBe(7);
    expect(effectivePatientCount(null, { total_patients: 20, count: 30 })).toBe(20);
    expect(effectivePatientCount(undefined, { count: 30 })).toBe(30);
    expect(effectivePatientCount(undefined, { configuration: { total_patients: 40 } })).toBe(40);
    expect(effectivePatientCount(undefined, {})).toBe(10);
  });
});
