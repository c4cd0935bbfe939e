import type { WindowRule } from '../../src/ratelimit/index.js';

/** A fixed, bucket-aligned epoch (divisible by 10 s) so expected times are easy to read. */
export const T0 = 1_700_000_000_000;

export function rule(name: string, limit: number, windowMs: number, bucketMs: number): WindowRule {
  return { name, limit, windowMs, bucketMs };
}

export function minute(limit: number): WindowRule {
  return rule('minute', limit, 60_000, 1_000);
}

export function hour(limit: number): WindowRule {
  return rule('hour', limit, 3_600_000, 10_000);
}

/** Seeded PRNG (mulberry32): deterministic "random" arrivals. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Largest number of sorted timestamps inside any closed span of `spanMs`. */
export function maxInAnySpan(sortedTimes: readonly number[], spanMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sortedTimes.length; hi++) {
    while (sortedTimes[hi]! - sortedTimes[lo]! > spanMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** Number of sorted timestamps in the closed range [from, to]. */
export function countInRange(sortedTimes: readonly number[], from: number, to: number): number {
  let n = 0;
  for (const t of sortedTimes) if (t >= from && t <= to) n++;
  return n;
}

/** A logger that records calls, for asserting "warned once". */
export function recordingLogger() {
  const warns: { obj: object; msg: string }[] = [];
  const infos: { obj: object; msg: string }[] = [];
  return {
    warns,
    infos,
    warn(obj: object, msg: string) {
      warns.push({ obj, msg });
    },
    info(obj: object, msg: string) {
      infos.push({ obj, msg });
    },
  };
}
