/**
 * Unknown keys are not errors (the earlier service ignored them, and its clients send some), but a
 * typo such as `total_patiens` would otherwise run the defaults in silence. These functions name each
 * unknown key, with the nearest known key when one is close enough to be the likely intent.
 */
import { closest, distance } from 'fastest-levenshtein';
import { innerConfiguration } from './parse-scenario.js';
import { isRecord } from './parse-helpers.js';

/** Every top-level key `parseScenario` reads, aliases included. */
const CONFIGURATION_KEYS = [
  'name',
  'description',
  'total_patients',
  'count',
  'injury_mix',
  'injury_distribution',
  'front_configs',
  'facility_configs',
  'days_of_fighting',
  'duration_days',
  'base_date',
  'warfare_types',
  'warfare_type',
  'intensity',
  'tempo',
  'special_events',
  'environmental_conditions',
  'casualty_profile',
  'triage_override',
  'preset_id',
];

/**
 * Keys that clients send and that have no effect, accepted without a warning: the web page's
 * `medical_simulation`, `advanced_overrides` and `evacuation_config`, the fields of a preset's
 * `generation_config`, and the fields of a stored configuration read back and posted again.
 */
const TOLERATED_CONFIGURATION_KEYS = [
  'medical_simulation',
  'advanced_overrides',
  'evacuation_config',
  'output_formats',
  'preset_name',
  'id',
  'version',
  'created_at',
  'updated_at',
  'parent_config_id',
];

/** The fields of `POST /api/v1/generation/` itself. */
const GENERATION_REQUEST_KEYS = [
  'configuration_id',
  'configuration',
  'total_patients',
  'output_formats',
  'use_compression',
  'use_encryption',
  'encryption_password',
  'priority',
  'seed',
];

/** A suggestion only when the typo is small next to the word: at most a third of it, and 3 edits. */
function suggestion(key: string, known: readonly string[]): string | undefined {
  const nearest = closest(key.toLowerCase(), known as string[]);
  const edits = distance(key.toLowerCase(), nearest);
  return edits <= Math.min(3, Math.ceil(nearest.length / 3)) ? nearest : undefined;
}

/** One warning per key of `object` that is neither known nor tolerated; `where` names the object. */
export function unknownKeyWarnings(
  object: Record<string, unknown>,
  known: readonly string[],
  tolerated: readonly string[],
  where: string,
): string[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key) && !tolerated.includes(key))
    .map((key) => {
      const near = suggestion(key, known);
      const hint = near ? `; did you mean '${near}'?` : '';
      return `Unknown key '${key}' in ${where} was ignored${hint}`;
    });
}

/** Warnings for the unknown keys of a configuration (the inner one when it nests `configuration`). */
export function configurationWarnings(raw: unknown, where = 'configuration'): string[] {
  const cfg = innerConfiguration(raw);
  if (!isRecord(cfg)) return [];
  const nested = isRecord(raw) && cfg !== raw;
  return unknownKeyWarnings(
    cfg,
    CONFIGURATION_KEYS,
    TOLERATED_CONFIGURATION_KEYS,
    nested ? `${where}.configuration` : where,
  );
}

/** Warnings for a `POST /api/v1/generation/` body: its own unknown fields, then its configuration's. */
export function generationRequestWarnings(body: Record<string, unknown>): string[] {
  const own = unknownKeyWarnings(body, GENERATION_REQUEST_KEYS, [], 'the request');
  return body.configuration === undefined ? own : [...own, ...configurationWarnings(body.configuration)];
}
