import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { JobRepository } from '../../src/jobs/index.js';
import { PgBossQueue } from '../../src/jobs/pg-boss-queue.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { queueContract } from './queue-contract.js';

// Skipped without TEST_DATABASE_URL; CI sets it and fails on a skipped "postgres" test.
describe.skipIf(!process.env.TEST_DATABASE_URL)('PgBossQueue (postgres)', () => {
  let opened: TestDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase('postgres');
  });
  afterAll(() => opened.close());

  queueContract({
    shared: true,
    async open() {
      const pool = opened.database.pool!;
      const repository = new JobRepository(opened.database.db);
      // Each test gets its own pg-boss schema: no queue, job or maintenance lock is shared.
      const schema = `pgboss_${randomBytes(4).toString('hex')}`;
      return {
        repository,
        queue: (options) =>
          new PgBossQueue(repository, {
            concurrency: 1,
            takeShared: true,
            pollIntervalMs: 20,
            timeoutSeconds: 60,
            onError: () => {},
            executeSql: (text, values) => pool.query(text, values),
            schema,
            retryLimit: 1,
            maintenanceSeconds: 1,
            ...options,
          }),
        close: async () => {
          await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        },
      };
    },
  });
});
