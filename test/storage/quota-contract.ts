import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  ApiKeyRepository,
  type DailyCounter,
  LeasingCounter,
  QuotaRepository,
  RedisCounter,
  ReservingCounter,
} from '../../src/keys/index.js';
import { RedisCounters } from '../../src/ratelimit/index.js';
import { failFastRedis } from '../../src/ratelimit/redis-store.js';
import type { Storage } from './contract.js';
import { newKey } from './keys-contract.js';

/**
 * The daily-quota contract, run on every counter over every back end: exact under
 * concurrency, across a restart (graceful or not) and, where the back end is shared,
 * across two instances. A counter may refuse early (a lease lost in a crash is wasted),
 * but never grants one request over the limit.
 */
export function quotaContract(storage: Storage): void {
  const day = '2026-03-31';
  const quotas = (database = storage.database) => new QuotaRepository(database.db);
  const redisUrl = process.env.TEST_REDIS_URL;
  const redisClients: ReturnType<typeof failFastRedis>[] = [];
  const redisCounter = (url: string) => {
    const client = failFastRedis(url, { redisOptions: { enableOfflineQueue: true } });
    redisClients.push(client);
    return new RedisCounter(new RedisCounters(client));
  };
  afterAll(() => {
    for (const client of redisClients.splice(0)) client.disconnect();
  });
  const counters: Record<string, (database?: Storage['database']) => DailyCounter> = {
    reserving: (database) => new ReservingCounter(quotas(database)),
    leasing: (database) => new LeasingCounter(quotas(database), { blockSize: 7 }),
    ...(redisUrl && { redis: () => redisCounter(redisUrl) }),
  };
  const newKeyId = async () => (await new ApiKeyRepository(storage.database.db).create(newKey().row)).id;
  const granted = (results: { ok: boolean }[]) => results.filter((r) => r.ok).length;

  for (const [name, counter] of Object.entries(counters)) {
    describe(`daily quota, ${name} counter`, () => {
      it('admits exactly the limit out of 100 concurrent requests, counting 1..40', async () => {
        const keyId = await newKeyId();
        const quota = counter();
        const results = await Promise.all(
          Array.from({ length: 100 }, () => quota.take(keyId, [{ subject: '', limit: 40 }], day)),
        );
        const counts = results.flatMap((r) => (r.ok ? r.counts : [])).sort((a, b) => a - b);
        expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(results.find((r) => !r.ok)).toEqual({ ok: false, index: 0, count: 40 });
        await quota.close();
        expect(await counter().count(keyId, '', day)).toBe(40);
      });

      it('goes on counting after a graceful restart, and the day does not start again', async () => {
        const keyId = await newKeyId();
        const claims = [{ subject: '', limit: 30 }];
        const before = counter();
        for (let i = 0; i < 10; i++) await before.take(keyId, claims, day);
        await before.close();
        const after = counter();
        expect(await after.take(keyId, claims, day)).toEqual({ ok: true, counts: [11] });
        const results = await Promise.all(Array.from({ length: 40 }, () => after.take(keyId, claims, day)));
        expect(granted(results)).toBe(19);
        await after.close();
      });

      it('never grants past the limit after a crash (no close), at worst wasting a lease', async () => {
        const keyId = await newKeyId();
        const claims = [{ subject: '', limit: 30 }];
        const crashed = counter();
        for (let i = 0; i < 10; i++) await crashed.take(keyId, claims, day);
        const restarted = counter();
        const results = await Promise.all(
          Array.from({ length: 40 }, () => restarted.take(keyId, claims, day)),
        );
        expect(granted(results)).toBeLessThanOrEqual(20);
        expect(granted(results)).toBeGreaterThanOrEqual(20 - 7);
        await restarted.close();
      });

      it('counts each subject and each day apart', async () => {
        const keyId = await newKeyId();
        const quota = counter();
        const take = (subject: string, on = day) => quota.take(keyId, [{ subject, limit: 2 }], on);
        expect(await take('10.0.0.1')).toEqual({ ok: true, counts: [1] });
        expect(await take('10.0.0.1')).toEqual({ ok: true, counts: [2] });
        expect(await take('10.0.0.1')).toEqual({ ok: false, index: 0, count: 2 });
        expect(await take('10.0.0.2')).toEqual({ ok: true, counts: [1] });
        expect(await take('10.0.0.1', '2026-04-01')).toEqual({ ok: true, counts: [1] });
        expect(await quota.count(keyId, '10.0.0.1', day)).toBe(2);
        expect(await quota.count(keyId, '10.0.0.3', day)).toBe(0);
        await quota.close();
      });

      it('takes the demo key’s per-IP quota and its global ceiling both or neither', async () => {
        const keyId = await newKeyId();
        const quota = counter();
        const take = (ip: string) =>
          quota.take(
            keyId,
            [
              { subject: ip, limit: 2 },
              { subject: '*', limit: 3 },
            ],
            day,
          );
        expect(await take('10.0.0.1')).toEqual({ ok: true, counts: [1, 1] });
        expect(await take('10.0.0.1')).toEqual({ ok: true, counts: [2, 2] });
        expect(await take('10.0.0.1')).toMatchObject({ ok: false, index: 0 });
        expect(await take('10.0.0.2')).toEqual({ ok: true, counts: [1, 3] });
        expect(await take('10.0.0.3')).toMatchObject({ ok: false, index: 1, count: 3 });
        // The refused global request left the IP's own count untouched.
        expect(await quota.count(keyId, '10.0.0.3', day)).toBe(0);
        await quota.close();
        expect(await counter().count(keyId, '*', day)).toBe(3);
      });

      it('admits exactly the demo key’s global ceiling across many IPs at once', async () => {
        const keyId = await newKeyId();
        const quota = counter();
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            quota.take(
              keyId,
              [
                { subject: `10.1.0.${i % 30}`, limit: 5 },
                { subject: '*', limit: 42 },
              ],
              day,
            ),
          ),
        );
        expect(granted(results)).toBe(42);
        await quota.close();
        expect(await counter().count(keyId, '*', day)).toBe(42);
      });
    });
  }

  describe('daily quota, leasing counter', () => {
    it('writes to the database once per block, not once per request', async () => {
      const keyId = await newKeyId();
      const repository = quotas();
      const lease = vi.spyOn(repository, 'lease');
      const quota = new LeasingCounter(repository, { blockSize: 50 });
      for (let i = 0; i < 200; i++) await quota.take(keyId, [{ subject: '', limit: 10_000 }], day);
      expect(lease).toHaveBeenCalledTimes(4);
      await quota.close();
      expect(await repository.count(keyId, '', day)).toBe(200);
    });
  });

  // The embedded store is one process; the leasing counter is only used there.
  const shared = Object.entries(counters).filter(([name]) => name !== 'leasing');
  for (const [name, counter] of shared) {
    describe.skipIf(storage.backend === 'embedded' && name !== 'redis')(
      `daily quota, two instances sharing the ${name} counter`,
      () => {
        it('admits exactly the limit when two instances take 100 at once', async () => {
          const keyId = await newKeyId();
          const instances = [counter(), counter(storage.another())];
          const results = await Promise.all(
            Array.from({ length: 100 }, (_, i) =>
              instances[i % 2]!.take(keyId, [{ subject: '', limit: 40 }], day),
            ),
          );
          expect(granted(results)).toBe(40);
          expect(await counter().count(keyId, '', day)).toBe(40);
        });
      },
    );
  }
}
