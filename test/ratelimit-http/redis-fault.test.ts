/**
 * Redis outages at the HTTP level, on a throwaway redis-server (random loopback port) that the test
 * kills and restarts: the documented fallback (in-process limits, readiness `degraded`, one
 * warning), automatic recovery, and the fail-closed alternative (503).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { redisServerAvailable, startThrowawayRedis, type ThrowawayRedis } from '../ratelimit/redis-server.js';
import { getMe } from './helpers.js';

const OUTAGE_WARNING = 'rate limit: Redis unavailable';

async function readiness(t: TestApp) {
  const res = await t.app.inject({ url: '/api/v1/health' });
  return {
    statusCode: res.statusCode,
    body: res.json() as { status: string; checks: Record<string, string> },
  };
}

/** Polls readiness (bounded: at most `timeoutMs`, every 50 ms) until `checks.redis` is `want`. */
async function waitForRedisCheck(t: TestApp, want: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  for (let i = 0; i < 1_000 && Date.now() < deadline; i++) {
    seen = (await readiness(t)).body.checks.redis ?? '';
    if (seen === want) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

describe.skipIf(!redisServerAvailable())(
  'rate limiting when redis fails (throwaway redis-server)',
  { timeout: 60_000 },
  () => {
    let redis: ThrowawayRedis | undefined;
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      await redis?.kill();
      t = undefined;
      redis = undefined;
    });

    it('falls back to in-process limits (no 500), shows degraded, warns once, and recovers by itself', async () => {
      redis = await startThrowawayRedis();
      t = await buildTestApp({ env: { REDIS_URL: redis.url } });
      const { key } = await t.services.keys.createKey({
        name: 'fault',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });

      for (let i = 0; i < 3; i++) expect((await getMe(t, key)).statusCode).toBe(200);
      expect(await readiness(t)).toMatchObject({
        statusCode: 200,
        body: { status: 'healthy', checks: { redis: 'ok' } },
      });

      await redis.kill();
      const during = await Promise.all(Array.from({ length: 15 }, () => getMe(t!, key)));
      for (const res of during) expect([200, 429]).toContain(res.statusCode);
      // The fallback starts from empty counts: 10 of the 15 get through, then it limits as usual.
      expect(during.filter((r) => r.statusCode === 200)).toHaveLength(10);
      expect(during.find((r) => r.statusCode === 429)!.json()).toMatchObject({
        error: 'Too Many Requests',
        detail: 'Rate limit exceeded: 10 per 1 minute',
      });
      for (let i = 0; i < 5; i++) expect([200, 429]).toContain((await getMe(t, key)).statusCode);
      expect(await readiness(t)).toMatchObject({
        statusCode: 200,
        body: { status: 'degraded', checks: { redis: 'degraded' } },
      });
      expect(t.logs.filter((line) => line.includes(OUTAGE_WARNING))).toHaveLength(1);

      await redis.restart();
      expect(await waitForRedisCheck(t, 'ok')).toBe('ok');
      expect(await readiness(t)).toMatchObject({ statusCode: 200, body: { status: 'healthy' } });
      // Back on Redis, which restarted empty (no persistence): the key's counts start again.
      const after = await getMe(t, key);
      expect(after.statusCode).toBe(200);
      expect(after.headers['x-ratelimit-remaining']).toBe('9');
      expect(t.logs.filter((line) => line.includes(OUTAGE_WARNING))).toHaveLength(1);
      expect(t.logs.some((line) => line.includes('shared limits restored'))).toBe(true);
    });

    it('with RATE_LIMIT_ON_REDIS_DOWN=fail-closed answers 503 with the standard body, and readiness 503', async () => {
      redis = await startThrowawayRedis();
      t = await buildTestApp({ env: { REDIS_URL: redis.url, RATE_LIMIT_ON_REDIS_DOWN: 'fail-closed' } });
      const { key } = await t.services.keys.createKey({
        name: 'closed',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      expect((await getMe(t, key)).statusCode).toBe(200);

      await redis.kill();
      for (let i = 0; i < 5; i++) {
        const res = await getMe(t, key);
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({
          error: 'Service Unavailable',
          detail: 'Rate limiting is temporarily unavailable',
        });
        expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      }
      const ready = await readiness(t);
      expect(ready.statusCode).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unhealthy', checks: { redis: 'down' } });
      expect((await t.app.inject({ url: '/ready' })).statusCode).toBe(503);

      await redis.restart();
      expect(await waitForRedisCheck(t, 'ok')).toBe('ok');
      expect((await getMe(t, key)).statusCode).toBe(200);
    });
  },
);
