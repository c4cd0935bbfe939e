/**
 * Does streaming leave the server responsive? Starts the real server (compiled, `node dist/main.js`) on
 * 127.0.0.1 with a throwaway embedded store, then:
 *  1. samples `GET /api/v1/health` latency every --interval ms while idle (the baseline);
 *  2. runs --streams parallel streams of --patients patients each (read by curl processes, so the
 *     readers never share this process's event loop) while sampling health the same way;
 *  3. opens --stalled streams whose client never reads, and closes them.
 * It prints health latency percentiles for both phases, stream throughput, and the server's RSS
 * before, during and after each phase. The stream bounds are raised by env so every stream is admitted.
 *
 *   npx tsx bench/stream-health.ts [--streams 8] [--patients 100000] [--stalled 30] [--interval 20] [--no-build]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { freePort } from '../test/helpers/server-process.js';
import { clamp, fmt, percentile } from './stats.js';

const GOAL_P99_MS = 100;

const { values: args } = parseArgs({
  options: {
    streams: { type: 'string', default: '8' },
    patients: { type: 'string', default: '100000' },
    stalled: { type: 'string', default: '30' },
    interval: { type: 'string', default: '20' },
    'idle-seconds': { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});
const streams = clamp(Number(args.streams), 1, 64);
const patients = clamp(Number(args.patients), 1, 1_000_000);
const stalled = clamp(Number(args.stalled), 0, 200);
const intervalMs = clamp(Number(args.interval), 5, 1000);
const idleSeconds = clamp(Number(args['idle-seconds']), 1, 60);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's resident set in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function request(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c) => (body += c));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.once('error', reject);
    if (options.body !== undefined) {
      req.setHeader('content-type', 'application/json');
      req.end(JSON.stringify(options.body));
    } else req.end();
  });
}

/** Health latency samples (ms), one request at a time, one started every `intervalMs`, until `stop()`. */
function sampleHealth(port: number) {
  const samples: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const res = await request(port, '/api/v1/health');
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
      samples.push(ms);
      await sleep(Math.max(0, intervalMs - ms));
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Peak RSS over a phase, sampled every 50 ms. */
function watchRss(pid: number) {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

function line(name: string, samples: number[]): string {
  const f = (p: number) => percentile(samples, p).toFixed(1).padStart(7);
  const max = Math.max(...samples)
    .toFixed(1)
    .padStart(7);
  return `  ${name.padEnd(26)} ${f(50)} ${f(95)} ${f(99)} ${max}   (${samples.length} samples)`;
}

/** One stream read to the end by curl; resolves with bytes, seconds and status. */
async function curlStream(
  port: number,
  key: string,
): Promise<{ bytes: number; seconds: number; status: number }> {
  const child = spawn(
    'curl',
    [
      '-s',
      '-o',
      '/dev/null',
      '-w',
      '%{size_download} %{time_total} %{http_code}',
      '-X',
      'POST',
      '-H',
      `x-api-key: ${key}`,
      '-H',
      'content-type: application/json',
      '--data',
      JSON.stringify({ count: patients }),
      `http://127.0.0.1:${port}/api/v1/streaming/generate?seed=bench`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  await once(child, 'exit');
  const [bytes, seconds, status] = out.trim().split(' ').map(Number);
  return { bytes: bytes!, seconds: seconds!, status: status! };
}

async function startServer(
  dataDir: string,
  adminKey: string,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      API_KEY: adminKey,
      MAX_PATIENTS_PER_JOB: String(patients),
      STREAMS_PER_KEY: String(Math.max(streams, stalled)),
      STREAMS_PER_INSTANCE: String(Math.max(streams, stalled)),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not start within 120 s');
    try {
      if ((await request(port, '/health')).status === 200) return { child, port };
    } catch {
      await sleep(200);
    }
  }
}

async function main(): Promise<void> {
  if (!args['no-build']) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-bench-'));
  const adminKey = randomBytes(24).toString('hex');
  const { child, port } = await startServer(dataDir, adminKey);
  const pid = child.pid!;
  try {
    const created = await request(port, '/api/v1/admin/keys', {
      method: 'POST',
      headers: { 'x-api-key': adminKey },
      body: {
        name: 'stream bench',
        patient_limit: patients,
        daily_limit: null,
        rate_limit_per_minute: 100_000,
        rate_limit_per_hour: 1_000_000,
      },
    });
    if (created.status !== 201) throw new Error(`key not created: ${created.status} ${created.body}`);
    const key = (JSON.parse(created.body) as { key: string }).key;

    // Warm-up: JIT, the database, one stream worker.
    await request(port, '/api/v1/streaming/generate', {
      method: 'POST',
      headers: { 'x-api-key': key },
      body: { count: 1000 },
    });
    const rssBefore = rssMb(pid);

    const idle = sampleHealth(port);
    await sleep(idleSeconds * 1000);
    await idle.stop();

    const during = sampleHealth(port);
    const rss = watchRss(pid);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: streams }, () => curlStream(port, key)));
    const seconds = (performance.now() - started) / 1000;
    const rssPeak = rss.stop();
    await during.stop();
    const bad = results.filter((r) => r.status !== 200);
    if (bad.length) throw new Error(`${bad.length} streams did not answer 200: ${bad.map((r) => r.status)}`);
    await sleep(2000);
    const rssAfter = rssMb(pid);

    const totalPatients = streams * patients;
    const totalMb = results.reduce((n, r) => n + r.bytes, 0) / 1e6;
    const p99 = percentile(during.samples, 99);
    console.log('');
    console.log(`GET /api/v1/health latency (ms), one request every ${intervalMs} ms`);
    console.log(
      `  ${''.padEnd(26)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`,
    );
    console.log(line('idle', idle.samples));
    console.log(line(`during ${streams} x ${fmt(patients)} streams`, during.samples));
    console.log(
      `  p99 during the streams: ${p99.toFixed(1)} ms (goal < ${GOAL_P99_MS} ms: ${p99 < GOAL_P99_MS ? 'met' : 'NOT met'})`,
    );
    console.log('');
    console.log(
      `${streams} parallel streams of ${fmt(patients)} patients (POST /api/v1/streaming/generate, batch 100)`,
    );
    console.log(
      `  total time:   ${seconds.toFixed(1)} s (slowest stream; fastest ${Math.min(...results.map((r) => r.seconds)).toFixed(1)} s)`,
    );
    console.log(
      `  throughput:   ${fmt(totalPatients / seconds)} patients/s, ${(totalMb / seconds).toFixed(0)} MB/s (${totalMb.toFixed(0)} MB in all)`,
    );
    console.log(
      `  server RSS:   before ${rssBefore.toFixed(0)} MB, peak during ${rssPeak.toFixed(0)} MB, 2 s after ${rssAfter.toFixed(0)} MB`,
    );

    if (stalled > 0) {
      const rssStalledBefore = rssMb(pid);
      const watch = watchRss(pid);
      const clients = await Promise.all(
        Array.from(
          { length: stalled },
          () =>
            new Promise<http.ClientRequest>((resolve, reject) => {
              const req = http.request(
                {
                  host: '127.0.0.1',
                  port,
                  method: 'POST',
                  path: '/api/v1/streaming/generate?batch_size=1000',
                  headers: { 'x-api-key': key, 'content-type': 'application/json' },
                },
                (res) => {
                  if (res.statusCode !== 200) reject(new Error(`stalled stream answered ${res.statusCode}`));
                  resolve(req); // and never read the body
                },
              );
              req.once('error', reject);
              req.end(JSON.stringify({ count: patients }));
            }),
        ),
      );
      await sleep(15_000); // let every worker start, fill its client's socket and stop
      const rssStalledPeak = watch.stop();
      for (const req of clients) req.destroy();
      const after: string[] = [];
      let waited = 0;
      for (const seconds of [1, 5, 15]) {
        await sleep((seconds - waited) * 1000);
        waited = seconds;
        after.push(`${seconds} s ${rssMb(pid).toFixed(0)} MB`);
      }
      console.log('');
      console.log(
        `${stalled} clients that never read a ${fmt(patients)}-patient stream (batch 1000), then close`,
      );
      console.log(
        `  server RSS:   before ${rssStalledBefore.toFixed(0)} MB, peak ${rssStalledPeak.toFixed(0)} MB; after close: ${after.join(', ')}`,
      );
    }
    console.log(
      `  node ${process.version}, ${streams} streams, embedded store; reproduce: npx tsx bench/stream-health.ts --streams ${streams} --patients ${patients} --stalled ${stalled} --interval ${intervalMs}`,
    );
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
