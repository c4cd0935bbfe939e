/**
 * Rate limiting: per-subject limits over several rolling windows at once (minute and hour by
 * default), all-or-nothing, with exact Retry-After. A sliding window of sub-buckets keeps memory
 * and time per check constant for limits up to 100,000,000 per window (docs/ratelimit.md).
 *
 * Lives here: the store port (`store.ts`), the in-memory, Redis and fallback stores, rule helpers,
 * and clocks. Headers and texts for responses are built in `src/http`.
 * May import: node built-ins, ioredis, and `keys/bounds.ts` (the one set of limit bounds, which
 * imports nothing). NOT fastify, NOT the db, NOT the rest of `keys`; the HTTP layer maps
 * decisions to responses, and key records (limits per key) are resolved by the caller.
 */
export { AuthFailureGuard } from './auth-failure-guard.js';
export { BucketRing } from './bucket-ring.js';
export { clientSubject } from './client-subject.js';
export { tightestWindow, unavailableDecision } from './decision.js';
export { createRateLimitStore, type RateLimitStoreConfig } from './factory.js';
export { FallbackStore, type FallbackStoreOptions, type RedisDownPolicy } from './fallback-store.js';
export { MemoryStore } from './memory-store.js';
export { type CounterTake, RedisCounters } from './redis-quota.js';
// `RedisStore` is imported from './redis-store.js' directly: loading ioredis costs start-up time the
// CLI and Redis-less servers do not need, so only the factory loads it, on demand.
export type { RedisStore, RedisStoreOptions } from './redis-store.js';
export { MAX_BUCKETS, MAX_LIMIT, minuteAndHourRules, validateRules } from './rules.js';
export type {
  RateDecision,
  RateLimitLogger,
  RateLimitStore,
  StoreStatus,
  WindowRule,
  WindowState,
} from './store.js';
