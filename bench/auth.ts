/**
 * Measures what authentication costs on the cheapest protected route,
 * `GET /api/v1/keys/me`: requests/s with a valid database key (A) against the
 * same route with authentication turned off (B), in interleaved rounds
 * A, B, A, B, ... so drift on the machine hits both alike. Each server runs in
 * its own child process on a temporary embedded store, and autocannon runs as
 * a third process, so neither shares the server's event loop.
 *
 * With `--profile`, one more run per side is CPU-profiled in the server and
 * broken down into microseconds per request.
 *
 *   npx tsx bench/auth.ts [--rounds 3] [--duration 5] [--connections 50] [--database-url postgres://...] [--profile]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchServerReady } from './auth-server.js';
import { perRequest, profileChild } from './cpu-profile.js';
import { autocannon as runAutocannon, clamp, fmt, type LoadRun, median } from './stats.js';

const ROUTE = '/api/v1/keys/me';
const GOAL = 0.9;

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    /** Measure on PostgreSQL instead of the embedded store (both servers share the database). */
    'database-url': { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const rounds = clamp(Number(args.rounds), 1, 10);
const duration = clamp(Number(args.duration), 1, 30);
const connections = clamp(Number(args.connections), 1, 500);
const databaseUrl = args['database-url'];

interface Server {
  child: ChildProcess;
  url: string;
  headers: string[];
  dataDir: string;
}

async function startServer(withAuth: boolean): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-bench-'));
  const child = fork(new URL('./auth-server.ts', import.meta.url).pathname, withAuth ? [] : ['--no-auth'], {
    execArgv: ['--import', 'tsx'],
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`bench server exited with ${code}`);
    }),
  ])) as [BenchServerReady];
  const headers = message.key ? ['-H', `x-api-key=${message.key}`] : [];
  return { child, url: `http://127.0.0.1:${message.port}${ROUTE}`, headers, dataDir };
}

/** One load run against a bench server. */
function autocannon(server: Server, seconds: number): Promise<LoadRun> {
  return runAutocannon(server.url, { seconds, connections, headers: server.headers });
}

async function main(): Promise<void> {
  const [withKey, withoutAuth] = await Promise.all([startServer(true), startServer(false)]);
  try {
    // Warm up both (JIT, key cache, pools) before measuring.
    await autocannon(withKey, 2);
    await autocannon(withoutAuth, 2);

    const a: number[] = [];
    const b: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const keyed = await autocannon(withKey, duration);
      const open = await autocannon(withoutAuth, duration);
      for (const [name, run] of [
        ['valid key', keyed],
        ['auth off', open],
      ] as const) {
        if (run.non2xx > 0 || run.errors > 0) {
          throw new Error(
            `${name}: ${run.non2xx} non-2xx responses and ${run.errors} errors; the figures mean nothing`,
          );
        }
      }
      a.push(keyed.rps);
      b.push(open.rps);
      console.log(`round ${round}: valid key ${fmt(keyed.rps)} req/s, auth off ${fmt(open.rps)} req/s`);
    }

    const keyedRps = median(a);
    const openRps = median(b);
    const ratio = keyedRps / openRps;
    console.log('');
    console.log(
      `GET ${ROUTE}, ${connections} connections, ${rounds} x ${duration} s per side, interleaved (medians)`,
    );
    console.log(`  valid database key:     ${fmt(keyedRps)} req/s`);
    console.log(`  authentication off:     ${fmt(openRps)} req/s`);
    console.log(
      `  ratio (key / off):      ${ratio.toFixed(3)}  (goal >= ${GOAL}: ${ratio >= GOAL ? 'met' : 'NOT met'})`,
    );
    const store = databaseUrl ? 'PostgreSQL' : 'embedded store (PGlite, in the server process)';
    console.log(`  node ${process.version}, in-process rate limiter, ${store}`);
    const dbArg = databaseUrl ? ' --database-url <url>' : '';
    if (args.profile) await printProfiles(withKey, withoutAuth);
    console.log(
      `Reproduce: npx tsx bench/auth.ts --rounds ${rounds} --duration ${duration} --connections ${connections}${dbArg}${args.profile ? ' --profile' : ''}`,
    );
  } finally {
    for (const server of [withKey, withoutAuth]) {
      server.child.kill('SIGTERM');
      if (server.child.exitCode === null) await once(server.child, 'exit');
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
}

/** One profiled run per side; server CPU µs per request, by where it went. */
async function printProfiles(withKey: Server, withoutAuth: Server): Promise<void> {
  const rows: Map<string, number>[] = [];
  for (const server of [withKey, withoutAuth]) {
    const profiling = await profileChild(server.child);
    const run = await autocannon(server, duration);
    rows.push(perRequest(await profiling.stop(), run.requests));
  }
  const [keyed, open] = rows as [Map<string, number>, Map<string, number>];
  const buckets = [...new Set([...keyed.keys(), ...open.keys()])].filter((b) => b !== 'idle');
  buckets.sort(
    (x, y) => (keyed.get(y) ?? 0) - (open.get(y) ?? 0) - ((keyed.get(x) ?? 0) - (open.get(x) ?? 0)),
  );
  console.log('');
  console.log('server CPU per request (µs), from a CPU profile of one more run per side:');
  console.log(
    `  ${'where'.padEnd(46)} ${'valid key'.padStart(10)} ${'auth off'.padStart(10)} ${'extra'.padStart(8)}`,
  );
  let sumKeyed = 0;
  let sumOpen = 0;
  for (const bucket of buckets) {
    const k = keyed.get(bucket) ?? 0;
    const o = open.get(bucket) ?? 0;
    sumKeyed += k;
    sumOpen += o;
    console.log(
      `  ${bucket.padEnd(46)} ${k.toFixed(1).padStart(10)} ${o.toFixed(1).padStart(10)} ${(k - o).toFixed(1).padStart(8)}`,
    );
  }
  console.log(
    `  ${'total (busy)'.padEnd(46)} ${sumKeyed.toFixed(1).padStart(10)} ${sumOpen.toFixed(1).padStart(10)} ${(sumKeyed - sumOpen).toFixed(1).padStart(8)}`,
  );
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
