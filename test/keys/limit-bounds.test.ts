import { describe, expect, it } from 'vitest';
import { parseDailyLimit, parsePatientLimit, parseRate } from '../../src/cli/parse.js';
import { CreateKeyBody, UpdateKeyBody } from '../../src/http/schemas/keys.js';
import { clampKeyLimits, KEY_LIMIT_BOUNDS } from '../../src/keys/index.js';
import { minuteAndHourRules } from '../../src/ratelimit/index.js';

const { patientLimit, dailyLimit, rateLimitPerMinute, rateLimitPerHour } = KEY_LIMIT_BOUNDS;

describe('one set of key limit bounds', () => {
  it('never lets the CLI create a rate the rate limiter refuses', () => {
    expect(() => parseRate('1000000000')).toThrow(/between 1 and 100000000/);
    expect(parseRate(String(rateLimitPerHour.max))).toBe(rateLimitPerHour.max);
    expect(() => minuteAndHourRules(rateLimitPerMinute.max, rateLimitPerHour.max)).not.toThrow();
    expect(() => minuteAndHourRules(rateLimitPerMinute.max + 1, 1)).toThrow(RangeError);
  });

  it('bounds the CLI daily and patient limits, which still accept unlimited', () => {
    expect(() => parseDailyLimit('3000000000')).toThrow(/between 1 and 100000000/);
    expect(() => parsePatientLimit(String(patientLimit.max + 1))).toThrow(/between 1 and 10000000/);
    expect(parseDailyLimit('unlimited')).toBe('unlimited');
    expect(parsePatientLimit(String(patientLimit.max))).toBe(patientLimit.max);
  });

  it('gives the admin API schemas the same maxima', () => {
    for (const body of [CreateKeyBody, UpdateKeyBody]) {
      // The JSON Schema as Ajv sees it.
      const p = JSON.parse(JSON.stringify(body)).properties;
      expect(p.rate_limit_per_minute.maximum).toBe(rateLimitPerMinute.max);
      expect(p.rate_limit_per_hour.maximum).toBe(rateLimitPerHour.max);
      expect(p.daily_limit.anyOf[0].maximum).toBe(dailyLimit.max);
      expect(p.patient_limit.anyOf[0].maximum).toBe(patientLimit.max);
    }
  });

  it('clamps stored limits into the bounds and says which moved; null stays unlimited', () => {
    const { limits, clamped } = clampKeyLimits({
      patientLimit: 0,
      dailyLimit: null,
      rateLimitPerMinute: 60,
      rateLimitPerHour: 2_000_000_000,
    });
    expect(limits).toEqual({
      patientLimit: 1,
      dailyLimit: null,
      rateLimitPerMinute: 60,
      rateLimitPerHour: rateLimitPerHour.max,
    });
    expect(clamped).toEqual(['patientLimit', 'rateLimitPerHour']);
  });
});
