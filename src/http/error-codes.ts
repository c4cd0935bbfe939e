/**
 * The error catalog: every error body carries one of these `code`s next to its
 * `error` (the reason phrase) and `detail` (the human text). Codes are stable:
 * clients may branch on them; add new ones, never rename. docs/API_DOCUMENTATION.md
 * lists them, and a test keeps that list equal to this one.
 */
export const ERROR_CODES = {
  BAD_REQUEST: {
    status: 400,
    description: 'The request cannot be carried out as sent (for example a job that is not finished yet).',
  },
  MALFORMED_JSON: { status: 400, description: 'The body is not valid JSON.' },
  INVALID_URL: { status: 400, description: 'The URL is not valid percent-encoding.' },
  MALFORMED_REQUEST: { status: 400, description: 'The HTTP request itself could not be parsed.' },
  PATIENT_LIMIT_EXCEEDED: {
    status: 400,
    description: 'The generation asks for more patients than the key allows per request.',
  },
  KEY_MISSING: { status: 401, description: 'No API key was sent (`X-API-Key` or `Authorization: Bearer`).' },
  KEY_INVALID: { status: 401, description: 'The API key is not known.' },
  KEY_INACTIVE: { status: 401, description: 'The API key was deactivated.' },
  KEY_EXPIRED: { status: 401, description: 'The API key has expired.' },
  KEY_PENDING: { status: 401, description: 'The self-service key waits for an administrator to approve it.' },
  FORBIDDEN: { status: 403, description: 'The key lacks the scope this route needs.' },
  NOT_FOUND: { status: 404, description: 'The resource does not exist or belongs to another key.' },
  ROUTE_NOT_FOUND: { status: 404, description: 'No route has this method and path.' },
  REQUEST_TIMEOUT: { status: 408, description: 'The request was not received in time.' },
  CONFLICT: { status: 409, description: 'The resource is in a state that does not allow this.' },
  GONE: { status: 410, description: 'The resource existed but its files are no longer kept.' },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The body is larger than the server accepts.' },
  URI_TOO_LONG: { status: 414, description: 'A path parameter is too long.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'The body is not sent as `application/json`.' },
  RANGE_NOT_SATISFIABLE: {
    status: 416,
    description: 'The `Range` starts past the end of the file; `Content-Range` gives its size.',
  },
  VALIDATION_FAILED: { status: 422, description: 'A field is missing or invalid; `errors` names each one.' },
  AUTH_FAILURES_BLOCKED: {
    status: 429,
    description: 'Too many failed authentications from this client; wait `Retry-After` seconds.',
  },
  RATE_LIMITED: {
    status: 429,
    description: 'A per-minute or per-hour window is spent; wait `Retry-After` seconds.',
  },
  DAILY_QUOTA_EXCEEDED: {
    status: 429,
    description: 'The daily request quota is spent until 00:00 UTC (`Retry-After`).',
  },
  TOO_MANY_STREAMS: { status: 429, description: 'The key already has as many open streams as it may.' },
  TOO_MANY_REQUESTS: {
    status: 429,
    description: 'Too many requests of another kind; wait `Retry-After` seconds.',
  },
  HEADERS_TOO_LARGE: { status: 431, description: 'The request line or headers are too large.' },
  INTERNAL_ERROR: {
    status: 500,
    description: 'An unexpected failure; the details are in the server log under the request id.',
  },
  RATE_LIMIT_UNAVAILABLE: {
    status: 503,
    description: 'Rate limiting cannot decide (its store is down); retry after `Retry-After`.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    description: 'The database is unreachable; retry after `Retry-After`.',
  },
  FILE_STORE_UNAVAILABLE: {
    status: 503,
    description: 'The store of job files (object storage) is unreachable; retry after `Retry-After`.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    description: 'The server is busy, shutting down or not ready; retry after `Retry-After`.',
  },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'KEY_INVALID',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
  503: 'SERVICE_UNAVAILABLE',
};

/** The general code for a status, for errors that have no more specific one. */
export function codeForStatus(status: number): ErrorCode {
  return BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}
