import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Config, RegistrationMode } from '../../config/index.js';
import { type ApiKeyService, KEY_TEXT_BOUNDS, keyView, registerPersonalKey } from '../../keys/index.js';
import { clientSubject, type RateLimitStore, type WindowRule } from '../../ratelimit/index.js';
import type { RegistrationModeSetting } from '../../settings/index.js';
import { appError, notFound, validationFailed } from '../errors.js';
import { buildRateLimitHeaders, describeViolation } from '../rate-limit-headers.js';
import { errorResponses } from '../schemas/common.js';
import { KeyView } from '../schemas/keys.js';

export interface RegisterDeps {
  keys: ApiKeyService;
  /** The mode in force, read on each registration: an administrator's change applies to the next one. */
  registrationMode: RegistrationModeSetting;
  rateLimiter: RateLimitStore;
  config: Pick<Config, 'selfService' | 'ipv6SubnetPrefix'>;
  clock: () => Date;
}

const RegisterBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: KEY_TEXT_BOUNDS.name,
      pattern: '\\S',
      description: 'Your name (not only spaces)',
    }),
    email: Type.String({
      format: 'email',
      maxLength: KEY_TEXT_BOUNDS.email,
      description:
        'Kept with the key so an administrator can reach you; personal data, never shown to others',
    }),
    accept_terms: Type.Boolean({ description: 'Must be true' }),
  },
  { additionalProperties: false },
);

const Registered = Type.Object({
  status: Type.Union([Type.Literal('active'), Type.Literal('pending')]),
  message: Type.String(),
  key: Type.String({ description: 'Shown once; store it now. In approval mode it works once approved' }),
  api_key: KeyView,
});

/**
 * `POST /api/v1/keys/register`: a person registers and gets a personal key with the self-service
 * limits. No key is needed; the body must be JSON (refused otherwise with 415), which a cross-site
 * HTML form cannot send without a CORS preflight, so another site cannot register in a visitor's name.
 */
export function registerRoutes(deps: RegisterDeps) {
  const policy = deps.config.selfService;
  const rules: readonly WindowRule[] = [
    { name: 'hour', limit: policy.registrationsPerHour, windowMs: 3_600_000, bucketMs: 60_000 },
  ];
  return async function registerRoutesPlugin(app: FastifyInstance) {
    // The mode each request read in onRequest (off already refused), for its handler.
    const modeOf = new WeakMap<FastifyRequest, Exclude<RegistrationMode, 'off'>>();
    app.post<{ Body: Static<typeof RegisterBody> }>(
      '/api/v1/keys/register',
      {
        schema: {
          tags: ['keys'],
          summary: 'Register for a personal key (self-service); the key is in this response only',
          description:
            'Rate-limited per client IP. In the `approval` registration mode the key stays pending ' +
            '(401 with X-Key-Status: pending) until an administrator approves it; in the `off` mode this route ' +
            'answers 404. The mode is `SELF_SERVICE_REGISTRATION` until an administrator sets one ' +
            '(`PATCH /api/v1/admin/settings`).',
          body: RegisterBody,
          response: { 201: Registered, ...errorResponses(404, 415, 422, 429) },
        },
        // Counted before the body is read: a flood of bad bodies spends the same allowance, and only
        // requests within it read the mode from the database.
        onRequest: async (request) => {
          const subject = `register|${clientSubject(request.ip, deps.config.ipv6SubnetPrefix)}`;
          const decision = await deps.rateLimiter.consume(subject, rules, deps.clock().getTime());
          if (decision.unavailable) {
            throw appError('RATE_LIMIT_UNAVAILABLE', 'Registration is temporarily unavailable', {
              'Retry-After': Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
            });
          }
          if (!decision.allowed) {
            throw appError(
              'RATE_LIMITED',
              `Too many registrations from your address: ${describeViolation(decision)}`,
              buildRateLimitHeaders(decision),
            );
          }
          const { mode } = await deps.registrationMode.read();
          if (mode === 'off') throw notFound('Self-service registration is switched off');
          modeOf.set(request, mode);
        },
      },
      async (request, reply) => {
        const { name, email, accept_terms } = request.body;
        if (!accept_terms) {
          throw validationFailed([
            {
              loc: ['body', 'accept_terms'],
              msg: 'You must accept the terms to get a key',
              type: 'value_error',
            },
          ]);
        }
        const { key, record, pending } = await registerPersonalKey(
          deps.keys,
          policy,
          modeOf.get(request) ?? 'approval', // always set by onRequest; the stricter mode if not
          { name: name.trim(), email: email.trim() },
          deps.clock(),
        );
        return reply.status(201).send({
          status: pending ? 'pending' : 'active',
          message: pending
            ? 'Your key is registered and waits for an administrator to approve it. Keep it: it works once approved.'
            : 'Your key is ready. Keep it somewhere safe: it is shown only now.',
          key,
          api_key: keyView(record, deps.clock()),
        });
      },
    );
  };
}
