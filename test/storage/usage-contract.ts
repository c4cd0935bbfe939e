import { describe, expect, it } from 'vitest';
import { ApiKeyRepository, QuotaRepository, type UsageEvent } from '../../src/keys/index.js';
import type { Storage } from './contract.js';
import { newKey } from './keys-contract.js';

function event(keyId: string, at: Date, overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    keyId,
    at,
    method: 'POST',
    route: '/api/v1/generation/',
    statusCode: 201,
    patients: 7,
    clientIp: '127.0.0.1',
    admitted: true,
    countInDay: true,
    subject: '',
    ...overrides,
  };
}

export function usageContract(storage: Storage): void {
  describe('usage', () => {
    const keys = () => new ApiKeyRepository(storage.database.db);

    it('adds up lifetime counters atomically when two instances write 100 batches at once', async () => {
      const key = await keys().create(newKey().row);
      const repositories = [keys(), new ApiKeyRepository(storage.another().db)];
      const now = new Date('2026-03-31T10:00:00Z');
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          repositories[i % 2]!.recordUsage([event(key.id, now), event(key.id, new Date(now.getTime() + i))]),
        ),
      );
      expect(await keys().getById(key.id)).toMatchObject({
        totalRequests: 200,
        totalPatientsGenerated: 1400,
        lastUsedAt: new Date(now.getTime() + 99),
      });
      expect(await new QuotaRepository(storage.database.db).count(key.id, '', '2026-03-31')).toBe(200);
    });

    it('reports requests and patients per UTC day; job patients count as patients, not requests', async () => {
      const key = await keys().create(newKey().row);
      await keys().recordUsage([
        event(key.id, new Date('2026-03-30T23:59:59Z'), { patients: 1 }),
        event(key.id, new Date('2026-03-31T00:00:00Z'), { patients: 2 }),
        event(key.id, new Date('2026-03-31T12:00:00Z'), { patients: 0, statusCode: 422 }),
        event(key.id, new Date('2026-03-31T12:30:00Z'), {
          method: 'JOB',
          patients: 40,
          admitted: false,
          countInDay: false,
        }),
      ]);
      expect(await keys().usageByDay(key.id, new Date('2026-03-30T00:00:00Z'))).toEqual([
        { day: '2026-03-30', requests: 1, patients: 1 },
        { day: '2026-03-31', requests: 2, patients: 42 },
      ]);
      expect(await keys().usageByDay(key.id, new Date('2026-03-31T00:00:00Z'))).toHaveLength(1);
    });

    it('drops the events of a deleted key without failing the rest of the batch', async () => {
      const kept = await keys().create(newKey().row);
      const deleted = await keys().create(newKey().row);
      await keys().delete(deleted.id);
      await keys().recordUsage([event(deleted.id, new Date()), event(kept.id, new Date())]);
      expect(await keys().getById(kept.id)).toMatchObject({ totalRequests: 1 });
      expect(await keys().usageByDay(deleted.id, new Date(0))).toEqual([]);
    });

    it('counts keys and the period’s requests and patients in stats', async () => {
      const from = new Date('2031-01-01T00:00:00Z');
      const before = await keys().stats(from, from);
      const key = await keys().create(newKey().row);
      await keys().recordUsage([
        event(key.id, new Date('2031-01-02T00:00:00Z'), { patients: 3 }),
        event(key.id, new Date('2031-01-02T00:00:01Z'), { method: 'JOB', patients: 5, admitted: false }),
      ]);
      const after = await keys().stats(from, from);
      expect(after.keys.total - before.keys.total).toBe(1);
      expect(after.keys.active - before.keys.active).toBe(1);
      expect(after.requests - before.requests).toBe(1);
      expect(after.patients - before.patients).toBe(8);
    });
  });
}
