import { describe, expect, it } from 'vitest';
import {
  minuteAndHourRules,
  type RateDecision,
  tightestWindow,
  validateRules,
} from '../../src/ratelimit/index.js';

describe('minuteAndHourRules', () => {
  it('gives a minute of 1 s buckets and an hour of 10 s buckets', () => {
    expect(minuteAndHourRules(10, 50)).toEqual([
      { name: 'minute', limit: 10, windowMs: 60_000, bucketMs: 1_000 },
      { name: 'hour', limit: 50, windowMs: 3_600_000, bucketMs: 10_000 },
    ]);
  });

  it('throws a RangeError for limits outside 1..100,000,000', () => {
    expect(() => minuteAndHourRules(0, 50)).toThrow(RangeError);
    expect(() => minuteAndHourRules(10, 100_000_001)).toThrow(RangeError);
    expect(() => minuteAndHourRules(1.5, 50)).toThrow(RangeError);
  });
});

describe('validateRules', () => {
  it('refuses windows with more than 10,000 buckets', () => {
    expect(() => validateRules([{ name: 'day', limit: 1, windowMs: 86_400_000, bucketMs: 1_000 }])).toThrow(
      RangeError,
    );
    expect(() =>
      validateRules([{ name: 'day', limit: 1, windowMs: 86_400_000, bucketMs: 60_000 }]),
    ).not.toThrow();
  });
});

describe('tightestWindow', () => {
  const base = { allowed: true, violated: [], retryAfterMs: 0 } as const;

  it('picks the window with the lowest remaining', () => {
    const d: RateDecision = {
      ...base,
      windows: [
        { name: 'minute', limit: 10, windowMs: 60_000, remaining: 9, resetMs: 60_000, retryAfterMs: 0 },
        { name: 'hour', limit: 10, windowMs: 3_600_000, remaining: 2, resetMs: 3_600_000, retryAfterMs: 0 },
      ],
    };
    expect(tightestWindow(d)?.name).toBe('hour');
  });

  it('is undefined for a decision without windows', () => {
    expect(tightestWindow({ ...base, windows: [] })).toBeUndefined();
  });
});
