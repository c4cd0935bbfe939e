import { STATUS_CODES } from 'node:http';
import { codeForStatus, ERROR_CODES, type ErrorCode } from './error-codes.js';

/** A field-level validation problem, FastAPI style. */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/**
 * The one error type of the HTTP layer. The error handler turns it into
 * `{error, code, detail, timestamp, request_id}` and sends `headers` with it.
 * `code` is the general one for the status unless set (see `appError`).
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  constructor(
    readonly statusCode: number,
    readonly detail: string | unknown[],
    readonly headers: Record<string, string | number> = {},
    /** Extra body fields (for example field-level `errors` on a 422). */
    readonly extra: Record<string, unknown> = {},
    code?: ErrorCode,
  ) {
    // An answer to the client, never a bug to trace: a stack would only cost time on the refusal
    // paths (a flood of bad keys or of requests over their limit).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(typeof detail === 'string' ? detail : reasonPhrase(statusCode));
    Error.stackTraceLimit = stackTraceLimit;
    this.code = code ?? codeForStatus(statusCode);
  }
}

/** An error with a specific catalog code; the status is the code's. */
export function appError(
  code: ErrorCode,
  detail: string | unknown[],
  headers: Record<string, string | number> = {},
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(ERROR_CODES[code].status, detail, headers, extra, code);
}

const REASONS: Record<number, string> = { 422: 'Validation Error' };

/** The `error` field: the HTTP reason phrase, with FastAPI's name for 422. */
export function reasonPhrase(statusCode: number): string {
  return REASONS[statusCode] ?? STATUS_CODES[statusCode] ?? 'Error';
}

/** `loc: msg; loc: msg` — the original service's 422 detail text. */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.loc.length ? `${e.loc.join(' -> ')}: ${e.msg}` : e.msg)).join('; ');
}

export const badRequest = (detail: string, headers?: Record<string, string | number>) =>
  new AppError(400, detail, headers);
export const notFound = (detail: string) => new AppError(404, detail);
export const forbidden = (detail: string) => new AppError(403, detail);
export const validationFailed = (errors: FieldError[]) =>
  new AppError(422, describeFieldErrors(errors), {}, { errors });
