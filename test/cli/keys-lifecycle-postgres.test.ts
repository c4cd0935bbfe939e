import { lifecycleSuite } from './lifecycle-suite.js';

// Skipped without TEST_DATABASE_URL; CI sets it and fails when a postgres suite is skipped.
lifecycleSuite('postgres');
