import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, hashKey } from '../../src/keys/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';

const run = promisify(execFile);

describe.each(BACKENDS)('api key storage on %s', (backend) => {
  let t: TestApp;

  /** Everything the database holds, as bytes: pg_dump on PostgreSQL, the data directory on PGlite. */
  async function dump(): Promise<Buffer> {
    if (backend === 'postgres') {
      const { stdout } = await run('pg_dump', ['--no-owner', t.databaseUrl!], {
        maxBuffer: 64 * 1024 * 1024,
      });
      return Buffer.from(stdout);
    }
    const client = (t.services.database.db as unknown as { $client: PGlite }).$client;
    await client.query('CHECKPOINT');
    return Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  }

  beforeEach(async () => {
    t = await buildTestApp({ backend });
  });
  afterEach(async () => {
    await t.close();
  });

  it('never holds a full key, only its SHA-256', async () => {
    const created = await Promise.all(
      ['alpha', 'bravo', 'charlie'].map((name) =>
        t.services.keys.createKey({ name, email: `${name}@example.org` }),
      ),
    );
    for (const { key } of created)
      await t.app.inject({ url: '/api/v1/keys/me', headers: { 'x-api-key': key } });
    await t.app.inject({ url: '/api/v1/keys/me', headers: { 'x-api-key': DEMO_API_KEY } });
    await t.services.usage.flush();

    const bytes = await dump();
    for (const { key, record } of created) {
      expect(bytes.includes(key)).toBe(false);
      expect(bytes.includes(hashKey(key))).toBe(true);
      expect(bytes.includes(record.keyPrefix)).toBe(true);
    }
    expect(bytes.includes(hashKey(DEMO_API_KEY))).toBe(true);
  });

  describe('search', () => {
    beforeEach(async () => {
      await t.services.keys.createKey({ name: 'Field Hospital 500', email: 'ops@role2.example' });
      await t.services.keys.createKey({ name: 'Team 50% Budget', email: 'budget@example.org' });
      await t.services.keys.createKey({ name: 'plain', email: 'Jane_Doe@NATO.example' });
      await t.services.keys.createKey({ name: 'other', email: 'janexdoe@nato.example' });
    });
    const names = async (term: string) =>
      (await t.services.keyRepository.search(term)).map((k) => k.name).sort();

    it('matches name or email, ignoring case', async () => {
      expect(await names('hospital')).toEqual(['Field Hospital 500']);
      expect(await names('ROLE2')).toEqual(['Field Hospital 500']);
      expect(await names('nato')).toEqual(['other', 'plain']);
    });

    it('treats % and _ in the term as literal characters', async () => {
      expect(await names('50%')).toEqual(['Team 50% Budget']);
      expect(await names('jane_doe')).toEqual(['plain']);
      expect(await names('%')).toEqual(['Team 50% Budget']);
    });
  });

  it('lists active keys only unless asked for all', async () => {
    const { record: kept } = await t.services.keys.createKey({ name: 'kept' });
    const { record: dropped } = await t.services.keys.createKey({ name: 'dropped' });
    await t.services.keys.update(dropped.id, { isActive: false });

    expect((await t.services.keyRepository.list()).map((k) => k.id)).toEqual([kept.id]);
    const all = await t.services.keyRepository.list({ includeInactive: true });
    expect(all.map((k) => k.id).sort()).toEqual([kept.id, dropped.id].sort());
  });
});
