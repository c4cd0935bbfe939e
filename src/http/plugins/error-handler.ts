import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Duplex } from 'node:stream';
import { databaseUnavailableReason } from '../../db/index.js';
import { LogThrottle } from '../../logging/index.js';
import { FileStoreUnavailableError } from '../../storage/index.js';
import { codeForStatus, type ErrorCode } from '../error-codes.js';
import { AppError, type FieldError, describeFieldErrors, reasonPhrase } from '../errors.js';
import { requestIdFor } from './request-context.js';
import { PATTERN_MESSAGES } from '../schemas/input.js';

/** How long a client should wait before retrying while the database is unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The body every error carries; `code` is from the catalog (error-codes.ts). */
export function errorBody(
  statusCode: number,
  code: ErrorCode,
  detail: string | unknown[],
  requestId: string,
) {
  return {
    error: reasonPhrase(statusCode),
    code,
    detail,
    timestamp: new Date().toISOString(),
    request_id: requestId,
  };
}

/**
 * Maps every failure to the standard error body. Client mistakes keep their
 * 4xx status; anything unexpected is a 500 whose message is hidden and logged.
 */
export const errorHandler = fp(
  async function errorHandler(app: FastifyInstance) {
    const logThrottle = new LogThrottle();
    app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
      if (error instanceof AppError) {
        return send(reply, request, error.statusCode, error.code, error.detail, error.headers, error.extra);
      }
      if (error.validation) {
        const errors = firstErrorPerField(error.validation).map((v) =>
          toFieldError(v, error.validationContext),
        );
        return send(reply, request, 422, 'VALIDATION_FAILED', describeFieldErrors(errors), {}, { errors });
      }
      const status = clientStatus(error);
      if (status)
        return send(reply, request, status, clientCode(error, status), clientMessage(error, status), {}, {});
      // An outage fails every request the same way: 503 and retry, one log line per kind and interval.
      if (error instanceof FileStoreUnavailableError) {
        const { write, suppressed } = logThrottle.admit(`files:${error.code}`);
        if (write) request.log.error({ err: error, suppressed }, 'file store unavailable');
        const retry = { 'Retry-After': DATABASE_RETRY_AFTER_SECONDS };
        const detail = 'The stored job files are temporarily unavailable; retry later';
        return send(reply, request, 503, 'FILE_STORE_UNAVAILABLE', detail, retry, {});
      }
      const unavailable = databaseUnavailableReason(error);
      const kind = unavailable
        ? `db:${unavailable}`
        : `500:${request.routeOptions.url}:${error.name}:${error.code}`;
      const { write, suppressed } = logThrottle.admit(kind);
      if (unavailable) {
        if (write) request.log.error({ reason: unavailable, suppressed }, 'database unavailable');
        const retry = { 'Retry-After': DATABASE_RETRY_AFTER_SECONDS };
        const detail = 'The database is temporarily unavailable; retry later';
        return send(reply, request, 503, 'DATABASE_UNAVAILABLE', detail, retry, {});
      }

      if (write) request.log.error({ err: error, suppressed }, 'unhandled error');
      return send(reply, request, 500, 'INTERNAL_ERROR', 'Internal server error', {}, {});
    });

    app.setNotFoundHandler(async (request, reply) =>
      send(
        reply,
        request,
        404,
        'ROUTE_NOT_FOUND',
        `Route ${request.method} ${request.url.split('?')[0]} not found`,
        {},
        {},
      ),
    );
  },
  { name: 'error-handler' },
);

/**
 * Fastify's `frameworkErrors` option: errors raised while routing, before any
 * hook runs (a URL that is not valid percent-encoding, a path parameter over
 * `maxParamLength`). Without it Fastify answers them with its own body; with
 * it they get the standard body and the `X-Request-ID` header like any other.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('X-Request-ID', request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return send(reply, request, 414, 'URI_TOO_LONG', 'Path parameter is too long', {}, {});
  if (error.code === 'FST_ERR_BAD_URL')
    return send(reply, request, 400, 'INVALID_URL', 'Invalid URL encoding', {}, {});
  request.log.error({ err: error }, 'routing error');
  return send(reply, request, 500, 'INTERNAL_ERROR', 'Internal server error', {}, {});
}

const CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'HEADERS_TOO_LARGE',
    detail: 'Request line or headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', detail: 'Request timed out' },
};
const MALFORMED = { status: 400, code: 'MALFORMED_REQUEST', detail: 'Malformed HTTP request' } as const;

/**
 * Fastify's `clientErrorHandler` option: errors from Node's HTTP parser (an
 * oversized URL or header block, a malformed request line), raised before any
 * request object exists. They get the standard body instead of Fastify's own.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify(errorBody(status, code, detail, requestIdFor(undefined)));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  statusCode: number,
  code: ErrorCode,
  detail: string | unknown[],
  headers: Record<string, string | number>,
  extra: Record<string, unknown>,
) {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply
    .status(statusCode)
    .type('application/json; charset=utf-8')
    .send({ ...errorBody(statusCode, code, detail, request.id), ...extra });
}

/** Fastify's own client errors (bad JSON, too large, wrong media type) keep their 4xx code. */
function clientStatus(error: FastifyError): number | undefined {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) return 400;
  const status = error.statusCode;
  return status && status >= 400 && status < 500 ? status : undefined;
}

function clientCode(error: FastifyError, status: number): ErrorCode {
  if (status === 400 && (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)) {
    return 'MALFORMED_JSON';
  }
  return codeForStatus(status);
}

function clientMessage(error: FastifyError, status: number): string {
  if (status === 400 && (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)) {
    return 'Malformed JSON in request body';
  }
  if (status === 413) return 'Request body is too large';
  return error.message;
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Ajv reports a failed union once per branch; the first message per field is the clearest. */
function firstErrorPerField(errors: AjvError[]): AjvError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const field = `${e.instancePath}|${String(e.params.missingProperty ?? e.params.additionalProperty ?? '')}`;
    if (seen.has(field)) return false;
    seen.add(field);
    return true;
  });
}

function toFieldError(v: AjvError, context: string | undefined): FieldError {
  const path = v.instancePath.split('/').filter(Boolean);
  if (v.keyword === 'required' && typeof v.params.missingProperty === 'string')
    path.push(v.params.missingProperty);
  if (v.keyword === 'additionalProperties' && typeof v.params.additionalProperty === 'string') {
    path.push(v.params.additionalProperty);
  }
  const loc = context && context !== 'body' ? [context, ...path] : path;
  const allowed = v.params.allowedValues;
  const pattern = v.keyword === 'pattern' ? PATTERN_MESSAGES[String(v.params.pattern)] : undefined;
  const msg = Array.isArray(allowed)
    ? `must be one of: ${allowed.join(', ')}`
    : (pattern ?? v.message ?? 'is invalid');
  return { loc, msg, type: v.keyword };
}
