/**
 * The default scenario ("OIF/OEF-like major combat", casualty-figures.md) and the static reference
 * data served by the reference routes.
 */
import type { Facility, FrontConfig, InjuryType, Scenario } from './types.js';

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
}));

/** Patients generated when neither the request nor the configuration gives a count (original rule). */
export const DEFAULT_PATIENT_COUNT = 10;

export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  name: 'Generated Configuration',
  total_patients: DEFAULT_PATIENT_COUNT,
  // BI 37 % (Zouris 2008, OIF major-combat phase 36.6 % WIA); DNBI 63 % split Disease 38 / NBI 25,
  // an assumption flagged in casualty-figures.md.
  injury_mix: { DISEASE: 0.38, NON_BATTLE: 0.25, BATTLE_TRAUMA: 0.37 },
  fronts: [...DEFAULT_FRONTS],
  facility_rates: [],
  // Temporal defaults of the original service (original-generator.md §9).
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
