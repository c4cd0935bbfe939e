import type { FastifyRequest } from 'fastify';
import { effectivePatientCount, expandPreset, parseScenario, type Scenario } from '../generator/index.js';
import type { ConfigurationRepository } from '../jobs/index.js';
import { checkPatientLimit } from '../keys/index.js';
import { AppError, type FieldError, notFound, validationFailed } from './errors.js';
import { keyOf, readerOf } from './owner.js';

export interface ResolvedScenario {
  scenario: Scenario;
  raw: Record<string, unknown>;
  count: number;
}

/** Loads a stored configuration the caller may see, or 404. */
export async function loadStoredConfiguration(
  configurations: ConfigurationRepository,
  request: FastifyRequest,
  id: string,
): Promise<Record<string, unknown>> {
  const row = await configurations.get(id, readerOf(request));
  if (!row) throw notFound(`Configuration ${id} not found`);
  return { ...row.body, name: row.name };
}

/**
 * Validates a scenario and works out how many patients it will generate, then
 * applies the key's patient limit to that effective count. Every path that
 * generates patients goes through here, so no path can dodge the limit.
 */
export function resolveScenario(
  request: FastifyRequest,
  raw: Record<string, unknown>,
  requestedTotal: number | null | undefined,
  maxPerJob: number,
  locPrefix: (string | number)[] = ['configuration'],
): ResolvedScenario {
  // A preset's own count counts, unless the configuration sets one.
  const expanded = expandPreset(raw) as Record<string, unknown>;
  const parsed = parseScenario(expanded);
  if (!parsed.ok) {
    throw validationFailed(parsed.errors.map((e: FieldError) => ({ ...e, loc: [...locPrefix, ...e.loc] })));
  }
  const count = effectivePatientCount(requestedTotal, expanded);
  if (count > maxPerJob) {
    throw validationFailed([
      {
        loc: ['total_patients'],
        msg: `Input should be less than or equal to ${maxPerJob}`,
        type: 'less_than_equal',
      },
    ]);
  }
  const refusal = checkPatientLimit(keyOf(request), count);
  if (refusal) throw new AppError(refusal.status, refusal.detail, refusal.headers);
  return { scenario: { ...parsed.scenario, total_patients: count }, raw: expanded, count };
}
