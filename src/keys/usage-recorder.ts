import { databaseUnavailableReason } from '../db/index.js';
import { LogThrottle } from '../logging/index.js';
import type { ApiKeyRepository, UsageEvent } from './repository.js';

export interface UsageLogger {
  error(obj: object, msg?: string): void;
}

/**
 * Buffers usage events and writes them in batches (one transaction per
 * flush), so tracking costs the request path a push onto an array. Counters
 * are incremented in SQL, never read-modify-written, so concurrent instances
 * never lose an update. A failed flush keeps its events for the next one;
 * `close()` flushes what is left.
 */
export class UsageRecorder {
  private buffer: UsageEvent[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** A flush retries every second while the database is down; one line per interval says so. */
  private readonly failureLog = new LogThrottle();

  constructor(
    private readonly repository: ApiKeyRepository,
    private readonly logger: UsageLogger,
    private readonly options: { flushIntervalMs?: number; maxBuffered?: number } = {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  record(event: UsageEvent): void {
    this.buffer.push(event);
    if (this.buffer.length >= (this.options.maxBuffered ?? 5000)) void this.flush();
  }

  /** Writes everything buffered so far; resolves once it is stored. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.repository
      .recordUsage(batch)
      .catch((error: unknown) => {
        const reason = databaseUnavailableReason(error);
        const { write, suppressed } = this.failureLog.admit(reason ?? 'other');
        const fields = { ...(reason ? { reason } : { err: error }), events: batch.length, suppressed };
        if (write) this.logger.error(fields, 'usage flush failed; will retry');
        this.buffer = batch.concat(this.buffer);
      })
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
