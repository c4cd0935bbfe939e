import type { RedisCounters } from '../ratelimit/index.js';
import type { QuotaClaim, QuotaRepository, QuotaTake } from './quota-repository.js';

/**
 * Where daily quotas are counted. `take` takes one request from every claim, all or none,
 * and never lets a count pass its limit. Implementations differ in what a request costs:
 * a database round trip each (`ReservingCounter`), or none between leases (`LeasingCounter`).
 */
export interface DailyCounter {
  take(keyId: string, claims: readonly QuotaClaim[], day: string): Promise<QuotaTake>;
  /** Requests used so far: what a refusal or the CLI reports. */
  count(keyId: string, subject: string, day: string): Promise<number>;
  /** Stops background work and writes back what must survive a restart. */
  close(): Promise<void>;
}

/**
 * One conditional upsert per request in the shared database: exact across any number of
 * instances, at the cost of a round trip. Used with PostgreSQL and no Redis, where instances
 * share nothing faster than the database.
 */
export class ReservingCounter implements DailyCounter {
  constructor(private readonly repository: QuotaRepository) {}

  take(keyId: string, claims: readonly QuotaClaim[], day: string): Promise<QuotaTake> {
    return this.repository.reserve(keyId, claims, day);
  }

  count(keyId: string, subject: string, day: string): Promise<number> {
    return this.repository.count(keyId, subject, day);
  }

  async close(): Promise<void> {}
}

/** The counter's store cannot decide; the request must not proceed uncounted. */
export class QuotaUnavailable extends Error {
  override name = 'QuotaUnavailable';
  constructor(cause: unknown) {
    super('daily quota store unavailable', { cause });
  }
}

/**
 * Daily quotas in Redis, shared by every instance: one atomic script per request, no database
 * round trip. Counters expire two days after their first use. Exactness across a Redis restart
 * needs Redis persistence (AOF), as for the rate-limit windows. While Redis is unreachable `take`
 * rejects, and the request is answered 503: counting elsewhere could pass the limit.
 */
export class RedisCounter implements DailyCounter {
  constructor(private readonly counters: RedisCounters) {}

  async take(keyId: string, claims: readonly QuotaClaim[], day: string): Promise<QuotaTake> {
    try {
      return await this.counters.take(
        claims.map((c) => redisKey(keyId, c.subject, day)),
        claims.map((c) => c.limit),
        2 * 86_400_000,
      );
    } catch (error) {
      throw new QuotaUnavailable(error);
    }
  }

  count(keyId: string, subject: string, day: string): Promise<number> {
    return this.counters.count(redisKey(keyId, subject, day));
  }

  async close(): Promise<void> {}
}

/** `dq:{<key id>}:<day>:<subject>`: one hash tag per key, so a demo key's two claims share a slot. */
function redisKey(keyId: string, subject: string, day: string): string {
  return `dq:{${keyId}}:${day}:${subject}`;
}
