import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './worker-thread.js';

/**
 * Stream worker threads, kept warm between streams: starting a worker and loading the generator costs
 * far more than a small stream. A worker whose stream ended cleanly comes back here (up to `maxIdle`
 * are kept, unreferenced so they never hold the process open); any other worker is terminated.
 */
export class StreamWorkerPool {
  /** Idle workers, each with the listener that drops it from the pool if it dies while idle. */
  private readonly idle = new Map<Worker, () => void>();
  private closed = false;

  constructor(private readonly maxIdle: number) {}

  /** An idle worker, or a new one. */
  take(): Worker {
    const [entry] = this.idle;
    if (entry) {
      const [worker, onGone] = entry;
      this.idle.delete(worker);
      worker.off('exit', onGone).off('error', onGone);
      worker.ref();
      return worker;
    }
    return spawnWorker('stream-worker', {});
  }

  /**
   * Takes back a worker that finished its task cleanly, with the caller's listeners already removed
   * (not `removeAllListeners`: that also stops a Worker's message delivery); keeps it if there is room,
   * else ends it.
   */
  giveBack(worker: Worker): void {
    if (this.closed || this.idle.size >= this.maxIdle) {
      void worker.terminate();
      return;
    }
    const onGone = () => this.idle.delete(worker);
    worker.unref();
    worker.once('exit', onGone).once('error', onGone);
    this.idle.set(worker, onGone);
  }

  /** Idle workers now (tests). */
  get idleCount(): number {
    return this.idle.size;
  }

  /** Terminates the idle workers; workers given back later are terminated too. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = [...this.idle.keys()];
    this.idle.clear();
    await Promise.all(idle.map((w) => w.terminate()));
  }
}
