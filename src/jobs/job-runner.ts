import { SYSTEM_OWNER } from '../db/index.js';
import type { Delivery, Disposition } from './job-queue.js';
import { type JobRepository, type JobRow, PASSWORD_LOST } from './job-repository.js';
import type { JobLogger } from './job-service.js';
import type { WarmWorkerPool } from './warm-worker-pool.js';
import { type RunningGeneration, startGeneration } from './worker-pool.js';

/** The error an encrypted job stopped by SIGTERM keeps: it cannot be handed back. */
export const INTERRUPTED_BY_SHUTDOWN = 'Interrupted by server shutdown; resubmit the job';

/** Why a running generation was stopped before it ended. */
export type StopReason = 'cancelled' | 'shutdown' | 'timeout' | 'lost';

interface Attempt {
  generation: RunningGeneration;
  timeoutMs: number;
  stop?: StopReason;
}

/** What the runner needs from the job service that owns it. */
export interface RunnerHost {
  readonly workerId: string;
  readonly logger: JobLogger;
  clock(): Date;
  /** The service is stopping: a delivery fetched now is handed straight back. */
  stopping(): boolean;
  /** An encrypted job's seed and password, when this process holds them. */
  secret(jobId: string): { password: string; seed: string } | undefined;
  forget(jobId: string): void;
  /** Where the worker writes a job's files while it runs (the spool). */
  outputDir(jobId: string): string;
  /** Moves a finished job's files into the store every instance reads. */
  publish(jobId: string): Promise<void>;
  removeFiles(jobId: string): Promise<void>;
  /** When a job finishing at `now` expires. */
  expiry(now: Date): Date;
  /** A progress report or an outcome was stored. */
  changed(): void;
  completed(job: JobRow, generated: number, seconds: number): void;
  failed(seconds: number): void;
  onError(error: unknown): void;
}

/**
 * Runs the deliveries of this instance: claims the job, generates it in a worker thread, and
 * records its outcome; or, when it is stopped early, what the reason calls for (cancelled, handed
 * back at shutdown, timed out, or taken over by another worker).
 */
export class JobRunner {
  private readonly running = new Map<string, Attempt>();

  constructor(
    private readonly repository: JobRepository,
    private readonly host: RunnerHost,
    /** Generation threads, kept warm between this runner's jobs (worker-pool.ts). */
    private readonly threads: WarmWorkerPool,
  ) {}

  /** Jobs generating on this instance right now. */
  get size(): number {
    return this.running.size;
  }

  ids(): string[] {
    return [...this.running.keys()];
  }

  /** Stops the generation of `jobId` if it runs here; its `run` records what `reason` calls for. */
  async stop(jobId: string, reason: StopReason): Promise<void> {
    const attempt = this.running.get(jobId);
    if (attempt) await this.interrupt(attempt, reason);
  }

  private async interrupt(attempt: Attempt, reason: StopReason): Promise<void> {
    attempt.stop ??= reason;
    await attempt.generation.cancel();
  }

