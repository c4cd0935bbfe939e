import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Scenario } from '../../generator/index.js';
import type { GenerationService, PatientStreams } from '../../jobs/index.js';
import { AppError, appError, validationFailed } from '../errors.js';
import { keyOf, requesterOf, requireGenerate } from '../owner.js';
import type { TakeDailyQuota } from '../plugins/auth.js';
import { scenarioRefusalError } from '../scenario-refusal.js';
import { errorResponses, KEY_SECURITY as security, PROTECTED_ERRORS } from '../schemas/common.js';
import { SeedText } from '../schemas/input.js';

const StreamedPatients = {
  description:
    'Streamed JSON: `{"patients": [...], "total_patients": N, "seed": "..."}`; headers X-Patient-Count, X-Batch-Size, X-Seed',
  type: 'object',
  additionalProperties: true,
  examples: [
    {
      patients: [{ id: 0, nationality: 'POL', triage_category: 'T3', final_status: 'RTD' }],
      total_patients: 1,
      seed: 'a1b2c3',
    },
  ],
};

export interface StreamingDeps {
  generation: GenerationService;
  streams: PatientStreams;
  takeDailyQuota: TakeDailyQuota;
}

const BatchSize = Type.Integer({ minimum: 1, maximum: 1000, default: 100 });

/**
 * `GET|POST /api/v1/streaming/generate`: patients streamed as they are made,
 * as `{"patients": [...], "total_patients": N}`. Each stream is generated in its
 * own worker thread, paced by the client's reading, so memory stays flat with N
 * and the event loop stays free; open streams are bounded per key (429) and per
 * instance (503).
 */
export function streamingRoutes(deps: StreamingDeps) {
  return async function streamingRoutesPlugin(app: FastifyInstance) {
    app.get<{ Querystring: { configuration_id: string; count?: number; batch_size: number; seed?: string } }>(
      '/api/v1/streaming/generate',
      {
        config: { dailyQuota: 'in-handler' },
        schema: {
          tags: ['generation'],
          summary: 'Stream patients from a stored configuration',
          security,
          querystring: Type.Object({
            configuration_id: Type.String({ minLength: 1 }),
            count: Type.Optional(Type.Integer({ minimum: 1 })),
            batch_size: BatchSize,
            seed: Type.Optional(SeedText),
          }),
          response: { 200: StreamedPatients, ...errorResponses(400, 404, 422, ...PROTECTED_ERRORS, 503) },
        },
      },
      async (request, reply) => {
        requireGenerate(request);
        const resolved = await deps.generation.resolve(
          { configurationId: request.query.configuration_id },
          request.query.count,
          requesterOf(request),
        );
        if (!resolved.ok) throw scenarioRefusalError(resolved.refusal);
        const { scenario, count } = resolved.value;
        await deps.takeDailyQuota(request, reply);
        return sendStream(
          deps,
          request,
          reply,
          scenario,
          count,
          request.query.batch_size,
          request.query.seed,
        );
      },
    );

    app.post<{ Body: Record<string, unknown>; Querystring: { batch_size: number; seed?: string } }>(
      '/api/v1/streaming/generate',
      {
        config: { dailyQuota: 'in-handler' },
        schema: {
          tags: ['generation'],
          summary: 'Stream patients from an inline configuration',
          security,
          body: Type.Object({}, { additionalProperties: true }),
          querystring: Type.Object({
            batch_size: BatchSize,
            seed: Type.Optional(SeedText),
          }),
          response: { 200: StreamedPatients, ...errorResponses(400, 413, 422, ...PROTECTED_ERRORS, 503) },
        },
      },
      async (request, reply) => {
        requireGenerate(request);
        const body = request.body;
        const raw = (
          typeof body.configuration === 'object' && body.configuration !== null ? body.configuration : body
        ) as Record<string, unknown>;
        // The earlier service read `count` before `total_patients` here.
        const requested = raw.count ?? raw.total_patients;
        if (requested !== undefined && (!Number.isInteger(requested) || (requested as number) < 1)) {
          throw validationFailed([
            { loc: ['count'], msg: 'Input should be an integer of at least 1', type: 'int_type' },
          ]);
        }
        const resolved = await deps.generation.resolve(
          { configuration: raw },
          requested as number | undefined,
          requesterOf(request),
        );
        if (!resolved.ok) throw scenarioRefusalError(resolved.refusal, []);
        const { scenario, count } = resolved.value;
        await deps.takeDailyQuota(request, reply);
        return sendStream(
          deps,
          request,
          reply,
          scenario,
          count,
          request.query.batch_size,
          request.query.seed,
        );
      },
    );
  };
}

/** Seconds a refused client should wait: about what a 100k-patient stream takes under load. */
const STREAM_RETRY_AFTER_SECONDS = 5;

/** Who shares a stream bound: the key, and for the demo key also the client. */
function streamHolder(request: FastifyRequest): string {
  const key = keyOf(request);
  return key.subject ? `${key.id} ${key.subject}` : key.id;
}

function sendStream(
  deps: StreamingDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  scenario: Scenario,
  count: number,
  batchSize: number,
  seed: string | undefined,
) {
  const effectiveSeed = seed ?? randomBytes(8).toString('hex');
  const opening = deps.streams.open(streamHolder(request), {
    scenario,
    seed: effectiveSeed,
    count,
    batchSize,
  });
  if (!opening.ok) throw streamRefused(opening.limit, deps.streams.limits);
  const { stream } = opening;
  stream.on('patients', (n: number) => {
    request.patientsGenerated = n;
  });
  // Fastify destroys a piped body when the response closes early; this also covers a reply that
  // fails before the body is piped, so the worker and the slot are never left behind.
  reply.raw.once('close', () => stream.destroy());
  return reply
    .type('application/json; charset=utf-8')
    .header('Cache-Control', 'no-cache')
    .header('X-Content-Type-Options', 'nosniff')
    .header('X-Patient-Count', count)
    .header('X-Batch-Size', batchSize)
    .header('X-Seed', effectiveSeed)
    .send(stream);
}

function streamRefused(limit: 'holder' | 'instance', limits: { perHolder: number; perInstance: number }) {
  const retry = { 'Retry-After': STREAM_RETRY_AFTER_SECONDS };
  if (limit === 'holder') {
    return appError(
      'TOO_MANY_STREAMS',
      `Too many concurrent streams for this key (limit ${limits.perHolder})`,
      {
        ...retry,
        'X-Limit-Type': 'concurrent_streams',
        'X-Limit-Value': limits.perHolder,
      },
    );
  }
  return new AppError(503, 'Too many streams in progress on this server; retry shortly', retry);
}
