import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/http/error-codes.js';
import { refusalError } from '../../src/http/refusals.js';
import type { Refusal, RefusalReason } from '../../src/keys/index.js';
import { unavailableDecision } from '../../src/ratelimit/index.js';

const spentMinute = {
  allowed: false,
  windows: [
    { name: 'minute', limit: 10, windowMs: 60_000, remaining: 0, resetMs: 30_000, retryAfterMs: 1_500 },
  ],
  violated: ['minute'],
  retryAfterMs: 1_500,
};

/** One refusal of every reason admission can give. */
const REFUSALS: Record<RefusalReason, Refusal> = {
  missing: { reason: 'missing' },
  invalid: { reason: 'invalid' },
  inactive: { reason: 'inactive' },
  pending: { reason: 'pending' },
  expired: { reason: 'expired' },
  'ip-blocked': { reason: 'ip-blocked', retryAfterMs: 2_001 },
  rate: { reason: 'rate', decision: spentMinute },
  'rate-unavailable': { reason: 'rate-unavailable', retryAfterMs: unavailableDecision(1_000).retryAfterMs },
  daily: { reason: 'daily', limit: 100, usage: 100, retryAfterMs: 3_600_000 },
  patients: { reason: 'patients', limit: 500, requested: 501 },
};

describe('refusals at the HTTP edge', () => {
  it.each(Object.entries(REFUSALS))('maps %s to a catalog code with its status', (_reason, refusal) => {
    const error = refusalError(refusal);
    expect(ERROR_CODES[error.code].status).toBe(error.statusCode);
  });

  it('names the code of each reason', () => {
    const codes = Object.fromEntries(
      Object.entries(REFUSALS).map(([r, refusal]) => [r, refusalError(refusal).code]),
    );
    expect(codes).toEqual({
      missing: 'KEY_MISSING',
      invalid: 'KEY_INVALID',
      inactive: 'KEY_INACTIVE',
      expired: 'KEY_EXPIRED',
      pending: 'KEY_PENDING',
      'ip-blocked': 'AUTH_FAILURES_BLOCKED',
      rate: 'RATE_LIMITED',
      'rate-unavailable': 'RATE_LIMIT_UNAVAILABLE',
      daily: 'DAILY_QUOTA_EXCEEDED',
      patients: 'PATIENT_LIMIT_EXCEEDED',
    });
  });

  it('tells a client over its daily quota when to come back, in whole seconds rounded up', () => {
    expect(refusalError(REFUSALS.daily).headers).toEqual({
      'X-Limit-Type': 'requests_per_day',
      'X-Limit-Value': 100,
      'X-Current-Usage': 100,
      'Retry-After': 3600,
    });
    expect(refusalError(REFUSALS['ip-blocked']).headers).toEqual({ 'Retry-After': 3 });
    expect(refusalError(REFUSALS.rate).headers['Retry-After']).toBe('2');
  });
});
