import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase } from '../../src/db/index.js';
import { ApiKeyRepository, ApiKeyService } from '../../src/keys/index.js';
import { silentLogger } from '../helpers/database.js';
import { type ServerProcess, startServer } from '../helpers/server-process.js';

/**
 * One server for the file: the CLI writes through it first, then it is stopped with SIGTERM (the
 * tests run in order, and the second one ends the process).
 */
describe('the server process on the embedded store', { timeout: 90_000 }, () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'milmed-'));
    server = await startServer({ DATA_DIR: dataDir });
  }, 90_000);
  afterAll(async () => {
    await server?.terminate();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets a second process (the CLI) write a key through it that the server then accepts', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const cliDatabase = await openDatabase(config, silentLogger, { role: 'cli' });
    let key: string;
    try {
      expect(cliDatabase.kind).toBe('embedded-via-server');
      const service = new ApiKeyService(new ApiKeyRepository(cliDatabase.db), config);
      ({ key } = await service.createKey({ name: 'made by the CLI' }));
    } finally {
      await cliDatabase.close();
    }

    const res = await fetch(`${server!.baseUrl}/api/v1/keys/me`, { headers: { 'x-api-key': key } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'made by the CLI', type: 'live' });
  });

  it('exits 0 on SIGTERM after answering, and releases the embedded lock', async () => {
    const lockFile = join(dataDir, 'pglite.lock');
    expect(existsSync(lockFile)).toBe(true);
    const res = await fetch(`${server!.baseUrl}/health`);
    expect(res.status).toBe(200);

    const code = await server!.terminate();
    expect(code).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
    await expect(fetch(`${server!.baseUrl}/health`)).rejects.toThrow();
    expect(server!.lines.some((l) => l.includes('"shutting down"'))).toBe(true);
  });
});
