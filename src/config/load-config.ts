import { hostname } from 'node:os';
import envSchema from 'env-schema';
import type { Static } from 'typebox';
import type { RegistrationMode } from './registration-modes.js';
import { EnvSchema } from './schema.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

type Env = Static<typeof EnvSchema>;

/** Secrets are trimmed before validation: surrounding whitespace can never be sent back in a header. */
const TRIMMED = new Set(['API_KEY', 'METRICS_TOKEN', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
/** Never repeated in an error: secrets, and URLs that may carry a password. */
const NOT_ECHOED = new Set([
  'API_KEY',
  'METRICS_TOKEN',
  'DATABASE_URL',
  'REDIS_URL',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
]);
/** The S3 variables that mean nothing without S3_BUCKET. */
const S3_SETTINGS = ['S3_ENDPOINT', 'S3_REGION', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX', 'S3_ACCESS_KEY_ID'];

/** Object storage for job files (`S3_*`); the SDK's own chain fills in what is unset. */
export interface S3Config {
  readonly bucket: string;
  /** Prepended to every object key; empty or ending in `/`. */
  readonly prefix: string;
  readonly endpoint: string | undefined;
  readonly region: string | undefined;
  readonly forcePathStyle: boolean;
  /** Unset: the SDK's default credential chain. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** PostgreSQL: connecting or waiting for a pooled connection fails after this long. */
  readonly dbConnectTimeoutMs: number;
  /** PostgreSQL: `statement_timeout`; the client gives up 1 s later if the server does not answer. 0 = none. */
  readonly dbStatementTimeoutMs: number;
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  /** Set when `S3_BUCKET` is: job files go to object storage instead of `DATA_DIR`. */
  readonly s3: S3Config | undefined;
  readonly legacyApiKey: string | undefined;
  readonly logLevel: string;
  readonly corsOrigins: readonly string[];
  readonly trustProxy: TrustProxy;
  /** IPv6 clients are counted per network of this many leading bits (per-IP limits, demo ownership). */
  readonly ipv6SubnetPrefix: number;
  /** Bearer token that may read `/metrics`; unset: only admin keys may. */
  readonly metricsToken: string | undefined;
  /** The `instance` label of `/metrics`: `INSTANCE_ID`, else `<hostname>:<pid>`. */
  readonly instanceId: string;
  readonly bodyLimitBytes: number;
  readonly keyCacheTtlMs: number;
  readonly demo: {
    readonly patientLimit: number;
    readonly dailyLimit: number;
    readonly perMinute: number;
    readonly perHour: number;
    readonly globalDailyLimit: number;
  };
  /** Personal keys people register for themselves. */
  readonly selfService: {
    /**
     * The registration mode until an administrator stores one (`src/settings`): `approval` keeps new
     * keys inactive (pending) until an admin approves them; `off` answers 404.
     */
    readonly mode: RegistrationMode;
    readonly patientLimit: number;
    readonly dailyLimit: number;
    readonly perMinute: number;
    readonly perHour: number;
    readonly expiresDays: number;
    /** Registrations accepted per client IP (IPv6: per network) in any hour. */
    readonly registrationsPerHour: number;
  };
  readonly authFailuresPerMinute: number;
  /** Embedded store: requests leased per database write; a crash wastes at most this many per quota. */
  readonly dailyQuotaLeaseBlock: number;
  readonly rateLimitOnRedisDown: 'fallback' | 'fail-closed';
  /** How long one rate-limit command may wait for Redis before the instance treats Redis as down. */
  readonly redisCommandTimeoutMs: number;
  readonly jobConcurrency: number;
  readonly jobRetentionHours: number;
  /** Who runs jobs, and how a dead worker's job is found (README, "Jobs"). */
  readonly jobQueue: {
    /** `false` (`JOB_WORKERS=0`): this instance runs only the encrypted jobs it created. */
    readonly workers: boolean;
    /** The longest one attempt may run; with PostgreSQL a dead worker's job is retried soon after it. */
    readonly timeoutSeconds: number;
    /** Deliveries after the first for a job whose worker died or handed it back at shutdown. */
    readonly retryLimit: number;
    readonly pollIntervalMs: number;
    /** How often an instance marks its jobs alive and sees cancellations made elsewhere. */
    readonly heartbeatMs: number;
    /** PostgreSQL: how often expired attempts (dead workers) are looked for. */
    readonly expiryCheckSeconds: number;
  };
  readonly maxPatientsPerJob: number;
  /** On SIGTERM, how long running jobs may take to finish before they are marked interrupted. */
  readonly shutdownGraceMs: number;
  readonly streams: {
    /** Open streams per key (per key and client IP for the demo key). */
    readonly perKey: number;
    readonly perInstance: number;
    readonly stallTimeoutMs: number;
  };
}

/** Raised when the environment is invalid; the message has one line per bad variable, naming it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses and validates the environment once. Empty strings count as unset, so
 * `API_KEY=` in a compose file disables the legacy key rather than failing.
 * @throws ConfigError naming each bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const data: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = TRIMMED.has(key) ? env[key]?.trim() : env[key];
    if (value !== undefined && value !== '') data[key] = value;
  }
  const problems: string[] = [];
  let parsed: Env | undefined;
  try {
    parsed = envSchema<Env>({ schema: EnvSchema, data, dotenv: false });
  } catch (error) {
    problems.push(...describeEnvError(error, data));
  }
  const trustProxy = parseTrustProxy(data.TRUST_PROXY ?? 'false');
  if (!trustProxy.ok) problems.push(trustProxy.reason);
  problems.push(...s3Problems(data));
  if (parsed && parsed.JOB_WORKERS === 0 && !parsed.DATABASE_URL) {
    problems.push(
      'JOB_WORKERS=0 needs DATABASE_URL: on the embedded store only the server process runs jobs',
    );
  }
  if (!parsed || !trustProxy.ok || problems.length) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return Object.freeze({
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    dbConnectTimeoutMs: parsed.DB_CONNECT_TIMEOUT_MS,
    dbStatementTimeoutMs: parsed.DB_STATEMENT_TIMEOUT_MS,
    dataDir: parsed.DATA_DIR,
    redisUrl: parsed.REDIS_URL,
    s3: parsed.S3_BUCKET
      ? Object.freeze({
          bucket: parsed.S3_BUCKET,
          prefix: parsed.S3_PREFIX ?? '',
          endpoint: parsed.S3_ENDPOINT,
          region: parsed.S3_REGION,
          forcePathStyle: parsed.S3_FORCE_PATH_STYLE,
          credentials:
            parsed.S3_ACCESS_KEY_ID && parsed.S3_SECRET_ACCESS_KEY
              ? Object.freeze({
                  accessKeyId: parsed.S3_ACCESS_KEY_ID,
                  secretAccessKey: parsed.S3_SECRET_ACCESS_KEY,
                })
              : undefined,
        })
      : undefined,
    legacyApiKey: parsed.API_KEY,
    logLevel: parsed.LOG_LEVEL,
    corsOrigins: Object.freeze(
      parsed.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
    trustProxy: trustProxy.value,
    ipv6SubnetPrefix: parsed.IPV6_SUBNET_PREFIX,
    metricsToken: parsed.METRICS_TOKEN,
    instanceId: parsed.INSTANCE_ID ?? `${hostname()}:${process.pid}`,
    bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
    keyCacheTtlMs: parsed.KEY_CACHE_TTL_MS,
    demo: Object.freeze({
      patientLimit: parsed.DEMO_PATIENT_LIMIT,
      dailyLimit: parsed.DEMO_DAILY_LIMIT,
      perMinute: parsed.DEMO_RATE_PER_MINUTE,
      perHour: parsed.DEMO_RATE_PER_HOUR,
      globalDailyLimit: parsed.DEMO_GLOBAL_DAILY_LIMIT,
    }),
    selfService: Object.freeze({
      mode: parsed.SELF_SERVICE_REGISTRATION,
      patientLimit: parsed.SELF_SERVICE_PATIENT_LIMIT,
      dailyLimit: parsed.SELF_SERVICE_DAILY_LIMIT,
      perMinute: parsed.SELF_SERVICE_RATE_PER_MINUTE,
      perHour: parsed.SELF_SERVICE_RATE_PER_HOUR,
      expiresDays: parsed.SELF_SERVICE_EXPIRES_DAYS,
      registrationsPerHour: parsed.SELF_SERVICE_REGISTRATIONS_PER_HOUR,
    }),
    authFailuresPerMinute: parsed.AUTH_FAILURES_PER_MINUTE,
    dailyQuotaLeaseBlock: parsed.DAILY_QUOTA_LEASE_BLOCK,
    rateLimitOnRedisDown: parsed.RATE_LIMIT_ON_REDIS_DOWN,
    redisCommandTimeoutMs: parsed.REDIS_COMMAND_TIMEOUT_MS,
    jobConcurrency: parsed.JOB_CONCURRENCY,
    jobRetentionHours: parsed.JOB_RETENTION_HOURS,
    jobQueue: Object.freeze({
      workers: parsed.JOB_WORKERS === 1,
      timeoutSeconds: parsed.JOB_TIMEOUT_SECONDS,
      retryLimit: parsed.JOB_RETRY_LIMIT,
      pollIntervalMs: parsed.JOB_POLL_INTERVAL_MS,
      heartbeatMs: parsed.JOB_HEARTBEAT_MS,
      expiryCheckSeconds: parsed.JOB_EXPIRY_CHECK_SECONDS,
    }),
    maxPatientsPerJob: parsed.MAX_PATIENTS_PER_JOB,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    streams: Object.freeze({
      perKey: parsed.STREAMS_PER_KEY,
      perInstance: parsed.STREAMS_PER_INSTANCE,
      stallTimeoutMs: parsed.STREAM_STALL_TIMEOUT_MS,
    }),
  });
}

/** S3 settings that contradict each other: one line each, like a bad value. */
function s3Problems(data: Record<string, string>): string[] {
  const problems: string[] = [];
  if (!data.S3_BUCKET) {
    const orphans = S3_SETTINGS.filter((name) => data[name] !== undefined);
    if (orphans.length)
      problems.push(`${orphans.join(', ')} set without S3_BUCKET (set S3_BUCKET to store job files in S3)`);
  }
  if ((data.S3_ACCESS_KEY_ID === undefined) !== (data.S3_SECRET_ACCESS_KEY === undefined)) {
    problems.push(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither, for the SDK credential chain)',
    );
  }
  return problems;
}

interface EnvSchemaError {
  instancePath?: string;
  params?: Record<string, unknown>;
}

/** One line per bad variable: its name, what it accepts (read from the schema), and what it got. */
function describeEnvError(error: unknown, data: Record<string, string>): string[] {
  const errors = (error as { errors?: EnvSchemaError[] }).errors;
  if (!Array.isArray(errors)) return [(error as Error).message];
  const variables = new Set(
    errors.map((e) => e.instancePath?.replace(/^\//, '') || String(e.params?.missingProperty ?? '')),
  );
  return [...variables].map((variable) => {
    const value = data[variable];
    if (value !== undefined && NOT_ECHOED.has(variable)) return `${variable} must be ${accepted(variable)}`;
    const got = value === undefined ? 'it is missing' : `got ${JSON.stringify(value)}`;
    return `${variable} must be ${accepted(variable)} (${got})`;
  });
}

/** What a variable accepts, in words, from its schema. */
function accepted(variable: string): string {
  const schema = (EnvSchema.properties as unknown as Record<string, Record<string, unknown>>)[variable] ?? {};
  const options = (schema.anyOf as { const?: unknown }[] | undefined)?.map((o) => o.const);
  if (options) return `one of ${options.join(', ')}`;
  if (schema.type === 'boolean') return 'true or false';
  const { minimum, maximum, exclusiveMinimum, pattern, minLength } = schema;
  if (schema.type === 'integer' || schema.type === 'number') {
    const kind = schema.type === 'integer' ? 'an integer' : 'a number';
    if (minimum !== undefined && maximum !== undefined) return `${kind} from ${minimum} to ${maximum}`;
    if (minimum !== undefined) return `${kind} of at least ${minimum}`;
    if (exclusiveMinimum !== undefined) return `${kind} above ${exclusiveMinimum}`;
    return kind;
  }
  if (pattern !== undefined) return `a string matching ${pattern}`;
  if (minLength !== undefined) return `a string of at least ${minLength} characters`;
  return 'valid';
}
