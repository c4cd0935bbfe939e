import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { generationRequestWarnings } from '../../generator/index.js';
import type { GenerationService, JobPriority, JobService } from '../../jobs/index.js';
import type { OutputFormat } from '../../output/index.js';
import { validationFailed } from '../errors.js';
import type { TakeDailyQuota } from '../plugins/auth.js';
import { requesterOf, requireGenerate } from '../owner.js';
import { scenarioRefusalError } from '../scenario-refusal.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';
import { GenerationRequest, GenerationResponse } from '../schemas/generation.js';

export interface GenerationDeps {
  generation: GenerationService;
  jobs: Pick<JobService, 'speed'>;
  takeDailyQuota: TakeDailyQuota;
}

type Body = Static<typeof GenerationRequest>;

/** `POST /api/v1/generation/`: checks the request's shape, submits it, and answers with the job. */
export function generationRoutes(deps: GenerationDeps) {
  return async function generationRoutesPlugin(app: FastifyInstance) {
    app.post<{ Body: Body }>(
      '/api/v1/generation/',
      {
        config: { dailyQuota: 'in-handler' },
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
        const order = toOrder(request.body);
        const requester = requesterOf(request);
        const resolved = await deps.generation.resolve(order.source, order.totalPatients, requester);
        if (!resolved.ok) throw scenarioRefusalError(resolved.refusal);
        // Only a request known valid and within its patient limit takes daily quota.
        await deps.takeDailyQuota(request, reply);
        const { job, seed, count, formats } = await deps.generation.queue(order, resolved.value, requester);
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
          warnings: generationRequestWarnings(request.body),
        });
      },
    );
  };
}

/** The request as an order for the generation service; refuses field combinations the schema cannot. */
function toOrder(body: Body) {
  checkExclusiveFields(body);
  return {
    source: body.configuration_id
      ? { configurationId: body.configuration_id }
      : { configuration: body.configuration as Record<string, unknown> },
    totalPatients: body.total_patients,
    formats: (body.output_formats ?? ['json']) as OutputFormat[],
    compress: body.use_compression ?? false,
    password: body.use_encryption ? (body.encryption_password ?? undefined) : undefined,
    seed: body.seed === undefined ? undefined : String(body.seed),
    priority: (body.priority ?? 'normal') as JobPriority,
    request: body as Record<string, unknown>,
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
