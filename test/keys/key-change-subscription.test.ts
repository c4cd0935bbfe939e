import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyChangeSubscription, RedisKeyChangeBroadcast } from '../../src/keys/index.js';
import { failFastRedis, waitForRedis } from '../../src/ratelimit/redis-store.js';

const redisUrl = process.env.TEST_REDIS_URL;

/** Records what the subscription asked of the cache, and lets a test await the next call. */
class RecordingCache {
  readonly evicted: string[] = [];
  clears = 0;
  #next: (() => void)[] = [];
  evictCached(id: string) {
    this.evicted.push(id);
    this.#wake();
  }
  clearCache() {
    this.clears++;
    this.#wake();
  }
  nextCall(): Promise<void> {
    return new Promise((resolve) => this.#next.push(resolve));
  }
  #wake() {
    for (const wake of this.#next.splice(0)) wake();
  }
}

describe.skipIf(!redisUrl)('key change subscription', () => {
  const clients: Redis[] = [];
  const client = () => {
    const c = failFastRedis(redisUrl!);
    clients.push(c);
    return c;
  };
  /** A broadcast whose connection is ready: a fail-fast client refuses commands until then. */
  const connectedBroadcast = async (channel: string) => {
    const publisher = client();
    await waitForRedis(publisher, 2_000);
    return new RedisKeyChangeBroadcast(
      publisher,
      (_id, error) => {
        throw error;
      },
      channel,
    );
  };
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });

  it('evicts the key id another instance broadcast', async () => {
    const channel = `test:key-changes:${randomUUID()}`;
    const cache = new RecordingCache();
    const subscription = new KeyChangeSubscription(client(), cache, channel);
    expect(await subscription.waitUntilSubscribed(2_000)).toBe(true);

    const broadcast = await connectedBroadcast(channel);
    const evicted = cache.nextCall();
    await broadcast.publish('key-1');
    await evicted;
    expect(cache.evicted).toEqual(['key-1']);
  });

  it('resubscribes after a reconnect and clears the cache, since it may have missed changes', async () => {
    const channel = `test:key-changes:${randomUUID()}`;
    const cache = new RecordingCache();
    const subscriber = client();
    const subscription = new KeyChangeSubscription(subscriber, cache, channel);
    await subscription.waitUntilSubscribed(2_000);
    const clearsBefore = cache.clears;

    const cleared = cache.nextCall();
    subscriber.disconnect(true); // drop the connection; ioredis reconnects
    await cleared;
    expect(cache.clears).toBe(clearsBefore + 1);

    const broadcast = await connectedBroadcast(channel);
    const evicted = cache.nextCall();
    await broadcast.publish('key-2');
    await evicted;
    expect(cache.evicted).toEqual(['key-2']);
  });

  it('reports a broadcast that could not be sent instead of failing the change', async () => {
    const failures: string[] = [];
    const dead = failFastRedis('redis://127.0.0.1:1', { redisOptions: { retryStrategy: () => null } });
    clients.push(dead);
    await new RedisKeyChangeBroadcast(dead, (keyId) => failures.push(keyId)).publish('key-3');
    expect(failures).toEqual(['key-3']);
  });
});
