import type { JobPriority } from './job-repository.js';

/**
 * Which instance runs which stored job, and when. The `jobs` table stays the record clients read
 * (status, progress, results); a queue only hands job ids to workers. Two implementations pass one
 * contract suite (test/jobs/queue-contract.ts): `InProcessQueue` over the `jobs` table for the
 * embedded store's single process, and `PgBossQueue` on PostgreSQL, shared by every instance.
 */
export interface JobQueue {
  readonly kind: 'in-process' | 'pg-boss';
  /**
   * Offers a stored pending job to workers. A `local` job runs only on this instance (an encrypted
   * job: its password is in this process's memory alone). Throws when the queue cannot take it.
   */
  enqueue(job: QueuedJob): Promise<void>;
  /** Withdraws a job that must not run (cancelled or deleted). A delivery already made is not recalled. */
  withdraw(id: string): Promise<void>;
  /** Starts (or, after `stop`, resumes) delivering jobs to `handlers.run`, at most the queue's concurrency at once. */
  start(handlers: JobHandlers): Promise<void>;
  /** Fetches now rather than at the next poll; resolves once this fetch has dispatched what it found. */
  poll(): Promise<void>;
  /**
   * Stops fetching. Deliveries already made keep running; `close` waits for their outcomes to be
   * recorded in the queue, then releases its connections.
   */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface QueuedJob {
  readonly id: string;
  readonly priority: JobPriority;
  readonly local: boolean;
}

/** One delivery of a job to a worker of this instance. */
export interface Delivery {
  readonly id: string;
  /** 1 on the first delivery; more once a worker died or handed the job back. */
  readonly attempt: number;
  /**
   * How long this attempt may run. After it (plus a margin) a shared queue takes the worker for dead
   * and delivers the job again, so the worker must have stopped by then.
   */
  readonly timeoutMs: number;
}

/**
 * What a worker did with a delivery. `done`: the job's outcome is stored (completed, failed or
 * cancelled). `handed-back`: the job is pending again (shutdown) and is to be delivered again, here or
 * elsewhere. `lost`: another worker took the job over; the queue must not touch that attempt.
 */
export type Disposition = 'done' | 'handed-back' | 'lost';

export interface JobHandlers {
  /** Runs one delivery to its end. A rejection counts as `handed-back`. */
  run(delivery: Delivery): Promise<Disposition>;
  /** A job the queue gave up on: its workers died, or handed it back, more often than retries allow. */
  abandoned(id: string): Promise<void>;
}

/** What every queue is built with. */
export interface QueueOptions {
  /** This instance; it is the only one that runs its local jobs. */
  workerId: string;
  /** Deliveries running at once on this instance. */
  concurrency: number;
  /** `false`: this instance runs only its own local jobs (`JOB_WORKERS=0`). */
  takeShared: boolean;
  /** How often the queue looks for work when nothing woke it. */
  pollIntervalMs: number;
  /** The longest one attempt may run (`JOB_TIMEOUT_SECONDS`). */
  timeoutSeconds: number;
  onError(error: unknown): void;
}
