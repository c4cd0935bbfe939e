/**
 * Patient generator: pure and deterministic. Takes a validated Scenario and a seed, returns patient
 * records. Files here import only each other: no fs, http, db, clock, Math.random or process.env, so the
 * same (configuration, seed) gives the same bytes on any machine, date, time zone or worker split.
 */
export { EVENT_KINDS, type EventKind, MASS_CASUALTY_MIN } from './battle-events.js';
export { dayCounts, planDay } from './casualty-plan.js';
export { type CasualtyEvent, DayPlan } from './day-plan.js';
export { bodyPartFor, PROCEDURES } from './conditions.js';
export { DISEASE_CATALOG, type DnbiConcept, NON_BATTLE_CATALOG } from './dnbi-catalog.js';
export { lateDeathProbability, exsanguinationTime, bloodLossAt, type CareTimes } from './haemorrhage.js';
export {
  drawInjuries,
  injurySeverityScore,
  newInjurySeverityScore,
  WOUND_REGION_WEIGHTS,
  WOUND_REGIONS,
} from './injuries.js';
export { clinicalProfile, type ClinicalProfile, triageSort, vitalsAt } from './physiology.js';
export {
  CONDITION_TYPES,
  DEFAULT_FRONTS,
  DEFAULT_PATIENT_COUNT,
  DEFAULT_SCENARIO,
  FACILITIES,
  FACILITY_TYPES,
  STATIC_FRONTS,
} from './defaults.js';
export { effectivePatientCount, type GenerateOptions, generatePatients } from './generate.js';
export {
  ALL_NATIONALITIES,
  isKnownNationality,
  NATIONALITIES,
  type Nationality,
  PARTNER_NATIONALITIES,
} from './nations.js';
export { BASE_DATE_RANGE, MAX_NAME_LENGTH } from './parse-helpers.js';
export { innerConfiguration, type ParseResult, parseScenario } from './parse-scenario.js';
export { isoSeconds } from './patient.js';
export {
  getPreset,
  listPresets,
  expandPreset,
  PRESET_IDS,
  type PresetSummary,
  presetCategories,
} from './presets.js';
export { type PatientSummary, SummaryAccumulator } from './summary.js';
export { configurationWarnings, generationRequestWarnings } from './unknown-keys.js';
export type * from './types.js';
