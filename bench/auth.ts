/**
 * Measures what admission costs on the cheapest protected route, `GET /api/v1/keys/me`: requests/s
 * of each side against the same route with authentication turned off, in interleaved rounds so
 * drift on the machine hits every side alike. The sides:
 *  - a valid key, in-process rate limiter (goal >= 0.8 of auth off);
 *  - a valid key, Redis rate limiter and daily quota (with --redis-url; goal >= 0.7);
 *  - 401 for an unknown key, and 429 for a key over its minute limit: a refusal must cost no more
 *    than an admitted request (goal: ratio >= the valid key's).
 * Each server runs in its own child process on a temporary embedded store (or --database-url), and
 * autocannon runs as another process, so neither shares the server's event loop.
 *
 * With `--profile`, one more run of the valid-key and auth-off sides is CPU-profiled in the server
 * and broken down into microseconds per request.
 *
 *   npx tsx bench/auth.ts [--rounds 3] [--duration 5] [--connections 50] [--database-url postgres://...]
 *                         [--redis-url redis://...] [--profile]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchServerReady } from './auth-server.js';
import { perRequest, profileChild } from './cpu-profile.js';
import { autocannon as runAutocannon, clamp, fmt, type LoadRun, median } from './stats.js';

const ROUTE = '/api/v1/keys/me';
const ACCEPTED_GOAL = 0.8;
const REDIS_GOAL = 0.7;

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    /** Measure on PostgreSQL instead of the embedded store (all servers share the database). */
    'database-url': { type: 'string' },
    /** Add a side with the Redis rate limiter and daily quota. */
    'redis-url': { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const rounds = clamp(Number(args.rounds), 1, 10);
const duration = clamp(Number(args.duration), 1, 30);
const connections = clamp(Number(args.connections), 1, 500);
const databaseUrl = args['database-url'];
const redisUrl = args['redis-url'];

interface Server {
  child: ChildProcess;
  url: string;
  ready: BenchServerReady;
  dataDir: string;
}

interface Side {
  name: string;
  server: Server;
  headers: string[];
  /** `ok`: every answer 2xx; `refused`: every answer a 4xx. */
  expect: 'ok' | 'refused';
  goal?: { ratio: number; text: string };
}

async function startServer(options: { auth: boolean; redis?: string }): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-bench-'));
  const child = fork(
    new URL('./auth-server.ts', import.meta.url).pathname,
    options.auth ? [] : ['--no-auth'],
    {
      execArgv: ['--import', 'tsx'],
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        // The 401 side sends one unknown key on and on; the throttle would turn it into 429s.
        AUTH_FAILURES_PER_MINUTE: '100000000',
        ...(databaseUrl && { DATABASE_URL: databaseUrl }),
        ...(options.redis && { REDIS_URL: options.redis }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const [ready] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`bench server exited with ${code}`);
    }),
  ])) as [BenchServerReady];
  return { child, url: `http://127.0.0.1:${ready.port}${ROUTE}`, ready, dataDir };
}

const keyHeader = (key: string | undefined) => (key ? ['-H', `x-api-key=${key}`] : []);

/** One load run of one side. */
function autocannon(side: Pick<Side, 'server' | 'headers'>, seconds: number): Promise<LoadRun> {
  return runAutocannon(side.server.url, { seconds, connections, headers: side.headers });
}

function check(side: Side, run: LoadRun): void {
  const wrong = side.expect === 'ok' ? run.non2xx : run.requests - run.non2xx;
  if (wrong > 0 || run.errors > 0) {
    throw new Error(
      `${side.name}: ${wrong} unexpected answers and ${run.errors} errors; the figures mean nothing`,
    );
  }
}

async function main(): Promise<void> {
  const servers = await Promise.all([
    startServer({ auth: false }),
    startServer({ auth: true }),
    ...(redisUrl ? [startServer({ auth: true, redis: redisUrl })] : []),
  ]);
  const [open, keyed, viaRedis] = servers as [Server, Server, Server | undefined];
  const accepted: Side = {
    name: 'valid key, in-process limiter',
    server: keyed,
    headers: keyHeader(keyed.ready.key),
    expect: 'ok',
    goal: { ratio: ACCEPTED_GOAL, text: `>= ${ACCEPTED_GOAL}` },
  };
  const sides: Side[] = [
    { name: 'authentication off', server: open, headers: [], expect: 'ok' },
    accepted,
    ...(viaRedis
      ? [
          {
            name: 'valid key, Redis limiter and quota',
            server: viaRedis,
            headers: keyHeader(viaRedis.ready.key),
            expect: 'ok' as const,
            goal: { ratio: REDIS_GOAL, text: `>= ${REDIS_GOAL}` },
          },
        ]
      : []),
    { name: '401 unknown key', server: keyed, headers: keyHeader(keyed.ready.unknownKey), expect: 'refused' },
    {
      name: '429 over the minute limit',
      server: keyed,
      headers: keyHeader(keyed.ready.spentKey),
      expect: 'refused',
    },
  ];
  try {
    // Warm up every side (JIT, key cache, pools; spends the limited key's minute) before measuring.
    for (const side of sides) await autocannon(side, 2);

    const rps = sides.map(() => [] as number[]);
    for (let round = 1; round <= rounds; round++) {
      const line: string[] = [];
      for (const [i, side] of sides.entries()) {
        const run = await autocannon(side, duration);
        check(side, run);
        rps[i]!.push(run.rps);
        line.push(`${side.name} ${fmt(run.rps)}`);
      }
      console.log(`round ${round}: ${line.join(', ')} req/s`);
    }

    const medians = rps.map(median);
    const baseline = medians[0]!;
    const acceptedRatio = medians[1]! / baseline;
    console.log('');
    console.log(
      `GET ${ROUTE}, ${connections} connections, ${rounds} x ${duration} s per side, interleaved (medians)`,
    );
    console.log(`  ${'side'.padEnd(38)} ${'req/s'.padStart(8)} ${'ratio'.padStart(7)}  goal`);
    for (const [i, side] of sides.entries()) {
      const ratio = medians[i]! / baseline;
      const goal =
        i === 0
          ? '(baseline)'
          : side.goal
            ? `${side.goal.text}: ${ratio >= side.goal.ratio ? 'met' : 'NOT met'}`
            : `>= valid key (${acceptedRatio.toFixed(3)}): ${ratio >= acceptedRatio * 0.95 ? 'met' : 'NOT met'}`;
      console.log(
        `  ${side.name.padEnd(38)} ${fmt(medians[i]!).padStart(8)} ${ratio.toFixed(3).padStart(7)}  ${goal}`,
      );
    }
    const store = databaseUrl ? 'PostgreSQL' : 'embedded store (PGlite, in the server process)';
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    console.log(`  node ${process.version}, ${store}; load average at the end: ${load}`);
    if (args.profile) await printProfiles(accepted, sides[0]!);
    const extra = `${databaseUrl ? ' --database-url <url>' : ''}${redisUrl ? ' --redis-url <url>' : ''}`;
    console.log(
      `Reproduce: npx tsx bench/auth.ts --rounds ${rounds} --duration ${duration} --connections ${connections}${extra}${args.profile ? ' --profile' : ''}`,
    );
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      if (server.child.exitCode === null) await once(server.child, 'exit');
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
}

/** One profiled run per side; server CPU µs per request, by where it went. */
async function printProfiles(withKey: Side, withoutAuth: Side): Promise<void> {
  const rows: Map<string, number>[] = [];
  for (const side of [withKey, withoutAuth]) {
    const profiling = await profileChild(side.server.child);
    const run = await autocannon(side, duration);
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
