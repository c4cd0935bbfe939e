import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { type Database, openDatabase } from './db/index.js';
import { ConfigurationRepository } from './configurations/index.js';
import type { Owner } from './db/index.js';
import {
  GenerationService,
  InProcessQueue,
  JobFiles,
  JobRepository,
  JobService,
  PatientStreams,
} from './jobs/index.js';
import {
  Admission,
  ApiKeyRepository,
  ApiKeyService,
  DailyQuota,
  KeyChangeSubscription,
  LeasingCounter,
  NO_BROADCAST,
  QuotaRepository,
  RedisCounter,
  RedisKeyChangeBroadcast,
  ReservingCounter,
} from './keys/index.js';
import {
  AuthFailureGuard,
  createRateLimitStore,
  type RateLimitStore,
  RedisCounters,
} from './ratelimit/index.js';
import { RegistrationModeSetting, SettingsRepository } from './settings/index.js';
import { openFileStore } from './storage/index.js';
import { UsageRecorder, UsageRepository } from './usage/index.js';

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
  /** The self-service registration mode: an administrator's stored choice, else SELF_SERVICE_REGISTRATION. */
  registrationMode: RegistrationModeSetting;
  dailyQuota: DailyQuota;
  /** Decides, per request, whether it may proceed (keys, windows, daily quota). */
  admission: Admission;
  usage: UsageRecorder;
  /** The usage aggregates, for the CLI and the admin API. */
  usageRepository: UsageRepository;
  rateLimiter: RateLimitStore;
  authFailures: AuthFailureGuard;
  jobs: JobService;
  /** Prepares and submits generations (jobs and streams) within the caller's limits. */
  generation: GenerationService;
  configurations: ConfigurationRepository;
  /** Streamed generations in progress, bounded per key and per instance. */
  streams: PatientStreams;
  /** Starts background work: usage flushing and, on a server or worker, the job runner. */
  start(): Promise<void>;
  /**
   * Flushes usage and closes every connection; safe to call once. Running jobs get `jobGraceMs`
   * (default 0) to finish before they are marked interrupted.
   */
  close(options?: { jobGraceMs?: number }): Promise<void>;
}

export interface BuildServicesOptions {
  /** `worker`: a server without HTTP (`npm run worker`); it runs jobs like a server. */
  role: 'server' | 'worker' | 'cli';
  /** An already open database (tests); otherwise opened from config and migrated. */
  database?: Database;
  clock?: () => Date;
}

