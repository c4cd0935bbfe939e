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
