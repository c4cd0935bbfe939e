/**
 * Measures what authentication costs on the cheapest protected route,
 * `GET /api/v1/keys/me`: requests/s with a valid database key (A) against the
 * same route with authentication turned off (B), in interleaved rounds
 * A, B, A, B, ... so drift on the machine hits both alike. Each server runs in
 * its own child process on a temporary embedded store, and autocannon runs as
 * a third process, so neither shares the server's event loop.
 *
 *   npx tsx bench/auth.ts [--rounds 3] [--duration 5] [--connections 50] [--database-url postgres://...]
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchServerReady } from './auth-server.js';

const ROUTE = '/api/v1/keys/me';
const GOAL = 0.9;

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    /** Measure on PostgreSQL instead of the embedded store (both servers share the database). */
    'database-url': { type: 'string' },
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

interface Run {
  rps: number;
  non2xx: number;
  errors: number;
}

/** One autocannon run in its own process; its JSON result on stdout. */
async function autocannon(server: Server, seconds: number): Promise<Run> {
  const child = spawn(
    'npx',
    [
      '--no-install',
      'autocannon',
      '-j',
      '-c',
      String(connections),
      '-d',
      String(seconds),
      ...server.headers,
      server.url,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const result = JSON.parse(out) as { requests: { average: number }; non2xx: number; errors: number };
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors };
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
    console.log(
      `Reproduce: npx tsx bench/auth.ts --rounds ${rounds} --duration ${duration} --connections ${connections}${dbArg}`,
    );
  } finally {
    for (const server of [withKey, withoutAuth]) {
      server.child.kill('SIGTERM');
      if (server.child.exitCode === null) await once(server.child, 'exit');
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fmt(rps: number): string {
  return Math.round(rps).toLocaleString('en-US');
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
