import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ApiKeyRepository,
  DEMO_API_KEY,
  displayPrefix,
  generateApiKey,
  hashKey,
  type NewApiKey,
} from '../../src/keys/index.js';
import type { Storage } from './contract.js';

/** A unique word to find this test's rows among everything the shared database holds. */
export const tag = () => `t${randomBytes(5).toString('hex')}`;

/** A new key's stored fields; the key itself is returned too and never stored. */
export function newKey(overrides: Partial<NewApiKey> = {}): { key: string; row: NewApiKey } {
  const key = generateApiKey();
  return { key, row: { keyHash: hashKey(key), keyPrefix: displayPrefix(key), name: tag(), ...overrides } };
}

export function keysContract(storage: Storage): void {
  describe('keys', () => {
    const keys = () => new ApiKeyRepository(storage.database.db);

    it('stores every field and reads it back by hash and by id, with millisecond timestamps', async () => {
      const { key, row } = newKey({
        email: 'analyst@example.org',
        patientLimit: 5000,
        dailyLimit: null,
        rateLimitPerMinute: 30,
        rateLimitPerHour: 900,
        expiresAt: new Date('2027-02-03T04:05:06.789Z'),
        scopes: ['generate', 'admin'],
        notes: 'from the contract',
        metadata: { team: 'north', nested: { level: 2 } },
      });
      const created = await keys().create(row);
      const expected = {
        id: created.id,
        keyPrefix: displayPrefix(key),
        email: 'analyst@example.org',
        isDemo: false,
        patientLimit: 5000,
        dailyLimit: null,
        rateLimitPerMinute: 30,
        rateLimitPerHour: 900,
        totalRequests: 0,
        totalPatientsGenerated: 0,
        lastUsedAt: null,
        expiresAt: new Date('2027-02-03T04:05:06.789Z'),
        isActive: true,
        scopes: ['generate', 'admin'],
        notes: 'from the contract',
        metadata: { team: 'north', nested: { level: 2 } },
      };
      expect(created).toMatchObject(expected);
      expect(await keys().getByHash(hashKey(key))).toMatchObject(expected);
      expect(await keys().getById(created.id)).toMatchObject(expected);
      expect(await keys().getByHash(hashKey(generateApiKey()))).toBeUndefined();
    });

    it('answers "not found" for an unknown or malformed id, never a SQL error', async () => {
      for (const id of [randomUUID(), 'not-a-uuid', "'; DROP TABLE api_keys; --"]) {
        expect(await keys().getById(id)).toBeUndefined();
        expect(await keys().update(id, { name: 'x' }, new Date())).toBeUndefined();
        expect(await keys().delete(id)).toBe(false);
      }
    });

    it('updates only the fields given, and stamps updated_at', async () => {
      const created = await keys().create(newKey({ patientLimit: 100, dailyLimit: 50 }).row);
      const now = new Date('2026-05-06T07:08:09.123Z');
      const updated = await keys().update(created.id, { dailyLimit: 5, isActive: false }, now);
      expect(updated).toMatchObject({ patientLimit: 100, dailyLimit: 5, isActive: false, updatedAt: now });
      expect(await keys().getById(created.id)).toMatchObject({ dailyLimit: 5, isActive: false });
    });

    it('finds a key by its id, a prefix of its id or of its display prefix', async () => {
      const { key, row } = newKey();
      const created = await keys().create(row);
      for (const ref of [created.id, created.id.slice(0, 13), displayPrefix(key)]) {
        expect(
          (await keys().findByReference(ref)).map((k) => k.id),
          ref,
        ).toEqual([created.id]);
      }
      // LIKE wildcards in a reference are literal characters.
      expect(await keys().findByReference('%')).toEqual([]);
      expect(await keys().findByReference('_')).toEqual([]);
    });

    it('lists active keys newest first, all with includeInactive, and searches name and email literally', async () => {
      const word = tag();
      const first = await keys().create(
        newKey({ name: `${word} first`, createdAt: new Date('2026-01-01T00:00:00Z') }).row,
      );
      const second = await keys().create(
        newKey({
          name: `${word} 50% second`,
          email: `${word}_x@NATO.example`,
          createdAt: new Date('2026-01-02T00:00:00Z'),
        }).row,
      );
      const retired = await keys().create(newKey({ name: `${word} retired`, isActive: false }).row);

      expect((await keys().list({ search: word })).map((k) => k.id)).toEqual([second.id, first.id]);
      expect((await keys().list({ search: word, includeInactive: true })).map((k) => k.id).sort()).toEqual(
        [first.id, second.id, retired.id].sort(),
      );
      expect((await keys().search(`${word.toUpperCase()} 50%`)).map((k) => k.id)).toEqual([second.id]);
      expect((await keys().search(`${word}_x@nato`)).map((k) => k.id)).toEqual([second.id]);
      expect(await keys().search(`${word}%first`)).toEqual([]);
    });

    it('deletes a key, and then it is gone', async () => {
      const { key, row } = newKey();
      const created = await keys().create(row);
      expect(await keys().delete(created.id)).toBe(true);
      expect(await keys().getByHash(hashKey(key))).toBeUndefined();
      expect(await keys().delete(created.id)).toBe(false);
    });

    it('keeps one demo row when instances upsert it at the same moment, with the last limits written', async () => {
      const demo = {
        keyHash: hashKey(DEMO_API_KEY),
        keyPrefix: 'DEMO_MILMED',
        name: 'Public Demo Key',
        isDemo: true,
      };
      const now = new Date();
      const repositories = [
        keys(),
        new ApiKeyRepository(storage.another().db),
        new ApiKeyRepository(storage.another().db),
      ];
      await Promise.all(
        repositories.flatMap((r) => [
          r.upsertDemo({ ...demo, dailyLimit: 100 }, now),
          r.upsertDemo({ ...demo, dailyLimit: 100 }, now),
        ]),
      );
      const updated = await keys().upsertDemo({ ...demo, dailyLimit: 40, patientLimit: 250 }, now);
      expect(updated).toMatchObject({ isDemo: true, dailyLimit: 40, patientLimit: 250 });
      const all = await keys().list({ includeInactive: true, search: 'Public Demo Key' });
      expect(all.filter((k) => k.isDemo)).toHaveLength(1);
    });

    it('lists and deletes the keys whose expiry has passed, and no others', async () => {
      const now = new Date('2030-06-01T00:00:00Z');
      const gone = await keys().create(newKey({ expiresAt: new Date(now.getTime() - 1) }).row);
      const kept = await keys().create(newKey({ expiresAt: new Date(now.getTime() + 60_000) }).row);
      const forever = await keys().create(newKey({ expiresAt: null }).row);
      const expired = (await keys().listExpired(now)).map((k) => k.id);
      expect(expired).toContain(gone.id);
      expect(expired).not.toContain(kept.id);
      expect(expired).not.toContain(forever.id);
      expect(await keys().deleteExpired(now)).toBeGreaterThanOrEqual(1);
      expect(await keys().getById(gone.id)).toBeUndefined();
      expect(await keys().getById(kept.id)).toBeDefined();
    });
  });
}
