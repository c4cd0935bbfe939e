import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import { InProcessQueue, JobRepository } from '../../src/jobs/index.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { queueContract } from './queue-contract.js';

describe('InProcessQueue (embedded store)', () => {
  let opened: TestDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase('embedded');
  });
  afterAll(() => opened.close());

  queueContract({
    shared: false,
    async open() {
      const repository = new JobRepository(opened.database.db);
      return {
        repository,
        queue: (options) =>
          new InProcessQueue(repository, {
            concurrency: 1,
            takeShared: true,
            pollIntervalMs: 20,
            timeoutSeconds: 60,
            onError: () => {},
            ...options,
          }),
        // The table is the queue: what a test left pending must not reach the next one.
        close: async () => {
          await opened.database.db.execute(
            sql`UPDATE jobs SET status = 'cancelled' WHERE status = 'pending'`,
          );
        },
      };
    },
  });
});
