import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';

const KeyInfo = Type.Object(
  {
    key_prefix: Type.String(),
    name: Type.String(),
    type: Type.String({ examples: ['demo'] }),
    scopes: Type.Array(Type.String()),
    limits: Type.Object({
      patients_per_request: Type.Union([Type.Integer(), Type.Null()]),
      requests_per_day: Type.Union([Type.Integer(), Type.Null()]),
      requests_per_minute: Type.Integer(),
      requests_per_hour: Type.Integer(),
    }),
    usage: Type.Object({ requests_today: Type.Integer() }),
    expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the key stops working; null for never',
    }),
  },
  {
    examples: [
      {
        key_prefix: 'DEMO_MILMED',
        name: 'Public Demo Key',
        type: 'demo',
        scopes: ['generate'],
        limits: {
          patients_per_request: 500,
          requests_per_day: 100,
          requests_per_minute: 10,
          requests_per_hour: 50,
        },
        usage: { requests_today: 1 },
        expires_at: null,
      },
    ],
  },
);

/** `GET /api/v1/keys/me`: the calling key's limits and today's usage. The cheapest protected route. */
export async function meRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/keys/me',
    {
      schema: {
        tags: ['keys'],
        summary: 'Describe the calling key',
        security: KEY_SECURITY,
        response: { 200: KeyInfo, ...errorResponses(...PROTECTED_ERRORS) },
      },
    },
    async (request) => {
      const key = request.apiKey;
      return {
        key_prefix: key?.keyPrefix ?? 'none',
        name: key?.name ?? 'authentication disabled',
        type: key?.kind ?? 'none',
        scopes: [...(key?.scopes ?? [])],
        limits: {
          patients_per_request: key?.patientLimit ?? null,
          requests_per_day: key?.dailyLimit ?? null,
          requests_per_minute: key?.rateLimitPerMinute ?? 0,
          requests_per_hour: key?.rateLimitPerHour ?? 0,
        },
        usage: { requests_today: key?.dailyUsage ?? 0 },
        expires_at: key?.expiresAt?.toISOString() ?? null,
      };
    },
  );
}
