/**
 * The rate-limit port: the value types every store speaks, and the store interface itself.
 * Stores differ only in where counts live (process memory, Redis); the semantics are the same and
 * are pinned by one contract suite (test/ratelimit/store-contract.ts).
 */

/**
 * One rolling window of a rate limit, e.g. `{ name: 'minute', limit: 10, windowMs: 60_000, bucketMs: 1_000 }`.
 *
 * `windowMs` must be a whole multiple of `bucketMs`; see `validateRules` for the exact bounds.
 * `name` identifies the window for the subject: a later call with the same name and the same
 * `windowMs`/`bucketMs` keeps its counts even when `limit` changes.
 */
export interface WindowRule {
  readonly name: string;
  /** Requests admitted in any span of `windowMs`; 1 ..= 100,000,000. */
  readonly limit: number;
  readonly windowMs: number;
  /** Granularity of the sliding window; the window is kept as `windowMs / bucketMs + 1` buckets. */
  readonly bucketMs: number;
}

/** The state of one window after a decision. */
export interface WindowState {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  /** Requests that would still be admitted now by this window alone (never negative). */
  readonly remaining: number;
  /**
   * Milliseconds until every request currently counted in this window has expired, i.e. until the
   * full `limit` is available again (0 when nothing is counted).
   */
  readonly resetMs: number;
  /**
   * Milliseconds until this window has room for one more request; 0 when it has room now.
   * Non-zero only on a rejected decision, for the windows named in `violated`.
   */
  readonly retryAfterMs: number;
}

/** The outcome of one `consume`. A denial is a value, never an exception. */
export interface RateDecision {
  /** True when the request was admitted and recorded in every window. */
  readonly allowed: boolean;
  /** One state per rule, in the order of the rules passed in (empty when `unavailable`). */
  readonly windows: readonly WindowState[];
  /** Names of the windows that had no room (empty when allowed). */
  readonly violated: readonly string[];
  /**
   * 0 when allowed. On rejection: the exact milliseconds until every violated window has room for
   * one more request (assuming nothing else is admitted meanwhile); a retry at or after that time
   * succeeds, a retry 1 ms earlier does not.
   */
  readonly retryAfterMs: number;
  /** Set (true) only by a fail-closed store whose backend is unreachable: answer 503, not 429. */
  readonly unavailable?: true;
}

/** Health of a store: `degraded` = serving from a fallback; `down` = not able to decide. */
export type StoreStatus = 'ok' | 'degraded' | 'down';

/**
 * A place where rate-limit counts live.
 *
 * `consume` checks every rule and records the request in all of them only if all admit it
 * (all-or-nothing; rejected requests are never counted). `nowMs` comes from the caller's injected
 * clock, so tests control time and instances sharing a store must have synchronised clocks.
 *
 * Failure modes: invalid rules are a programming error and reject with a `RangeError`. Backend
 * failures are store-specific and documented on each implementation.
 */
export interface RateLimitStore {
  consume(subject: string, rules: readonly WindowRule[], nowMs: number): Promise<RateDecision>;
  /** Present when the store can decide synchronously (the in-memory store): same contract as `consume`. */
  consumeSync?(subject: string, rules: readonly WindowRule[], nowMs: number): RateDecision;
  status(): StoreStatus;
  /** Releases connections; the store must not be used afterwards. Never rejects. */
  close(): Promise<void>;
}

/** The logging surface the stores use (a pino logger fits). */
export interface RateLimitLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}
