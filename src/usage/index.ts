/**
 * Usage: every answered request and every job's patients, counted in memory
 * and written behind as per-minute aggregates (`usage_counts`), and read back
 * for the CLI and the admin API. Imports `db`, `logging` and `ratelimit`
 * (client networks) only; takes and returns plain values, never HTTP objects.
 */
export { maskedNetwork } from './client-network.js';
export * from './usage-event.js';
export { UsageRecorder, type UsageLogger, type UsageRecorderOptions } from './usage-recorder.js';
export {
  type DailyUsage,
  type NetworkUsage,
  type RefusalRow,
  type TopKey,
  UNKNOWN_KEY_ID,
  type UsageGrouping,
  type UsagePeriod,
  type UsagePoint,
  UsageRepository,
  type UsageTotals,
} from './usage-repository.js';
export { UsageTally } from './usage-tally.js';
