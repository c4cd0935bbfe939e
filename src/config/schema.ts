import { Type } from 'typebox';
import { REGISTRATION_MODES } from './registration-modes.js';

/**
 * Every environment variable the service reads, with its default.
 * The README's configuration table is written from this schema; keep them in step.
 */
export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
  HOST: Type.String({ default: '0.0.0.0', minLength: 1 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DB_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 2000 }),
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 5000 }),
  DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  // Job files in S3-compatible object storage; unset S3_BUCKET keeps them on the disk under DATA_DIR.
  S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+/?$' })),
  S3_REGION: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$' })),
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: false }),
  S3_PREFIX: Type.Optional(Type.String({ pattern: '^([A-Za-z0-9_.-]+/)+$' })),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  // Trimmed before validation: a key pasted with a trailing newline could never be presented.
  API_KEY: Type.Optional(Type.String({ minLength: 16 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  CORS_ORIGINS: Type.String({ default: 'http://localhost:3000,http://localhost:8000' }),
  TRUST_PROXY: Type.String({ default: 'false' }),
  IPV6_SUBNET_PREFIX: Type.Integer({ minimum: 1, maximum: 128, default: 64 }),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  INSTANCE_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  KEY_CACHE_TTL_MS: Type.Integer({ minimum: 0, maximum: 5000, default: 5000 }),
  DEMO_PATIENT_LIMIT: Type.Integer({ minimum: 1, default: 500 }),
  DEMO_DAILY_LIMIT: Type.Integer({ minimum: 1, default: 100 }),
  DEMO_RATE_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  DEMO_RATE_PER_HOUR: Type.Integer({ minimum: 1, default: 50 }),
  DEMO_GLOBAL_DAILY_LIMIT: Type.Integer({ minimum: 1, default: 10_000 }),
  // Self-service personal keys (POST /api/v1/keys/register): the mode until an administrator sets one.
  SELF_SERVICE_REGISTRATION: Type.Union(
    REGISTRATION_MODES.map((mode) => Type.Literal(mode)),
    { default: 'open' },
  ),
  SELF_SERVICE_PATIENT_LIMIT: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 1000 }),
  SELF_SERVICE_DAILY_LIMIT: Type.Integer({ minimum: 1, maximum: 100_000_000, default: 200 }),
  SELF_SERVICE_RATE_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100_000_000, default: 20 }),
  SELF_SERVICE_RATE_PER_HOUR: Type.Integer({ minimum: 1, maximum: 100_000_000, default: 200 }),
  SELF_SERVICE_EXPIRES_DAYS: Type.Integer({ minimum: 1, maximum: 36_500, default: 365 }),
  SELF_SERVICE_REGISTRATIONS_PER_HOUR: Type.Integer({ minimum: 1, maximum: 10_000, default: 3 }),
  AUTH_FAILURES_PER_MINUTE: Type.Integer({ minimum: 1, default: 20 }),
  DAILY_QUOTA_LEASE_BLOCK: Type.Integer({ minimum: 1, maximum: 10_000, default: 50 }),
  RATE_LIMIT_ON_REDIS_DOWN: Type.Union([Type.Literal('fallback'), Type.Literal('fail-closed')], {
    default: 'fallback',
  }),
  REDIS_COMMAND_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 300 }),
  JOB_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
  // 0: this instance runs no shared jobs (an API-only instance beside `npm run worker`); needs DATABASE_URL.
  JOB_WORKERS: Type.Integer({ minimum: 0, maximum: 1, default: 1 }),
  JOB_TIMEOUT_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  JOB_RETRY_LIMIT: Type.Integer({ minimum: 0, maximum: 20, default: 2 }),
  JOB_POLL_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 1000 }),
  JOB_HEARTBEAT_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 5000 }),
  JOB_EXPIRY_CHECK_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  JOB_RETENTION_HOURS: Type.Number({ exclusiveMinimum: 0, default: 24 }),
  MAX_PATIENTS_PER_JOB: Type.Integer({ minimum: 1, default: 100_000 }),
  STREAMS_PER_KEY: Type.Integer({ minimum: 1, maximum: 1000, default: 2 }),
  STREAMS_PER_INSTANCE: Type.Integer({ minimum: 1, maximum: 1000, default: 8 }),
  STREAM_STALL_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 30_000 }),
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 10_000 }),
});
