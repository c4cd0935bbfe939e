import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RateDecision, RateLimitStore, WindowRule } from '../../src/ratelimit/index.js';
import { countInRange, hour, maxInAnySpan, minute, rule, seededRandom, T0 } from './helpers.js';

/** What a store implementation provides to the shared contract suite. */
export interface StoreHarness {
  readonly store: RateLimitStore;
  /** Bucket slots (memory) or bucket fields (Redis) held for one subject's window. */
  bucketsHeld(subject: string, ruleName: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Registers the behaviour every RateLimitStore must show. Call inside a `describe`; each test
 * uses fresh subjects (random prefix) so runs against a shared Redis never see each other.
 */
export function storeContract(makeHarness: () => Promise<StoreHarness>): void {
  let h: StoreHarness;
  const prefix = `contract-${randomUUID()}`;
  let seq = 0;
  const fresh = (label: string) => `${prefix}:${label}:${seq++}`;
  const consume = (subject: string, rules: readonly WindowRule[], at: number): Promise<RateDecision> =>
    h.store.consume(subject, rules, at);

  beforeAll(async () => {
    h = await makeHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('admits exactly the limit, counting remaining down, then rejects with the minute named', async () => {
    const s = fresh('exact');
    const rules = [minute(10), hour(50)];
    for (let i = 0; i < 10; i++) {
      const d = await consume(s, rules, T0 + i * 100);
      expect(d.allowed).toBe(true);
      expect(d.retryAfterMs).toBe(0);
      expect(d.violated).toEqual([]);
      expect(d.windows.map((w) => w.remaining)).toEqual([9 - i, 49 - i]);
    }
    const denied = await consume(s, rules, T0 + 1_000);
    expect(denied.allowed).toBe(false);
    expect(denied.violated).toEqual(['minute']);
    expect(denied.retryAfterMs).toBeGreaterThan(0);
    expect(denied.windows.map((w) => w.remaining)).toEqual([0, 40]);
  });

  it('reports remaining and resetMs per window', async () => {
    const s = fresh('state');
    const rules = [minute(10), hour(50)];
    let d: RateDecision | undefined;
    for (let i = 0; i < 3; i++) d = await consume(s, rules, T0 + 500);
    expect(d?.windows).toEqual([
      { name: 'minute', limit: 10, windowMs: 60_000, remaining: 7, resetMs: 60_500, retryAfterMs: 0 },
      { name: 'hour', limit: 50, windowMs: 3_600_000, remaining: 47, resetMs: 3_609_500, retryAfterMs: 0 },
    ]);
  });

  it('never records rejected calls in any window (all-or-nothing across minute and hour)', async () => {
    const s = fresh('aon');
    const rules = [minute(10), hour(12)];
    for (let i = 0; i < 10; i++) expect((await consume(s, rules, T0)).allowed).toBe(true);
    for (let i = 0; i < 100; i++) expect((await consume(s, rules, T0 + 1_000 + i * 500)).allowed).toBe(false);
    // The hour holds 10, not 110: exactly two more fit once the minute has drained.
    expect((await consume(s, rules, T0 + 61_000)).allowed).toBe(true);
    expect((await consume(s, rules, T0 + 61_000)).allowed).toBe(true);
    const d = await consume(s, rules, T0 + 61_000);
    expect(d.allowed).toBe(false);
    expect(d.violated).toEqual(['hour']);
  });

  it('does not charge the minute for calls the hour rejects', async () => {
    const s = fresh('aon-hour');
    for (let i = 0; i < 5; i++) expect((await consume(s, [minute(5), hour(5)], T0)).allowed).toBe(true);
    for (let i = 0; i < 20; i++) {
      const d = await consume(s, [minute(5), hour(5)], T0 + 61_000);
      expect(d.violated).toEqual(['hour']);
    }
    // Raise the hour: the minute must still have its full 5.
    for (let i = 0; i < 5; i++)
      expect((await consume(s, [minute(5), hour(100)], T0 + 62_000)).allowed).toBe(true);
    expect((await consume(s, [minute(5), hour(100)], T0 + 62_000)).violated).toEqual(['minute']);
  });

  it('keeps two subjects apart', async () => {
    const a = fresh('a');
    const b = fresh('b');
    const rules = [minute(3)];
    for (let i = 0; i < 4; i++) await consume(a, rules, T0);
    expect((await consume(a, rules, T0)).allowed).toBe(false);
    for (let i = 0; i < 3; i++) expect((await consume(b, rules, T0)).allowed).toBe(true);
  });

  it('keeps subjects whose names only differ by braces or escapes apart', async () => {
    const base = fresh('brace');
    const a = `${base}{x}`;
    const b = `${base}%7Bx%7D`;
    expect((await consume(a, [minute(1)], T0)).allowed).toBe(true);
    expect((await consume(b, [minute(1)], T0)).allowed).toBe(true);
    expect((await consume(a, [minute(1)], T0)).allowed).toBe(false);
  });

  it('admits exactly 10 of 100 parallel requests on a 10/minute subject', async () => {
    const s = fresh('parallel');
    const rules = [minute(10), hour(50)];
    const decisions = await Promise.all(Array.from({ length: 100 }, () => consume(s, rules, T0 + 5)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.filter((d) => !d.allowed)).toHaveLength(90);
  });

  it('never admits more than the limit in any span of the window, and refuses only when a window is full', async () => {
    const rand = seededRandom(20261124);
    const rules = [minute(7), hour(40)];
    const s = fresh('property');
    // 1,500 arrivals over 12 minutes, half uniform and half in short bursts.
    const times: number[] = [];
    for (let i = 0; i < 750; i++) times.push(T0 + Math.floor(rand() * 720_000));
    for (let burst = 0; burst < 25; burst++) {
      const start = T0 + Math.floor(rand() * 720_000);
      for (let i = 0; i < 30; i++) times.push(start + Math.floor(rand() * 3_000));
    }
    times.sort((x, y) => x - y);

    const admitted: number[] = [];
    const refused: { at: number; violated: readonly string[] }[] = [];
    for (const at of times) {
      const d = await consume(s, rules, at);
      if (d.allowed) admitted.push(at);
      else refused.push({ at, violated: d.violated });
    }
    for (const r of rules) expect(maxInAnySpan(admitted, r.windowMs)).toBeLessThanOrEqual(r.limit);
    // Closeness: every refusal is justified by a window that really admitted `limit` requests
    // within the last window + one bucket (the only slack of the bucketed window).
    expect(refused.length).toBeGreaterThan(0);
    for (const { at, violated } of refused) {
      expect(violated.length).toBeGreaterThan(0);
      for (const name of violated) {
        const r = rules.find((x) => x.name === name)!;
        expect(countInRange(admitted, at - r.windowMs - r.bucketMs, at)).toBeGreaterThanOrEqual(r.limit);
      }
    }
    // The hour (40) binds over 12 minutes of 7/minute traffic: it was reached, not undershot.
    expect(admitted.length).toBe(40);
  });

  it('gives an exact retryAfterMs: a retry 1.5 s or 1 ms early fails, a retry on time succeeds', async () => {
    const s = fresh('retry');
    const rules = [minute(10), hour(1_000)];
    for (let i = 0; i < 4; i++) await consume(s, rules, T0 + 300);
    for (let i = 0; i < 6; i++) await consume(s, rules, T0 + 20_700);
    const d = await consume(s, rules, T0 + 30_000);
    expect(d.allowed).toBe(false);
    // The bucket of T0+300 leaves the window when the bucket of T0+61 s begins.
    expect(d.retryAfterMs).toBe(31_000);
    expect(d.windows[0]?.retryAfterMs).toBe(31_000);
    expect((await consume(s, rules, T0 + 30_000 + d.retryAfterMs - 1_500)).allowed).toBe(false);
    expect((await consume(s, rules, T0 + 30_000 + d.retryAfterMs - 1)).allowed).toBe(false);
    expect((await consume(s, rules, T0 + 30_000 + d.retryAfterMs)).allowed).toBe(true);
  });

  it('gives an exact retryAfterMs for random traffic on either window', async () => {
    const rand = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const s = fresh(`retry-random-${round}`);
      const hourBound = round % 2 === 1;
      const rules = hourBound ? [minute(100), hour(20)] : [minute(10), hour(1_000)];
      const spread = hourBound ? 1_800_000 : 50_000;
      let at = T0 + Math.floor(rand() * 10_000);
      let d: RateDecision;
      do {
        at += Math.floor((rand() * spread) / 15);
        d = await consume(s, rules, at);
      } while (d.allowed);
      expect(d.violated).toEqual([hourBound ? 'hour' : 'minute']);
      const retryAt = at + d.retryAfterMs;
      expect((await consume(s, rules, retryAt - 1_500)).allowed).toBe(false);
      expect((await consume(s, rules, retryAt - 1)).allowed).toBe(false);
      // Retry-After is sent in whole seconds, rounded up: that also succeeds.
      expect((await consume(s, rules, at + Math.ceil(d.retryAfterMs / 1000) * 1000)).allowed).toBe(true);
    }
  });

  it('counts the hour independently of the minute', async () => {
    const s = fresh('hour');
    const rules = [minute(10), hour(15)];
    for (let i = 0; i < 10; i++) await consume(s, rules, T0);
    expect((await consume(s, rules, T0 + 30_000)).violated).toEqual(['minute']);
    for (let i = 0; i < 5; i++) expect((await consume(s, rules, T0 + 61_000)).allowed).toBe(true);
    const d = await consume(s, rules, T0 + 61_000);
    expect(d.violated).toEqual(['hour']);
    expect(d.windows.map((w) => w.remaining)).toEqual([5, 0]);
    // The hour's oldest 10-second bucket (T0) leaves the window at T0 + 3,610 s.
    expect(d.retryAfterMs).toBe(3_610_000 - 61_000);
    expect((await consume(s, rules, T0 + 3_610_000 - 1)).allowed).toBe(false);
    expect((await consume(s, rules, T0 + 3_610_000)).allowed).toBe(true);
  });

  it('handles a limit of 100,000,000 per minute with a constant number of buckets', async () => {
    const s = fresh('huge');
    const rules = [minute(100_000_000), hour(100_000_000)];
    let last: RateDecision | undefined;
    for (let i = 0; i < 2_000; i++) {
      last = await consume(s, rules, T0 + i * 90); // 3 minutes: every minute bucket reused
      expect(last.allowed).toBe(true);
    }
    expect(last?.windows[1]?.remaining).toBe(100_000_000 - 2_000);
    // At T0+179,910 the minute counts buckets from T0+119 s on.
    const inMinute = countInRange(timesOf(2_000, 90), T0 + 119_000, T0 + 179_910);
    expect(last?.windows[0]?.remaining).toBe(100_000_000 - inMinute);
    expect(await h.bucketsHeld(s, 'minute')).toBeLessThanOrEqual(61);
    expect(await h.bucketsHeld(s, 'hour')).toBeLessThanOrEqual(361);
    const burst = await Promise.all(Array.from({ length: 1_000 }, () => consume(s, rules, T0 + 180_000)));
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(await h.bucketsHeld(s, 'minute')).toBeLessThanOrEqual(61);
  });

  it('applies a changed limit at once without losing counts', async () => {
    const s = fresh('change');
    for (let i = 0; i < 6; i++) await consume(s, [minute(10)], T0);
    const lowered = await consume(s, [minute(5)], T0 + 1_000);
    expect(lowered.allowed).toBe(false);
    expect(lowered.windows[0]?.remaining).toBe(0);
    expect((await consume(s, [minute(8)], T0 + 2_000)).allowed).toBe(true);
    expect((await consume(s, [minute(8)], T0 + 2_000)).allowed).toBe(true);
    expect((await consume(s, [minute(8)], T0 + 2_000)).allowed).toBe(false);
    // A different bucket size is a different window layout: it starts afresh.
    const relaid = await consume(s, [rule('minute', 8, 60_000, 2_000)], T0 + 3_000);
    expect(relaid.allowed).toBe(true);
    expect(relaid.windows[0]?.remaining).toBe(7);
  });

  it('gives the full limit back after a quiet window and after a long idle', async () => {
    const s = fresh('drain');
    const rules = [minute(3)];
    for (let i = 0; i < 3; i++) await consume(s, rules, T0 + 10_000);
    expect((await consume(s, rules, T0 + 70_999)).allowed).toBe(false);
    expect((await consume(s, rules, T0 + 71_000)).windows[0]?.remaining).toBe(2);
    expect((await consume(s, rules, T0 + 7_200_000)).windows[0]?.remaining).toBe(2);
  });

  it('rejects invalid rules with a RangeError', async () => {
    const s = fresh('invalid');
    await expect(consume(s, [], T0)).rejects.toBeInstanceOf(RangeError);
    await expect(consume(s, [minute(0)], T0)).rejects.toBeInstanceOf(RangeError);
    await expect(consume(s, [minute(100_000_001)], T0)).rejects.toBeInstanceOf(RangeError);
    await expect(consume(s, [rule('m', 1, 60_000, 7_000)], T0)).rejects.toBeInstanceOf(RangeError);
    await expect(consume(s, [minute(1), minute(2)], T0)).rejects.toBeInstanceOf(RangeError);
  });
}

function timesOf(count: number, stepMs: number): number[] {
  return Array.from({ length: count }, (_, i) => T0 + i * stepMs);
}
