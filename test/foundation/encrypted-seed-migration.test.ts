import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/db/index.js';
import { BACKENDS } from '../helpers/database.js';
import {
  migrateWith,
  migrationsBefore,
  openEmptyDatabase,
  removeMigrationCopies,
} from '../helpers/migrations.js';

const TAG = 'encrypted_jobs_without_seed';
afterAll(removeMigrationCopies);

describe.each(BACKENDS)('the migration that drops encrypted jobs’ seeds, on %s', (backend) => {
  // Every step runs all the migrations, which takes a while on a busy machine.
  it('forgets the seed of encrypted jobs stored before it, and keeps the others', {
    timeout: 120_000,
  }, async () => {
    const { database, drop } = await openEmptyDatabase(backend);
    try {
      await migrateWith(database, migrationsBefore(TAG));
      const [encrypted, plain] = [randomUUID(), randomUUID()];
      for (const [id, useEncryption] of [
        [encrypted, true],
        [plain, false],
      ] as const) {
        await database.db.execute(
          `INSERT INTO jobs (id, seed, total_patients, config, scenario, output_formats, use_encryption)
           VALUES ('${id}', 'old-seed-${id}', 5, '{"name":"old","seed":"old-seed-${id}"}', '{}', '{json}', ${useEncryption})`,
        );
      }
      await runMigrations(database);
      const { rows } = (await database.db.execute('SELECT id, seed, config FROM jobs')) as unknown as {
        rows: { id: string; seed: string | null; config: Record<string, unknown> }[];
      };
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(encrypted)).toMatchObject({ seed: null, config: { name: 'old' } });
      expect(byId.get(encrypted)?.config).not.toHaveProperty('seed');
      expect(byId.get(plain)).toMatchObject({
        seed: `old-seed-${plain}`,
        config: { seed: `old-seed-${plain}` },
      });
    } finally {
      await drop();
    }
  });
});
