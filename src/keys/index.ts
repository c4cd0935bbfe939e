/**
 * API keys: the key format, hashed storage, verification with a short cache,
 * the demo and legacy keys, patient and daily limits, and usage tracking.
 * Imports `db` only; takes and returns plain values, never HTTP objects.
 * A refusal is a value (`VerifyResult`, `LimitRefusal`), not an exception.
 */
export * from './api-key.js';
export * from './bounds.js';
export { DailyQuota, type DailyAdmission } from './daily-quota.js';
export { displayPrefix, generateApiKey, hasValidChecksum, hashKey, LIVE_KEY_PREFIX } from './key-format.js';
export {
  ApiKeyService,
  type CreateKeyInput,
  DEMO_API_KEY,
  KEY_DEFAULTS,
  RETIRED_DEMO_API_KEY,
  type KeyFailure,
  type KeyServiceConfig,
  type OutOfBoundsReporter,
  type VerifyResult,
} from './key-service.js';
export * from './limits.js';
export { ApiKeyRepository, type ApiKeyPatch, type DailyUsage, escapeLike, type NewApiKey, type UsageEvent } from './repository.js';
export { UsageRecorder } from './usage-recorder.js';
