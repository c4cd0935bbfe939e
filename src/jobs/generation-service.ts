import { randomBytes } from 'node:crypto';
import type { ConfigurationRepository } from '../configurations/index.js';
import type { Owner } from '../db/index.js';
import {
  effectivePatientCount,
  expandPreset,
  type FieldError,
  parseScenario,
  type Scenario,
} from '../generator/index.js';
import { checkPatientLimit, type KeyContext, type Refusal } from '../keys/index.js';
import type { OutputFormat } from '../output/index.js';
import type { JobPriority, JobRow } from './job-repository.js';
import type { JobService } from './job-service.js';

/** Where a scenario comes from: a configuration the caller stored, or one sent with the request. */
export type ScenarioSource = { configurationId: string } | { configuration: Record<string, unknown> };

/** Why a scenario cannot be generated: values the HTTP edge turns into answers. */
export type ScenarioRefusal =
  | { kind: 'configuration-not-found'; id: string }
  | { kind: 'invalid-scenario'; errors: FieldError[] }
  | { kind: 'too-many-patients'; max: number }
  | { kind: 'patient-limit'; refusal: Refusal };

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: ScenarioRefusal };

/** Who asks: the key (for its limits), whose configurations it may read, and whom its jobs belong to. */
export interface Requester {
  key: KeyContext;
  reader: Owner;
  creator: Owner;
}

export interface ResolvedScenario {
  scenario: Scenario;
  /** The configuration as stored or sent (a stored one with its name). */
  raw: Record<string, unknown>;
  /** Patients to generate: the requested total, or the scenario's own. */
  count: number;
}

/** A generation request in domain terms; the HTTP edge has checked its shape. */
export interface GenerationOrder {
  source: ScenarioSource;
  totalPatients?: number | null;
  formats: readonly OutputFormat[];
  compress: boolean;
  /** Present when the files are to be encrypted. */
  password?: string;
  /** Generated at random when absent. */
  seed?: string;
  priority: JobPriority;
  /** The request as sent; echoed as the job's `config`, never with its password. */
  request: Record<string, unknown>;
}

export interface SubmittedJob {
  job: JobRow;
  seed: string;
  count: number;
  formats: OutputFormat[];
}

/**
 * Prepares and submits generation: finds the scenario, validates it, works out how many patients
 * it makes, applies the per-job cap and the key's patient limit, then queues a job. Every path
 * that generates patients (jobs and streams) resolves its scenario here, so none can dodge a limit.
 */
export class GenerationService {
  constructor(
    private readonly jobs: JobService,
    private readonly configurations: ConfigurationRepository,
    private readonly maxPatientsPerJob: number,
  ) {}

  /**
   * The scenario `source` names, validated and limited for the requester's key. `totalPatients`
   * overrides the scenario's own total. A stored configuration the requester may not read is not found.
   */
  async resolve(
    source: ScenarioSource,
    totalPatients: number | null | undefined,
    requester: Requester,
  ): Promise<Outcome<ResolvedScenario>> {
    let raw: Record<string, unknown>;
    if ('configurationId' in source) {
      const row = await this.configurations.get(source.configurationId, requester.reader);
      if (!row)
        return { ok: false, refusal: { kind: 'configuration-not-found', id: source.configurationId } };
      raw = { ...row.body, name: row.name };
    } else {
      raw = source.configuration;
    }
    // A preset's own count counts, unless the configuration sets one.
    raw = expandPreset(raw) as Record<string, unknown>;
    const parsed = parseScenario(raw);
    if (!parsed.ok) return { ok: false, refusal: { kind: 'invalid-scenario', errors: parsed.errors } };
    const count = effectivePatientCount(totalPatients, raw);
    if (count > this.maxPatientsPerJob) {
      return { ok: false, refusal: { kind: 'too-many-patients', max: this.maxPatientsPerJob } };
    }
    const refusal = checkPatientLimit(requester.key, count);
    if (refusal) return { ok: false, refusal: { kind: 'patient-limit', refusal } };
    return { ok: true, value: { scenario: { ...parsed.scenario, total_patients: count }, raw, count } };
  }

  /** Resolves the order's scenario and queues its job, owned by the requester's `creator`. */
  async submit(order: GenerationOrder, requester: Requester): Promise<Outcome<SubmittedJob>> {
    const resolved = await this.resolve(order.source, order.totalPatients, requester);
    if (!resolved.ok) return resolved;
    return { ok: true, value: await this.queue(order, resolved.value, requester) };
  }

  /**
   * Queues the job of an order whose scenario `resolve` accepted. Split from `submit` so that the
   * caller can take the daily quota between the two: only a valid request within its limits counts.
   */
  async queue(
    order: GenerationOrder,
    resolved: ResolvedScenario,
    requester: Requester,
  ): Promise<SubmittedJob> {
    const { scenario, raw, count } = resolved;
    const formats = [...new Set(order.formats)];
    const seed = order.seed ?? randomBytes(8).toString('hex');
    const job = await this.jobs.create({
      owner: requester.creator,
      scenario,
      config: echoedConfig(order, raw, formats, count),
      seed,
      count,
      formats,
      compress: order.compress,
      password: order.password,
      priority: order.priority,
    });
    return { job, seed, count, formats };
  }
}

/** The job's `config`: the configuration merged with the generation flags, never the password. */
function echoedConfig(
  order: GenerationOrder,
  raw: Record<string, unknown>,
  formats: string[],
  count: number,
) {
  const { encryption_password: _password, ...flags } = order.request;
  return {
    ...('configurationId' in order.source ? { configuration_id: order.source.configurationId } : raw),
    ...flags,
    configuration: undefined,
    total_patients: count,
    output_formats: formats,
    use_compression: order.compress,
    use_encryption: order.password !== undefined,
    encryption_password: null,
    priority: order.priority,
  };
}
