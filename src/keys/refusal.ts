import type { RateDecision } from '../ratelimit/index.js';

/** Why a key failed verification. */
/** `pending`: a self-service key that waits for an administrator's approval. */
export type KeyFailure = 'missing' | 'invalid' | 'inactive' | 'pending' | 'expired';

/**
 * Why a request was not admitted: a value, never an exception. `src/http` alone
 * turns it into a status, headers and an error code.
 */
export type Refusal =
  | { reason: KeyFailure }
  /** Too many failed authentications from this client; it must wait `retryAfterMs`. */
  | { reason: 'ip-blocked'; retryAfterMs: number }
  /** A minute or hour window is spent. */
  | { reason: 'rate'; decision: RateDecision }
  /** The shared rate-limit store cannot decide (fail-closed while Redis is down). */
  | { reason: 'rate-unavailable'; retryAfterMs: number }
  /** The daily quota is spent until the next UTC midnight. */
  | { reason: 'daily'; limit: number; usage: number; retryAfterMs: number }
  /** One generation asks for more patients than the key allows. */
  | { reason: 'patients'; limit: number; requested: number };

export type RefusalReason = Refusal['reason'];
