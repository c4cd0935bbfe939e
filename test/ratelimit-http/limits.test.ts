/**
 * Issue 4 at the HTTP level, on each store: per-key minute/hour limits through `app.inject()`, with
 * the TestClock moving time. The Redis suite runs against TEST_REDIS_URL; every test uses fresh
 * keys (fresh key ids) and unique client IPs, so counters never meet across tests or runs.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/keys/index.js';
import { buildServices } from '../../src/services.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClock } from '../helpers/clock.js';
import { silentLogger } from '../helpers/database.js';
import { expectRateLimited, getMe, STORES, statusCounts, uniqueIp } from './helpers.js';

const DEMO_KEY = 'DEMO_MILMED_2025_500_PATIENTS';

/** Moves the clock to the next whole hour, where a fresh TestClock starts: every window is empty again. */
function startOnTheHour(clock: TestClock): void {
  clock.set(new Date(Math.ceil((clock.now().getTime() + 1) / 3_600_000) * 3_600_000));
}

for (const store of STORES) {
  describe.skipIf(store.skip)(`per-key rate limits over HTTP on the ${store.name} store`, () => {
    // Tests with the default settings share one app; a test with its own settings gets its own.
    let shared: TestApp | undefined;
    let own: TestApp | undefined;
    const open = async (env: Record<string, string> = {}) => {
      if (Object.keys(env).length > 0) {
        own = await buildTestApp({ env: { ...store.env, ...env } });
        return own;
      }
      shared ??= await buildTestApp({ env: store.env });
      startOnTheHour(shared.clock);
      return shared;
    };
    afterEach(async () => {
      await own?.close();
      own = undefined;
    });
    afterAll(async () => {
      await shared?.close();
      shared = undefined;
    });

    it('admits exactly 10 of 100 parallel requests on a 10/minute key; each 429 is complete', async () => {
      const app = await open();
      const { key } = await app.services.keys.createKey({
        name: 'burst',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      const responses = await Promise.all(Array.from({ length: 100 }, () => getMe(app, key)));

      expect(statusCounts(responses)).toEqual({ 200: 10, 429: 90 });
      for (const res of responses.filter((r) => r.statusCode === 429)) {
        expectRateLimited(res, 'Rate limit exceeded: 10 per 1 minute');
        expect(res.headers['x-ratelimit-limit']).toBe('10');
        expect(res.headers['ratelimit-policy']).toBe('"minute";q=10;w=60, "hour";q=1000;w=3600');
        // Nothing moved the clock, so the first slot frees when the first bucket leaves: ~60 s.
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(60);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(61);
      }
    });

    it('names the hour window when that is the one exhausted (100/minute, 5/hour)', async () => {
      const app = await open();
      const { key } = await app.services.keys.createKey({
        name: 'hourly',
        rateLimitPerMinute: 100,
        rateLimitPerHour: 5,
      });
      const responses = await Promise.all(Array.from({ length: 20 }, () => getMe(app, key)));
      expect(statusCounts(responses)).toEqual({ 200: 5, 429: 15 });
      const refused = responses.find((r) => r.statusCode === 429)!;
      expectRateLimited(refused, 'Rate limit exceeded: 5 per 1 hour');
      expect(refused.headers['x-ratelimit-limit']).toBe('5');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    });

    it('puts X-RateLimit-* for the tightest window on every successful response', async () => {
      const app = await open();
      const minuteBound = await app.services.keys.createKey({
        name: 'm',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      const hourBound = await app.services.keys.createKey({
        name: 'h',
        rateLimitPerMinute: 100,
        rateLimitPerHour: 5,
      });
      for (let i = 1; i <= 3; i++) {
        const m = await getMe(app, minuteBound.key);
        expect(m.statusCode).toBe(200);
        expect(m.headers).toMatchObject({
          'x-ratelimit-limit': '10',
          'x-ratelimit-remaining': String(10 - i),
          'x-ratelimit-reset': expect.stringMatching(/^6[01]$/),
          ratelimit: expect.stringMatching(
            new RegExp(
              `^"minute";r=${10 - i};t=${m.headers['x-ratelimit-reset']}, "hour";r=${1000 - i};t=\\d+$`,
            ),
          ),
        });
        const h = await getMe(app, hourBound.key);
        expect(h.statusCode).toBe(200);
        expect(h.headers['x-ratelimit-limit']).toBe('5');
        expect(h.headers['x-ratelimit-remaining']).toBe(String(5 - i));
        expect(Number(h.headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(3600);
        expect(h.headers['ratelimit-policy']).toBe('"minute";q=100;w=60, "hour";q=5;w=3600');
        app.clock.advance(1_700);
      }
    });

    it('never admits more than the limit in any 60-second span, with traffic spread over minutes', async () => {
      const app = await open();
      const limit = 10;
      const { key } = await app.services.keys.createKey({
        name: 'spread',
        rateLimitPerMinute: limit,
        rateLimitPerHour: 1000,
      });
      const start = app.clock.now().getTime() + 137; // off the second boundary
      app.clock.advance(137);
      let seed = 42;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const admitted: number[] = [];
      for (let i = 0; i < 180; i++) {
        const burst = random() < 0.15 ? 4 : 1;
        const responses = await Promise.all(Array.from({ length: burst }, () => getMe(app, key)));
        const now = app.clock.now().getTime();
        for (const res of responses) {
          expect([200, 429]).toContain(res.statusCode);
          if (res.statusCode === 200) admitted.push(now);
        }
        app.clock.advance(Math.floor(random() * 4_000));
      }
      const span = app.clock.now().getTime() - start;
      expect(span).toBeGreaterThan(5 * 60_000);
      for (let i = 0; i < admitted.length; i++) {
        let inSpan = 0;
        for (let j = i; j < admitted.length && admitted[j]! <= admitted[i]! + 60_000; j++) inSpan++;
        expect(inSpan, `admissions in the 60 s from ${admitted[i]! - start} ms`).toBeLessThanOrEqual(limit);
      }
      // And it is not needlessly strict: demand (~36/min) far exceeds the limit, so it stays close
      // to 10 per 61 s (the window's one-bucket slack).
      expect(admitted.length).toBeGreaterThanOrEqual(Math.floor((span / 61_000) * limit * 0.9));
    });

    it('gives an accurate Retry-After: exactly that long later succeeds, clearly earlier does not', async () => {
      const app = await open();
      const { key } = await app.services.keys.createKey({
        name: 'retry',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      app.clock.advance(250);
      // Spread the 10 admissions so the slots free one at a time, at different offsets.
      for (let i = 0; i < 10; i++) {
        expect((await getMe(app, key)).statusCode).toBe(200);
        app.clock.advance(2_300);
      }
      for (let round = 0; round < 5; round++) {
        const refused = await getMe(app, key);
        expectRateLimited(refused, 'Rate limit exceeded: 10 per 1 minute');
        const retryAfterMs = Number(refused.headers['retry-after']) * 1_000;
        if (retryAfterMs >= 2_000) {
          app.clock.advance(retryAfterMs - 1_500);
          expect((await getMe(app, key)).statusCode, `round ${round}: 1.5 s early`).toBe(429);
          app.clock.advance(1_500);
        } else {
          app.clock.advance(retryAfterMs);
        }
        expect((await getMe(app, key)).statusCode, `round ${round}: after Retry-After`).toBe(200);
      }
    });

    it('keeps two keys apart', async () => {
      const app = await open();
      const a = await app.services.keys.createKey({
        name: 'a',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      const b = await app.services.keys.createKey({
        name: 'b',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      const first = await Promise.all(Array.from({ length: 15 }, () => getMe(app, a.key)));
      expect(statusCounts(first)).toEqual({ 200: 10, 429: 5 });
      const second = await Promise.all(Array.from({ length: 15 }, () => getMe(app, b.key)));
      expect(statusCounts(second)).toEqual({ 200: 10, 429: 5 });
      expect(second.find((r) => r.statusCode === 200)!.headers['x-ratelimit-remaining']).toMatch(/^\d$/);
    });

    it('gives each client IP of the demo key its own 10/minute', async () => {
      const app = await open();
      const [ip1, ip2] = [uniqueIp(), uniqueIp()];
      const one = await Promise.all(Array.from({ length: 12 }, () => getMe(app, DEMO_KEY, ip1)));
      expect(statusCounts(one)).toEqual({ 200: 10, 429: 2 });
      expectRateLimited(one.find((r) => r.statusCode === 429)!, 'Rate limit exceeded: 10 per 1 minute');
      const two = await Promise.all(Array.from({ length: 12 }, () => getMe(app, DEMO_KEY, ip2)));
      expect(statusCounts(two)).toEqual({ 200: 10, 429: 2 });
    });

    it('stops all demo traffic at DEMO_GLOBAL_DAILY_LIMIT, across IPs', async () => {
      const app = await open({ DEMO_GLOBAL_DAILY_LIMIT: '3' });
      const ips = [uniqueIp(), uniqueIp(), uniqueIp(), uniqueIp()];
      for (const ip of ips.slice(0, 3)) expect((await getMe(app, DEMO_KEY, ip)).statusCode).toBe(200);
      for (const ip of ips) {
        const res = await getMe(app, DEMO_KEY, ip);
        expect(res.statusCode).toBe(429);
        expect(res.json()).toMatchObject({
          error: 'Too Many Requests',
          detail: 'Daily request limit exceeded (3)',
        });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    });

    it('with TRUST_PROXY=1 takes the demo client IP from X-Forwarded-For', async () => {
      const app = await open({ TRUST_PROXY: '1' });
      const [client1, client2] = [uniqueIp(), uniqueIp()];
      const proxy = '127.0.0.1';
      const one = await Promise.all(
        Array.from({ length: 11 }, () => getMe(app, DEMO_KEY, proxy, { 'x-forwarded-for': client1 })),
      );
      expect(statusCounts(one)).toEqual({ 200: 10, 429: 1 });
      expect((await getMe(app, DEMO_KEY, proxy, { 'x-forwarded-for': client2 })).statusCode).toBe(200);
    });

    it('by default ignores X-Forwarded-For, so a client cannot dodge its per-IP limit with it', async () => {
      const app = await open();
      const ip = uniqueIp();
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          getMe(app, DEMO_KEY, ip, { 'x-forwarded-for': `192.0.2.${i + 1}` }),
        ),
      );
      expect(statusCounts(responses)).toEqual({ 200: 10, 429: 2 });
    });

    it('answers 429 to an IP after AUTH_FAILURES_PER_MINUTE 401s; other IPs are unaffected', async () => {
      const app = await open({ AUTH_FAILURES_PER_MINUTE: '5' });
      const [bad, other] = [uniqueIp(), uniqueIp()];
      const wrong = generateApiKey(); // well-formed, unknown: reaches the key store
      for (let i = 0; i < 5; i++) expect((await getMe(app, wrong, bad)).statusCode).toBe(401);
      for (let i = 0; i < 3; i++) {
        const res = await getMe(app, wrong, bad);
        expect(res.statusCode).toBe(429);
        expect(res.json()).toMatchObject({
          error: 'Too Many Requests',
          detail: 'Too many failed authentication attempts',
        });
        expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      }
      expect((await getMe(app, wrong, other)).statusCode).toBe(401);
      const { key } = await app.services.keys.createKey({
        name: 'fine',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      expect((await getMe(app, key, other)).statusCode).toBe(200);
    });

    it('applies a lowered limit at once on the instance that changed it', async () => {
      const app = await open();
      const { key, record } = await app.services.keys.createKey({
        name: 'lower',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      expect((await getMe(app, key)).statusCode).toBe(200);
      await app.services.keys.update(record.id, { rateLimitPerMinute: 2 });
      const ok = await getMe(app, key);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-limit']).toBe('2');
      expect(ok.headers['x-ratelimit-remaining']).toBe('0');
      expectRateLimited(await getMe(app, key), 'Rate limit exceeded: 2 per 1 minute');
    });

    it('applies a limit lowered by another instance within KEY_CACHE_TTL_MS', async () => {
      const app = await open();
      const { key, record } = await app.services.keys.createKey({
        name: 'remote',
        rateLimitPerMinute: 10,
        rateLimitPerHour: 1000,
      });
      for (let i = 0; i < 3; i++) expect((await getMe(app, key)).statusCode).toBe(200);

      // The other instance (or the CLI): its own services graph over the same database.
      const other = await buildServices(app.services.config, silentLogger as never, {
        role: 'cli',
        database: app.services.database,
        clock: app.clock.now,
      });
      await other.keys.update(record.id, { rateLimitPerMinute: 2 });
      await other.rateLimiter.close();

      // This instance may still use its cached record for up to the TTL...
      const stale = await getMe(app, key);
      expect(stale.statusCode).toBe(200);
      expect(stale.headers['x-ratelimit-limit']).toBe('10');
      // ...and not a moment longer.
      app.clock.advance(app.services.config.keyCacheTtlMs);
      expectRateLimited(await getMe(app, key), 'Rate limit exceeded: 2 per 1 minute');
    });
  });
}
