import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore, type WindowRule } from '../../src/ratelimit/index.js';
import { RedisStore } from '../../src/ratelimit/redis-store.js';
import { hour, minute, rule, seededRandom, T0 } from './helpers.js';
import { storeContract } from './store-contract.js';

const url = process.env.TEST_REDIS_URL;

describe.skipIf(!url)('RedisStore', () => {
  describe('store contract', () => {
    storeContract(async () => {
      const store = new RedisStore({ url: url! });
      await store.waitUntilReady();
      return {
        store,
        // Every key holds five bookkeeping fields (s, lo, hi, w, b) besides its buckets.
        bucketsHeld: async (subject, ruleName) =>
          Math.max(0, (await store.client.hlen(`rl:{${subject}}:${ruleName}`)) - 5),
        close: () => store.close(),
      };
    });
  });

  describe('against a shared Redis', () => {
    const stores: RedisStore[] = [];
    let inspect: Redis;

    beforeAll(async () => {
      for (let i = 0; i < 3; i++) stores.push(new RedisStore({ url: url! }));
      inspect = new Redis(url!);
      await Promise.all(stores.map((s) => s.waitUntilReady()));
    });
    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close()));
      inspect.disconnect();
    });

    it('admits exactly 10 of 300 parallel requests from three clients', async () => {
      const subject = `three-${randomUUID()}`;
      const rules = [minute(10), hour(50)];
      const decisions = await Promise.all(
        Array.from({ length: 300 }, (_, i) => stores[i % 3]!.consume(subject, rules, T0)),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(Number(await inspect.hget(`rl:{${subject}}:hour`, 's'))).toBe(10);
    });

    it('stores one hash per window under a cluster hash tag, expiring after window + bucket', async () => {
      const subject = `layout-${randomUUID()}`;
      await stores[0]!.consume(subject, [minute(10), hour(50)], Date.now());
      const minuteKey = `rl:{${subject}}:minute`;
      expect(await inspect.type(minuteKey)).toBe('hash');
      expect(await inspect.type(`rl:{${subject}}:hour`)).toBe('hash');
      const ttl = await inspect.pttl(minuteKey);
      expect(ttl).toBeGreaterThan(59_000);
      expect(ttl).toBeLessThanOrEqual(61_000);
      expect(await inspect.hget(minuteKey, 's')).toBe('1');
    });

    it('escapes braces in the subject so the hash tag stays intact', async () => {
      const subject = `brace-${randomUUID()}-{x}`;
      await stores[0]!.consume(subject, [minute(10)], T0);
      const escaped = subject.replace('{', '%7B').replace('}', '%7D');
      expect(await inspect.exists(`rl:{${escaped}}:minute`)).toBe(1);
    });

    it('decides exactly like the MemoryStore for the same traffic, limit changes and clock jitter', async () => {
      const rand = seededRandom(42);
      const memory = new MemoryStore();
      const subject = `parity-${randomUUID()}`;
      let at = T0 + 123;
      let mismatches = 0;
      for (let i = 0; i < 3_000; i++) {
        const phase = Math.floor(i / 300) % 4; // dense, sparse, idle jumps, jitter
        if (phase === 0) at += Math.floor(rand() * 400);
        else if (phase === 1) at += Math.floor(rand() * 40_000);
        else if (phase === 2)
          at += rand() < 0.05 ? Math.floor(rand() * 4_000_000) : Math.floor(rand() * 2_000);
        else at += Math.floor(rand() * 3_000) - 1_000; // sometimes backwards
        const rules: WindowRule[] = [
          minute(3 + Math.floor(i / 500)),
          hour(40 + (i % 7 === 0 ? 5 : 0)),
          rule('burst', 2, 5_000, rand() < 0.02 ? 500 : 1_000),
        ];
        const [fromRedis, fromMemory] = [
          await stores[0]!.consume(subject, rules, at),
          memory.consumeSync(subject, rules, at),
        ];
        if (JSON.stringify(fromRedis) !== JSON.stringify(fromMemory)) {
          mismatches++;
          expect({ i, at, fromRedis }).toEqual({ i, at, fromRedis: fromMemory });
        }
      }
      expect(mismatches).toBe(0);
    });

    it('reports down and rejects fast when its Redis is unreachable', async () => {
      const dead = new RedisStore({ url: 'redis://127.0.0.1:1' });
      try {
        await expect(dead.consume('k', [minute(1)], T0)).rejects.toBeInstanceOf(Error);
        expect(dead.status()).toBe('down');
      } finally {
        await dead.close();
      }
    });
  });
});
