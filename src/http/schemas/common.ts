import { Type } from 'typebox';
import { ERROR_CODES } from '../error-codes.js';

/** The body of every error response. */
export const ErrorBody = Type.Object(
  {
    error: Type.String({ examples: ['Unauthorized'] }),
    code: Type.Union(
      Object.keys(ERROR_CODES).map((code) => Type.Literal(code)),
      { description: 'Stable machine-readable code from the error catalog', examples: ['KEY_MISSING'] },
    ),
    detail: Type.Union([Type.String(), Type.Array(Type.Unknown())], { examples: ['Missing API Key'] }),
    timestamp: Type.String({ format: 'date-time' }),
    request_id: Type.String(),
  },
  { additionalProperties: true },
);

/** Standard error responses, to merge into a route's `response` schema. */
export function errorResponses(...codes: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(codes.map((c) => [c, { ...ErrorBody, description: ERROR_TEXT[c] ?? 'Error' }]));
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request, malformed JSON, or more patients than the key allows',
  401: 'Missing, unknown, inactive or expired key (WWW-Authenticate: ApiKey, X-Key-Status)',
  403: 'The key lacks the scope this route needs',
  404: 'Not found, or owned by another key',
  410: 'The job’s files were removed after its retention period',
  413: 'Request body too large',
  416: 'The Range starts past the end of the file (Content-Range: bytes */size)',
  422: 'Validation error; `detail` names each bad field',
  429: 'Rate limit or daily quota exceeded (Retry-After)',
  503: 'A dependency is unavailable',
};

/** Errors any protected route can answer. */
export const PROTECTED_ERRORS = [401, 403, 429, 503] as const;

/** OpenAPI `security` for routes that need a key: the X-API-Key header or a bearer token. */
export const KEY_SECURITY: { [scheme: string]: string[] }[] = [{ ApiKeyAuth: [] }, { BearerAuth: [] }];

/** A documented 200 body whose fields are described in prose; every field is passed through. */
export function openObject(description: string, example: Record<string, unknown>) {
  return Type.Object({}, { additionalProperties: true, description, examples: [example] });
}
