import { DEMO_API_KEY, type KeyContext, type Refusal } from '../keys/index.js';
import type { ErrorCode } from './error-codes.js';
import { type AppError, appError } from './errors.js';
import { buildRateLimitHeaders, describeViolation } from './rate-limit-headers.js';

const KEY_FAILURES = {
  missing: { code: 'KEY_MISSING', detail: 'Missing API Key' },
  invalid: { code: 'KEY_INVALID', detail: 'Invalid or inactive API key' },
  inactive: { code: 'KEY_INACTIVE', detail: 'API key is inactive' },
  pending: { code: 'KEY_PENDING', detail: 'API key is waiting for an administrator to approve it' },
  expired: { code: 'KEY_EXPIRED', detail: 'API key has expired' },
} as const satisfies Record<string, { code: ErrorCode; detail: string }>;

/** The one place a refused admission becomes a status, an error code, a message and headers. */
export function refusalError(refusal: Refusal): AppError {
  switch (refusal.reason) {
    case 'missing':
    case 'invalid':
    case 'inactive':
    case 'pending':
    case 'expired': {
      const { code, detail } = KEY_FAILURES[refusal.reason];
      return appError(code, detail, { 'WWW-Authenticate': 'ApiKey', 'X-Key-Status': refusal.reason });
    }
    case 'ip-blocked':
      return appError('AUTH_FAILURES_BLOCKED', 'Too many failed authentication attempts', {
        'Retry-After': retryAfterSeconds(refusal.retryAfterMs),
      });
    case 'rate':
      return appError(
        'RATE_LIMITED',
        describeViolation(refusal.decision),
        buildRateLimitHeaders(refusal.decision),
      );
    case 'rate-unavailable':
      return appError('RATE_LIMIT_UNAVAILABLE', 'Rate limiting is temporarily unavailable', {
        'Retry-After': retryAfterSeconds(refusal.retryAfterMs),
      });
    case 'daily':
      return appError('DAILY_QUOTA_EXCEEDED', `Daily request limit exceeded (${refusal.limit})`, {
        'X-Limit-Type': 'requests_per_day',
        'X-Limit-Value': refusal.limit,
        'X-Current-Usage': refusal.usage,
        'Retry-After': retryAfterSeconds(refusal.retryAfterMs),
      });
    case 'patients':
      return appError(
        'PATIENT_LIMIT_EXCEEDED',
        `Requested ${refusal.requested} patients exceeds limit of ${refusal.limit}; ` +
          `set configuration.total_patients to ${refusal.limit} or fewer`,
        {
          'X-Limit-Type': 'patients_per_request',
          'X-Limit-Value': refusal.limit,
          'X-Requested': refusal.requested,
        },
      );
  }
}

/** An unknown key that is the earlier service's demo key: say what it is called now. */
export function retiredDemoKeyError(): AppError {
  return appError('KEY_INVALID', `Invalid API key: the public demo key was renamed to ${DEMO_API_KEY}`, {
    'WWW-Authenticate': 'ApiKey',
    'X-Key-Status': 'invalid',
  });
}

/** The headers every authenticated response carries: what the key is and may do. */
export function keyHeaders(key: KeyContext): Record<string, string | number> {
  return {
    'X-API-Key-Type': key.kind,
    'X-Patient-Limit': key.patientLimit ?? 'unlimited',
    'X-Daily-Limit': key.dailyLimit ?? 'unlimited',
  };
}

/** Whole seconds, rounded up, at least 1. */
function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
