import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';
import { TestClock } from '../helpers/clock.js';

const ME = '/api/v1/keys/me';

describe.each(BACKENDS)('the daily request limit on %s', (backend) => {
  let t: TestApp;
  const clock = new TestClock();
  // One app for the file; every test makes its own keys and starts at the same moment.
  beforeAll(async () => {
    t = await buildTestApp({ backend, clock });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(new Date('2026-03-31T20:00:00Z')));

  const newKey = (dailyLimit: number) =>
    t.services.keys.createKey({
      name: 'quota',
      dailyLimit,
      rateLimitPerMinute: 10_000,
      rateLimitPerHour: 100_000,
    });

  it('admits exactly 20 of 50 parallel requests on a key with daily_limit 20', async () => {
    const { key, record } = await newKey(20);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => t.app.inject({ url: ME, headers: { 'x-api-key': key } })),
    );

    const ok = responses.filter((r) => r.statusCode === 200);
    const refused = responses.filter((r) => r.statusCode === 429);
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(30);
    expect(ok.map((r) => Number(r.headers['x-daily-usage'])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const res of refused) {
      expect(res.json()).toMatchObject({
        error: 'Too Many Requests',
        code: 'DAILY_QUOTA_EXCEEDED',
        detail: 'Daily request limit exceeded (20)',
      });
      expect(res.headers).toMatchObject({
        'x-limit-type': 'requests_per_day',
        'x-limit-value': '20',
        'x-current-usage': '20',
        'retry-after': String(4 * 3600),
      });
    }

    await t.services.usage.flush();
    const stored = await t.services.keyRepository.getById(record.id);
    expect(stored?.totalRequests).toBe(20);
  });

  it('opens again at 00:00 UTC, which here is also the first of the month', async () => {
    const { key } = await newKey(1);
    expect((await t.app.inject({ url: ME, headers: { 'x-api-key': key } })).statusCode).toBe(200);
    const spent = await t.app.inject({ url: ME, headers: { 'x-api-key': key } });
    expect(spent.statusCode).toBe(429);

    t.clock.advance(Number(spent.headers['retry-after']) * 1000);
    const nextDay = await t.app.inject({ url: ME, headers: { 'x-api-key': key } });
    expect(nextDay.statusCode).toBe(200);
    expect(nextDay.headers['x-daily-usage']).toBe('1');
  });

  it('takes a lower limit set on this instance into account at once', async () => {
    const { key, record } = await newKey(100);
    expect((await t.app.inject({ url: ME, headers: { 'x-api-key': key } })).statusCode).toBe(200);
    await t.services.keys.update(record.id, { dailyLimit: 1 });
    const res = await t.app.inject({ url: ME, headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(429);
    expect(res.json().detail).toBe('Daily request limit exceeded (1)');
  });
});
