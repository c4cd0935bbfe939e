import type { AuthFailureGuard, RateDecision, RateLimitStore } from '../ratelimit/index.js';
import { clientSubject, minuteAndHourRules } from '../ratelimit/index.js';
import type { AdmittedKey } from './api-key.js';
import type { DailyQuota, DailyTake } from './daily-quota.js';
import type { ApiKeyService } from './key-service.js';
import type { Refusal } from './refusal.js';

export interface AdmissionDeps {
  keys: ApiKeyService;
  authFailures: AuthFailureGuard;
  rateLimiter: RateLimitStore;
  dailyQuota: DailyQuota;
  /** IPv6 clients share limits by network: the prefix length (64 = a /64). */
  ipv6SubnetPrefix: number;
}

/**
 * The first half of admission. `key` is present once the key is known (for usage
 * accounting), also when a limit then refused the request; `rate` once the windows decided.
 */
export type KeyAdmission =
  | { admitted: true; key: AdmittedKey; rate: RateDecision }
  | { admitted: false; refusal: Refusal; key?: AdmittedKey; rate?: RateDecision };

/**
 * Decides whether a request may proceed, in two steps that return values:
 *  1. `admit`, before the body is read: blocked client → key → minute and hour windows.
 *     Every request with a valid key counts in its windows, whatever its body.
 *  2. `takeDailyQuota`, once the request is known valid and within its patient limit
 *     (`checkPatientLimit`): a request refused for its input never uses daily quota, and
 *     nothing taken is ever given back.
 */
export class Admission {
  constructor(private readonly deps: AdmissionDeps) {}

  async admit(presented: string | undefined, clientIp: string, now: Date): Promise<KeyAdmission> {
    const nowMs = now.getTime();
    const client = clientSubject(clientIp, this.deps.ipv6SubnetPrefix);
    const blockedMs = this.deps.authFailures.blockedFor(client, nowMs);
    if (blockedMs > 0) return { admitted: false, refusal: { reason: 'ip-blocked', retryAfterMs: blockedMs } };

    const verified = await this.deps.keys.verify(presented);
    if (!verified.ok) {
      const waitMs =
        verified.failure === 'missing' ? 0 : await this.deps.authFailures.recordFailure(client, nowMs);
      const refusal: Refusal =
        waitMs > 0 ? { reason: 'ip-blocked', retryAfterMs: waitMs } : { reason: verified.failure };
      return { admitted: false, refusal };
    }

    const key: AdmittedKey = { ...verified.key, subject: verified.key.kind === 'demo' ? client : '' };
    const rules = rulesFor(key.rateLimitPerMinute, key.rateLimitPerHour);
    const windows = key.subject ? `${key.id}|${key.subject}` : key.id;
    const limiter = this.deps.rateLimiter;
    const rate = limiter.consumeSync
      ? limiter.consumeSync(windows, rules, nowMs)
      : await limiter.consume(windows, rules, nowMs);
    if (rate.unavailable)
      return {
        admitted: false,
        key,
        refusal: { reason: 'rate-unavailable', retryAfterMs: rate.retryAfterMs },
      };
    if (!rate.allowed) return { admitted: false, key, rate, refusal: { reason: 'rate', decision: rate } };
    return { admitted: true, key, rate };
  }

  takeDailyQuota(key: AdmittedKey, now: Date): Promise<DailyTake> {
    return this.deps.dailyQuota.take(key, now);
  }
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
