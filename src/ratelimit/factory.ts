import { FallbackStore, type RedisDownPolicy } from './fallback-store.js';
import { MemoryStore } from './memory-store.js';
import type { RateLimitLogger } from './store.js';

export interface RateLimitStoreConfig {
  /** When set, limits are shared through Redis; otherwise they live in this process's memory. */
  readonly redisUrl?: string | undefined;
  /** Behaviour while Redis is unreachable (default `fallback`). */
  readonly onRedisDown?: RedisDownPolicy;
  readonly logger: RateLimitLogger;
  /** Per-command timeout for Redis (default 300 ms). */
  readonly commandTimeoutMs?: number;
}

/**
 * Builds the store for the app: a `MemoryStore` without `redisUrl`, else a `FallbackStore` over a
 * fail-fast `RedisStore`. Connecting starts immediately and never throws; await
 * `waitUntilReady()` on the FallbackStore at start-up to avoid a spurious outage warning.
 * The Redis store (and ioredis) is loaded only when a URL is given, so the CLI starts without it.
 */
export async function createRateLimitStore(
  config: RateLimitStoreConfig,
): Promise<MemoryStore | FallbackStore> {
  if (config.redisUrl === undefined || config.redisUrl === '') return new MemoryStore();
  const { RedisStore } = await import('./redis-store.js');
  const primary = new RedisStore({
    url: config.redisUrl,
    ...(config.commandTimeoutMs !== undefined && { commandTimeoutMs: config.commandTimeoutMs }),
  });
  return new FallbackStore({ primary, logger: config.logger, policy: config.onRedisDown ?? 'fallback' });
}
