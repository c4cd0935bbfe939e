import { Redis, type RedisOptions } from 'ioredis';
import { CONSUME_SCRIPT } from './redis-script.js';
import { validateRules } from './rules.js';
import type { RateDecision, RateLimitStore, StoreStatus, WindowRule, WindowState } from './store.js';

/** Options for a `RedisStore`. Give either `url` (the store owns the client) or `client`. */
export interface RedisStoreOptions {
  /** `redis://host:port/db`; the store creates a fail-fast client and closes it in `close()`. */
  readonly url?: string;
  /** An existing client; the store defines its script on it but never closes it. */
  readonly client?: Redis;
  /** A command without a reply after this many ms fails (default 300). */
  readonly commandTimeoutMs?: number;
  /** Ceiling of the reconnect back-off (default 1000 ms); ioredis reconnects forever. */
  readonly maxReconnectDelayMs?: number;
  /** Extra ioredis options for an owned client; they override the fail-fast defaults. */
  readonly redisOptions?: RedisOptions;
}

const COMMAND = 'rateLimitConsumeV1';

interface ScriptClient {
  rateLimitConsumeV1(numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}

/**
 * Rate-limit counts in Redis, exact across any number of instances: each `consume` is ONE atomic
 * Lua call (EVALSHA, re-sent as EVAL after a Redis restart) over the subject's keys
 * `rl:{<subject>}:<rule name>` (one hash tag, so Redis Cluster keeps them in one slot).
 *
 * Time comes from the caller (`nowMs`), so all instances need synchronised clocks (NTP); a lagging
 * instance only makes limits slightly stricter.
 *
 * Failure modes: `consume` rejects with the ioredis error when Redis is unreachable or slow. An owned
 * client fails fast: no offline queue, no per-request retries, `commandTimeoutMs` per command, so a
 * dead Redis fails within milliseconds and a hung one within `commandTimeoutMs`. Wrap it in a
 * `FallbackStore` to turn failures into values. Invalid rules reject with `RangeError`.
 */
export class RedisStore implements RateLimitStore {
  /** The underlying client (for connection events); owned unless one was passed in. */
  readonly client: Redis;
  readonly #owned: boolean;
  readonly #script: ScriptClient;

  constructor(options: RedisStoreOptions) {
    if (options.client !== undefined) {
      this.client = options.client;
      this.#owned = false;
    } else if (options.url !== undefined) {
      this.client = failFastRedis(options.url, options);
      this.#owned = true;
    } else {
      throw new TypeError('RedisStore needs a url or a client');
    }
    this.client.defineCommand(COMMAND, { lua: CONSUME_SCRIPT });
    this.#script = this.client as unknown as ScriptClient;
  }

  async consume(subject: string, rules: readonly WindowRule[], nowMs: number): Promise<RateDecision> {
    validateRules(rules);
    const now = Math.floor(nowMs);
    const tag = hashTag(subject);
    const keysAndArgs: (string | number)[] = [];
    for (const r of rules) keysAndArgs.push(`rl:{${tag}}:${r.name}`);
    keysAndArgs.push(now);
    for (const r of rules) keysAndArgs.push(r.limit, r.windowMs, r.bucketMs);

    const reply = await this.#script.rateLimitConsumeV1(rules.length, ...keysAndArgs);
    return toDecision(reply, rules);
  }

  /** 'ok' while the connection is ready, else 'down'. */
  status(): StoreStatus {
    return this.client.status === 'ready' ? 'ok' : 'down';
  }

  /**
   * Resolves true once the client is connected and ready, false after `timeoutMs` or when the
   * client gives up. Never rejects. Useful at start-up, before the first request.
   */
  waitUntilReady(timeoutMs = 2_000): Promise<boolean> {
    return waitForRedis(this.client, timeoutMs);
  }

  /** Closes an owned client (QUIT when connected, then disconnect); a passed-in client is left open. */
  async close(): Promise<void> {
    if (!this.#owned) return;
    if (this.client.status === 'ready') {
      await this.client.quit().catch(() => undefined);
    }
    this.client.disconnect();
  }
}

/** Resolves true once the client is ready, false after `timeoutMs` or when it gives up; never rejects. */
export function waitForRedis(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('end', onEnd);
      resolve(ok);
    };
    const onReady = () => done(true);
    const onEnd = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    timer.unref();
    client.on('ready', onReady);
    client.on('end', onEnd);
  });
}

/**
 * A Redis client that fails fast: no offline queue, no per-request retries, a timeout per command.
 * Connection errors are reported through `status` and rejected commands, not printed.
 */
export function failFastRedis(url: string, options: Omit<RedisStoreOptions, 'url' | 'client'> = {}): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 1_000;
  const client = new Redis(url, {
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 300,
    connectTimeout: 1_000,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), maxDelay),
    ...options.redisOptions,
  });
  // Without a listener ioredis prints every reconnect failure to the console.
  client.on('error', () => {});
  return client;
}

/** Escapes `%`, `{` and `}` so the subject cannot break out of the `{...}` cluster hash tag. */
function hashTag(subject: string): string {
  return /[%{}]/.test(subject) ? subject.replace(/[%{}]/g, (c) => encodeURIComponent(c)) : subject;
}

function toDecision(reply: unknown, rules: readonly WindowRule[]): RateDecision {
  if (!Array.isArray(reply) || reply.length !== 1 + 3 * rules.length) {
    throw new Error('rate limit: unexpected reply from the Redis script');
  }
  const allowed = reply[0] === 1;
  const windows: WindowState[] = [];
  const violated: string[] = [];
  let retryAfterMs = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const sum = Number(reply[1 + 3 * i]);
    const wait = Number(reply[3 + 3 * i]);
    if (wait > 0) {
      violated.push(rule.name);
      retryAfterMs = Math.max(retryAfterMs, wait);
    }
    windows.push({
      name: rule.name,
      limit: rule.limit,
      windowMs: rule.windowMs,
      remaining: Math.max(0, rule.limit - sum),
      resetMs: Number(reply[2 + 3 * i]),
      retryAfterMs: wait,
    });
  }
  return { allowed, windows, violated, retryAfterMs };
}
