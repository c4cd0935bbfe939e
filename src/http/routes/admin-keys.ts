import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import {
  type ApiKey,
  type ApiKeyPatch,
  type ApiKeyRepository,
  type ApiKeyService,
  keyView,
} from '../../keys/index.js';
import { notFound } from '../errors.js';
import { requireAdmin } from '../owner.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';
import { CreateKeyBody, KeyView, UpdateKeyBody } from '../schemas/keys.js';

export interface AdminKeyDeps {
  keys: ApiKeyService;
  keyRepository: ApiKeyRepository;
  clock: () => Date;
}

const IdParams = Type.Object({ id: Type.String() });
const NewKey = Type.Object({
  key: Type.String({ description: 'Shown once; store it now' }),
  api_key: KeyView,
});

/** Key administration over HTTP, for the `admin` scope and the legacy key. The CLI offers the same. */
export function adminKeyRoutes(deps: AdminKeyDeps) {
  return async function adminKeyRoutesPlugin(app: FastifyInstance) {
    // onRequest, after authentication and before the body is parsed or validated: a key without
    // the admin scope gets 403 whatever it sends, never a 400 or 422 that describes the body.
    app.addHook('onRequest', async (request) => requireAdmin(request));
    const base = '/api/v1/admin/keys';
    const toKeyView = (key: ApiKey) => keyView(key, deps.clock());
    const schema = (summary: string, extra: Record<string, unknown>) => ({
      tags: ['keys'],
      summary,
      security: KEY_SECURITY,
      ...extra,
    });

    app.get<{ Querystring: { all?: boolean; search?: string } }>(
      `${base}/`,
      {
        schema: schema('List keys (active only unless all=true)', {
          querystring: Type.Object({
            all: Type.Optional(Type.Boolean()),
            search: Type.Optional(Type.String({ maxLength: 255 })),
          }),
          response: { 200: Type.Array(KeyView), ...errorResponses(422, ...PROTECTED_ERRORS) },
        }),
      },
      async (request) =>
        (
          await deps.keyRepository.list({
            includeInactive: request.query.all,
            search: request.query.search,
            now: deps.clock(),
          })
        ).map(toKeyView),
    );

    app.post<{ Body: Static<typeof CreateKeyBody> }>(
      `${base}/`,
      {
        schema: schema('Create a key; the full key is in this response only', {
          body: CreateKeyBody,
          response: { 201: NewKey, ...errorResponses(422, ...PROTECTED_ERRORS) },
        }),
      },
      async (request, reply) => {
        const b = request.body;
        const { key, record } = await deps.keys.createKey({
          name: b.name,
          email: b.email,
          isDemo: b.is_demo,
          ...(b.patient_limit !== undefined && { patientLimit: b.patient_limit }),
          ...(b.daily_limit !== undefined && { dailyLimit: b.daily_limit }),
          ...(b.rate_limit_per_minute !== undefined && { rateLimitPerMinute: b.rate_limit_per_minute }),
          ...(b.rate_limit_per_hour !== undefined && { rateLimitPerHour: b.rate_limit_per_hour }),
          expiresAt: b.expires_in_days
            ? new Date(deps.clock().getTime() + b.expires_in_days * 86_400_000)
            : null,
          scopes: b.scopes,
          notes: b.notes,
        });
        return reply.status(201).send({ key, api_key: toKeyView(record) });
      },
    );

    app.get<{ Params: { id: string } }>(
      `${base}/:id`,
      {
        schema: schema('Show a key', {
          params: IdParams,
          response: { 200: KeyView, ...errorResponses(404, ...PROTECTED_ERRORS) },
        }),
      },
      async (request) => {
        const key = await deps.keyRepository.getById(request.params.id);
        if (!key) throw notFound(`API key not found: ${request.params.id}`);
        return toKeyView(key);
      },
    );

    app.patch<{ Params: { id: string }; Body: Static<typeof UpdateKeyBody> }>(
      `${base}/:id`,
      {
        schema: schema(
          'Change limits, status, expiry or details; every instance applies it at once with Redis, else within the key cache TTL',
          {
            params: IdParams,
            body: UpdateKeyBody,
            response: { 200: KeyView, ...errorResponses(404, 422, ...PROTECTED_ERRORS) },
          },
        ),
      },
      async (request) => {
        const b = request.body;
        const patch: ApiKeyPatch = {
          ...(b.name !== undefined && { name: b.name }),
          ...(b.email !== undefined && { email: b.email }),
          ...(b.is_active !== undefined && { isActive: b.is_active }),
          ...(b.patient_limit !== undefined && { patientLimit: b.patient_limit }),
          ...(b.daily_limit !== undefined && { dailyLimit: b.daily_limit }),
          ...(b.rate_limit_per_minute !== undefined && { rateLimitPerMinute: b.rate_limit_per_minute }),
          ...(b.rate_limit_per_hour !== undefined && { rateLimitPerHour: b.rate_limit_per_hour }),
          ...(b.expires_at !== undefined && { expiresAt: b.expires_at ? new Date(b.expires_at) : null }),
          ...(b.scopes !== undefined && { scopes: b.scopes }),
          ...(b.notes !== undefined && { notes: b.notes }),
        };
        const key = await deps.keys.update(request.params.id, patch);
        if (!key) throw notFound(`API key not found: ${request.params.id}`);
        return toKeyView(key);
      },
    );

    app.delete<{ Params: { id: string } }>(
      `${base}/:id`,
      {
        schema: schema('Delete a key', {
          params: IdParams,
          response: {
            204: Type.Null({ description: 'Deleted' }),
            ...errorResponses(404, ...PROTECTED_ERRORS),
          },
        }),
      },
      async (request, reply) => {
        if (!(await deps.keys.delete(request.params.id)))
          throw notFound(`API key not found: ${request.params.id}`);
        return reply.status(204).send();
      },
    );

    app.post<{ Params: { id: string } }>(
      `${base}/:id/approve`,
      {
        schema: schema('Approve a pending self-service key, so it works (idempotent)', {
          params: IdParams,
          response: { 200: KeyView, ...errorResponses(404, ...PROTECTED_ERRORS) },
        }),
      },
      async (request) => {
        const key = await deps.keys.approve(request.params.id);
        if (!key) throw notFound(`API key not found: ${request.params.id}`);
        return toKeyView(key);
      },
    );

    app.post<{ Params: { id: string }; Body: { grace_minutes?: number } }>(
      `${base}/:id/rotate`,
      {
        schema: schema('Issue a replacement; the old key works until the grace period ends', {
          params: IdParams,
          body: Type.Object(
            { grace_minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600, default: 0 })) },
            { additionalProperties: false },
          ),
          response: { 201: NewKey, ...errorResponses(404, 422, ...PROTECTED_ERRORS) },
        }),
        // A POST with no body at all rotates with no grace period.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) => {
        const rotated = await deps.keys.rotateKey(request.params.id, request.body.grace_minutes ?? 0);
        if (!rotated) throw notFound(`API key not found: ${request.params.id}`);
        return reply.status(201).send({ key: rotated.key, api_key: toKeyView(rotated.record) });
      },
    );
  };
}
