import { describe, expect, it } from 'vitest';
import { ApiKeyRepository } from '../../src/keys/index.js';
import type { Storage } from './contract.js';
import { newKey } from './keys-contract.js';

export function quotaContract(storage: Storage): void {
  describe('daily quota', () => {
    const keys = () => new ApiKeyRepository(storage.database.db);
    const day = '2026-03-31';

    it('admits exactly the limit when two instances reserve 50 at once, counting 1..20', async () => {
      const key = await keys().create(newKey().row);
      const repositories = [keys(), new ApiKeyRepository(storage.another().db)];
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => repositories[i % 2]!.reserveDaily(key.id, '', day, 20)),
      );
      const admitted = results.filter((r): r is number => r !== null).sort((a, b) => a - b);
      expect(admitted).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await keys().dailyCount(key.id, '', day)).toBe(20);
    });

    it('counts each subject and each day apart', async () => {
      const key = await keys().create(newKey().row);
      expect(await keys().reserveDaily(key.id, '10.0.0.1', day, 2)).toBe(1);
      expect(await keys().reserveDaily(key.id, '10.0.0.1', day, 2)).toBe(2);
      expect(await keys().reserveDaily(key.id, '10.0.0.1', day, 2)).toBeNull();
      expect(await keys().reserveDaily(key.id, '10.0.0.2', day, 2)).toBe(1);
      expect(await keys().reserveDaily(key.id, '10.0.0.1', '2026-04-01', 2)).toBe(1);
      expect(await keys().dailyCount(key.id, '10.0.0.1', day)).toBe(2);
      expect(await keys().dailyCount(key.id, '10.0.0.3', day)).toBe(0);
    });

    it('gives back a reserved request, never below zero', async () => {
      const key = await keys().create(newKey().row);
      await keys().reserveDaily(key.id, '', day, 5);
      await keys().releaseDaily(key.id, [''], day);
      await keys().releaseDaily(key.id, [''], day);
      expect(await keys().dailyCount(key.id, '', day)).toBe(0);
      expect(await keys().reserveDaily(key.id, '', day, 5)).toBe(1);
    });

    it('takes the demo key’s per-IP quota and its global ceiling both or neither', async () => {
      const key = await keys().create(newKey({ isDemo: false }).row);
      const take = (ip: string) => keys().reserveDemoDaily(key.id, ip, day, 2, 3);
      expect(await take('10.0.0.1')).toEqual({ count: 1 });
      expect(await take('10.0.0.1')).toEqual({ count: 2 });
      expect(await take('10.0.0.1')).toEqual({ refused: 'subject' });
      expect(await take('10.0.0.2')).toEqual({ count: 1 });
      expect(await take('10.0.0.3')).toEqual({ refused: 'global' });
      // The refused global request left the IP's own count untouched.
      expect(await keys().dailyCount(key.id, '10.0.0.3', day)).toBe(0);
      expect(await keys().dailyCount(key.id, '*', day)).toBe(3);
    });

    it('admits exactly the global ceiling across many IPs at once', async () => {
      const key = await keys().create(newKey().row);
      const repositories = [keys(), new ApiKeyRepository(storage.another().db)];
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          repositories[i % 2]!.reserveDemoDaily(key.id, `10.1.0.${i}`, day, 5, 12),
        ),
      );
      expect(results.filter((r) => 'count' in r)).toHaveLength(12);
      expect(await keys().dailyCount(key.id, '*', day)).toBe(12);
    });
  });
}