export async function buildServices(
  config: Config,
  logger: Logger,
  options: BuildServicesOptions,
): Promise<Services> {
  const clock = options.clock ?? (() => new Date());
  const database =
    options.database ??
    (await openDatabase(config, logger, { role: options.role === 'cli' ? 'cli' : 'server' }));
  // Loaded on demand: ioredis costs start-up time that the CLI and Redis-less servers do not need.
  const redisClients = config.redisUrl ? await import('./ratelimit/redis-store.js') : undefined;
  // Counts daily quotas and publishes key changes. The CLI never calls start(), so its client queues
  // commands until connected.
  const quotaRedis = redisClients?.failFastRedis(config.redisUrl as string, {
    redisOptions: { enableOfflineQueue: options.role === 'cli' },
  });
  const keyRepository = new ApiKeyRepository(database.db);
  const keys = new ApiKeyService(
    keyRepository,
    config,
    clock,
    (key, fields) =>
      logger.warn(
        { key_id: key.id, key_prefix: key.keyPrefix, fields },
        'API key limits out of bounds; clamped until an administrator fixes them',
      ),
    quotaRedis
      ? new RedisKeyChangeBroadcast(quotaRedis, (keyId, error) =>
          logger.warn(
            { key_id: keyId, err: error.message },
            'API key change not broadcast; other instances apply it within KEY_CACHE_TTL_MS',
          ),
        )
      : NO_BROADCAST,
  );
  // Only a server caches verifications, so only a server listens; the CLI publishes and exits.
  const keyChanges =
    redisClients && options.role === 'server'
      ? new KeyChangeSubscription(redisClients.failFastRedis(config.redisUrl as string), keys)
      : undefined;
  const usageRepository = new UsageRepository(database.db);
  const usage = new UsageRecorder(usageRepository, logger);
  const rateLimiter =
    options.role === 'server'
      ? await createRateLimitStore({
          redisUrl: config.redisUrl,
          onRedisDown: config.rateLimitOnRedisDown,
          commandTimeoutMs: config.redisCommandTimeoutMs,
          logger,
        })
      : await createRateLimitStore({ onRedisDown: 'fallback', logger });

  const recordJobPatients = (owner: Owner, _jobId: string, patients: number) => {
    if (owner.keyId) usage.recordJobPatients(owner.keyId, patients, clock()); // the legacy key has no row
  };
  const jobRepository = new JobRepository(database.db);
  const workerId = `${config.instanceId}:${randomUUID().slice(0, 8)}`;
  const queueOptions = {
    workerId,
    concurrency: config.jobConcurrency,
    takeShared: config.jobQueue.workers,
    pollIntervalMs: config.jobQueue.pollIntervalMs,
    timeoutSeconds: config.jobQueue.timeoutSeconds,
    // Throttled with the job service's maintenance log: a database outage fails every poll.
    onError: (err: unknown) => jobs.reportFailure(err),
  };
  // PostgreSQL: pg-boss on the same database, so any instance (or `npm run worker`) runs any job.
  // The embedded store has one process: the in-process queue over the jobs table. The CLI runs no
  // job and never starts its queue, so it does not load pg-boss.
  const pool = database.kind === 'postgres' && options.role !== 'cli' ? database.pool : undefined;
  // Loaded on demand, like ioredis: the CLI and embedded servers do not need it.
  const queue = pool
    ? new (await import('./jobs/pg-boss-queue.js')).PgBossQueue(jobRepository, {
        ...queueOptions,
        executeSql: (text, values) => pool.query(text, values),
        retryLimit: config.jobQueue.retryLimit,
        maintenanceSeconds: config.jobQueue.expiryCheckSeconds,
      })
    : new InProcessQueue(jobRepository, queueOptions);
  const jobs = new JobService(
    jobRepository,
    {
      dataDir: config.dataDir,
      concurrency: config.jobConcurrency,
      retentionHours: config.jobRetentionHours,
      heartbeatMs: config.jobQueue.heartbeatMs,
      timeoutSeconds: config.jobQueue.timeoutSeconds,
      workerId,
      queue,
      // The CLI touches no job file, so it never loads the S3 client.
      ...(options.role !== 'cli' && {
        files: new JobFiles(await openFileStore(config), join(config.dataDir, 'spool')),
      }),
    },
    clock,
    logger,
    recordJobPatients,
  );

  const configurations = new ConfigurationRepository(database.db);
  const streams = new PatientStreams({
    perHolder: config.streams.perKey,
    perInstance: config.streams.perInstance,
    stallTimeoutMs: config.streams.stallTimeoutMs,
  });

  const quotaRepository = new QuotaRepository(database.db);
  // Instances sharing Redis count there; one process owning an embedded store counts in memory;
  // instances sharing only PostgreSQL reserve each request in it (docs/API_KEY_MANAGEMENT.md, "Daily quotas").
  const dailyCounter = quotaRedis
    ? new RedisCounter(new RedisCounters(quotaRedis))
    : database.kind === 'embedded'
      ? new LeasingCounter(quotaRepository, { blockSize: config.dailyQuotaLeaseBlock })
      : new ReservingCounter(quotaRepository);
  const dailyQuota = new DailyQuota(dailyCounter, quotaRepository, config.demo.globalDailyLimit);
  const authFailures = new AuthFailureGuard(rateLimiter, config.authFailuresPerMinute);
  const admission = new Admission({
    keys,
    authFailures,
    rateLimiter,
    dailyQuota,
    ipv6SubnetPrefix: config.ipv6SubnetPrefix,
  });

  return {
    config,
    logger,
    clock,
    database,
    keyRepository,
    keys,
    registrationMode: new RegistrationModeSetting(
      new SettingsRepository(database.db),
      config.selfService.mode,
    ),
    dailyQuota,
    admission,
    usage,
    usageRepository,
    rateLimiter,
    authFailures,
    jobs,
    generation: new GenerationService(jobs, configurations, config.maxPatientsPerJob),
    configurations,
    streams,
    async start() {
      usage.start();
      // Each Redis client gets up to 2 s to connect, all at once: with Redis down, start-up waits 2 s, not 6.
      await Promise.all([
        'waitUntilReady' in rateLimiter ? rateLimiter.waitUntilReady(2000) : undefined,
        quotaRedis ? redisClients?.waitForRedis(quotaRedis, 2000) : undefined,
        keyChanges?.waitUntilSubscribed(2000),
      ]);
      if (options.role !== 'cli') await jobs.start();
    },
    async close(options = {}) {
      await streams.close();
      await jobs.close(options.jobGraceMs ?? 0);
      await jobs.files.store.close();
      await usage.close();
      await dailyQuota.close();
      quotaRedis?.disconnect();
      keyChanges?.close();
      await rateLimiter.close();
      await database.close();
    },
  };
}
