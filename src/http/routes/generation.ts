import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { generationRequestWarnings } from '../../generator/index.js';
import type { ConfigurationRepository, JobService } from '../../jobs/index.js';
import type { OutputFormat } from '../../output/index.js';
import { validationFailed } from '../errors.js';
import { creatorOf, requireGenerate } from '../owner.js';
import { loadStoredConfiguration, resolveScenario } from '../scenario-input.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';
import { GenerationRequest, GenerationResponse } from '../schemas/generation.js';

export interface GenerationDeps {
  jobs: JobService;
  configurations: ConfigurationRepository;
  maxPatientsPerJob: number;
}

type Body = Static<typeof GenerationRequest>;

/** `POST /api/v1/generation/`: validates, applies the key's limits, and queues a job. */
export function generationRoutes(deps: GenerationDeps) {
  return async function generationRoutesPlugin(app: FastifyInstance) {
    app.post<{ Body: Body }>(
      '/api/v1/generation/',
      {
        schema: {
          tags: ['generation'],
          summary: 'Create a patient generation job',
          security: KEY_SECURITY,
          body: GenerationRequest,
          response: { 201: GenerationResponse, ...errorResponses(400, 404, 413, 422, ...PROTECTED_ERRORS) },
        },
      },
      async (request, reply) => {
        requireGenerate(request);
        const body = request.body;
        checkExclusiveFields(body);
        const raw = body.configuration_id
          ? await loadStoredConfiguration(deps.configurations, request, body.configuration_id)
          : (body.configuration as Record<string, unknown>);
        const {
          scenario,
          count,
          raw: effective,
        } = resolveScenario(request, raw, body.total_patients, deps.maxPatientsPerJob);
        const formats = [...new Set(body.output_formats ?? ['json'])] as OutputFormat[];
        const password = body.use_encryption ? (body.encryption_password ?? undefined) : undefined;
        const seed = body.seed === undefined ? randomBytes(8).toString('hex') : String(body.seed);
        const job = await deps.jobs.create({
          owner: creatorOf(request),
          scenario,
          config: echoedConfig(body, effective, formats, count),
          seed,
          count,
          formats,
          compress: body.use_compression ?? false,
          password,
          priority: (body.priority ?? 'normal') as 'low' | 'normal' | 'high',
        });
        return reply.status(201).send({
          job_id: job.id,
          status: job.status,
          message: `Patient generation job '${job.id}' created successfully`,
          estimated_duration: deps.jobs.speed.estimateSeconds(
            count,
            formats.length,
            job.useCompression,
            job.useEncryption,
          ),
          // An encrypted job's seed is never shown: with the configuration it would regenerate the patients.
          seed: job.useEncryption ? null : seed,
          total_patients: count,
          warnings: generationRequestWarnings(body),
        });
      },
    );
  };
}

function checkExclusiveFields(body: Body): void {
  const hasId = Boolean(body.configuration_id);
  const hasInline = body.configuration !== undefined && body.configuration !== null;
  if (!hasId && !hasInline) {
    throw validationFailed([
      { loc: [], msg: 'Either configuration_id or configuration must be provided', type: 'value_error' },
    ]);
  }
  if (hasId && hasInline) {
    throw validationFailed([
      { loc: [], msg: 'Provide either configuration_id or configuration, not both', type: 'value_error' },
    ]);
  }
  if (body.use_encryption && !body.encryption_password) {
    throw validationFailed([
      {
        loc: ['encryption_password'],
        msg: 'encryption_password is required when use_encryption is true',
        type: 'value_error',
      },
    ]);
  }
  // A password sent without use_encryption would be silently ignored and the files left in the clear.
  if (!body.use_encryption && typeof body.encryption_password === 'string') {
    throw validationFailed([
      {
        loc: ['encryption_password'],
        msg: 'encryption_password is only allowed with use_encryption=true; the files would not be encrypted',
        type: 'value_error',
      },
    ]);
  }
}

/** The job's `config`: the configuration merged with the generation flags, never the password. */
function echoedConfig(body: Body, raw: Record<string, unknown>, formats: string[], count: number) {
  const { encryption_password: _password, ...flags } = body;
  return {
    ...(body.configuration_id ? { configuration_id: body.configuration_id } : raw),
    ...flags,
    configuration: undefined,
    total_patients: count,
    output_formats: formats,
    use_compression: body.use_compression ?? false,
    use_encryption: body.use_encryption ?? false,
    encryption_password: null,
    priority: body.priority ?? 'normal',
  };
}
