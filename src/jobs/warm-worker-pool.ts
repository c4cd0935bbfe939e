import type { Worker, WorkerOptions } from 'node:worker_threads';
import { spawnWorker } from './worker-thread.js';

/** How long a worker may wait idle before it is terminated (judgement: a burst of jobs or streams). */
export const IDLE_MS = 30_000;

/**
 * Worker threads of one entry (`stream-worker`, `generation-worker`), kept warm between tasks: starting
 * a thread and loading the generator costs more CPU than a small stream or a demo-sized job takes to
 * generate (bench/warm-threads.ts: 885 ms of CPU a 500-patient job on new threads, 209 ms on a warm one). A worker whose task ended cleanly comes back here (up to `maxIdle` are kept,
 * unreferenced so they never hold the process open); any other worker is terminated. An idle worker
 * holds its heap (about 100 MB more RSS in the same bench), so one left idle for `idleMs` is terminated too.
 */
export class WarmWorkerPool {
  /** Idle workers, each with the listener that drops it if it dies while idle, and its idle timer. */
  private readonly idle = new Map<Worker, { onGone: () => void; timer: NodeJS.Timeout }>();
  private closed = false;

  constructor(
    private readonly entry: string,
    private readonly maxIdle: number,
    private readonly options: WorkerOptions = {},
    private readonly idleMs = IDLE_MS,
  ) {}

  /** An idle worker, or a new one. */
  take(): Worker {
    const [entry] = this.idle;
    if (entry) {
      const [worker, { onGone, timer }] = entry;
      this.idle.delete(worker);
      clearTimeout(timer);
      worker.off('exit', onGone).off('error', onGone);
      worker.ref();
      return worker;
    }
    return spawnWorker(this.entry, this.options);
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
    const onGone = () => {
      clearTimeout(timer);
      this.idle.delete(worker);
    };
    const timer = setTimeout(() => {
      onGone();
      void worker.terminate();
    }, this.idleMs);
    timer.unref();
    worker.unref();
    worker.once('exit', onGone).once('error', onGone);
    this.idle.set(worker, { onGone, timer });
  }

  /** Idle workers now (tests). */
  get idleCount(): number {
    return this.idle.size;
  }

  /** Terminates the idle workers; workers given back later are terminated too. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = [...this.idle.keys()];
    for (const { timer } of this.idle.values()) clearTimeout(timer);
    this.idle.clear();
    await Promise.all(idle.map((w) => w.terminate()));
  }
}
