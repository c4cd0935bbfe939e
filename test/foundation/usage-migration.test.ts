import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/db/index.js';
import { UsageRepository } from '../../src/usage/index.js';
import { BACKENDS } from '../helpers/database.js';
import {
  migrateWith,
  migrationsBefore,
  openEmptyDatabase,
  removeMigrationCopies,
} from '../helpers/migrations.js';

const TAG = 'usage_counts';
afterAll(removeMigrationCopies);

describe.each(BACKENDS)('the migration to usage aggregates, on %s', (backend) => {
  // Every step runs all the migrations, which takes a while on a busy machine.
  it('turns the per-request rows into minute aggregates, masking demo clients to their /24', {
    timeout: 120_000,
  }, async () => {
    const { database, drop } = await openEmptyDatabase(backend);
    try {
      await migrateWith(database, migrationsBefore(TAG));
      const [live, demo] = [randomUUID(), randomUUID()];
      await database.db.execute(
        `INSERT INTO api_keys (id, key_hash, key_prefix, name, is_demo) VALUES
           ('${live}', 'h-${live}', 'milmed_live_a', 'live', false), ('${demo}', 'h-${demo}', 'DEMO', 'demo', true)`,
      );
      const row = (key: string, at: string, method: string, status: number, patients: number, ip: string) =>
        `('${key}', '${at}', '${method}', '/api/v1/generation/', ${status}, ${patients}, '${ip}')`;
      await database.db.execute(
        `INSERT INTO api_key_usage (key_id, occurred_at, method, route, status_code, patients_generated, client_ip) VALUES
         ${[
           row(live, '2026-01-01T10:00:05Z', 'POST', 201, 5, '198.51.100.1'),
           row(live, '2026-01-01T10:00:55Z', 'POST', 201, 6, '198.51.100.1'),
           row(live, '2026-01-01T10:00:30Z', 'POST', 401, 0, '198.51.100.1'),
           row(live, '2026-01-01T10:01:00Z', 'JOB', 200, 40, ''),
           row(demo, '2026-01-01T10:00:00Z', 'POST', 201, 1, '203.0.113.9'),
         ].join(',')}`,
      );
      await runMigrations(database);

      const usage = new UsageRepository(database.db);
      const period = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') };
      expect(await usage.byDay(live, period.from)).toEqual([
        { day: '2026-01-01', requests: 3, patients: 51 },
      ]);
      expect(await usage.totals({ ...period, keyId: live })).toMatchObject({
        unauthorized: 1,
        status: { '2xx': 2, '4xx': 1 },
      });
      expect((await usage.demoNetworks(period, 5)).map((n) => n.network)).toEqual(['203.0.113.0/24']);
      const { rows } = (await database.db.execute(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'api_key_usage'`,
      )) as unknown as { rows: { n: number }[] };
      expect(rows[0]!.n).toBe(0);
    } finally {
      await drop();
    }
  });
});
