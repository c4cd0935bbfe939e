import { MemoryStore } from './memory-store.js';
import type { RateLimitStore, WindowRule } from './store.js';

/**
 * Limits failed authentications per client IP. Each 401 is counted in a
 * shared one-minute window; once the window refuses, the IP is blocked on
 * this instance until the window has room again, and its requests get 429
 * without touching the key store or the database.
 *
 * When the shared store cannot decide (a fail-closed store with Redis down),
 * failures are counted in this process instead: the throttle exists to keep
 * key guesses off the database, which matters most during an outage.
 */
export class AuthFailureGuard {
  private readonly blockedUntil = new Map<string, number>();
  private readonly rule: WindowRule;

  constructor(
    private readonly store: RateLimitStore,
    failuresPerMinute: number,
    private readonly fallback = new MemoryStore(),
  ) {
    this.rule = { name: 'auth-failures', limit: failuresPerMinute, windowMs: 60_000, bucketMs: 1_000 };
  }

  /** Milliseconds the IP must still wait, or 0 when it may try. */
  blockedFor(ip: string, nowMs: number): number {
    const until = this.blockedUntil.get(ip);
    if (until === undefined) return 0;
    if (until <= nowMs) {
      this.blockedUntil.delete(ip);
      return 0;
    }
    return until - nowMs;
  }

  /** Counts a failure; returns the wait in ms when this failure tipped the IP over its allowance. */
  async recordFailure(ip: string, nowMs: number): Promise<number> {
    const subject = `authfail:${ip}`;
    let decision = await this.store.consume(subject, [this.rule], nowMs);
    if (decision.unavailable) decision = this.fallback.consumeSync(subject, [this.rule], nowMs);
    if (decision.allowed) return 0;
    if (this.blockedUntil.size > 100_000) this.blockedUntil.clear();
    this.blockedUntil.set(ip, nowMs + decision.retryAfterMs);
    return decision.retryAfterMs;
  }
}
