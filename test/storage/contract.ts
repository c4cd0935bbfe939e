import { afterAll, beforeAll, describe } from 'vitest';
import { type Database, openPostgres } from '../../src/db/index.js';
import { type Backend, openTestDatabase, silentLogger, type TestDatabase } from '../helpers/database.js';
import { configurationsContract } from './configurations-contract.js';
import { jobsContract } from './jobs-contract.js';
import { keysContract } from './keys-contract.js';
import { quotaContract } from './quota-contract.js';
import { usageContract } from './usage-contract.js';

/** What every storage contract test gets: one migrated database per back end and file. */
export interface Storage {
  readonly backend: Backend;
  /** The database under test; tests share it, so each makes its own rows and never counts others'. */
  readonly database: Database;
  /** A second connection pool, as another instance has (PGlite is single-process: the same database). */
  another(): Database;
}

/**
 * The storage contract: the repositories of keys, quota, usage, jobs and
 * configurations, run unchanged on the embedded store and on PostgreSQL
 * (test/storage/embedded.test.ts, test/storage/postgres.test.ts), as Drizzle's
 * pg-common suite runs on every driver. The HTTP suites run on the embedded
 * store only; what could differ between the back ends is tested here.
 */
export function describeStorageContract(backend: Backend): void {
  describe(`storage contract on ${backend}`, () => {
    let opened: TestDatabase;
    const others: Database[] = [];
    const storage: Storage = {
      backend,
      get database() {
        return opened.database;
      },
      another() {
        if (backend === 'embedded') return opened.database;
        const database = openPostgres({ connectionString: opened.url }, silentLogger);
        others.push(database);
        return database;
      },
    };
    beforeAll(async () => {
      opened = await openTestDatabase(backend);
    });
    afterAll(async () => {
      for (const database of others.splice(0)) await database.close();
      await opened.close();
    });

    keysContract(storage);
    quotaContract(storage);
    usageContract(storage);
    jobsContract(storage);
    configurationsContract(storage);
  });
}
