/**
 * `npm run docs:refresh`: starts the service on its embedded defaults (a throwaway DATA_DIR, no
 * PostgreSQL, no Redis), replays every request marked `<!-- docs-example: … -->` in README.md and
 * docs/*.md, and rewrites the responses shown there. With `--check` (`npm run docs:check`, run by
 * scripts/run-doc-examples.sh in CI) it rewrites nothing and exits 1 when a shown response differs
 * from the real one, volatile values (ids, times, keys, durations) masked. How to mark an example:
 * scripts/docs-examples/markdown.ts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Difference, replayPage, type ReplayTarget } from './docs-examples/replay.js';
import { mask } from './docs-examples/render.js';

const DEMO_KEY = 'DEMO_MILMED_2025_500_PATIENTS';
/** The legacy admin key of the throwaway server; it exists only while the replay runs. */
const ADMIN_KEY = 'docs-replay-admin-key-not-a-secret';

const check = process.argv.includes('--check');
const pages = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'API_KEY', 'CORS_ORIGINS', 'METRICS_TOKEN'])
    delete env[name];
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '1',
      API_KEY: ADMIN_KEY,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    const up = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, baseUrl };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not answer /health within 120 s');
}

function report(page: string, d: Difference): void {
  const shown = mask(d.shown);
  const real = mask(d.real);
  let at = 0;
  while (at < shown.length && shown[at] === real[at]) at++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 60), at + 80));
  console.error(`${page}:${d.line} docs-example ${d.example}: the shown response differs from the real one`);
  console.error(`  shown: …${around(shown)}…\n  real:  …${around(real)}…`);
}

async function main(): Promise<number> {
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) return 1;
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-docs-'));
  const server = await startServer(dataDir);
  const target: ReplayTarget = { baseUrl: server.baseUrl, demoKey: DEMO_KEY, adminKey: ADMIN_KEY };
  let examples = 0;
  let differing = 0;
  try {
    for (const [index, page] of pages.entries()) {
      const before = readFileSync(page, 'utf8');
      const result = await replayPage(before, target, index);
      examples += result.examples;
      differing += result.differences.length;
      if (check) for (const d of result.differences) report(page, d);
      else if (result.text !== before) {
        writeFileSync(page, result.text);
        console.log(`${page}: ${result.differences.length} response(s) rewritten`);
      }
    }
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (check) {
    console.log(`docs responses: ${examples - differing} match, ${differing} differ`);
    if (differing > 0) console.log('Run `npm run docs:refresh` to rewrite them from the service.');
    return differing > 0 ? 1 : 0;
  }
  console.log(`docs responses: ${examples} replayed, ${differing} rewritten`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
