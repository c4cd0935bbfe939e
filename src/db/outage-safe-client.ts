import pg from 'pg';

type Callback = (error: Error | undefined, result: unknown) => void;

const BEGIN = /^\s*begin\b/i;

/**
 * The node-postgres client the pool makes, hardened for database outages.
 * Without it an outage can outlive itself or crash the process:
 * - A connection lost while a client is checked out (between two statements
 *   of a transaction) emits `error` with no listener, an uncaught exception.
 *   The pending queries receive the error anyway, so a no-op listener is enough.
 * - After `query_timeout` the client still waits for the lost answer, and every
 *   later query would queue behind it. The connection is closed instead, so
 *   the pool drops the client and opens a fresh one.
 * - Drizzle sends `BEGIN` before its try/finally, so a `BEGIN` that fails never
 *   returns its client to the pool; after a few, the pool is full for ever.
 *   Such a client is released (and, with the error, discarded) here. Drizzle
 *   uses the promise form on a checked-out client; the pool's own `query`
 *   uses the callback form and releases its client itself.
 */
export class OutageSafeClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres's overloads, passed through unchanged.
  override query(...args: any[]): any {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
    const isBegin = typeof text === 'string' && BEGIN.test(text);
    const last = args.at(-1);
    if (typeof last === 'function') {
      // The callback form is the pool's own `pool.query`, which releases the client itself.
      args[args.length - 1] = ((error, result) => {
        this.afterFailure(error, false);
        (last as Callback)(error, result);
      }) satisfies Callback;
      return pg.Client.prototype.query.apply(this, args as never);
    }
    const result = pg.Client.prototype.query.apply(this, args as never) as unknown;
    if (result instanceof Promise) result.catch((error: Error) => this.afterFailure(error, isBegin));
    return result;
  }

  private afterFailure(error: Error | undefined, isBegin: boolean): void {
    if (!error) return;
    if (error.message === 'Query read timeout') {
      (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }
    const release = (this as unknown as { release?: (error?: Error) => void }).release;
    if (isBegin && release) release.call(this, error);
  }
}
