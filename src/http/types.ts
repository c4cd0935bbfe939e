import type { KeyContext, KeyKind, RefusalReason } from '../keys/index.js';
import type { RefusalWindow } from '../usage/index.js';

/** What the auth plugin leaves on a request for handlers and the usage hook. */
export interface UsageMark {
  keyId: string;
  subject: string;
  /** The request passed every limit and took its daily quota. */
  admitted: boolean;
  /** Add it to the day's count when usage is written (keys without a daily limit). */
  countInDay: boolean;
  kind: KeyKind;
  /** The window that refused the request with 429, for the usage counts. */
  refusedBy?: RefusalWindow;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated key; set on protected routes only. */
    apiKey?: KeyContext;
    /** Set once a key is known, even if a limit then refused the request. */
    usageMark?: UsageMark;
    /** Why admission refused this request, and which window for a 429 (for `/metrics`). */
    refusal?: { reason: RefusalReason; window?: RefusalWindow };
    /** Patients a handler generated for this request (streaming). */
    patientsGenerated?: number;
  }
  interface FastifyContextConfig {
    /** `in-handler`: the handler takes the daily quota itself, after checks the schema cannot make. */
    dailyQuota?: 'in-handler';
  }
}
