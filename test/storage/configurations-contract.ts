import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigurationRepository } from '../../src/configurations/index.js';
import { type Owner, SYSTEM_OWNER } from '../../src/db/index.js';
import type { Storage } from './contract.js';

const owner = (subject = ''): Owner => ({ keyId: randomUUID(), subject, all: false });
const input = (name: string) => ({
  name,
  description: 'from the contract',
  body: {
    name,
    total_patients: 12,
    fronts: [{ id: 'north', casualty_rate: 0.7 }],
    extra: { nested: [1, 2] },
  },
  parentConfigId: null,
});

export function configurationsContract(storage: Storage): void {
  describe('configurations', () => {
    const configurations = () => new ConfigurationRepository(storage.database.db);

    it('stores a configuration and reads its JSON body back unchanged, for its owner only', async () => {
      const alice = owner();
      const created = await configurations().create(input('Alpha'), alice);
      expect(await configurations().get(created.id, alice)).toMatchObject({ ...input('Alpha'), version: 1 });
      expect(await configurations().get(created.id, owner())).toBeUndefined();
      expect(await configurations().get(created.id, { ...alice, subject: '10.0.0.9' })).toBeUndefined();
      expect(await configurations().get(created.id, SYSTEM_OWNER)).toBeDefined();
      expect(await configurations().get('not-a-uuid', SYSTEM_OWNER)).toBeUndefined();
    });

    it('lists an owner’s configurations by name, with skip and limit', async () => {
      const alice = owner('10.0.0.1');
      for (const name of ['Charlie', 'Alpha', 'Bravo']) await configurations().create(input(name), alice);
      await configurations().create(input('Aardvark'), owner('10.0.0.2'));
      const names = async (skip: number, limit: number) =>
        (await configurations().list(alice, { skip, limit })).map((c) => c.name);
      expect(await names(0, 10)).toEqual(['Alpha', 'Bravo', 'Charlie']);
      expect(await names(1, 1)).toEqual(['Bravo']);
    });

    it('replaces a configuration, bumping its version, and deletes it; another tenant can do neither', async () => {
      const alice = owner();
      const created = await configurations().create(input('Before'), alice);
      const now = new Date('2026-04-01T00:00:00.456Z');
      expect(await configurations().update(created.id, input('Stolen'), owner(), now)).toBeUndefined();
      expect(await configurations().delete(created.id, owner())).toBe(false);
      expect(await configurations().update(created.id, input('After'), alice, now)).toMatchObject({
        name: 'After',
        version: 2,
        updatedAt: now,
      });
      expect(await configurations().delete(created.id, alice)).toBe(true);
      expect(await configurations().get(created.id, alice)).toBeUndefined();
      expect(await configurations().update('not-a-uuid', input('x'), alice, now)).toBeUndefined();
    });
  });
}
