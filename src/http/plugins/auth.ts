import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { type Admission, RETIRED_DEMO_API_KEY, type Refusal } from '../../keys/index.js';
import type { RefusalWindow, UsageRecorder } from '../../usage/index.js';
import { buildRateLimitHeaders } from '../rate-limit-headers.js';
import { keyHeaders, refusalError, retiredDemoKeyError } from '../refusals.js';

export interface AuthDeps {
  admission: Admission;
  usage: UsageRecorder;
  clock: () => Date;
  /** Benchmarks only: skip authentication entirely. */
  disabled?: boolean;
}

/** Takes the request's daily quota, or throws the 429; a no-op once taken or without a key. */
export type TakeDailyQuota = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

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
 * The `onRequest` hook of every protected route: the first step of admission (blocked
 * client → key → minute and hour windows). It runs before the body is parsed, so an
 * unauthenticated request with a bad body gets 401, not 422. The daily quota waits
 * until the request is known valid (`createTakeDailyQuota`).
 */
export function createAuthenticate(deps: AuthDeps) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (deps.disabled) return;
    const presented = readPresentedKey(request);
    const admission = await deps.admission.admit(presented, request.ip, deps.clock());
    const key = admission.key;
    if (key) {
      request.usageMark = {
        keyId: key.id,
        subject: key.subject,
        admitted: false,
        countInDay: false,
        kind: key.kind,
      };
    }
    if (!admission.admitted) {
      const window = refusedWindow(admission.refusal);
      request.refusal = { reason: admission.refusal.reason, window };
      if (request.usageMark) request.usageMark.refusedBy = window;
      if (admission.refusal.reason === 'invalid' && presented === RETIRED_DEMO_API_KEY)
        throw retiredDemoKeyError();
      throw refusalError(admission.refusal);
    }
    reply.headers(buildRateLimitHeaders(admission.rate));
    request.apiKey = { ...admission.key, dailyUsage: 0 };
    reply.headers(keyHeaders(request.apiKey));
  };
}

/**
 * The second step of admission, once the request passed validation and, for generations, its
 * patient limit. A request refused before this point used no daily quota, and none is ever
 * given back. Sets `X-Daily-Usage`, so only a request that counted today carries it.
 */
export function createTakeDailyQuota(deps: AuthDeps): TakeDailyQuota {
  return async function takeDailyQuota(request, reply) {
    const key = request.apiKey;
    const mark = request.usageMark;
    if (deps.disabled || !key || !mark || mark.admitted) return;
    const taken = await deps.admission.takeDailyQuota(key, deps.clock());
    if (!taken.ok) {
      if (taken.refusal.reason === 'daily') mark.refusedBy = 'day';
      request.refusal = { reason: taken.refusal.reason, window: mark.refusedBy };
      throw refusalError(taken.refusal);
    }
    mark.admitted = true;
    mark.countInDay = key.dailyLimit === null;
    key.dailyUsage = taken.usage;
    reply.header('X-Daily-Usage', taken.usage);
  };
}

/**
 * The `preHandler` hook of protected routes: takes the daily quota after validation, unless the
 * route takes it itself (`config.dailyQuota: 'in-handler'`) once its own checks have passed.
 */
export function createDailyQuotaHook(takeDailyQuota: TakeDailyQuota) {
  return async function dailyQuotaHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.routeOptions.config.dailyQuota === 'in-handler') return;
    await takeDailyQuota(request, reply);
  };
}

/**
 * The `onResponse` hook of protected routes: counts every answered request, under its key once one
 * is known, and under no key for a 401 or a blocked address (bounded: those rows carry no address).
 */
export function createRecordUsage(deps: Pick<AuthDeps, 'usage' | 'clock'>) {
  // A callback hook, not an async one: it runs on every answered request and never waits, so it
  // spares Fastify a promise per request (bench/auth.ts).
  return function recordUsage(
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    try {
      record(deps, request, reply);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  };
}

function record(deps: Pick<AuthDeps, 'usage' | 'clock'>, request: FastifyRequest, reply: FastifyReply): void {
  const mark = request.usageMark;
  if (mark?.kind === 'legacy') return;
  if (!mark && reply.statusCode !== 401 && reply.statusCode !== 429) return;
  deps.usage.record({
    keyId: mark?.keyId ?? null,
    isDemo: mark?.kind === 'demo',
    at: deps.clock(),
    method: request.method,
    route: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
    statusCode: reply.statusCode,
    patients: request.patientsGenerated ?? 0,
    clientIp: request.ip,
    admitted: mark?.admitted ?? false,
    countInDay: mark?.countInDay ?? false,
    quotaSubject: mark?.subject ?? '',
    refusedBy: mark?.refusedBy,
  });
}

/** The window a 429 came from, for the usage counts. */
function refusedWindow(refusal: Refusal): RefusalWindow | undefined {
  if (refusal.reason === 'daily') return 'day';
  if (refusal.reason !== 'rate') return undefined;
  return refusal.decision.violated.includes('hour') ? 'hour' : 'minute';
}
