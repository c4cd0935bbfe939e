import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { generatePatients, type Scenario } from '../../generator/index.js';
import type { ConfigurationRepository } from '../../jobs/index.js';
import { validationFailed } from '../errors.js';
import { requireGenerate } from '../owner.js';
import { loadStoredConfiguration, resolveScenario } from '../scenario-input.js';
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
  configurations: ConfigurationRepository;
  maxPatientsPerJob: number;
}

const BatchSize = Type.Integer({ minimum: 1, maximum: 1000, default: 100 });

/**
 * `GET|POST /api/v1/streaming/generate`: patients streamed as they are made,
 * as `{"patients": [...], "total_patients": N}`; memory stays flat with N.
 */
export function streamingRoutes(deps: StreamingDeps) {
  return async function streamingRoutesPlugin(app: FastifyInstance) {
    app.get<{ Querystring: { configuration_id: string; count?: number; batch_size: number; seed?: string } }>(
      '/api/v1/streaming/generate',
      {
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
          response: { 200: StreamedPatients, ...errorResponses(400, 404, 422, ...PROTECTED_ERRORS) },
        },
      },
      async (request, reply) => {
        requireGenerate(request);
        const raw = await loadStoredConfiguration(
          deps.configurations,
          request,
          request.query.configuration_id,
        );
        const { scenario, count } = resolveScenario(
          request,
          raw,
          request.query.count,
          deps.maxPatientsPerJob,
        );
        return sendStream(request, reply, scenario, count, request.query.batch_size, request.query.seed);
      },
    );

    app.post<{ Body: Record<string, unknown>; Querystring: { batch_size: number; seed?: string } }>(
      '/api/v1/streaming/generate',
      {
        schema: {
          tags: ['generation'],
          summary: 'Stream patients from an inline configuration',
          security,
          body: Type.Object({}, { additionalProperties: true }),
          querystring: Type.Object({
            batch_size: BatchSize,
            seed: Type.Optional(SeedText),
          }),
          response: { 200: StreamedPatients, ...errorResponses(400, 413, 422, ...PROTECTED_ERRORS) },
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
        const { scenario, count } = resolveScenario(
          request,
          raw,
          requested as number | undefined,
          deps.maxPatientsPerJob,
          [],
        );
        return sendStream(request, reply, scenario, count, request.query.batch_size, request.query.seed);
      },
    );
  };
}

function sendStream(
  request: FastifyRequest,
  reply: FastifyReply,
  scenario: Scenario,
  count: number,
  batchSize: number,
  seed: string | undefined,
) {
  const effectiveSeed = seed ?? randomBytes(8).toString('hex');
  async function* body() {
    yield '{\n  "patients": [\n';
    let batch: string[] = [];
    let n = 0;
    for (const patient of generatePatients(scenario, { seed: effectiveSeed, count })) {
      batch.push(`    ${JSON.stringify(patient)}`);
      n++;
      if (batch.length >= batchSize) {
        yield `${n > batch.length ? ',\n' : ''}${batch.join(',\n')}`;
        batch = [];
      }
    }
    if (batch.length) yield `${n > batch.length ? ',\n' : ''}${batch.join(',\n')}`;
    request.patientsGenerated = n;
    yield `\n  ],\n  "total_patients": ${n},\n  "seed": ${JSON.stringify(effectiveSeed)}\n}\n`;
  }
  return reply
    .type('application/json; charset=utf-8')
    .header('Cache-Control', 'no-cache')
    .header('X-Content-Type-Options', 'nosniff')
    .header('X-Patient-Count', count)
    .header('X-Batch-Size', batchSize)
    .header('X-Seed', effectiveSeed)
    .send(Readable.from(body()));
}
