import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { inject } from '../api/helpers.js';

/**
 * A refused request (400 over the patient limit, 422 bad input) gives its daily slot back before the
 * client reads the answer. The release is slowed down on purpose: were it done after the answer, the
 * client's next request would still find the slot taken.
 */
describe('the daily slot of a refused request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    const quota = t.services.dailyQuota;
    const release = quota.release.bind(quota);
    quota.release = async (...args: Parameters<typeof release>) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return release(...args);
    };
  });
  afterAll(() => t.close());

  it('is free again when the client sends its next request right after a 400', async () => {
    const key = await dailyLimitedKey(t, 2);
    const refused = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { name: 'too many' }, total_patients: 11 },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    const first = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-daily-usage']).toBe('1');
    const second = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.headers['x-daily-usage']).toBe('2');
  });

  it('is free again right after a 422', async () => {
    const key = await dailyLimitedKey(t, 1);
    const refused = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { priority: 7 },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    const next = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.headers['x-daily-usage']).toBe('1');
  });
});

async function dailyLimitedKey(t: TestApp, dailyLimit: number) {
  const { key } = await t.services.keys.createKey({
    name: 'daily limited',
    rateLimitPerMinute: 10_000,
    rateLimitPerHour: 100_000,
    patientLimit: 10,
    dailyLimit,
  });
  return { headers: { 'x-api-key': key } };
}
