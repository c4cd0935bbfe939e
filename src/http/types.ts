import type { KeyContext } from '../keys/index.js';
import type { RefusalWindow } from '../usage/index.js';

/** What the auth plugin leaves on a request for handlers and the usage hook. */
export interface UsageMark {
  keyId: string;
  subject: string;
  admitted: boolean;
  countInDay: boolean;
  /** The daily quota was reserved in the database for this request. */
  reserved: boolean;
  kind: 'demo' | 'live' | 'legacy';
  admittedAt?: Date;
  /** The window that refused the request with 429, for the usage counts. */
  refusedBy?: RefusalWindow;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated key; set on protected routes only. */
    apiKey?: KeyContext;
    /** Set once a key is known, even if a limit then refused the request. */
    usageMark?: UsageMark;
    /** Patients a handler generated for this request (streaming). */
    patientsGenerated?: number;
  }
}