  /** Runs one delivery of a job to its end and says what became of it. */
  async run(delivery: Delivery): Promise<Disposition> {
    // Fetched while stopping: not started, so nothing to undo.
    if (this.host.stopping()) return 'handed-back';
    const takeOver = delivery.attempt > 1;
    const job = await this.repository.claim(delivery.id, this.host.workerId, this.host.clock(), takeOver);
    if (!job) return 'done'; // cancelled, deleted or finished meanwhile
    // A worker that died left partial output; this attempt starts from nothing.
    if (takeOver) await this.host.removeFiles(job.id);
    const secret = this.host.secret(job.id);
    const seed = job.useEncryption ? secret?.seed : job.seed;
    if (seed === undefined || seed === null) {
      const now = this.host.clock();
      await this.repository.fail(job.id, PASSWORD_LOST, now, this.host.expiry(now));
      return 'done';
    }
    let lastWrite = 0;
    // Wall time, not the injected clock: this measures how fast the machine is.
    const startedMs = performance.now();
    const generation = startGeneration(
      this.threads,
      {
        jobId: job.id,
        scenario: job.scenario,
        seed,
        count: job.totalPatients,
        formats: job.outputFormats,
        dir: this.host.outputDir(job.id),
        compress: job.useCompression,
        password: secret?.password,
      },
      (generated) => {
        const now = this.host.clock();
        if (now.getTime() - lastWrite < 500 && generated < job.totalPatients) return;
        lastWrite = now.getTime();
        const progress = Math.min(99, Math.floor((generated / Math.max(1, job.totalPatients)) * 100));
        this.repository
          .reportProgress(job.id, progress, generated, now)
          .then(({ cancelled }) => {
            this.host.changed();
            if (cancelled) void this.interrupt(attempt, 'cancelled');
          })
          .catch((err: unknown) => this.host.onError(err));
      },
    );
    const attempt: Attempt = { generation, timeoutMs: delivery.timeoutMs };
    this.running.set(job.id, attempt);
    // The queue takes this worker for dead soon after the timeout: it must have stopped by then.
    const timeout = setTimeout(() => void this.interrupt(attempt, 'timeout'), delivery.timeoutMs);
    timeout.unref();
    try {
      const result = await generation.result;
      // Into the store before the job says completed: no instance can serve half of it.
      await this.host.publish(job.id);
      const now = this.host.clock();
      const done = await this.repository.complete(
        job.id,
        { summary: result.summary, outputFiles: result.files, generated: result.generated },
        now,
        this.host.expiry(now),
      );
      if (done) this.host.completed(job, result.generated, (performance.now() - startedMs) / 1000);
      else await this.host.removeFiles(job.id);
      return 'done';
    } catch (error) {
      return await this.recordStop(job, attempt, error as Error, startedMs);
    } finally {
      clearTimeout(timeout);
      this.running.delete(job.id);
      this.host.forget(job.id);
    }
  }

  /** Records the end of a generation that did not complete, by why it stopped. */
  private async recordStop(
    job: JobRow,
    attempt: Attempt,
    error: Error,
    startedMs: number,
  ): Promise<Disposition> {
    const reason = attempt.stop;
    // Another worker owns the job and its files now.
    if (reason === 'lost') return 'lost';
    await this.host.removeFiles(job.id);
    // Cancelled or deleted: recorded by whoever cancelled it.
    if (reason === 'cancelled') return 'done';
    const now = this.host.clock();
    if (reason === 'shutdown') {
      if (!job.useEncryption && (await this.repository.release(job.id, this.host.workerId))) {
        this.host.logger.warn({ jobId: job.id }, 'job handed back to the queue at shutdown');
        return 'handed-back';
      }
      await this.repository.fail(job.id, INTERRUPTED_BY_SHUTDOWN, now, this.host.expiry(now));
      this.host.logger.warn({ jobId: job.id }, 'job interrupted by shutdown');
      return 'done';
    }
    const message =
      reason === 'timeout'
        ? `Generation took longer than ${attempt.timeoutMs / 1000} s, the longest a job may run`
        : `Generation failed: ${error.message}`;
    if (reason !== 'timeout') this.host.logger.error({ err: error, jobId: job.id }, 'generation job failed');
    await this.repository.fail(job.id, message, now, this.host.expiry(now));
    this.host.failed((performance.now() - startedMs) / 1000);
    return 'done';
  }

  /** Marks this instance's jobs alive, and stops those cancelled, deleted or taken over elsewhere. */
  async heartbeat(): Promise<void> {
    // Only the jobs running before the statement: one claimed meanwhile is not in its answer.
    const before = [...this.running.keys()];
    const stillRunning = await this.repository.touch(this.host.workerId, this.host.clock());
    for (const id of before) {
      const attempt = this.running.get(id);
      if (!attempt || stillRunning.has(id)) continue;
      const row = await this.repository.get(id, SYSTEM_OWNER);
      const lost = row?.status === 'running' && row.workerId !== this.host.workerId;
      await this.interrupt(attempt, lost ? 'lost' : 'cancelled');
    }
  }
}
