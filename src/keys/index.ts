/**
 * API keys: the key format, hashed storage, verification with a short cache,
 * the demo and legacy keys, patient and daily limits (usage is counted in `src/usage`).
 * Imports `db` only; takes and returns plain values, never HTTP objects.
 * A refusal is a value (`VerifyResult`, `LimitRefusal`), not an exception.
 */
export * from './api-key.js';
export * from './bounds.js';
export { DailyQuota, type DailyAdmission } from './daily-quota.js';
export { matchesDigest, sha256 } from './digest.js';
export { displayPrefix, generateApiKey, hasValidChecksum, hashKey, LIVE_KEY_PREFIX } from './key-format.js';
export {
  ApiKeyService,
  type CreateKeyInput,
  DEMO_API_KEY,
  isPending,
  KEY_DEFAULTS,
  type KeyFailure,
  type KeyServiceConfig,
  type OutOfBoundsReporter,
  type VerifyResult,
} from './key-service.js';
export * from './limits.js';
export { type Registration, registerPersonalKey, type SelfServicePolicy } from './self-service.js';
export {
  ApiKeyRepository,
  type ApiKeyPatch,
  escapeLike,
  type KeyCounts,
  type NewApiKey,
} from './repository.js';
export { keyStatus, keyView } from './key-view.js';
