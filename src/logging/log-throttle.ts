/**
 * Keeps a repeated error from flooding the logs. During an outage every
 * request fails the same way; one line per request (a thousand a second)
 * buries everything else and fills the disk. The first occurrence of a kind
 * is written at once, then at most one line per interval, carrying how many
 * were left out since the last line written.
 */
export interface ThrottleDecision {
  /** Write this occurrence. */
  write: boolean;
  /** Occurrences of the same kind skipped since the last one written. */
  suppressed: number;
}

interface Entry {
  writtenAt: number;
  suppressed: number;
}

const DEFAULT_INTERVAL_MS = 10_000;
/** Kinds are few (an error class per route); the bound only guards against a kind built from input. */
const MAX_KINDS = 1000;

export class LogThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly intervalMs = DEFAULT_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Decides for one occurrence of `kind`; never throws. */
  admit(kind: string): ThrottleDecision {
    const nowMs = this.now();
    const entry = this.entries.get(kind);
    if (entry && nowMs - entry.writtenAt < this.intervalMs) {
      entry.suppressed++;
      return { write: false, suppressed: entry.suppressed };
    }
    const suppressed = entry?.suppressed ?? 0;
    if (!entry && this.entries.size >= MAX_KINDS) this.forgetQuietKinds(nowMs);
    this.entries.set(kind, { writtenAt: nowMs, suppressed: 0 });
    return { write: true, suppressed };
  }

  private forgetQuietKinds(nowMs: number): void {
    for (const [kind, entry] of this.entries) {
      if (nowMs - entry.writtenAt >= this.intervalMs) this.entries.delete(kind);
    }
    if (this.entries.size >= MAX_KINDS) this.entries.clear();
  }
}
