import { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import type { StreamFromParent, StreamTask, StreamToParent } from './stream-protocol.js';
import type { WarmWorkerPool } from './warm-worker-pool.js';

export interface PatientStreamOptions {
  /** Chunks the worker may have in flight beyond what the reader asked for. */
  window: number;
  /** The stream fails if its reader asks for nothing for this long (a client that stopped reading). */
  stallTimeoutMs: number;
}

/** Raised (as the stream's error) when the reader stopped reading for longer than the stall timeout. */
export class StreamStalledError extends Error {
  override name = 'StreamStalledError';
}

/** What became of a stream's worker: back in the pool after a clean end, or terminated. */
export type WorkerFate = 'reused' | 'terminated';

/**
 * The streamed JSON body of one request, generated in a worker thread. Emits `patients` (the running
 * count) as chunks arrive.
 *
 * Flow control is credit based: the worker sends a chunk only against a credit, and credits are granted
 * only when this stream's reader asks for more (`_read`), at most `window` at a time. A reader that stops
 * reading (a full socket) therefore stops the worker after at most `window` chunks. Destroying the stream
 * before its end (client gone, error, stall) terminates the worker, which frees all its memory.
 */
export class PatientStream extends Readable {
  /** Patients in the chunks received so far. */
  patients = 0;
  readonly total: number;
  /** Settles once the worker is back in the pool or has exited. */
  readonly workerReleased: Promise<WorkerFate>;
  private releaseWorker!: (fate: WorkerFate) => void;
  private readonly worker: Worker;
  private outstanding = 0;
  private wanted = false;
  private finished = false;
  private stallTimer: NodeJS.Timeout | undefined;

  constructor(
    task: StreamTask,
    private readonly pool: WarmWorkerPool,
    private readonly options: PatientStreamOptions,
  ) {
    super();
    this.total = task.count;
    this.workerReleased = new Promise((resolve) => (this.releaseWorker = resolve));
    this.worker = pool.take();
    this.worker.on('message', this.onMessage).on('error', this.onError).on('exit', this.onExit);
    this.send({ type: 'start', task });
    // A reader that never asks at all is stalled too.
    this.armStall();
  }

  /** True while the worker waits because the reader has not asked for more. */
  get stalled(): boolean {
    return this.stallTimer !== undefined;
  }

  override _read(): void {
    this.wanted = true;
    this.clearStall();
    this.grant();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.clearStall();
    if (!this.finished) {
      this.finished = true;
      void this.worker.terminate();
    }
    callback(error);
  }

  private readonly onError = (error: Error): void => {
    this.destroy(error);
  };

  private readonly onExit = (code: number): void => {
    this.releaseWorker('terminated');
    if (!this.finished) this.destroy(new Error(`stream worker exited with code ${code}`));
  };

  private readonly onMessage = (message: StreamToParent): void => {
    if (this.destroyed) return;
    if (message.type === 'error') {
      this.destroy(new Error(`stream worker failed: ${message.message}`));
    } else if (message.type === 'end') {
      this.finished = true;
      this.clearStall();
      this.worker.off('message', this.onMessage).off('error', this.onError).off('exit', this.onExit);
      this.pool.giveBack(this.worker);
      this.releaseWorker('reused');
      this.push(null);
    } else {
      this.outstanding--;
      this.patients = message.patients;
      this.emit('patients', message.patients);
      this.wanted = false;
      this.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
      if (!this.wanted && this.outstanding === 0) this.armStall();
      else this.grant();
    }
  };

  private grant(): void {
    if (!this.wanted || this.outstanding > 0 || this.finished) return;
    this.outstanding = this.options.window;
    this.send({ type: 'credit', credit: this.options.window });
  }

  private send(message: StreamFromParent): void {
    this.worker.postMessage(message);
  }

  private armStall(): void {
    this.stallTimer ??= setTimeout(() => {
      this.destroy(new StreamStalledError(`reader asked for nothing for ${this.options.stallTimeoutMs} ms`));
    }, this.options.stallTimeoutMs).unref();
  }

  private clearStall(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
  }
}
