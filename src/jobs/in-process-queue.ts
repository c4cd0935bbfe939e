import { DeliveryLoop } from './delivery-loop.js';
import type { JobHandlers, JobQueue, QueuedJob, QueueOptions } from './job-queue.js';
import type { JobRepository } from './job-repository.js';

/**
 * The embedded store's queue: the pending rows of the `jobs` table, run by the one process that owns
 * the database, high priority first, then oldest. Nothing else holds state, so a job left pending at
 * shutdown runs at the next start; a job left running by a crash is failed at start by the job
 * service's orphan sweep (one process: whatever ran before it died). It has no retries.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process';
  private readonly loop: DeliveryLoop;

  constructor(repository: JobRepository, options: QueueOptions) {
    const timeoutMs = options.timeoutSeconds * 1000;
    this.loop = new DeliveryLoop({
      concurrency: options.concurrency,
      pollIntervalMs: options.pollIntervalMs,
      fetch: async (free, running) => {
        const ids = await repository.pendingIds({
          workerId: options.workerId,
          unpinned: options.takeShared,
          exclude: running,
          limit: free,
        });
        return ids.map((id) => ({ id, attempt: 1, timeoutMs }));
      },
      // The row is the queue: a handed-back job is pending again, so it runs at the next start.
      settle: async () => {},
      onError: options.onError,
    });
  }

  async enqueue(_job: QueuedJob): Promise<void> {
    void this.loop.poll();
  }

  /** Nothing to do: a job stops being delivered once its row is no longer pending. */
  async withdraw(_id: string): Promise<void> {}

  async start(handlers: JobHandlers): Promise<void> {
    this.loop.start((delivery) => handlers.run(delivery));
    void this.loop.poll();
  }

  poll(): Promise<void> {
    return this.loop.poll();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  async close(): Promise<void> {
    await this.loop.stop();
    await this.loop.drain();
  }
}
