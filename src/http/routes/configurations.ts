import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ConfigurationRepository, ConfigurationRow } from '../../configurations/index.js';
import { configurationWarnings, parseScenario } from '../../generator/index.js';
import { describeFieldErrors, notFound, validationFailed } from '../errors.js';
import { creatorOf, readerOf } from '../owner.js';
import type { TakeDailyQuota } from '../plugins/auth.js';
import { errorResponses, KEY_SECURITY as security, PROTECTED_ERRORS } from '../schemas/common.js';
import { Name, Skip } from '../schemas/input.js';

const ConfigurationBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
    parent_config_id: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  {
    additionalProperties: true,
    description:
      'A scenario configuration; every key the generator reads is accepted (see docs/generator.md)',
    examples: [
      {
        name: 'SDK Example Scenario',
        total_patients: 50,
        injury_distribution: { Disease: 60, 'Non-Battle Injury': 25, 'Battle Injury': 15 },
        front_configs: [
          {
            name: 'North',
            casualty_rate: 1,
            nationality_distribution: [{ nationality_code: 'USA', percentage: 100 }],
          },
        ],
        facility_configs: [{ id: 'r1', name: 'Role 1', died_rate: 0.05, rtd_rate: 0.3 }],
      },
    ],
  },
);
const ConfigurationView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    version: Type.Integer(),
    created_at: Type.String(),
    updated_at: Type.String(),
  },
  {
    additionalProperties: true,
    examples: [
      {
        name: 'SDK Example Scenario',
        total_patients: 50,
        version: 1,
        parent_config_id: null,
        id: '1f0a2c3d-0000-4000-8000-000000000000',
        created_at: '2026-11-25T20:44:26.695Z',
        updated_at: '2026-11-25T20:44:26.695Z',
      },
    ],
  },
);
const IdParams = Type.Object({ config_id: Type.String() });
type Body = Record<string, unknown> & {
  name: string;
  description?: string | null;
  parent_config_id?: string | null;
};

/** Stored configuration CRUD and validation, scoped to the key that created them. */
export function configurationRoutes(deps: {
  configurations: ConfigurationRepository;
  clock: () => Date;
  takeDailyQuota: TakeDailyQuota;
}) {
  return async function configurationRoutesPlugin(app: FastifyInstance) {
    const repo = deps.configurations;

    app.post<{ Body: Body }>(
      '/api/v1/configurations/',
      {
        config: { dailyQuota: 'in-handler' },
        schema: {
          tags: ['configurations'],
          summary: 'Store a configuration',
          security,
          body: ConfigurationBody,
          response: { 201: ConfigurationView, ...errorResponses(413, 422, ...PROTECTED_ERRORS) },
        },
      },
      async (request, reply) => {
        const input = toInput(request.body);
        await deps.takeDailyQuota(request, reply);
        return reply.status(201).send(toView(await repo.create(input, creatorOf(request))));
      },
    );

    app.get<{ Querystring: { skip: number; limit: number } }>(
      '/api/v1/configurations/',
      {
        schema: {
          tags: ['configurations'],
          summary: 'List your configurations by name',
          security,
          querystring: Type.Object({
            skip: Skip,
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
          }),
          response: { 200: Type.Array(ConfigurationView), ...errorResponses(422, ...PROTECTED_ERRORS) },
        },
      },
      async (request) => (await repo.list(readerOf(request), request.query)).map(toView),
    );

    app.get<{ Params: { config_id: string } }>(
      '/api/v1/configurations/:config_id',
      {
        schema: {
          tags: ['configurations'],
          summary: 'Get a configuration',
          security,
          params: IdParams,
          response: { 200: ConfigurationView, ...errorResponses(404, ...PROTECTED_ERRORS) },
        },
      },
      async (request) => {
        const row = await repo.get(request.params.config_id, readerOf(request));
        if (!row) throw notFound(`Configuration ${request.params.config_id} not found`);
        return toView(row);
      },
    );

    app.put<{ Params: { config_id: string }; Body: Body }>(
      '/api/v1/configurations/:config_id',
      {
        config: { dailyQuota: 'in-handler' },
        schema: {
          tags: ['configurations'],
          summary: 'Replace a configuration (full body)',
          security,
          params: IdParams,
          body: ConfigurationBody,
          response: { 200: ConfigurationView, ...errorResponses(404, 413, 422, ...PROTECTED_ERRORS) },
        },
      },
      async (request, reply) => {
        const input = toInput(request.body);
        await deps.takeDailyQuota(request, reply);
        const row = await repo.update(request.params.config_id, input, readerOf(request), deps.clock());
        if (!row) throw notFound(`Configuration ${request.params.config_id} not found`);
        return toView(row);
      },
    );

    app.delete<{ Params: { config_id: string } }>(
      '/api/v1/configurations/:config_id',
      {
        schema: {
          tags: ['configurations'],
          summary: 'Delete a configuration',
          security,
          params: IdParams,
          response: {
            204: Type.Null({ description: 'Deleted; empty body' }),
            ...errorResponses(404, ...PROTECTED_ERRORS),
          },
        },
      },
      async (request, reply) => {
        if (!(await repo.delete(request.params.config_id, readerOf(request)))) {
          throw notFound(`Configuration ${request.params.config_id} not found`);
        }
        return reply.status(204).send();
      },
    );

    app.post<{ Body: Record<string, unknown> }>(
      '/api/v1/configurations/validate/',
      {
        schema: {
          tags: ['configurations'],
          summary: 'Validate a configuration without storing it',
          security,
          body: Type.Object({}, { additionalProperties: true }),
          response: {
            200: Type.Object({
              valid: Type.Boolean(),
              errors: Type.Array(Type.String()),
              warnings: Type.Array(Type.String(), {
                description: 'Unknown keys, which are ignored, with the likely meant key',
              }),
            }),
            ...errorResponses(413, ...PROTECTED_ERRORS),
          },
        },
      },
      async (request) => {
        // The same parser as generation and storage, so all three accept the same configurations.
        const parsed = parseScenario(request.body);
        const errors = parsed.ok ? [] : parsed.errors.map((e) => describeFieldErrors([e]));
        return { valid: errors.length === 0, errors, warnings: configurationWarnings(request.body) };
      },
    );
  };
}

function toInput(body: Body) {
  const parsed = parseScenario(body);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  const {
    name,
    description,
    parent_config_id,
    id: _id,
    created_at: _c,
    updated_at: _u,
    version: _v,
    ...rest
  } = body;
  return {
    name,
    description: description ?? null,
    parentConfigId: typeof parent_config_id === 'string' ? parent_config_id : null,
    body: rest,
  };
}

function toView(row: ConfigurationRow) {
  return {
    ...row.body,
    name: row.name,
    description: row.description,
    version: row.version,
    parent_config_id: row.parentConfigId,
    id: row.id,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
