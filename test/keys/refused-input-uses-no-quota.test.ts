import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QuotaRepository } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { inject } from '../api/helpers.js';

/**
 * A request refused for its input (400 over the patient limit, 422 bad input) never takes a daily
 * slot, so there is nothing to give back after the answer. The quota store is slowed down on
 * purpose: when a slot was taken first and given back later (in onResponse), the client's next
 * request found it still taken, and a client near its limit got 429 right after a 400.
 */
describe('a request refused for its input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    const { lease, reserve } = QuotaRepository.prototype;
    vi.spyOn(QuotaRepository.prototype, 'lease').mockImplementation(async function (
      this: QuotaRepository,
      ...args: Parameters<typeof lease>
    ) {
      await slowStore();
      return lease.apply(this, args);
    });
    vi.spyOn(QuotaRepository.prototype, 'reserve').mockImplementation(async function (
      this: QuotaRepository,
      ...args: Parameters<typeof reserve>
    ) {
      await slowStore();
      return reserve.apply(this, args);
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  it('leaves the whole daily quota to the requests right after a 400 over the patient limit', async () => {
    const key = await dailyLimitedKey(t, 2);
    const refused = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { configuration: { name: 'too many' }, total_patients: 11 },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('PATIENT_LIMIT_EXCEEDED');
    expect(refused.headers['x-daily-usage']).toBeUndefined();
    const first = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-daily-usage']).toBe('1');
    const second = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.headers['x-daily-usage']).toBe('2');
  });

  it('leaves the last daily slot to the request right after a 422', async () => {
    const key = await dailyLimitedKey(t, 1);
    const refused = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { priority: 7 },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.headers['x-daily-usage']).toBeUndefined();
    const next = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.headers['x-daily-usage']).toBe('1');
  });

  it('still counts in the minute window, and its rate-limit headers say so', async () => {
    const key = await dailyLimitedKey(t, 5);
    const refused = await inject(t, {
      ...key,
      method: 'POST',
      url: '/api/v1/generation/',
      payload: { priority: 7 },
    });
    const next = await inject(t, { ...key, url: '/api/v1/jobs/' });
    expect(Number(refused.headers['x-ratelimit-remaining']) - 1).toBe(
      Number(next.headers['x-ratelimit-remaining']),
    );
  });
});

/** An injected fault: every quota write takes 50 ms. */
function slowStore(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

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
