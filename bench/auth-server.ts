/**
 * Bench-only server: the real app on a throwaway embedded store, listening on
 * loopback port 0. With `--no-auth` protected routes skip authentication.
 * It reports its port, and (with auth) a freshly created key, to the parent
 * over IPC only: the key is never written to a file or a log.
 */
import { Session } from 'node:inspector/promises';
import { pino } from 'pino';
import { loadConfig } from '../src/config/index.js';
import { buildApp } from '../src/http/app.js';
import { generateApiKey } from '../src/keys/index.js';
import { buildServices } from '../src/services.js';

export interface BenchServerReady {
  port: number;
  /** A valid key with limits far above the load. */
  key: string | undefined;
  /** A key whose minute window is spent after one request: every further request gets 429. */
  spentKey: string | undefined;
  /** Well-formed but never issued: every request gets 401. */
  unknownKey: string | undefined;
}

async function main(): Promise<void> {
  if (!process.send)
    throw new Error('bench/auth-server.ts must be started by bench/auth.ts (needs an IPC channel)');
  const disableAuth = process.argv.includes('--no-auth');
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const services = await buildServices(config, logger, { role: 'server' });
  await services.keys.ensureDemoKey();
  const { key } = await services.keys.createKey({
    name: 'bench',
    dailyLimit: null,
    rateLimitPerMinute: 100_000_000,
    rateLimitPerHour: 100_000_000,
  });
  const spent = await services.keys.createKey({
    name: 'bench, over its limit',
    dailyLimit: null,
    rateLimitPerMinute: 1,
    rateLimitPerHour: 1,
  });
  const app = await buildApp(services, { logger, disableAuth });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => services.close())
      .finally(() => process.exit(0));
  });
  // bench/cpu-profile.ts asks for a CPU profile of the measured run only, over IPC.
  const inspector = new Session();
  inspector.connect();
  process.on('message', (message) => {
    if (message === 'profile:start') {
      void inspector
        .post('Profiler.enable')
        .then(() => inspector.post('Profiler.start'))
        .then(() => process.send?.('profiling'));
    } else if (message === 'profile:stop') {
      void inspector.post('Profiler.stop').then(({ profile }) => process.send?.({ profile }));
    }
  });
  const ready: BenchServerReady = disableAuth
    ? { port, key: undefined, spentKey: undefined, unknownKey: undefined }
    : { port, key, spentKey: spent.key, unknownKey: generateApiKey() };
  process.send(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
