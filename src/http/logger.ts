import type { LoggerOptions } from 'pino';

/**
 * pino options: JSON lines, secrets redacted wherever they appear. Request
 * lines carry the path without its query string, so a key pasted into a URL
 * is not written either.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers["x-api-key"]',
        'req.headers.authorization',
        'headers["x-api-key"]',
        'headers.authorization',
        '*.key',
        '*.apiKey',
        '*.api_key',
        '*.password',
        '*.encryption_password',
        '*.secret',
        '*.token',
        'key',
        'apiKey',
        'api_key',
        'password',
        'secret',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      err: serializeError,
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
  };
}

/** Fields of a PostgreSQL error that name what failed without quoting any value. */
const PG_FIELDS = ['severity', 'constraint', 'table', 'column', 'routine'] as const;

/**
 * The `err` serializer: only the fields that cannot carry data. Drizzle's query errors put the
 * SQL parameters (a new key's hash, a client's text) in their message and stack and in `params`;
 * pg errors put row values in `detail` and `where`. This keeps the type, a message without the
 * parameters, the code, the pg fields above and the stack frames, and follows `cause` a few levels.
 */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-Error value thrown' };
  const fields = err as Error & Record<string, unknown>;
  const type = err.constructor?.name && err.constructor.name !== 'Error' ? err.constructor.name : err.name;
  const message = safeMessage(err.message);
  const out: Record<string, unknown> = { type, message };
  if (typeof fields.code === 'string' || typeof fields.code === 'number') out.code = fields.code;
  if (typeof fields.statusCode === 'number') out.statusCode = fields.statusCode;
  for (const name of PG_FIELDS) if (typeof fields[name] === 'string') out[name] = fields[name];
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  out.stack = [`${type}: ${message}`, ...frames].join('\n');
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/**
 * A message without parameters: Drizzle's `Failed query: <sql>\nparams: <values>` keeps the SQL
 * (placeholders only) and drops the values; a trailing quoted value, as in pg's
 * `invalid input syntax for type uuid: "<value>"`, is replaced.
 */
function safeMessage(message: string): string {
  const withoutParams = message.replace(/\nparams: [\s\S]*$/, '');
  return withoutParams.replace(/: "[\s\S]*"$/, ': "[REDACTED]"');
}
