import type { AdmittedKey } from './api-key.js';
import { type DailyCounter, QuotaUnavailable } from './daily-counter.js';
import { msUntilNextUtcMidnight, utcDay } from './limits.js';
import type { QuotaClaim, QuotaRepository, QuotaTake } from './quota-repository.js';
import type { Refusal } from './refusal.js';

export type DailyTake =
  | { ok: true; usage: number }
  | { ok: false; refusal: Refusal & { reason: 'daily' | 'rate-unavailable' } };

/** How long a client should wait while the quota store is unreachable. */
const UNAVAILABLE_RETRY_MS = 1000;

/** The demo key's ceiling over all its clients together. */
export const DEMO_GLOBAL_SUBJECT = '*';

/**
 * The per-UTC-day request quota. It is taken once a request is known to be valid and within
 * its patient limit, and never given back. Keys with a daily limit draw from a `DailyCounter`
 * (the demo key from its client's quota and its global ceiling, both or neither). Keys without
 * one are only counted: the count is kept here and persisted by the usage recorder.
 */
export class DailyQuota {
  private readonly unlimitedCounts = new Map<string, { day: string; count: number }>();

  constructor(
    private readonly counter: DailyCounter,
    /** Where the usage recorder persists the counts of keys without a daily limit. */
    private readonly repository: QuotaRepository,
    private readonly demoGlobalDailyLimit: number,
  ) {}

  async take(key: AdmittedKey, now: Date): Promise<DailyTake> {
    const day = utcDay(now);
    if (key.kind === 'legacy') return { ok: true, usage: this.bump(key.id, key.subject, day, 0) };
    if (key.dailyLimit === null) {
      const known = this.unlimitedCounts.get(`${key.id}|${key.subject}`);
      const base = known?.day === day ? undefined : await this.repository.count(key.id, key.subject, day);
      return { ok: true, usage: this.bump(key.id, key.subject, day, base) };
    }
    const claims: QuotaClaim[] = [{ subject: key.subject, limit: key.dailyLimit }];
    if (key.kind === 'demo') claims.push({ subject: DEMO_GLOBAL_SUBJECT, limit: this.demoGlobalDailyLimit });
    let taken: QuotaTake;
    try {
      taken = await this.counter.take(key.id, claims, day);
    } catch (error) {
      if (!(error instanceof QuotaUnavailable)) throw error;
      return { ok: false, refusal: { reason: 'rate-unavailable', retryAfterMs: UNAVAILABLE_RETRY_MS } };
    }
    if (taken.ok) return { ok: true, usage: taken.counts[0]! };
    return {
      ok: false,
      refusal: {
        reason: 'daily',
        limit: claims[taken.index]!.limit,
        usage: taken.count,
        retryAfterMs: msUntilNextUtcMidnight(now),
      },
    };
  }

  /** Requests used today by a key's subject (for an unlimited key, as of the last usage flush). */
  count(key: { id: string; dailyLimit: number | null }, subject: string, now: Date): Promise<number> {
    const source = key.dailyLimit === null ? this.repository : this.counter;
    return source.count(key.id, subject, utcDay(now));
  }

  close(): Promise<void> {
    return this.counter.close();
  }

  private bump(id: string, subject: string, day: string, base: number | undefined): number {
    const k = `${id}|${subject}`;
    const entry = this.unlimitedCounts.get(k);
    const count = (entry && entry.day === day ? entry.count : (base ?? 0)) + 1;
    if (this.unlimitedCounts.size > 100_000) this.unlimitedCounts.clear();
    this.unlimitedCounts.set(k, { day, count });
    return count;
  }
}
