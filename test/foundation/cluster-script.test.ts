import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/server-process.js';

/** A free port whose successor is free too (the script takes PORT and PORT+1). */
async function consecutiveFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const probe = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(port + 1, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => probe.close(resolve));
      return port;
    }
  }
}

/** `npm run cluster -- --instances N` (scripts/cluster.mjs). */
describe('the cluster script', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['scripts/cluster.mjs', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
    });

  it('refuses several instances on the embedded database, saying it is single-process', () => {
    const result = run(['--instances', '2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('single-process');
  });

  it('refuses an instance count that is not a small positive integer', () => {
    for (const bad of ['0', '-1', 'two', '1.5', '99']) {
      const result = run(['--instances', bad]);
      expect(result.status, bad).toBe(2);
      expect(result.stderr).toContain('--instances');
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL || !process.env.TEST_REDIS_URL)(
  'the cluster script on PostgreSQL and Redis',
  { timeout: 90_000 },
  () => {
    let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
    let dataDir: string;
    beforeAll(async () => {
      database = await createPostgresDatabase();
      dataDir = mkdtempSync(join(tmpdir(), 'milmed-cluster-'));
    });
    afterAll(async () => {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('starts N instances on consecutive ports and stops them all on Ctrl-C', async () => {
      const port = await consecutiveFreePorts();
      const child: ChildProcess = spawn(process.execPath, ['scripts/cluster.mjs', '--instances', '2'], {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: database.url,
          REDIS_URL: process.env.TEST_REDIS_URL ?? '',
          HOST: '127.0.0.1',
          PORT: String(port),
          DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = once(child, 'exit');
      const ready = new Set<string>();
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const match = /^cluster: instance (\d+) ready/.exec(line);
          if (match) ready.add(match[1]!);
          if (ready.size === 2) resolve();
        });
        void exited.then(([code]) => reject(new Error(`cluster exited with ${code} before both were ready`)));
      });
      for (const p of [port, port + 1]) {
        const res = await fetch(`http://127.0.0.1:${p}/api/v1/health`);
        expect(res.status).toBe(200);
      }
      child.kill('SIGINT');
      const [code] = await exited;
      expect(code).toBe(0);
      for (const p of [port, port + 1]) await expect(fetch(`http://127.0.0.1:${p}/health`)).rejects.toThrow();
    });
  },
);
