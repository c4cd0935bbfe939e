/**
 * Bench-only server for bench/ratelimit.ts: the real app (authentication on) over a throwaway
 * embedded store, listening on loopback port 0, with one of three rate limiters:
 *   --store memory   the in-process store (what the server uses without REDIS_URL)
 *   --store redis    the Redis store from REDIS_URL (a FallbackStore over RedisStore, as in production)
 *   --store off      a no-op store that admits everything without counting: limiting off
 * A key whose limits never trip (100,000,000 per minute and per hour) is created in-process; the
 * store still does all its work for it. The port and the key go to the parent over IPC only: the
 * key is never written to a file or a log.
 */
import { pino } from 'pino';
import { loadConfig } from '../src/config/index.js';
import { buildApp } from '../src/http/app.js';
import type { RateDecision, RateLimitStore } from '../src/ratelimit/index.js';
import { buildServices } from '../src/services.js';

export type BenchStore = 'memory' | 'redis' | 'off';

export interface RateLimitBenchServerReady {
  port: number;
  key: string;
  /** The store's status after start-up (`ok` expected; anything else makes Redis figures meaningless). */
  status: string;
}

const ALLOW: RateDecision = Object.freeze({ allowed: true, windows: [], violated: [], retryAfterMs: 0 });

/** Limiting off: the same interface, synchronous, and it never counts or refuses anything. */
class AlwaysAllowStore implements RateLimitStore {
  consumeSync(): RateDecision {
    return ALLOW;
  }
  async consume(): Promise<RateDecision> {
    return ALLOW;
  }
  status() {
    return 'ok' as const;
  }
  async close(): Promise<void> {}
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('bench/ratelimit-server.ts must be started by bench/ratelimit.ts (IPC)');
  const storeArg = process.argv[process.argv.indexOf('--store') + 1];
  if (storeArg !== 'memory' && storeArg !== 'redis' && storeArg !== 'off')
    throw new Error('--store memory|redis|off');
  if (storeArg === 'redis' && !process.env.REDIS_URL) throw new Error('--store redis needs REDIS_URL');
  const env = { ...process.env };
  if (storeArg !== 'redis') delete env.REDIS_URL;
  const config = loadConfig(env);
  const logger = pino({ level: config.logLevel });
  const services = await buildServices(config, logger, { role: 'server' });
  if (storeArg === 'off') {
    await services.rateLimiter.close();
    services.rateLimiter = new AlwaysAllowStore();
  }
  await services.keys.ensureDemoKey();
  await services.start();
  const { key } = await services.keys.createKey({
    name: 'bench-ratelimit',
    dailyLimit: null,
    rateLimitPerMinute: 100_000_000,
    rateLimitPerHour: 100_000_000,
  });
  const app = await buildApp(services, { logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => services.close())
      .finally(() => process.exit(0));
  });
  // The parent asks for this process's CPU time around each run: CPU per request is a steadier
  // figure than requests/s on a busy machine.
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
  const ready: RateLimitBenchServerReady = { port, key, status: services.rateLimiter.status() };
  process.send(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
