import { PatientStream } from './patient-stream.js';
import type { StreamTask } from './stream-protocol.js';
import { WarmWorkerPool } from './warm-worker-pool.js';

export interface PatientStreamsOptions {
  /** Streams one holder (a key, or the demo key and one client) may have open at once. */
  perHolder: number;
  /** Streams this instance serves at once, whoever holds them. */
  perInstance: number;
  /** A stream whose reader asks for nothing for this long is ended, freeing its slot. */
  stallTimeoutMs: number;
  /** Chunks a worker may have in flight ahead of its reader (default 2). */
  window?: number;
  /** Warm workers kept between streams (default 2). */
  idleWorkers?: number;
}

/** `open` either gives a running stream or says which bound refused it. */
export type StreamOpening = { ok: true; stream: PatientStream } | { ok: false; limit: 'holder' | 'instance' };

/**
 * Open patient streams, bounded per holder and per instance. A stream holds its slot from `open` until it
 * closes, whichever way it closes (end, error, or destroyed when the client goes away), and its worker
 * thread is terminated at the same moment.
 */
export class PatientStreams {
  private readonly streams = new Set<PatientStream>();
  private readonly byHolder = new Map<string, number>();

  /** The warm worker threads (exposed for tests). */
  readonly pool: WarmWorkerPool;

  constructor(private readonly options: PatientStreamsOptions) {
    this.pool = new WarmWorkerPool('stream-worker', Math.min(options.idleWorkers ?? 2, options.perInstance));
  }

  get limits(): { perHolder: number; perInstance: number } {
    return { perHolder: this.options.perHolder, perInstance: this.options.perInstance };
  }

  /** Starts a stream for `holder` unless that holder or this instance is at its bound. */
  open(holder: string, task: StreamTask): StreamOpening {
    const held = this.byHolder.get(holder) ?? 0;
    if (held >= this.options.perHolder) return { ok: false, limit: 'holder' };
    if (this.streams.size >= this.options.perInstance) return { ok: false, limit: 'instance' };
    const stream = new PatientStream(task, this.pool, {
      window: this.options.window ?? 2,
      stallTimeoutMs: this.options.stallTimeoutMs,
    });
    this.streams.add(stream);
    this.byHolder.set(holder, held + 1);
    stream.once('close', () => {
      this.streams.delete(stream);
      const left = (this.byHolder.get(holder) ?? 1) - 1;
      if (left > 0) this.byHolder.set(holder, left);
      else this.byHolder.delete(holder);
    });
    return { ok: true, stream };
  }

  /** The streams open now (for metrics and tests). */
  active(): readonly PatientStream[] {
    return [...this.streams];
  }

  /** Ends every open stream and stops every worker (shutdown). */
  async close(): Promise<void> {
    const streams = this.active();
    for (const stream of streams) stream.destroy();
    await Promise.all(streams.map((s) => s.workerReleased));
    await this.pool.close();
  }
}
