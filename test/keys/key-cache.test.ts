import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, type Db, openPostgres } from '../../src/db/index.js';
import {
  ApiKeyRepository,
  ApiKeyService,
  displayPrefix,
  generateApiKey,
  hashKey,
} from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS, silentLogger } from '../helpers/database.js';

const ME = '/api/v1/keys/me';

describe.each(BACKENDS)('verified-key cache on %s', (backend) => {
  let t: TestApp;
  let other: Database | undefined;
  const me = (key: string) => t.app.inject({ url: ME, headers: { 'x-api-key': key } });

  /** A second instance's key service over the same database. */
  function secondInstanceDb(): Db {
    if (backend !== 'postgres') return t.services.database.db;
    other = openPostgres({ connectionString: t.databaseUrl }, silentLogger);
    return other.db;
  }
  function secondInstance(): ApiKeyService {
    return new ApiKeyService(new ApiKeyRepository(secondInstanceDb()), t.services.config, t.clock.now);
  }

  // One app for the file; every test makes its own keys.
  beforeAll(async () => {
    t = await buildTestApp({ backend });
  });
  afterAll(() => t.close());
  afterEach(async () => {
    vi.restoreAllMocks();
    await other?.close();
    other = undefined;
  });

  it('answers repeated requests with a known key from memory', async () => {
    const { key } = await t.services.keys.createKey({ name: 'busy' });
    const getByHash = vi.spyOn(t.services.keyRepository, 'getByHash');
    for (let i = 0; i < 5; i++) expect((await me(key)).statusCode).toBe(200);
    expect(getByHash).toHaveBeenCalledTimes(1);
  });

  it('applies a deactivation made on this instance at once', async () => {
    const { key, record } = await t.services.keys.createKey({ name: 'cached' });
    expect((await me(key)).statusCode).toBe(200);
    await t.services.keys.update(record.id, { isActive: false });
    expect((await me(key)).headers['x-key-status']).toBe('inactive');
  });

  it('applies a deactivation made by another instance once the 5 s cache TTL has passed, and not before', async () => {
    const { key, record } = await t.services.keys.createKey({ name: 'cached elsewhere' });
    expect((await me(key)).statusCode).toBe(200);

    await secondInstance().update(record.id, { isActive: false });
    t.clock.advance(4_999);
    expect((await me(key)).statusCode).toBe(200);

    t.clock.advance(1);
    const res = await me(key);
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-key-status']).toBe('inactive');
  });

  it('remembers unknown keys, so repeating one does not reach the database', async () => {
    const unknown = generateApiKey();
    const getByHash = vi.spyOn(t.services.keyRepository, 'getByHash');
    for (let i = 0; i < 5; i++) expect((await me(unknown)).statusCode).toBe(401);
    expect(getByHash).toHaveBeenCalledTimes(1);
  });

  it('forgets an unknown key after the TTL, so a key stored since then is accepted', async () => {
    const key = generateApiKey();
    expect((await me(key)).headers['x-key-status']).toBe('invalid');

    const other = new ApiKeyRepository(secondInstanceDb());
    await other.create({ keyHash: hashKey(key), keyPrefix: displayPrefix(key), name: 'stored elsewhere' });
    expect((await me(key)).statusCode).toBe(401);

    t.clock.advance(5_000);
    expect((await me(key)).statusCode).toBe(200);
  });
});
