/**
 * Two real server processes share one PostgreSQL database and one Redis: a key's limit holds across
 * both. Without REDIS_URL each process would keep its own in-process counts and the same traffic
 * would get up to 2 x 10 = 20 successes (N instances admit up to N x the limit); that is the
 * documented single-instance default, not asserted here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase } from '../../src/db/index.js';
import { ApiKeyRepository, ApiKeyService } from '../../src/keys/index.js';
import { createPostgresDatabase, silentLogger } from '../helpers/database.js';
import { type ServerProcess, startServer } from '../helpers/server-process.js';

const enabled = Boolean(process.env.TEST_REDIS_URL && process.env.TEST_DATABASE_URL);

describe.skipIf(!enabled)('two server processes sharing redis and postgres', { timeout: 90_000 }, () => {
  let dataDirs: string[] = [];
  let servers: ServerProcess[] = [];
  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    dataDirs = [mkdtempSync(join(tmpdir(), 'milmed-rl-a-')), mkdtempSync(join(tmpdir(), 'milmed-rl-b-'))];
    const env = (dataDir: string) => ({
      DATABASE_URL: database!.url,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      DATA_DIR: dataDir,
      // startServer waits for the info-level "service ready" line, so the level stays at info.
    });
    // One after the other, so only the first runs the migrations.
    servers.push(await startServer(env(dataDirs[0]!)));
    servers.push(await startServer(env(dataDirs[1]!)));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.terminate()));
    servers = [];
    await database?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('admits exactly the limit in total when a key alternates between the two servers', async () => {
    for (const s of servers) expect((await fetch(`${s.baseUrl}/health`)).status).toBe(200);

    const key = await createSharedKey({ rateLimitPerMinute: 10, rateLimitPerHour: 1000 });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const server = servers[i % 2]!;
      const res = await fetch(`${server.baseUrl}/api/v1/keys/me`, {
        headers: { 'x-api-key': key },
        signal: AbortSignal.timeout(5_000),
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    const ok = statuses.filter((s) => s === 200).length;
    expect(ok).toBe(10);
    expect(statuses.filter((s) => s === 429).length).toBe(20);
    // Both servers admitted some: the limit really was shared, not met by one server alone.
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
  });

  it('admits exactly the daily quota when 100 requests at once hit the two servers', async () => {
    const key = await createSharedKey({
      rateLimitPerMinute: 10_000,
      rateLimitPerHour: 100_000,
      dailyLimit: 25,
    });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const res = await fetch(`${servers[i % 2]!.baseUrl}/api/v1/keys/me`, {
          headers: { 'x-api-key': key },
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await res.json()) as { code?: string };
        return res.status === 429 ? body.code : res.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(25);
    expect(statuses.filter((s) => s === 'DAILY_QUOTA_EXCEEDED')).toHaveLength(75);
  });

  /** A key written the way the CLI does it: straight into the shared database. */
  async function createSharedKey(limits: {
    rateLimitPerMinute: number;
    rateLimitPerHour: number;
    dailyLimit?: number;
  }) {
    const config = loadConfig({ DATABASE_URL: database!.url, DATA_DIR: dataDirs[0]! });
    const cli = await openDatabase(config, silentLogger, { role: 'cli' });
    try {
      const keys = new ApiKeyService(new ApiKeyRepository(cli.db), config);
      return (await keys.createKey({ name: 'shared', ...limits })).key;
    } finally {
      await cli.close();
    }
  }
});
