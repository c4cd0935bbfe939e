import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type Client, DEMO, inject, personalKey, ROOMY_DEMO_ENV, runJob } from './helpers.js';

const USAGE = '/api/v1/admin/usage';

describe('the admin usage API', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await buildTestApp({ env: ROOMY_DEMO_ENV });
    admin = await personalKey(t, { name: 'admin', scopes: ['admin'] });
  });
  afterAll(() => t.close());

  /** Known traffic in the hour starting at `at`: returns the busy key's id. */
  async function traffic(at: Date) {
    t.clock.set(at);
    const { key, record } = await t.services.keys.createKey({ name: 'busy', rateLimitPerMinute: 2 });
    const busy = { headers: { 'x-api-key': key } };
    for (let i = 0; i < 3; i++) await inject(t, { ...busy, url: '/api/v1/keys/me' }); // 200, 200, 429
    await inject(t, { headers: { 'x-api-key': 'milmed_live_not_a_key' }, url: '/api/v1/keys/me' }); // 401
    await inject(t, { headers: DEMO, remoteAddress: '203.0.113.5', url: '/api/v1/keys/me' });
    await inject(t, { headers: DEMO, remoteAddress: '203.0.113.6', url: '/api/v1/keys/me' });
    await t.services.usage.flush();
    return record;
  }

  describe('authorization', () => {
    it('answers 401 without a key, and 403 to the demo key and to a generate-only key', async () => {
      const plain = await personalKey(t, { name: 'plain' });
      for (const url of [USAGE, `${USAGE}?group_by=nonsense`, `/api/v1/admin/keys/${plain.id}/usage`]) {
        expect((await inject(t, { url })).statusCode).toBe(401);
        expect((await inject(t, { headers: DEMO, url })).statusCode).toBe(403);
        expect((await inject(t, { ...plain, url })).statusCode).toBe(403);
      }
    });
  });

  describe('validation', () => {
    it.each([
      ['an unknown grouping', 'group_by=week'],
      ['a date that is not ISO 8601', 'from=yesterday'],
      ['a key id that is not a UUID', 'key_id=abc'],
      ['a period that ends before it starts', 'from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z'],
      ['hours over more than 31 days', 'group_by=hour&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z'],
      ['a top list over 100', 'top=101'],
      ['an unknown parameter', 'colour=red'],
    ])('answers 422 to %s', async (_, query) => {
      const res = await inject(t, { ...admin, url: `${USAGE}?${query}` });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ error: 'Validation Error', request_id: expect.any(String) });
    });

    it('answers 404 for the usage of a key that does not exist', async () => {
      const res = await inject(t, {
        ...admin,
        url: '/api/v1/admin/keys/00000000-0000-4000-8000-000000000000/usage',
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('results', () => {
    it('counts requests, 401s, 429s by window and demo networks per key after known traffic', async () => {
      const busy = await traffic(new Date('2030-06-01T10:00:00Z'));
      const query = 'from=2030-06-01T10:00:00Z&to=2030-06-01T11:00:00Z';
      const res = await inject(t, { ...admin, url: `${USAGE}?${query}&group_by=key` });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      const point = (keyId: string | null) =>
        report.series.find((p: { key_id: string | null }) => p.key_id === keyId);
      expect(point(busy.id)).toEqual({
        key_id: busy.id,
        requests: 3,
        patients: 0,
        status: { '2xx': 2, '3xx': 0, '4xx': 1, '5xx': 0 },
        unauthorized: 0,
        rate_limited: { minute: 1, hour: 0, day: 0 },
      });
      expect(point(null)).toMatchObject({ requests: 1, unauthorized: 1 });
      expect(report.totals).toMatchObject({ requests: 6, unauthorized: 1, rate_limited: { minute: 1 } });
      expect(report.top_keys[0]).toEqual({
        key_id: busy.id,
        key_prefix: busy.keyPrefix,
        name: 'busy',
        requests: 3,
        patients: 0,
      });
      expect(report.demo_networks).toEqual([
        expect.objectContaining({ network: '203.0.113.0/24', requests: 2 }),
      ]);
      expect(res.body).not.toContain('203.0.113.5');
    });

    it('lists every hour of the period, zeros included, and filters by key', async () => {
      const busy = await traffic(new Date('2030-07-01T10:30:00Z'));
      const res = await inject(t, {
        ...admin,
        url: `${USAGE}?group_by=hour&from=2030-07-01T09:00:00Z&to=2030-07-01T12:00:00Z&key_id=${busy.id}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        res.json().series.map((p: { bucket: string; requests: number }) => [p.bucket, p.requests]),
      ).toEqual([
        ['2030-07-01T09:00:00.000Z', 0],
        ['2030-07-01T10:00:00.000Z', 3],
        ['2030-07-01T11:00:00.000Z', 0],
      ]);
      expect(res.json()).toMatchObject({ group_by: 'hour', key_id: busy.id, totals: { requests: 3 } });
    });

    it('defaults to the last 7 days per day, ending now', async () => {
      await traffic(new Date('2030-08-10T08:00:00Z'));
      t.clock.advance(30_000);
      const res = await inject(t, { ...admin, url: USAGE });
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({
        from: '2030-08-03T08:00:30.000Z',
        to: '2030-08-10T08:00:30.000Z',
        group_by: 'day',
      });
      expect(report.series).toHaveLength(8);
      expect(report.series.at(-1)).toMatchObject({ bucket: '2030-08-10T00:00:00.000Z', requests: 6 });
    });

    it('shows one key’s usage per day and its recent refusals', async () => {
      const busy = await traffic(new Date('2030-09-01T10:00:00Z'));
      t.clock.set(new Date('2030-09-02T12:00:00Z'));
      const res = await inject(t, { ...admin, url: `/api/v1/admin/keys/${busy.id}/usage` });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      expect(report).toMatchObject({ key_id: busy.id, name: 'busy', totals: { requests: 3 } });
      expect(report.per_day.at(-2)).toMatchObject({ bucket: '2030-09-01T00:00:00.000Z', requests: 3 });
      expect(report.recent_refusals).toEqual([
        {
          minute: '2030-09-01T10:00:00.000Z',
          route: 'GET /api/v1/keys/me',
          status: '4xx',
          requests: 1,
          unauthorized: 0,
          rate_limited: { minute: 1, hour: 0, day: 0 },
        },
      ]);
    });

    it('counts a finished job’s patients under the route JOB, as patients and not as a request', async () => {
      t.clock.set(new Date('2030-10-01T10:00:00Z'));
      const owner = await personalKey(t, { name: 'job owner' });
      await runJob(t, owner, { configuration: { name: 'seven' }, total_patients: 7 });
      await t.services.usage.flush();
      t.clock.set(new Date('2030-10-02T00:00:00Z'));
      const report = (await inject(t, { ...admin, url: `/api/v1/admin/keys/${owner.id}/usage` })).json();
      const { rows } = (await t.services.database.db.execute(
        `SELECT requests, patients FROM usage_counts WHERE key_id = '${owner.id}' AND route = 'JOB'`,
      )) as unknown as { rows: { requests: number; patients: number }[] };
      expect(rows.map((r) => [Number(r.requests), Number(r.patients)])).toEqual([[0, 7]]);
      expect(report.totals.patients).toBe(7);
      // The creating POST and the status polls are requests; the job's completion adds none.
      expect(report.totals.requests).toBe(report.totals.status['2xx']);
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await inject(t, { url: '/openapi.json' })).json();
      expect(doc.paths['/api/v1/admin/usage'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['from', 'to', 'group_by', 'key_id']),
      );
      expect(doc.paths['/api/v1/admin/keys/{id}/usage']).toBeDefined();
    });
  });
});
