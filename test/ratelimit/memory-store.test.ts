import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/ratelimit/index.js';
import { hour, minute, T0 } from './helpers.js';
import { storeContract } from './store-contract.js';

describe('MemoryStore', () => {
  describe('store contract', () => {
    storeContract(async () => {
      const store = new MemoryStore();
      return {
        store,
        bucketsHeld: async (subject, ruleName) => store.bucketSlots(subject, ruleName) ?? 0,
        close: () => store.close(),
      };
    });
  });

  it('decides synchronously with consumeSync, sharing counts with consume', async () => {
    const store = new MemoryStore();
    const rules = [minute(2)];
    expect(store.consumeSync('k', rules, T0).allowed).toBe(true);
    expect((await store.consume('k', rules, T0)).allowed).toBe(true);
    expect(store.consumeSync('k', rules, T0).allowed).toBe(false);
  });

  it('throws a RangeError from consumeSync for invalid rules', () => {
    expect(() => new MemoryStore().consumeSync('k', [minute(-1)], T0)).toThrow(RangeError);
  });

  it('evicts subjects idle longer than their longest window, driven by later calls', () => {
    const store = new MemoryStore();
    for (let i = 0; i < 100; i++) store.consumeSync(`idle-${i}`, [minute(5), hour(10)], T0);
    store.consumeSync('active', [minute(5)], T0 + 30_000);
    expect(store.subjectCount).toBe(101); // counts still live: nothing evicted
    for (let i = 0; i < 30; i++) store.consumeSync('active', [minute(5)], T0 + 3_700_000 + i);
    expect(store.subjectCount).toBe(1);
  });

  it('keeps a subject whose counts are still live in its longest window', () => {
    const store = new MemoryStore();
    for (let i = 0; i < 3; i++) store.consumeSync('hourly', [minute(5), hour(3)], T0);
    for (let i = 0; i < 30; i++) store.consumeSync(`other-${i}`, [minute(5)], T0 + 1_800_000);
    expect(store.consumeSync('hourly', [minute(5), hour(3)], T0 + 1_800_000).allowed).toBe(false);
  });

  it('holds the same number of bucket slots however many requests it has counted', () => {
    const store = new MemoryStore();
    const rules = [minute(100_000_000), hour(100_000_000)];
    for (let i = 0; i < 200_000; i++) store.consumeSync('busy', rules, T0 + i);
    expect(store.bucketSlots('busy', 'minute')).toBe(61);
    expect(store.bucketSlots('busy', 'hour')).toBe(361);
    expect(store.consumeSync('busy', rules, T0 + 200_000).windows[0]?.remaining).toBe(100_000_000 - 60_001);
  });

  it('drops the windows of rules no longer passed for a subject', () => {
    const store = new MemoryStore();
    store.consumeSync('k', [minute(5), hour(10)], T0);
    store.consumeSync('k', [minute(5)], T0);
    expect(store.bucketSlots('k', 'hour')).toBeUndefined();
  });
});
