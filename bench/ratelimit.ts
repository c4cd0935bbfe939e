/**
 * What rate limiting costs on the cheapest protected route, `GET /api/v1/keys/me`, with a valid
 * key whose limits never trip (so every request does the full check and is admitted):
 *   (a) the in-process store, (b) the Redis store, (c) limiting off (a no-op store),
 * in interleaved rounds a, b, c, a, b, c, ... so drift on the machine hits all three alike. Each
 * server is its own child process on a temporary embedded store, and autocannon runs as another
 * process, so none shares the server's event loop. Prints the medians and the ratios a/c (goal
 * >= 0.9) and b/c (goal >= 0.6).
 *
 *   npx tsx bench/ratelimit.ts [--rounds 3] [--duration 5] [--connections 50] [--redis-url redis://127.0.0.1:6379/0]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchStore, RateLimitBenchServerReady } from './ratelimit-server.js';
import { autocannon as runAutocannon, clamp, fmt, median } from './stats.js';

const ROUTE = '/api/v1/keys/me';
const GOALS: Record<Exclude<BenchStore, 'off'>, number> = { memory: 0.9, redis: 0.6 };

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0' },
  },
});
const rounds = clamp(Number(args.rounds), 1, 10);
const duration = clamp(Number(args.duration), 1, 30);
const connections = clamp(Number(args.connections), 1, 500);
const redisUrl = args['redis-url'];
if (!/^rediss?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(redisUrl)) {
  throw new Error('--redis-url must point at a loopback Redis (this benchmark only talks to 127.0.0.1)');
}

interface Server {
  store: BenchStore;
  child: ChildProcess;
  url: string;
  key: string;
  dataDir: string;
}

async function startServer(store: BenchStore): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-bench-rl-'));
  const child = fork(new URL('./ratelimit-server.ts', import.meta.url).pathname, ['--store', store], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(store === 'redis' && { REDIS_URL: redisUrl }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`bench server (${store}) exited with ${code}`);
    }),
  ])) as [RateLimitBenchServerReady];
  if (message.status !== 'ok') throw new Error(`bench server (${store}): store status is ${message.status}`);
  return { store, child, url: `http://127.0.0.1:${message.port}${ROUTE}`, key: message.key, dataDir };
}

interface Run {
  rps: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** The server process's CPU time so far (user + system, µs), over IPC. */
async function serverCpu(server: Server): Promise<number> {
  const reply = once(server.child, 'message');
  server.child.send('cpu');
  const [message] = (await Promise.race([
    reply,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no cpu reply')), 5_000).unref()),
  ])) as [{ cpuMicros: number }];
  return message.cpuMicros;
}

/** One load run against a bench server. */
async function autocannon(server: Server, seconds: number): Promise<Run> {
  const run = await runAutocannon(server.url, {
    seconds,
    connections,
    headers: ['-H', `x-api-key=${server.key}`],
  });
  return { ...run, total: run.requests };
}

const LABEL: Record<BenchStore, string> = { memory: 'in-process', redis: 'redis', off: 'limiting off' };

async function main(): Promise<void> {
  const servers: Server[] = [];
  try {
    for (const store of ['memory', 'redis', 'off'] as const) servers.push(await startServer(store));
    for (const server of servers) await autocannon(server, 2); // warm-up: JIT, key cache, connections

    const results: Record<BenchStore, number[]> = { memory: [], redis: [], off: [] };
    const cpuPerRequest: Record<BenchStore, number[]> = { memory: [], redis: [], off: [] };
    for (let round = 1; round <= rounds; round++) {
      const line: string[] = [];
      for (const server of servers) {
        const cpuBefore = await serverCpu(server);
        const run = await autocannon(server, duration);
        const cpuAfter = await serverCpu(server);
        if (run.non2xx > 0 || run.errors > 0) {
          throw new Error(
            `${LABEL[server.store]}: ${run.non2xx} non-2xx and ${run.errors} errors; the figures mean nothing`,
          );
        }
        results[server.store].push(run.rps);
        cpuPerRequest[server.store].push((cpuAfter - cpuBefore) / Math.max(1, run.total));
        line.push(`${LABEL[server.store]} ${fmt(run.rps)}`);
      }
      console.log(`round ${round}: ${line.join(', ')} req/s`);
    }

    const off = median(results.off);
    console.log('');
    console.log(
      `GET ${ROUTE}, ${connections} connections, ${rounds} x ${duration} s per store, interleaved (medians)`,
    );
    console.log(`  (a) in-process store:   ${fmt(median(results.memory))} req/s`);
    console.log(`  (b) redis store:        ${fmt(median(results.redis))} req/s`);
    console.log(`  (c) limiting off:       ${fmt(off)} req/s`);
    for (const store of ['memory', 'redis'] as const) {
      const ratio = median(results[store]) / off;
      const goal = GOALS[store];
      console.log(
        `  ratio ${LABEL[store].padEnd(10)} / off: ${ratio.toFixed(3)}  (goal >= ${goal}: ${ratio >= goal ? 'met' : 'NOT met'})`,
      );
    }
    const cpu = (store: BenchStore) => median(cpuPerRequest[store]).toFixed(0);
    console.log(
      `  server CPU per request (µs, medians; steadier than req/s on a busy box): in-process ${cpu('memory')}, redis ${cpu('redis')}, off ${cpu('off')}`,
    );
    console.log(`  node ${process.version}, embedded store (PGlite), key limits 100,000,000/min and /hour`);
    console.log(
      `Reproduce: npx tsx bench/ratelimit.ts --rounds ${rounds} --duration ${duration} --connections ${connections} --redis-url ${redisUrl}`,
    );
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      if (server.child.exitCode === null && server.child.signalCode === null)
        await once(server.child, 'exit');
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
