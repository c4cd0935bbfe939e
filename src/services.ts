import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { type Database, openDatabase } from './db/index.js';
import { ConfigurationRepository, JobRepository, JobService, type Owner, PatientStreams } from './jobs/index.js';
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
  jobs: JobService;
  configurations: ConfigurationRepository;
  /** Streamed generations in progress, bounded per key and per instance. */
  streams: PatientStreams;
  /** Starts background work: usage flushing and, on a server, the job runner. */
  start(): Promise<void>;
  /**
   * Flushes usage and closes every connection; safe to call once. Running jobs get `jobGraceMs`
   * (default 0) to finish before they are marked interrupted.
   */
  close(options?: { jobGraceMs?: number }): Promise<void>;
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
  const keys = new ApiKeyService(keyRepository, config, clock, (key, fields) =>
    logger.warn(
      { key_id: key.id, key_prefix: key.keyPrefix, fields },
      'API key limits out of bounds; clamped until an administrator fixes them',
    ),
  );
  const usage = new UsageRecorder(keyRepository, logger);
  const rateLimiter =
    options.role === 'server'
      ? createRateLimitStore({ redisUrl: config.redisUrl, onRedisDown: config.rateLimitOnRedisDown, logger })
      : createRateLimitStore({ onRedisDown: 'fallback', logger });

  const recordJobPatients = (owner: Owner, jobId: string, patients: number) => {
    if (!owner.keyId) return; // the legacy key has no row to count against
    usage.record({
      keyId: owner.keyId,
      at: clock(),
      method: 'JOB',
      route: `/api/v1/jobs/${jobId}`,
      statusCode: 200,
      patients,
      clientIp: null,
      admitted: false,
      countInDay: false,
      subject: owner.subject,
    });
  };
  const jobs = new JobService(
    new JobRepository(database.db),
    {
      dataDir: config.dataDir,
      concurrency: config.jobConcurrency,
      retentionHours: config.jobRetentionHours,
      singleProcess: database.kind === 'embedded',
    },
    clock,
    logger,
    recordJobPatients,
  );

  const streams = new PatientStreams({
    perHolder: config.streams.perKey,
    perInstance: config.streams.perInstance,
    stallTimeoutMs: config.streams.stallTimeoutMs,
  });

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
    jobs,
    configurations: new ConfigurationRepository(database.db),
    streams,
    async start() {
      usage.start();
      if ('waitUntilReady' in rateLimiter) await rateLimiter.waitUntilReady(2000);
      if (options.role === 'server') await jobs.start();
    },
    async close(options = {}) {
      await streams.close();
      await jobs.stop(options.jobGraceMs ?? 0);
      await usage.close();
      await rateLimiter.close();
      await database.close();
    },
  };
}
