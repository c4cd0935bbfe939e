/**
 * Seeded random streams. Each stream is keyed by (seed, label, index) so a patient's draws never depend
 * on how many patients were generated before it or in which worker. The numbers come from pure-rand's
 * xoroshiro128+ (its v8 generators mutate in place, so the hot loop allocates nothing), seeded with all
 * 128 bits of a hash of the key rather than pure-rand's single 32-bit seed.
 */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

type HashState = [number, number, number, number];
const CYRB128_START: HashState = [1779033703, 3144134277, 1013904242, 2773480762];

/** cyrb128's mixing of `text` into a state: good enough to seed xoshiro, not cryptographic. */
function mix(state: HashState, text: string): HashState {
  let [h1, h2, h3, h4] = state;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  return [h1, h2, h3, h4];
}

/** cyrb128's last step: spreads the mixed state into four 32-bit words, never all zero. */
function finish([a, b, c, d]: HashState): HashState {
  let h1 = Math.imul(c ^ (a >>> 18), 597399067);
  let h2 = Math.imul(d ^ (b >>> 22), 2869860233);
  let h3 = Math.imul(h1 ^ (c >>> 17), 951274213);
  let h4 = Math.imul(h2 ^ (d >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0 || 1];
}

/**
 * The state after `seed \0 label \0`, per label, for the last seed seen with it: every patient opens
 * streams with the same few labels, so only the index's digits are mixed per stream.
 */
const prefixes = new Map<string, { seed: string; state: HashState }>();

/** cyrb128 of `${seed}\0${label}\0${index}`. */
function streamKeyHash(seed: string, label: string, index: number): HashState {
  let prefix = prefixes.get(label);
  if (prefix === undefined || prefix.seed !== seed) {
    prefix = { seed, state: mix(CYRB128_START, `${seed}\u0000${label}\u0000`) };
    prefixes.set(label, prefix);
  }
  return finish(mix(prefix.state, `${index}`));
}

export class Rng {
  private readonly source: RandomGenerator;

  constructor(seed: string, label: string, index: number) {
    this.source = xoroshiro128plusFromState(streamKeyHash(seed, label, index));
    for (let i = 0; i < 8; i++) this.source.next();
  }

  nextU32(): number {
    return this.source.next() >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Index drawn proportionally to non-negative weights; falls back to uniform when all are 0. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i]!;
    if (total <= 0) return Math.floor(this.next() * weights.length);
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  normal(mean: number, sd: number): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Lognormal given its median and the sigma of log(x). */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /** Failures before the first success, each trial succeeding with probability p (mean (1-p)/p). */
  geometric(p: number): number {
    if (p >= 1) return 0;
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }

  hex8(): string {
    return this.nextU32().toString(16).padStart(8, '0');
  }
}
