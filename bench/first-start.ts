/**
 * `npm run bench:first-start`: the peak memory (VmHWM, Linux) of the server's first start on a new
 * DATA_DIR, next to a restart on the same directory, embedded database, no Redis. The first start
 * copies the build's prepared data directory (`npm run build` writes it) instead of running initdb;
 * `--no-template` hides the template to show what initdb costs.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { templatePath } from '../src/db/embedded-template.js';

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the server on `dataDir`, waits until it answers, and returns its peak RSS in MB and the seconds to ready. */
async function start(dataDir: string): Promise<{ peakMb: number; seconds: number }> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  child.kill('SIGTERM');
  await once(child, 'exit');
  return { peakMb: Math.round(peakKb / 1024), seconds: Math.round(seconds * 10) / 10 };
}

const hide = process.argv.includes('--no-template');
// The template the built server reads: dist/, whatever directory this script runs from.
const template = join('dist', basename(templatePath()));
const hidden = `${template}.hidden`;
if (!existsSync(template)) throw new Error(`${template} is missing: run \`npm run build\` first`);
if (hide) renameSync(template, hidden);
const dataDir = mkdtempSync(join(tmpdir(), 'milmed-first-start-'));
try {
  const first = await start(dataDir);
  const restart = await start(dataDir);
  console.log(`template     ${hide ? 'hidden (initdb runs)' : 'used'}`);
  console.log(`first start  peak RSS ${first.peakMb} MB, ready in ${first.seconds} s`);
  console.log(`restart      peak RSS ${restart.peakMb} MB, ready in ${restart.seconds} s`);
  console.log(`ratio        first / restart = ${(first.peakMb / restart.peakMb).toFixed(2)}`);
} finally {
  if (hide) renameSync(hidden, template);
  rmSync(dataDir, { recursive: true, force: true });
}
