import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/generator/index.js';
import { JobRepository } from '../../src/jobs/index.js';
import { PgBossQueue } from '../../src/jobs/pg-boss-queue.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { until } from '../helpers/until.js';
import { queueContract } from './queue-contract.js';

// Skipped without TEST_DATABASE_URL; CI sets it and fails on a skipped "postgres" test.
describe.skipIf(!process.env.TEST_DATABASE_URL)('PgBossQueue (postgres)', () => {
  let opened: TestDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase('postgres');
  });
  afterAll(() => opened.close());

  it('takes on, at start, pending jobs stored before the queue knew of them (an upgrade to pg-boss)', async () => {
    const pool = opened.database.pool!;
    const repository = new JobRepository(opened.database.db);
    const schema = `pgboss_${randomBytes(4).toString('hex')}`;
    const id = randomUUID();
    await repository.create({
      id,
      ownerKeyId: null,
      ownerSubject: '',
      status: 'pending',
      seed: 'old',
      totalPatients: 1,
      config: {},
      scenario: DEFAULT_SCENARIO,
      outputFormats: ['json'],
      createdAt: new Date(),
    });
    const queue = new PgBossQueue(repository, {
      workerId: 'upgraded',
      concurrency: 1,
      takeShared: true,
      pollIntervalMs: 20,
      timeoutSeconds: 60,
      onError: () => {},
      executeSql: (text, values) => pool.query(text, values),
      schema,
      retryLimit: 1,
      maintenanceSeconds: 1,
    });
    const delivered: string[] = [];
    await queue.start({
      run: async (delivery) => {
        delivered.push(delivery.id);
        await repository.claim(delivery.id, 'upgraded', new Date());
        await repository.fail(delivery.id, 'seen', new Date(), new Date());
        return 'done';
      },
      abandoned: async () => {},
    });
    await until(() => delivered.includes(id), 10_000);
    await queue.close();
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  });

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
        // Pending rows a test left would be taken on by the next test's queue at its start.
        close: async () => {
          await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await pool.query(`UPDATE jobs SET status = 'cancelled' WHERE status = 'pending'`);
        },
      };
    },
  });
});
