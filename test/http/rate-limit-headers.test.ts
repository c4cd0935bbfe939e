import { describe, expect, it } from 'vitest';
import {
  buildRateLimitHeaders,
  describeViolation,
  formatDuration,
} from '../../src/http/rate-limit-headers.js';
import { type RateDecision, unavailableDecision } from '../../src/ratelimit/index.js';

const allowed: RateDecision = {
  allowed: true,
  violated: [],
  retryAfterMs: 0,
  windows: [
    { name: 'minute', limit: 10, windowMs: 60_000, remaining: 7, resetMs: 41_200, retryAfterMs: 0 },
    { name: 'hour', limit: 50, windowMs: 3_600_000, remaining: 40, resetMs: 1_799_001, retryAfterMs: 0 },
  ],
};

const rejectedByBoth: RateDecision = {
  allowed: false,
  violated: ['minute', 'hour'],
  retryAfterMs: 1_200_500,
  windows: [
    { name: 'minute', limit: 10, windowMs: 60_000, remaining: 0, resetMs: 59_000, retryAfterMs: 30_000 },
    {
      name: 'hour',
      limit: 50,
      windowMs: 3_600_000,
      remaining: 0,
      resetMs: 3_500_000,
      retryAfterMs: 1_200_500,
    },
  ],
};

describe('buildRateLimitHeaders', () => {
  it('sends legacy headers for the tightest window and both IETF draft fields', () => {
    expect(buildRateLimitHeaders(allowed)).toEqual({
      'X-RateLimit-Limit': '10',
      'X-RateLimit-Remaining': '7',
      'X-RateLimit-Reset': '42',
      'RateLimit-Policy': '"minute";q=10;w=60, "hour";q=50;w=3600',
      RateLimit: '"minute";r=7;t=42, "hour";r=40;t=1800',
    });
  });

  it('adds Retry-After in whole seconds, rounded up, on rejection', () => {
    const headers = buildRateLimitHeaders(rejectedByBoth);
    expect(headers['Retry-After']).toBe('1201');
    // Both windows are at 0: the one that takes longer to reset is the tightest.
    expect(headers['X-RateLimit-Limit']).toBe('50');
    expect(headers['X-RateLimit-Reset']).toBe('3500');
  });

  it('never sends Retry-After below 1 second', () => {
    const d: RateDecision = { ...rejectedByBoth, retryAfterMs: 1 };
    expect(buildRateLimitHeaders(d)['Retry-After']).toBe('1');
  });

  it('sends only Retry-After for an unavailable decision', () => {
    expect(buildRateLimitHeaders(unavailableDecision(1_000))).toEqual({ 'Retry-After': '1' });
  });

  it('quotes window names as Structured Fields strings', () => {
    const d: RateDecision = {
      ...allowed,
      windows: [{ name: 'a"b\\c', limit: 1, windowMs: 1_000, remaining: 0, resetMs: 0, retryAfterMs: 0 }],
    };
    expect(buildRateLimitHeaders(d)['RateLimit-Policy']).toBe('"a\\"b\\\\c";q=1;w=1');
  });
});

describe('describeViolation', () => {
  it('names the violated window with the longest wait', () => {
    expect(describeViolation(rejectedByBoth)).toBe('Rate limit exceeded: 50 per 1 hour');
  });

  it('names the minute when only the minute is spent', () => {
    const d: RateDecision = { ...rejectedByBoth, violated: ['minute'], retryAfterMs: 30_000 };
    expect(describeViolation(d)).toBe('Rate limit exceeded: 10 per 1 minute');
  });

  it('says the limiter is unavailable for an unavailable decision, and nothing when allowed', () => {
    expect(describeViolation(unavailableDecision(1_000))).toMatch(/unavailable/);
    expect(describeViolation(allowed)).toBe('');
  });

  it('formats window lengths in the largest whole unit', () => {
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(7_200_000)).toBe('2 hours');
    expect(formatDuration(86_400_000)).toBe('1 day');
    expect(formatDuration(90_000)).toBe('90 seconds');
    expect(formatDuration(1_500)).toBe('1500 ms');
  });
});
