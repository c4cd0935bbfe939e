import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimitStore, FallbackStore, MemoryStore } from '../../src/ratelimit/index.js';
import { RedisStore } from '../../src/ratelimit/redis-store.js';
import { hour, minute, recordingLogger, T0 } from './helpers.js';
import { redisServerAvailable, startThrowawayRedis, type ThrowawayRedis, waitFor } from './redis-server.js';

const DEAD_URL = 'redis://127.0.0.1:1';

describe('FallbackStore with Redis unreachable', () => {
  const open: FallbackStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('never throws, decides from memory, reports degraded and warns once for many calls', async () => {
    const logger = recordingLogger();
    const store = new FallbackStore({ primary: new RedisStore({ url: DEAD_URL }), logger });
    open.push(store);
    const decisions = [];
    for (let i = 0; i < 100; i++) decisions.push(await store.consume('k', [minute(10), hour(50)], T0 + i));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions[10]?.violated).toEqual(['minute']);
    expect(decisions.every((d) => d.unavailable === undefined)).toBe(true);
    expect(store.status()).toBe('degraded');
    expect(logger.warns).toHaveLength(1);
    expect(logger.warns[0]?.msg).toMatch(/memory/);
    expect(logger.infos).toHaveLength(0);
  });

  it('answers an unavailable decision under fail-closed, without throwing', async () => {
    const logger = recordingLogger();
    const store = new FallbackStore({
      primary: new RedisStore({ url: DEAD_URL }),
      logger,
      policy: 'fail-closed',
      unavailableRetryAfterMs: 2_000,
    });
    open.push(store);
    for (let i = 0; i < 20; i++) {
      const d = await store.consume('k', [minute(10)], T0);
      expect(d).toEqual({
        allowed: false,
        windows: [],
        violated: [],
        retryAfterMs: 2_000,
        unavailable: true,
      });
    }
    expect(store.status()).toBe('down');
    expect(logger.warns).toHaveLength(1);
  });

  it('still rejects invalid rules with a RangeError (a programming error, not an outage)', async () => {
    const store = new FallbackStore({
      primary: new RedisStore({ url: DEAD_URL }),
      logger: recordingLogger(),
    });
    open.push(store);
    await expect(store.consume('k', [], T0)).rejects.toBeInstanceOf(RangeError);
  });
});

describe.skipIf(!redisServerAvailable())('FallbackStore through a Redis outage', () => {
  let redis: ThrowawayRedis;
  beforeAll(async () => {
    redis = await startThrowawayRedis();
  });
  afterAll(async () => {
    await redis.kill();
  });

  it('is ok on Redis, degrades to memory when Redis dies, and recovers by itself when it returns', async () => {
    const logger = recordingLogger();
    const store = new FallbackStore({ primary: new RedisStore({ url: redis.url }), logger });
    try {
      expect(await store.waitUntilReady()).toBe(true);
      const subject = `outage-${randomUUID()}`;
      const rules = [minute(5)];
      expect((await store.consume(subject, rules, T0)).allowed).toBe(true);
      expect(store.status()).toBe('ok');
      expect(logger.warns).toHaveLength(0);

      await redis.kill();
      // Memory has no counts for the subject yet: the limit starts over per instance.
      const during = [];
      for (let i = 0; i < 10; i++) during.push(await store.consume(subject, rules, T0 + 1_000));
      expect(during.filter((d) => d.allowed)).toHaveLength(5);
      expect(store.status()).toBe('degraded');
      expect(logger.warns).toHaveLength(1);

      await redis.restart();
      expect(await waitFor(() => store.status() === 'ok')).toBe(true);
      expect(logger.infos).toHaveLength(1);
      // The restarted Redis kept nothing (no persistence): shared counting starts over there.
      const after = await store.consume(subject, rules, T0 + 2_000);
      expect(after.allowed).toBe(true);
      expect(after.windows[0]?.remaining).toBe(4);
      expect(logger.warns).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('falls back when Redis hangs without dropping the connection, and recovers through a probe', async () => {
    const logger = recordingLogger();
    const store = new FallbackStore({
      primary: new RedisStore({ url: redis.url, commandTimeoutMs: 150 }),
      logger,
      probeIntervalMs: 50,
    });
    const subject = `hang-${randomUUID()}`;
    try {
      expect(await store.waitUntilReady()).toBe(true);
      redis.pause();
      const hung = await store.consume(subject, [minute(5)], T0);
      expect(hung.allowed).toBe(true); // decided from memory after the command timeout
      expect(store.status()).toBe('degraded');
      for (let i = 0; i < 20; i++) await store.consume(subject, [minute(50)], T0);
      expect(logger.warns).toHaveLength(1);

      redis.resume();
      let recovered = false;
      for (let i = 0; i < 100 && !recovered; i++) {
        await store.consume(subject, [minute(50)], T0);
        recovered = store.status() === 'ok';
        if (!recovered) await new Promise((r) => setTimeout(r, 20));
      }
      expect(recovered).toBe(true);
      expect(logger.infos).toHaveLength(1);
    } finally {
      redis.resume();
      await store.close();
    }
  });

  it('reports down under fail-closed while Redis is dead and ok again after it returns', async () => {
    const logger = recordingLogger();
    const store = new FallbackStore({
      primary: new RedisStore({ url: redis.url }),
      logger,
      policy: 'fail-closed',
    });
    try {
      expect(await store.waitUntilReady()).toBe(true);
      await redis.kill();
      const d = await store.consume(`fc-${randomUUID()}`, [minute(5)], T0);
      expect(d.unavailable).toBe(true);
      expect(store.status()).toBe('down');
      await redis.restart();
      expect(await waitFor(() => store.status() === 'ok')).toBe(true);
      expect((await store.consume(`fc-${randomUUID()}`, [minute(5)], T0)).allowed).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('createRateLimitStore', () => {
  it('builds a MemoryStore without a Redis URL', async () => {
    const store = await createRateLimitStore({ logger: recordingLogger() });
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });

  it('builds a FallbackStore over Redis that degrades instead of failing', async () => {
    const logger = recordingLogger();
    const store = await createRateLimitStore({ redisUrl: DEAD_URL, onRedisDown: 'fallback', logger });
    try {
      expect(store).toBeInstanceOf(FallbackStore);
      expect((await store.consume('k', [minute(1)], T0)).allowed).toBe(true);
      expect(store.status()).toBe('degraded');
    } finally {
      await store.close();
    }
  });
});
