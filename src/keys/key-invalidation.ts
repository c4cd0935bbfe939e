import type { Redis } from 'ioredis';

/**
 * Where the key service announces that a key changed (deactivated, deleted, rotated, approved, new
 * limits), so that other instances drop their cached copy at once instead of at the cache TTL.
 */
export interface KeyChangeBroadcast {
  /** Resolves once the message is sent or given up; never rejects: the cache TTL still bounds staleness. */
  publish(keyId: string): Promise<void>;
}

/** One process, or no Redis: the local eviction is all there is; other instances wait for the TTL. */
export const NO_BROADCAST: KeyChangeBroadcast = { publish: async () => {} };

/** The pub/sub channel. A message is a key id, never the key or anything derived from it alone. */
export const KEY_INVALIDATION_CHANNEL = 'milmed:api-key-changed';

/** Publishes key ids on the channel; a failure is reported to `onFailure`, not thrown. */
export class RedisKeyChangeBroadcast implements KeyChangeBroadcast {
  constructor(
    private readonly publisher: Redis,
    private readonly onFailure: (keyId: string, error: Error) => void,
    private readonly channel = KEY_INVALIDATION_CHANNEL,
  ) {}

  async publish(keyId: string): Promise<void> {
    try {
      await this.publisher.publish(this.channel, keyId);
    } catch (error) {
      this.onFailure(keyId, error as Error);
    }
  }
}

/** What a subscriber does with what it hears. */
export interface KeyCacheEvictor {
  evictCached(keyId: string): void;
  clearCache(): void;
}

/**
 * Listens for key changes on `subscriber`, a connection of its own (a subscribed Redis connection
 * can run no other command). It subscribes on every `ready`, so a reconnect resubscribes, and each
 * time it clears the whole cache: messages published while it was down are lost, and until then
 * the cache TTL is what bounded staleness.
 */
export class KeyChangeSubscription {
  #subscribed = false;
  #waiters: (() => void)[] = [];

  constructor(
    private readonly subscriber: Redis,
    private readonly cache: KeyCacheEvictor,
    private readonly channel = KEY_INVALIDATION_CHANNEL,
  ) {
    subscriber.on('message', (from: string, keyId: string) => {
      if (from === this.channel) cache.evictCached(keyId);
    });
    subscriber.on('close', () => {
      this.#subscribed = false;
    });
    subscriber.on('ready', () => void this.#subscribe());
    if (subscriber.status === 'ready') void this.#subscribe();
  }

  /** Resolves true once subscribed, false after `timeoutMs`; never rejects. */
  waitUntilSubscribed(timeoutMs: number): Promise<boolean> {
    if (this.#subscribed) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  close(): void {
    this.subscriber.disconnect();
  }

  async #subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch {
      return; // the connection dropped again; the next `ready` retries
    }
    this.cache.clearCache();
    this.#subscribed = true;
    for (const wake of this.#waiters.splice(0)) wake();
  }
}
