import { performance } from 'node:perf_hooks';
import { unavailableDecision } from './decision.js';
import { MemoryStore } from './memory-store.js';
import type { RedisStore } from './redis-store.js';
import { validateRules } from './rules.js';
import type { RateDecision, RateLimitLogger, RateLimitStore, StoreStatus, WindowRule } from './store.js';

/**
 * What to do while Redis is unreachable: `fallback` decides from per-instance memory (so N
 * instances may admit up to N x the limit); `fail-closed` answers an `unavailable` decision (503).
 */
export type RedisDownPolicy = 'fallback' | 'fail-closed';

export interface FallbackStoreOptions {
  readonly primary: RedisStore;
  readonly logger: RateLimitLogger;
  /** Default `fallback`. */
  readonly policy?: RedisDownPolicy;
  /** The in-memory store used under `fallback` (default: a new `MemoryStore`). */
  readonly fallback?: MemoryStore;
  /** `retryAfterMs` of the `unavailable` decision under `fail-closed` (default 1000). */
  readonly unavailableRetryAfterMs?: number;
  /**
   * While degraded but connected (Redis hung or slow), one request per this many ms (real time)
   * probes Redis; all others skip it (default 1000).
   */
  readonly probeIntervalMs?: number;
}

/**
 * A `RedisStore` that never fails its caller. While Redis errors or is unreachable it is
 * `degraded` (policy `fallback`, decisions from memory) or `down` (policy `fail-closed`, decisions
 * `{ allowed: false, unavailable: true }`). It logs ONE warning per outage and one info line on
 * recovery. Recovery is automatic: ioredis keeps reconnecting, and the store returns to `ok` on the
 * client's `ready` event or when a probe succeeds. While degraded, requests do not wait for Redis:
 * a disconnected client fails at once, and a connected but hung Redis is probed by at most one
 * request per `probeIntervalMs` (that request waits up to the command timeout).
 *
 * Counts made in memory during an outage are not copied to Redis; after recovery Redis counts
 * resume from what it held (or from zero after a Redis restart without persistence).
 *
 * Failure modes: rejects only for invalid rules (`RangeError`), a programming error.
 */
export class FallbackStore implements RateLimitStore {
  readonly #primary: RedisStore;
  readonly #fallback: MemoryStore;
  readonly #logger: RateLimitLogger;
  readonly #policy: RedisDownPolicy;
  readonly #unavailableRetryAfterMs: number;
  readonly #probeIntervalMs: number;
  #degraded = false;
  #probing = false;
  #nextProbeAt = 0;
  #closed = false;
  readonly #onReady = () => this.#recover('reconnected');
  readonly #onError = (err: unknown) => this.#degrade(err);
  readonly #onClose = () => this.#degrade(new Error('connection closed'));

  constructor(options: FallbackStoreOptions) {
    this.#primary = options.primary;
    this.#fallback = options.fallback ?? new MemoryStore();
    this.#logger = options.logger;
    this.#policy = options.policy ?? 'fallback';
    this.#unavailableRetryAfterMs = options.unavailableRetryAfterMs ?? 1_000;
    this.#probeIntervalMs = options.probeIntervalMs ?? 1_000;
    const client = this.#primary.client;
    client.on('ready', this.#onReady);
    client.on('error', this.#onError);
    client.on('close', this.#onClose);
  }

  async consume(subject: string, rules: readonly WindowRule[], nowMs: number): Promise<RateDecision> {
    validateRules(rules);
    if (!this.#degraded) {
      try {
        return await this.#primary.consume(subject, rules, nowMs);
      } catch (err) {
        this.#degrade(err);
      }
    } else if (!this.#probing && this.#primary.status() === 'ok' && performance.now() >= this.#nextProbeAt) {
      this.#probing = true;
      try {
        const decision = await this.#primary.consume(subject, rules, nowMs);
        this.#recover('probe succeeded');
        return decision;
      } catch {
        // Still unavailable; the outage was already logged.
      } finally {
        this.#probing = false;
        this.#nextProbeAt = performance.now() + this.#probeIntervalMs;
      }
    }
    if (this.#policy === 'fail-closed') return unavailableDecision(this.#unavailableRetryAfterMs);
    return this.#fallback.consumeSync(subject, rules, nowMs);
  }

  /** `ok` on Redis; `degraded` on the memory fallback; `down` under fail-closed or after close. */
  status(): StoreStatus {
    if (this.#closed) return 'down';
    if (!this.#degraded) return 'ok';
    return this.#policy === 'fallback' ? 'degraded' : 'down';
  }

  /** Resolves true once Redis is ready (false after `timeoutMs`); call at start-up. Never rejects. */
  waitUntilReady(timeoutMs = 2_000): Promise<boolean> {
    return this.#primary.waitUntilReady(timeoutMs);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const client = this.#primary.client;
    client.off('ready', this.#onReady);
    client.off('error', this.#onError);
    client.off('close', this.#onClose);
    await this.#primary.close();
    await this.#fallback.close();
  }

  #degrade(err: unknown): void {
    if (this.#degraded || this.#closed) return;
    this.#degraded = true;
    const message = err instanceof Error ? err.message : String(err);
    this.#logger.warn(
      { reason: message, policy: this.#policy },
      this.#policy === 'fallback'
        ? 'rate limit: Redis unavailable, deciding from per-instance memory until it recovers'
        : 'rate limit: Redis unavailable, refusing requests (fail-closed) until it recovers',
    );
  }

  #recover(how: string): void {
    if (!this.#degraded || this.#closed) return;
    this.#degraded = false;
    this.#logger.info({ how }, 'rate limit: Redis available again, shared limits restored');
  }
}
