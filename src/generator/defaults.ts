/**
 * The default scenario ("OIF/OEF-like major combat", sources in docs/casualty-model.md) and the static reference
 * data served by the reference routes.
 */
import type { Facility, FrontConfig, InjuryType, Intensity, Scenario } from './types.js';

export const CONDITION_TYPES: readonly InjuryType[] = ['DISEASE', 'NON_BATTLE', 'BATTLE_TRAUMA'];

/**
 * `id` is the earlier service's (`R1`); `patient_facility_id` is how patients name the same facility
 * (`last_facility`, `movement_timeline[].facility`), the ids the timeline viewer reads. Both are kept:
 * clients of either read on unchanged, and the pair maps one vocabulary onto the other.
 */
export const FACILITY_TYPES: readonly { id: string; name: string; patient_facility_id: Facility }[] = [
  { id: 'POI', name: 'Point of Injury', patient_facility_id: 'POI' },
  { id: 'R1', name: 'Role 1', patient_facility_id: 'Role1' },
  { id: 'R2', name: 'Role 2', patient_facility_id: 'Role2' },
  { id: 'R3', name: 'Role 3', patient_facility_id: 'Role3' },
  { id: 'R4', name: 'Role 4', patient_facility_id: 'Role4' },
];

export const FACILITIES: readonly Facility[] = ['POI', 'Role1', 'Role2', 'Role3', 'Role4'];

/** The three fronts used when a configuration has none (same as the web UI's defaults). */
export const STATIC_FRONTS: readonly {
  name: string;
  ratio: number;
  nations: { nationality_code: string; percentage: number }[];
}[] = [
  {
    name: 'Poland',
    ratio: 0.6,
    nations: [
      { nationality_code: 'POL', percentage: 50 },
      { nationality_code: 'LTU', percentage: 25 },
      { nationality_code: 'NLD', percentage: 20 },
      { nationality_code: 'ESP', percentage: 5 },
    ],
  },
  {
    name: 'Estonia',
    ratio: 0.3,
    nations: [
      { nationality_code: 'EST', percentage: 50 },
      { nationality_code: 'GBR', percentage: 50 },
    ],
  },
  {
    name: 'Finland',
    ratio: 0.1,
    nations: [
      { nationality_code: 'FIN', percentage: 50 },
      { nationality_code: 'USA', percentage: 50 },
    ],
  },
];

export const DEFAULT_FRONTS: readonly FrontConfig[] = STATIC_FRONTS.map((f) => ({
  id: f.name.toLowerCase(),
  name: f.name,
  casualty_rate: f.ratio,
  nations: f.nations.map((n) => ({ code: n.nationality_code, weight: n.percentage })),
  domain: 'land',
}));

/** Patients generated when neither the request nor the configuration gives a count (original rule). */
export const DEFAULT_PATIENT_COUNT = 10;

/**
 * The injury mix when a configuration gives none: the share of **all patients** (every casualty that
 * enters the medical chain, sick call included) by intensity. Calibrated so that battle injuries are
 * 36.6 % of Role 2/3 admissions at high intensity (OIF major combat) and 23.6 % at low and medium
 * (stability phase; Zouris 2008), which makes DNBI outnumber battle injuries about 5 : 1 among all
 * patients at high intensity (MSMR 2012). Extreme is LSCO-like, an assumption. DNBI splits disease 60 /
 * non-battle injury 40 (the 38/25 split in docs/casualty-model.md, an assumption).
 */
export const INTENSITY_MIX: Readonly<Record<Intensity, Record<InjuryType, number>>> = {
  low: dnbiSplit(0.05),
  medium: dnbiSplit(0.08),
  high: dnbiSplit(0.14),
  extreme: dnbiSplit(0.28),
};

function dnbiSplit(battle: number): Record<InjuryType, number> {
  const dnbi = 1 - battle;
  return { DISEASE: dnbi * 0.6, NON_BATTLE: dnbi * 0.4, BATTLE_TRAUMA: battle };
}

export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  name: 'Generated Configuration',
  total_patients: DEFAULT_PATIENT_COUNT,
  injury_mix: INTENSITY_MIX.high,
  fronts: [...DEFAULT_FRONTS],
  facility_rates: [],
  // Temporal defaults of the earlier Python service, kept for its clients.
  days_of_fighting: 8,
  base_date: '2025-06-01',
  warfare_types: ['conventional', 'artillery', 'drone'],
  intensity: 'high',
  tempo: 'sustained',
  special_events: { major_offensive: false, ambush: false, mass_casualty: true },
  environmental_conditions: ['night_operations'],
  // Outcome and evacuation tables: outcome-tables.ts (OIF/OEF sources named there).
  casualty_profile: 'oif_oef',
  triage_override: {},
} satisfies Scenario);
