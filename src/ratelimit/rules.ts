import { RATE_LIMIT_MAX } from '../keys/bounds.js';
import type { WindowRule } from './store.js';

/**
 * Highest `limit` a window accepts (counts must fit a Uint32 bucket). Defined with the key
 * bounds, so no key can be given a rate this limiter refuses.
 */
export const MAX_LIMIT = RATE_LIMIT_MAX;
/** Most buckets per window (`windowMs / bucketMs`); bounds memory and the work of one check. */
export const MAX_BUCKETS = 10_000;

/**
 * Throws a `RangeError` unless `rules` is a usable rule set: at least one rule, unique non-empty
 * names, integer `limit` in 1..=MAX_LIMIT, positive integer `bucketMs` and `windowMs`, with
 * `windowMs` a multiple of `bucketMs` and at most MAX_BUCKETS buckets per window.
 * Stores call this on every consume; it is a handful of comparisons.
 */
export function validateRules(rules: readonly WindowRule[]): void {
  if (rules.length === 0) throw new RangeError('rate limit: at least one window rule is required');
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (typeof r.name !== 'string' || r.name.length === 0) {
      throw new RangeError('rate limit: a window rule needs a non-empty name');
    }
    if (!Number.isInteger(r.limit) || r.limit < 1 || r.limit > MAX_LIMIT) {
      throw new RangeError(`rate limit: window "${r.name}" limit must be an integer in 1..${MAX_LIMIT}`);
    }
    if (!Number.isSafeInteger(r.bucketMs) || r.bucketMs < 1) {
      throw new RangeError(`rate limit: window "${r.name}" bucketMs must be a positive integer`);
    }
    if (!Number.isSafeInteger(r.windowMs) || r.windowMs < r.bucketMs || r.windowMs % r.bucketMs !== 0) {
      throw new RangeError(`rate limit: window "${r.name}" windowMs must be a positive multiple of bucketMs`);
    }
    if (r.windowMs / r.bucketMs > MAX_BUCKETS) {
      throw new RangeError(`rate limit: window "${r.name}" has more than ${MAX_BUCKETS} buckets`);
    }
    for (let j = 0; j < i; j++) {
      if (rules[j]!.name === r.name) throw new RangeError(`rate limit: duplicate window name "${r.name}"`);
    }
  }
}

/**
 * The service's standard pair: `minute` (1 s buckets) and `hour` (10 s buckets), frozen.
 * Throws a `RangeError` for limits outside 1..=MAX_LIMIT.
 */
export function minuteAndHourRules(perMinute: number, perHour: number): readonly WindowRule[] {
  const rules: readonly WindowRule[] = Object.freeze([
    Object.freeze({ name: 'minute', limit: perMinute, windowMs: 60_000, bucketMs: 1_000 }),
    Object.freeze({ name: 'hour', limit: perHour, windowMs: 3_600_000, bucketMs: 10_000 }),
  ]);
  validateRules(rules);
  return rules;
}
