import { describe } from 'vitest';
import { describeStorageContract } from './contract.js';

// Skipped without TEST_DATABASE_URL; CI sets it and fails on a skipped "postgres" test.
describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL', () => {
  describeStorageContract('postgres');
});
