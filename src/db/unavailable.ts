/**
 * Tells "the database cannot be reached right now" apart from every other
 * database error. The first is the operator's problem and passes (the client
 * should retry later: 503); the second is a bug (500). node-postgres reports
 * the first as a socket error code, a PostgreSQL SQLSTATE, or only a message;
 * Drizzle wraps each of them as the `cause` of its own error.
 */

/** Socket errors: the server is not there, went away, or does not answer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), shutting down or starting
 * (57P01-57P03), a statement cancelled by `statement_timeout` (57014), too many connections (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|57014|53300)$/;

/** node-postgres and pg-pool have no code for these; their messages are stable. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable)/;

/** Raised by the data layer itself when it knows the database is unreachable. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * A short, parameter-free reason ("ECONNREFUSED", "57P01", "Query read timeout")
 * when `error` (or any error in its `cause` chain) means the database is
 * unreachable, and `undefined` for any other error. Safe to log: it never
 * contains SQL or its parameters.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    const reason = ownReason(current);
    if (reason) return reason;
    const nested = current instanceof AggregateError ? current.errors[0] : undefined;
    current = current.cause ?? nested;
  }
  return undefined;
}

function ownReason(error: Error): string | undefined {
  if (error instanceof DatabaseUnavailableError) return error.message;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return code;
    // A Unix socket (the embedded store shared by a server) that has gone away.
    if (code === 'ENOENT' && syscall === 'connect') return code;
    if (UNAVAILABLE_SQLSTATE.test(code) && 'severity' in error) return code;
  }
  return UNAVAILABLE_MESSAGE.test(error.message) ? error.message.split('\n')[0]!.slice(0, 120) : undefined;
}
