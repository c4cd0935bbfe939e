import type { DailyCounter } from './daily-counter.js';
import type { QuotaClaim, QuotaRepository, QuotaTake } from './quota-repository.js';

interface Entry {
  keyId: string;
  subject: string;
  day: string;
  /** Requests granted today, after a restart counted from the stored value; -1 until first leased. */
  used: number;
  /** What the database already holds for this quota: `used` never passes it. */
  leased: number;
  /** A lease being written; takers wait for it rather than lease twice. */
  leasing: Promise<number> | null;
}

export interface LeasingCounterOptions {
  /** Requests leased per database write; a crash wastes at most this many per quota. */
  blockSize?: number;
  /** Quotas kept in memory; past it, settled quotas of earlier days are dropped first. */
  maxEntries?: number;
}

/**
 * Daily quotas counted in process memory, for the embedded store (one process owns the data).
 * The database always holds *at least* what was granted: before granting past its last lease,
 * a quota leases the next block of requests with one awaited write, so a crash can only waste
 * unused requests of a block, never grant one over the limit. A graceful `close()` writes the
 * real counts back, so a restart loses nothing and a day never starts again.
 * Between leases a request costs no database round trip.
 */
export class LeasingCounter implements DailyCounter {
  private readonly entries = new Map<string, Entry>();
  private readonly blockSize: number;
  private readonly maxEntries: number;

  constructor(
    private readonly repository: QuotaRepository,
    options: LeasingCounterOptions = {},
  ) {
    this.blockSize = Math.max(1, options.blockSize ?? 50);
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  async take(keyId: string, claims: readonly QuotaClaim[], day: string): Promise<QuotaTake> {
    const entries = claims.map((claim) => this.entry(keyId, claim.subject, day));
    for (;;) {
      const pending = entries.find((e) => e.leasing);
      if (pending) {
        await pending.leasing;
        continue;
      }
      const full = entries.findIndex((e, i) => e.used >= claims[i]!.limit);
      if (full >= 0) return { ok: false, index: full, count: entries[full]!.used };
      const short = entries.findIndex((e) => e.used < 0 || e.used >= e.leased);
      if (short < 0) break;
      const granted = await this.lease(entries[short]!, claims[short]!);
      if (granted === 0) return { ok: false, index: short, count: entries[short]!.used };
    }
    for (const e of entries) e.used += 1;
    return { ok: true, counts: entries.map((e) => e.used) };
  }

  async count(keyId: string, subject: string, day: string): Promise<number> {
    const entry = this.entries.get(entryKey(keyId, subject, day));
    return entry && entry.leased > 0 ? entry.used : this.repository.count(keyId, subject, day);
  }

  /** Writes every quota's real count back over its lease. */
  async close(): Promise<void> {
    for (const e of this.entries.values()) {
      if (e.leasing) await e.leasing.catch(() => 0);
      if (e.leased > e.used) await this.repository.settle(e.keyId, e.subject, e.day, e.leased, e.used);
    }
    this.entries.clear();
  }

  private entry(keyId: string, subject: string, day: string): Entry {
    const id = entryKey(keyId, subject, day);
    let entry = this.entries.get(id);
    if (!entry) {
      if (this.entries.size >= this.maxEntries) this.dropEarlierDays(day);
      entry = { keyId, subject, day, used: -1, leased: 0, leasing: null };
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** Leases the next block; the first lease of a quota also learns what was used before. */
  private lease(entry: Entry, claim: QuotaClaim): Promise<number> {
    const block = Math.min(this.blockSize, Math.max(1, Math.ceil(claim.limit / 10)));
    entry.leasing = this.repository
      .lease(entry.keyId, claim, entry.day, block)
      .then(({ before, after }) => {
        if (entry.used < 0) entry.used = before;
        entry.leased = Math.max(entry.leased, after);
        return after - before;
      })
      .finally(() => {
        entry.leasing = null;
      });
    return entry.leasing;
  }

  /** Entries of days before `today` are settled in the background and forgotten. */
  private dropEarlierDays(today: string): void {
    for (const [id, e] of this.entries) {
      if (e.day >= today || e.leasing) continue;
      this.entries.delete(id);
      if (e.leased > e.used)
        void this.repository.settle(e.keyId, e.subject, e.day, e.leased, e.used).catch(() => {});
    }
  }
}

function entryKey(keyId: string, subject: string, day: string): string {
  return `${keyId}\u0000${subject}\u0000${day}`;
}
