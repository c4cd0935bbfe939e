import { BucketRing } from './bucket-ring.js';
import { validateRules } from './rules.js';
import type { RateDecision, RateLimitStore, StoreStatus, WindowRule, WindowState } from './store.js';

interface SubjectEntry {
  readonly rings: Map<string, BucketRing>;
  /** After this time every count in `rings` has expired, so the entry may be dropped. */
  expiresAt: number;
  /** When the entry was last moved to the end of the Map (the Map is kept in rough last-use order). */
  movedAt: number;
}

/** A sweep runs every SWEEP_EVERY calls and examines at most SWEEP_MAX entries: bounded work, yet faster than inserts. */
const SWEEP_EVERY = 8;
const SWEEP_MAX = 32;
/** Re-ordering an entry costs a Map delete + set; do it at most once per this many ms per subject. */
const REORDER_MS = 1_000;

/**
 * Rate-limit counts in process memory: exact for one process, per-instance when several run.
 *
 * Per subject and window it holds one `BucketRing` (a Uint32Array of n+1 buckets and a running
 * sum), so memory per subject is bounded (about 4 bytes per bucket plus ~150 bytes per window) and
 * a check costs O(windows + elapsed buckets), never O(requests).
 *
 * Rule changes apply at once: a new `limit` keeps the counts; a new `windowMs`/`bucketMs` for a
 * window name starts that window afresh. Subjects idle longer than their longest window (+ one
 * bucket) are evicted by a small bounded sweep every few calls (no timers). The Map is kept in
 * rough last-use order, so the sweep stops at the first live entry; an idle entry can linger
 * behind a live one for at most the longest window in use (plus a second).
 *
 * Never fails except on invalid rules (`RangeError`).
 */
export class MemoryStore implements RateLimitStore {
  readonly #subjects = new Map<string, SubjectEntry>();
  #calls = 0;
  #closed = false;

  /** Synchronous `consume` for the HTTP hot path; throws `RangeError` on invalid rules. */
  consumeSync(subject: string, rules: readonly WindowRule[], nowMs: number): RateDecision {
    validateRules(rules);
    if (++this.#calls % SWEEP_EVERY === 0) this.#sweep(nowMs);

    let entry = this.#subjects.get(subject);
    if (entry === undefined) {
      entry = { rings: new Map(), expiresAt: 0, movedAt: nowMs };
      this.#subjects.set(subject, entry);
    } else if (nowMs - entry.movedAt >= REORDER_MS) {
      this.#subjects.delete(subject); // re-insert at the end: the Map stays in rough last-use order
      this.#subjects.set(subject, entry);
      entry.movedAt = nowMs;
    }

    const rings: BucketRing[] = [];
    let allowed = true;
    let ttl = 0;
    for (const rule of rules) {
      let ring = entry.rings.get(rule.name);
      if (ring === undefined || ring.windowMs !== rule.windowMs || ring.bucketMs !== rule.bucketMs) {
        ring = new BucketRing(rule.windowMs, rule.bucketMs);
        entry.rings.set(rule.name, ring);
      }
      ring.advance(nowMs);
      if (ring.sum >= rule.limit) allowed = false;
      rings.push(ring);
      ttl = Math.max(ttl, rule.windowMs + rule.bucketMs);
    }
    if (entry.rings.size > rules.length) pruneRings(entry.rings, rules);
    entry.expiresAt = Math.max(entry.expiresAt, nowMs + ttl);

    const windows: WindowState[] = [];
    const violated: string[] = [];
    let retryAfterMs = 0;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      const ring = rings[i]!;
      if (allowed) ring.record();
      const wait = allowed ? 0 : ring.retryAfterMs(nowMs, rule.limit);
      if (wait > 0) {
        violated.push(rule.name);
        retryAfterMs = Math.max(retryAfterMs, wait);
      }
      windows.push({
        name: rule.name,
        limit: rule.limit,
        windowMs: rule.windowMs,
        remaining: Math.max(0, rule.limit - ring.sum),
        resetMs: ring.resetMs(nowMs),
        retryAfterMs: wait,
      });
    }
    return { allowed, windows, violated, retryAfterMs };
  }

  /** `consumeSync` as a promise; rejects with `RangeError` on invalid rules. */
  async consume(subject: string, rules: readonly WindowRule[], nowMs: number): Promise<RateDecision> {
    return this.consumeSync(subject, rules, nowMs);
  }

  /** Number of subjects currently held (for health metrics and tests). */
  get subjectCount(): number {
    return this.#subjects.size;
  }

  /** Bucket slots held for one subject's window, or undefined if none (for tests and metrics). */
  bucketSlots(subject: string, ruleName: string): number | undefined {
    return this.#subjects.get(subject)?.rings.get(ruleName)?.size;
  }

  status(): StoreStatus {
    return this.#closed ? 'down' : 'ok';
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#subjects.clear();
  }

  #sweep(nowMs: number): void {
    let examined = 0;
    for (const [subject, entry] of this.#subjects) {
      if (examined++ >= SWEEP_MAX || entry.expiresAt > nowMs) return;
      this.#subjects.delete(subject);
    }
  }
}

function pruneRings(rings: Map<string, BucketRing>, rules: readonly WindowRule[]): void {
  for (const name of rings.keys()) {
    if (!rules.some((r) => r.name === name)) rings.delete(name);
  }
}
