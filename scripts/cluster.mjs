#!/usr/bin/env node
// `npm run cluster -- --instances N`: N servers (dist/main.js) on consecutive ports from PORT (8000), for
// local trials of a multi-instance setup, each log line prefixed with its instance number. Ctrl-C (or
// SIGTERM) stops them all gracefully; if one exits by itself, the others are stopped too.
//
// The embedded database is single-process: one server owns DATA_DIR (pglite.lock), so more than one
// instance needs DATABASE_URL (PostgreSQL). Without REDIS_URL each instance would count the rate limits
// on its own, so the script warns.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, staleReason } from './build-if-stale.mjs';

const MAX_INSTANCES = 32;
const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message) {
  process.stderr.write(`cluster: ${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      instances: { type: 'string', short: 'n', default: '1' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(`${error.message}\nusage: npm run cluster -- --instances N`);
}
if (values.help) {
  process.stdout.write(
    'usage: npm run cluster -- --instances N\n' +
      '  starts N servers on ports PORT, PORT+1, … (PORT defaults to 8000) with the environment given;\n' +
      '  N > 1 needs DATABASE_URL (the embedded database is single-process) and should have REDIS_URL.\n',
  );
  process.exit(0);
}
const count = Number(values.instances);
if (!Number.isInteger(count) || count < 1 || count > MAX_INSTANCES)
  fail(`--instances must be an integer from 1 to ${MAX_INSTANCES} (got ${JSON.stringify(values.instances)})`);
if (count > 1 && !process.env.DATABASE_URL)
  fail(
    `${count} instances need DATABASE_URL (PostgreSQL): the embedded database is single-process, one server ` +
      'owns DATA_DIR. Set DATABASE_URL (and REDIS_URL), or run one instance.',
  );
if (count > 1 && !process.env.REDIS_URL)
  process.stderr.write(
    'cluster: REDIS_URL is not set: each instance counts the rate limits on its own, so a key gets its limit once per instance\n',
  );
const basePort = Number(process.env.PORT || 8000);
if (!Number.isInteger(basePort) || basePort < 1 || basePort + count - 1 > 65535)
  fail(`PORT must leave room for ${count} consecutive ports (got ${process.env.PORT})`);

const reason = staleReason();
if (reason && build(reason) !== 0) process.exit(1);

const children = [];
let stopping = false;

/** Asks every instance to stop (SIGTERM: each drains its requests and jobs) and exits once all have. */
async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  const codes = await Promise.all(running.map((c) => once(c, 'exit').then(([code]) => code)));
  process.exit(codes.some((code) => code !== 0) ? 1 : exitCode);
}

for (let i = 0; i < count; i++) {
  const name = String(i + 1);
  const port = basePort + i;
  const env = {
    ...process.env,
    PORT: String(port),
    // One label per instance on /metrics, unless the caller set a base of their own.
    INSTANCE_ID: process.env.INSTANCE_ID ? `${process.env.INSTANCE_ID}-${name}` : `cluster-${name}`,
  };
  const child = spawn(process.execPath, [join(root, 'dist', 'main.js')], {
    env,
    // Its own process group: Ctrl-C reaches this script only, which stops every instance in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`[${name}] ${line}\n`);
      if (line.includes('"service ready"'))
        process.stdout.write(`cluster: instance ${name} ready on http://localhost:${port}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`cluster: instance ${name} exited (${signal ?? code}); stopping the others\n`);
    void stopAll(1);
  });
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
