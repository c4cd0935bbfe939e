import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.js';
import type { ApiKeyService, DailyQuota, KeyFailure, UsageRecorder } from '../../keys/index.js';
import { DEMO_API_KEY, keyHeaders, RETIRED_DEMO_API_KEY } from '../../keys/index.js';
import type { AuthFailureGuard, RateLimitStore } from '../../ratelimit/index.js';
import {
  buildRateLimitHeaders,
  clientSubject,
  describeViolation,
  minuteAndHourRules,
} from '../../ratelimit/index.js';
import { AppError } from '../errors.js';

export interface AuthDeps {
  keys: ApiKeyService;
  dailyQuota: DailyQuota;
  usage: UsageRecorder;
  rateLimiter: RateLimitStore;
  authFailures: AuthFailureGuard;
  clock: () => Date;
  config: Pick<Config, 'ipv6SubnetPrefix'>;
  /** Benchmarks only: skip authentication entirely. */
  disabled?: boolean;
}

const FAILURE_DETAIL: Record<KeyFailure, string> = {
  missing: 'Missing API Key',
  invalid: 'Invalid or inactive API key',
  inactive: 'API key is inactive',
  expired: 'API key has expired',
};

/** `X-API-Key`, or `Authorization: Bearer <key>`; the key itself is case-sensitive. */
export function readPresentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader) return fromHeader.trim() || undefined;
  const authorization = request.headers.authorization;
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/**
 * The `onRequest` hook of every protected route: it runs before the body is
 * parsed, so an unauthenticated request with a bad body gets 401, not 422.
 * Order: blocked IP → key → per-minute/hour limits → daily quota.
 */
export function createAuthenticate(deps: AuthDeps) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (deps.disabled) return;
    const now = deps.clock();
    const nowMs = now.getTime();
    // Per-IP limits and demo ownership count an IPv6 client by its network (a /64 by default).
    const ip = clientSubject(request.ip, deps.config.ipv6SubnetPrefix);

    const blockedMs = deps.authFailures.blockedFor(ip, nowMs);
    if (blockedMs > 0) throw tooManyFailures(blockedMs);

    const presented = readPresentedKey(request);
    const result = await deps.keys.verify(presented);
    if (!result.ok) {
      const waitMs = result.failure === 'missing' ? 0 : await deps.authFailures.recordFailure(ip, nowMs);
      if (waitMs > 0) throw tooManyFailures(waitMs);
      const detail =
        presented === RETIRED_DEMO_API_KEY
          ? `Invalid API key: the public demo key was renamed to ${DEMO_API_KEY}`
          : FAILURE_DETAIL[result.failure];
      throw new AppError(401, detail, {
        'WWW-Authenticate': 'ApiKey',
        'X-Key-Status': result.failure,
      });
    }

    const key = result.key;
    const subject = key.kind === 'demo' ? ip : '';
    request.usageMark = {
      keyId: key.id,
      subject,
      admitted: false,
      countInDay: key.dailyLimit === null,
      reserved: false,
      kind: key.kind,
    };

    const rules = rulesFor(key.rateLimitPerMinute, key.rateLimitPerHour);
    const limiterSubject = subject ? `${key.id}|${subject}` : key.id;
    const decision = deps.rateLimiter.consumeSync
      ? deps.rateLimiter.consumeSync(limiterSubject, rules, nowMs)
      : await deps.rateLimiter.consume(limiterSubject, rules, nowMs);
    if (decision.unavailable) {
      throw new AppError(503, 'Rate limiting is temporarily unavailable', {
        'Retry-After': Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
      });
    }
    const rateHeaders = buildRateLimitHeaders(decision);
    if (!decision.allowed) throw new AppError(429, describeViolation(decision), rateHeaders);
    reply.headers(rateHeaders);

    const daily = await deps.dailyQuota.admit(key, subject, now);
    if (!daily.ok) throw new AppError(daily.refusal.status, daily.refusal.detail, daily.refusal.headers);

    request.usageMark.admitted = true;
    request.usageMark.reserved = daily.reserved;
    request.usageMark.admittedAt = now;
    request.apiKey = { ...key, subject, dailyUsage: daily.usage };
    reply.headers(keyHeaders(request.apiKey));
  };
}

/**
 * The `onSend` hook of protected routes: a request the handler refused (bad input, over the patient
 * limit) gives its daily slot back *before* the answer leaves, so a client that sends its next request
 * as soon as it reads a 400 or 422 never finds that slot still taken.
 */
export function createReturnRefusedQuota(deps: Pick<AuthDeps, 'clock' | 'dailyQuota'>) {
  return async function returnRefusedQuota(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const mark = request.usageMark;
    if (!mark || mark.keyId === 'legacy' || !mark.admitted) return;
    if (reply.statusCode !== 400 && reply.statusCode !== 422) return;
    mark.admitted = false;
    if (mark.reserved)
      await deps.dailyQuota.release(
        { id: mark.keyId, kind: mark.kind },
        mark.subject,
        mark.admittedAt ?? deps.clock(),
      );
  };
}

/** The `onResponse` hook of protected routes: one usage event per authenticated request. */
export function createRecordUsage(deps: Pick<AuthDeps, 'usage' | 'clock'>) {
  return async function recordUsage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const mark = request.usageMark;
    if (!mark || mark.keyId === 'legacy') return;
    deps.usage.record({
      keyId: mark.keyId,
      at: deps.clock(),
      method: request.method,
      route: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
      statusCode: reply.statusCode,
      patients: request.patientsGenerated ?? 0,
      clientIp: request.ip,
      admitted: mark.admitted,
      countInDay: mark.countInDay,
      subject: mark.subject,
    });
  };
}

const ruleSets = new Map<string, ReturnType<typeof minuteAndHourRules>>();

/** The minute/hour rules for a pair of limits, built (and validated) once per distinct pair. */
function rulesFor(perMinute: number, perHour: number) {
  const id = `${perMinute}/${perHour}`;
  let rules = ruleSets.get(id);
  if (!rules) {
    rules = minuteAndHourRules(perMinute, perHour);
    if (ruleSets.size >= 1000) ruleSets.clear();
    ruleSets.set(id, rules);
  }
  return rules;
}

function tooManyFailures(waitMs: number): AppError {
  return new AppError(429, 'Too many failed authentication attempts', {
    'Retry-After': Math.max(1, Math.ceil(waitMs / 1000)),
  });
}
