import { describe, expect, it } from 'vitest';
import { ApiKeyRepository, QuotaRepository } from '../../src/keys/index.js';
import { type RequestUsage, UsageRecorder, UsageRepository, UsageTally } from '../../src/usage/index.js';
import type { Storage } from './contract.js';
import { newKey } from './keys-contract.js';

const quiet = { error() {} };

function request(keyId: string | null, at: Date, overrides: Partial<RequestUsage> = {}): RequestUsage {
  return {
    keyId,
    isDemo: false,
    at,
    method: 'POST',
    route: '/api/v1/generation/',
    statusCode: 201,
    patients: 7,
    clientIp: '127.0.0.1',
    admitted: true,
    countInDay: true,
    quotaSubject: '',
    ...overrides,
  };
}

export function usageContract(storage: Storage): void {
  describe('usage', () => {
    const keys = () => new ApiKeyRepository(storage.database.db);
    const usage = () => new UsageRepository(storage.database.db);
    const write = (...events: RequestUsage[]) => {
      const tally = new UsageTally();
      for (const e of events) tally.addRequest(e);
      return usage().write(tally.batch());
    };

    it('loses no count when two instances record and flush 2,000 requests at once', async () => {
      const key = await keys().create(newKey().row);
      const recorders = [
        new UsageRecorder(usage(), quiet, { maxRows: 3 }),
        new UsageRecorder(new UsageRepository(storage.another().db), quiet, { maxRows: 3 }),
      ];
      const start = new Date('2026-03-31T10:00:00Z');
      const work: Promise<void>[] = [];
      for (let i = 0; i < 2000; i++) {
        // Five minutes and two statuses, so both instances upsert the same rows at the same time.
        const at = new Date(start.getTime() + (i % 5) * 60_000 + i);
        recorders[i % 2]!.record(
          request(key.id, at, { statusCode: i % 3 === 0 ? 422 : 201, admitted: i % 3 !== 0 }),
        );
        if (i % 50 === 0) work.push(recorders[(i / 50) % 2]!.flush());
      }
      await Promise.all([...work, ...recorders.map((r) => r.close())]);

      const totals = await usage().totals({
        from: start,
        to: new Date(start.getTime() + 3_600_000),
        keyId: key.id,
      });
      expect(totals).toMatchObject({ requests: 2000, patients: 14_000, status: { '2xx': 1333, '4xx': 667 } });
      expect(await keys().getById(key.id)).toMatchObject({
        totalRequests: 1333,
        totalPatientsGenerated: 14_000,
        lastUsedAt: new Date(start.getTime() + 4 * 60_000 + 1999),
      });
      expect(await new QuotaRepository(storage.database.db).count(key.id, '', '2026-03-31')).toBe(1333);
    });

    it('reports requests and patients per UTC day; job patients count as patients, not requests', async () => {
      const key = await keys().create(newKey().row);
      const tally = new UsageTally();
      tally.addRequest(request(key.id, new Date('2026-03-30T23:59:59Z'), { patients: 1 }));
      tally.addRequest(request(key.id, new Date('2026-03-31T00:00:00Z'), { patients: 2 }));
      tally.addRequest(
        request(key.id, new Date('2026-03-31T12:00:00Z'), { patients: 0, statusCode: 422, admitted: false }),
      );
      tally.addJobPatients(key.id, 40, new Date('2026-03-31T12:30:00Z'));
      await usage().write(tally.batch());

      expect(await usage().byDay(key.id, new Date('2026-03-30T00:00:00Z'))).toEqual([
        { day: '2026-03-30', requests: 1, patients: 1 },
        { day: '2026-03-31', requests: 2, patients: 42 },
      ]);
      expect(await usage().byDay(key.id, new Date('2026-03-31T00:00:00Z'))).toHaveLength(1);
      expect(await keys().getById(key.id)).toMatchObject({ totalRequests: 2, totalPatientsGenerated: 43 });
    });

    it('stores one row per key, minute, route and status class, however many requests', async () => {
      const key = await keys().create(newKey().row);
      const at = new Date('2026-04-01T08:00:00Z');
      await write(
        ...Array.from({ length: 500 }, (_, i) => request(key.id, new Date(at.getTime() + (i % 60) * 1000))),
      );
      const { rows } = (await storage.database.db.execute(
        `SELECT count(*)::int AS n FROM usage_counts WHERE key_id = '${key.id}'`,
      )) as unknown as { rows: { n: number }[] };
      expect(rows[0]!.n).toBe(1);
    });

    it('drops the usage of a deleted key without failing the rest of the batch, and deletes it with the key', async () => {
      const kept = await keys().create(newKey().row);
      const deleted = await keys().create(newKey().row);
      await keys().delete(deleted.id);
      await write(request(deleted.id, new Date()), request(kept.id, new Date()));
      expect(await keys().getById(kept.id)).toMatchObject({ totalRequests: 1 });
      expect(await usage().byDay(deleted.id, new Date(0))).toEqual([]);

      await keys().delete(kept.id);
      expect(await usage().byDay(kept.id, new Date(0))).toEqual([]);
    });

    it('counts 401s under no key, 429s by window and 5xx, per key and per hour', async () => {
      const key = await keys().create(newKey().row);
      const at = new Date('2041-05-06T07:08:00Z');
      await write(
        request(null, at, { statusCode: 401, patients: 0, admitted: false }),
        request(null, at, { statusCode: 401, patients: 0, admitted: false }),
        request(key.id, at, { statusCode: 429, patients: 0, admitted: false, refusedBy: 'minute' }),
        request(key.id, at, { statusCode: 429, patients: 0, admitted: false, refusedBy: 'hour' }),
        request(key.id, new Date('2041-05-06T09:00:00Z'), {
          statusCode: 429,
          patients: 0,
          admitted: false,
          refusedBy: 'day',
        }),
        request(key.id, at, { statusCode: 500, patients: 0 }),
        request(key.id, at),
      );
      const period = { from: new Date('2041-05-06T07:00:00Z'), to: new Date('2041-05-06T10:00:00Z') };

      const byKey = await usage().series(period, 'key');
      expect(byKey).toEqual([
        expect.objectContaining({ keyId: key.id, requests: 5, rateLimited: { minute: 1, hour: 1, day: 1 } }),
        expect.objectContaining({
          keyId: null,
          requests: 2,
          unauthorized: 2,
          status: expect.objectContaining({ '4xx': 2 }),
        }),
      ]);
      const byHour = await usage().series(period, 'hour');
      expect(byHour.map((p) => [p.bucket?.toISOString(), p.requests])).toEqual([
        ['2041-05-06T07:00:00.000Z', 6],
        ['2041-05-06T08:00:00.000Z', 0],
        ['2041-05-06T09:00:00.000Z', 1],
      ]);
      expect(byHour[0]!.status).toEqual({ '2xx': 1, '3xx': 0, '4xx': 4, '5xx': 1 });
      expect(await usage().topKeys(period, 5)).toEqual([
        { keyId: key.id, keyPrefix: key.keyPrefix, name: key.name, requests: 5, patients: 7 },
      ]);
      const refusals = await usage().recentRefusals(key.id, period, 10);
      expect(refusals.map((r) => [r.minute.toISOString(), r.statusClass, r.requests])).toEqual([
        ['2041-05-06T09:00:00.000Z', '4xx', 1],
        ['2041-05-06T07:08:00.000Z', '4xx', 2],
        ['2041-05-06T07:08:00.000Z', '5xx', 1],
      ]);
    });

    it('keeps demo traffic per masked client network, never the address itself', async () => {
      const demo = await keys().create(newKey({ isDemo: true }).row);
      const at = new Date('2042-01-01T00:00:00Z');
      const demoRequest = (clientIp: string) =>
        request(demo.id, at, { isDemo: true, clientIp, quotaSubject: clientIp });
      await write(demoRequest('203.0.113.77'), demoRequest('203.0.113.78'), demoRequest('2001:db8:1:2::5'));
      const period = { from: at, to: new Date(at.getTime() + 60_000) };
      expect((await usage().demoNetworks(period, 10)).map((n) => [n.network, n.requests])).toEqual([
        ['203.0.113.0/24', 2],
        ['2001:db8:1::/48', 1],
      ]);
      const { rows } = (await storage.database.db.execute(
        `SELECT network FROM usage_counts WHERE key_id = '${demo.id}'`,
      )) as unknown as { rows: { network: string }[] };
      expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.7|2001:db8:1:2/);
    });

    it('puts a failed flush’s counts back, and writes them with the next flush', async () => {
      const key = await keys().create(newKey().row);
      let failures = 1;
      const real = usage();
      const flaky = {
        write: (batch: Parameters<UsageRepository['write']>[0]) =>
          failures-- > 0 ? Promise.reject(new Error('connection lost')) : real.write(batch),
      } as UsageRepository;
      const recorder = new UsageRecorder(flaky, quiet);
      const at = new Date('2026-04-02T00:00:00Z');
      recorder.record(request(key.id, at));
      await recorder.flush();
      recorder.record(request(key.id, at));
      await recorder.close();
      expect(await real.byDay(key.id, at)).toEqual([{ day: '2026-04-02', requests: 2, patients: 14 }]);
    });
  });
}
