import { databaseUnavailableReason } from '../db/index.js';
import { LogThrottle } from '../logging/index.js';
import type { RequestUsage } from './usage-event.js';
import type { UsageRepository } from './usage-repository.js';
import { UsageTally } from './usage-tally.js';

export interface UsageLogger {
  error(obj: object, msg?: string): void;
}

export interface UsageRecorderOptions {
  /** How often the tally is written; a crash loses at most this much usage. */
  flushIntervalMs?: number;
  /** Flush early once the tally holds this many distinct rows. */
  maxRows?: number;
}

/**
 * Counts usage in memory and writes it behind, one transaction per flush, so
 * tracking costs the request path a few map updates. Counters are added in
 * SQL, never read-modify-written, so concurrent instances never lose an
 * update. A failed flush puts its counts back for the next one; `close()`
 * flushes what is left.
 */
export class UsageRecorder {
  private tally = new UsageTally();
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** A flush retries every interval while the database is down; one line per interval says so. */
  private readonly failureLog = new LogThrottle();

  constructor(
    private readonly repository: UsageRepository,
    private readonly logger: UsageLogger,
    private readonly options: UsageRecorderOptions = {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** Counts one answered request. */
  record(event: RequestUsage): void {
    this.tally.addRequest(event);
    this.flushIfFull();
  }

  /** Counts the patients a finished job generated for a key (not a request). */
  recordJobPatients(keyId: string, patients: number, at: Date): void {
    this.tally.addJobPatients(keyId, patients, at);
    this.flushIfFull();
  }

  /** Writes everything counted so far; resolves once it is stored (or put back after a failure). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.tally.size === 0) return;
    const taken = this.tally;
    this.tally = new UsageTally();
    this.flushing = this.repository
      .write(taken.batch())
      .catch((error: unknown) => {
        const reason = databaseUnavailableReason(error);
        const { write, suppressed } = this.failureLog.admit(reason ?? 'other');
        const fields = { ...(reason ? { reason } : { err: error }), rows: taken.size, suppressed };
        if (write) this.logger.error(fields, 'usage flush failed; will retry');
        this.tally.absorb(taken);
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

  private flushIfFull(): void {
    if (this.tally.size >= (this.options.maxRows ?? 5000)) void this.flush();
  }
}
