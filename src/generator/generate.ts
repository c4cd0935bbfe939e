/** Entry points for generation: the patient stream and the patient-count rule. */
import { planRange } from './casualty-plan.js';
import { dnbiTables } from './conditions.js';
import { DEFAULT_PATIENT_COUNT } from './defaults.js';
import { isRecord } from './parse-helpers.js';
import { innerConfiguration } from './parse-scenario.js';
import { buildPatient, type PatientContext, tierWeightsFor } from './patient.js';
import type { Patient, Scenario } from './types.js';

export interface GenerateOptions {
  seed: string;
  /** Total patients in the scenario; the casualty plan depends on it. */
  count: number;
  /** First index to yield (inclusive), default 0. */
  start?: number;
  /** Index to stop before, default `count`. */
  end?: number;
}

/**
 * Streams patients `start..end-1` of a `count`-patient run. Patient `i` is identical whichever range or
 * worker produces it. Throws RangeError for a bad range.
 */
export function* generatePatients(scenario: Scenario, opts: GenerateOptions): Generator<Patient> {
  const { seed, count } = opts;
  const start = opts.start ?? 0;
  const end = opts.end ?? count;
  if (!Number.isInteger(count) || count < 0 || start < 0 || end > count || start > end) {
    throw new RangeError(`bad range [${start}, ${end}) for ${count} patients`);
  }
  const ctx: PatientContext = {
    seed,
    scenario,
    baseMs: Date.parse(`${scenario.base_date}T00:00:00Z`),
    nationWeights: scenario.fronts.map((f) => f.nations.map((n) => n.weight)),
    tierWeights: tierWeightsFor(scenario),
    dnbiTables: dnbiTables(scenario),
  };
  for (const { firstIndex, plan } of planRange(seed, scenario, count, start, end)) {
    const last = Math.min(end, firstIndex + plan.casualties);
    for (let index = Math.max(start, firstIndex); index < last; index++) {
      yield buildPatient(ctx, index, plan.day, plan.slot(index - firstIndex));
    }
  }
}

/**
 * The number of patients a job will generate: request `total_patients` > configuration `total_patients`
 * > configuration `count` > 10. Non-integer or non-positive values are skipped (parseScenario reports them).
 */
export function effectivePatientCount(
  requestTotal: number | undefined | null,
  rawConfiguration: unknown,
): number {
  const valid = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
  if (valid(requestTotal)) return requestTotal;
  const cfg = innerConfiguration(rawConfiguration);
  if (isRecord(cfg)) {
    if (valid(cfg.total_patients)) return cfg.total_patients;
    if (valid(cfg.count)) return cfg.count;
  }
  return DEFAULT_PATIENT_COUNT;
}
