import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { type Database, openDatabase } from './db/index.js';
import { ApiKeyRepository, ApiKeyService, DailyQuota, UsageRecorder } from './keys/index.js';
import { AuthFailureGuard, createRateLimitStore, type RateLimitStore } from './ratelimit/index.js';

/**
 * The composition root: every service, built once. The server and the CLI
 * both start here; tests build the same graph over their own database.
 */
export interface Services {
  config: Config;
  logger: Logger;
  clock: () => Date;
  database: Database;
  keyRepository: ApiKeyRepository;
  keys: ApiKeyService;
  dailyQuota: DailyQuota;
  usage: UsageRecorder;
  rateLimiter: RateLimitStore;
  authFailures: AuthFailureGuard;
  /** Flushes usage and closes every connection; safe to call once. */
  close(): Promise<void>;
}

export interface BuildServicesOptions {
  role: 'server' | 'cli';
  /** An already open database (tests); otherwise opened from config and migrated. */
  database?: Database;
  clock?: () => Date;
}

export async function buildServices(config: Config, logger: Logger, options: BuildServicesOptions): Promise<Services> {
  const clock = options.clock ?? (() => new Date());
  const database = options.database ?? (await openDatabase(config, logger, { role: options.role }));
  const keyRepository = new ApiKeyRepository(database.db);
  const keys = new ApiKeyService(keyRepository, config, clock);
  const usage = new UsageRecorder(keyRepository, logger);
  const rateLimiter =
    options.role === 'server'
      ? createRateLimitStore({ redisUrl: config.redisUrl, onRedisDown: config.rateLimitOnRedisDown, logger })
      : createRateLimitStore({ onRedisDown: 'fallback', logger });
  if (options.role === 'server') usage.start();

  return {
    config,
    logger,
    clock,
    database,
    keyRepository,
    keys,
    dailyQuota: new DailyQuota(keyRepository, config.demo.globalDailyLimit),
    usage,
    rateLimiter,
    authFailures: new AuthFailureGuard(rateLimiter, config.authFailuresPerMinute),
    async close() {
      await usage.close();
      await rateLimiter.close();
      await database.close();
    },
  };
}
