/**
 * API keys: the key format, hashed storage, verification with a short cache,
 * the demo and legacy keys, patient and daily limits (usage is counted in `src/usage`).
 * Takes and returns plain values, never HTTP objects.
 * Admission (`admission.ts`) decides whether a request may proceed. A refusal is a value
 * (`Refusal`), not an exception; only `src/http` maps it to statuses and headers.
 * Imports `config` (types only), `db` and `ratelimit`.
 */
export * from './api-key.js';
export * from './bounds.js';
export { matchesDigest, sha256 } from './digest.js';
export { Admission, type AdmissionDeps, type KeyAdmission } from './admission.js';
export { type DailyCounter, RedisCounter, ReservingCounter } from './daily-counter.js';
export { DailyQuota, type DailyTake, DEMO_GLOBAL_SUBJECT } from './daily-quota.js';
export {
  KEY_INVALIDATION_CHANNEL,
  type KeyCacheEvictor,
  type KeyChangeBroadcast,
  KeyChangeSubscription,
  NO_BROADCAST,
  RedisKeyChangeBroadcast,
} from './key-invalidation.js';
export { LeasingCounter, type LeasingCounterOptions } from './leasing-counter.js';
export { type QuotaClaim, QuotaRepository, type QuotaTake } from './quota-repository.js';
export type { KeyFailure, Refusal, RefusalReason } from './refusal.js';
export { displayPrefix, generateApiKey, hasValidChecksum, hashKey, LIVE_KEY_PREFIX } from './key-format.js';
export {
  ApiKeyService,
  type CreateKeyInput,
  DEMO_API_KEY,
  isPending,
  KEY_DEFAULTS,
  RETIRED_DEMO_API_KEY,
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
