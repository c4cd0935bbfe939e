import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from '../generator/index.js';
import type { OutputFormat } from '../output/index.js';
import type { JobRepository, JobRow, JobStatus } from './job-repository.js';
import type { Owner } from './owner.js';
import { type RunningGeneration, startGeneration } from './worker-pool.js';

const HEARTBEAT_INTERVAL_MS = 10_000;

/** Where a job's files are written; its ZIP is `<dir>.zip`. */
export function jobDirectory(dataDir: string, jobId: string): string {
  return join(dataDir, 'jobs', jobId);
}

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobServiceOptions {
  dataDir: string;
  concurrency: number;
  retentionHours: number;
  /** Jobs running longer than this without a heartbeat are failed as orphans. */
  orphanAfterMs?: number;
  pollIntervalMs?: number;
  /** This instance's id; jobs with a password are claimed only by the instance that holds it. */
  workerId?: string;
  /** The embedded store has one process, so any job left running at start-up is an orphan. */
  singleProcess: boolean;
}

export interface CreateJobInput {
  owner: Owner;
  scenario: Scenario;
  /** The request as sent, minus the password; echoed as the job's `config`. */
  config: Record<string, unknown>;
  seed: string;
  count: number;
  formats: OutputFormat[];
  compress: boolean;
  password?: string;
  priority: 'low' | 'normal' | 'high';
}

/**
 * Generation jobs: stored in the database, run off the request path in worker
 * threads with bounded concurrency, cancellable, and deleted with their files
 * after the retention period.
 */
export class JobService {
  private readonly workerId: string;
  private readonly running = new Map<string, RunningGeneration>();
  /** Encryption passwords live only in memory, never in the database. */
  private readonly passwords = new Map<string, string>();
  /** Each running job's end: its outcome recorded and its slot free. */
  private readonly settling = new Map<string, Promise<void>>();
  private changeWaiters: (() => void)[] = [];
  private timers: NodeJS.Timeout[] = [];
  private ticking: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly repository: JobRepository,
    private readonly options: JobServiceOptions,
    private readonly clock: () => Date,
    private readonly logger: JobLogger,
    private readonly onPatientsGenerated: (owner: Owner, jobId: string, patients: number) => void,
  ) {
    this.workerId = options.workerId ?? randomUUID();
  }

  async start(): Promise<void> {
    this.stopped = false;
    const now = this.clock();
    const staleBefore = this.options.singleProcess
      ? new Date(now.getTime() + 1)
      : new Date(now.getTime() - (this.options.orphanAfterMs ?? 60_000));
    const orphans = await this.repository.failOrphans(staleBefore, now);
    if (orphans.length) this.logger.warn({ jobs: orphans }, 'failed jobs left running by a stopped process');
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const timer = setInterval(() => void fn().catch((err) => this.logger.error({ err }, 'job maintenance failed')), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.pollIntervalMs ?? 1000, () => this.tick());
    every(30_000, () => this.sweepOrphans());
    every(60_000, () => this.sweepExpired());
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const now = this.clock();
    for (const [id, run] of this.running) {
      await run.cancel();
      await this.repository.fail(id, 'The server shut down while this job was running; please submit it again', now);
    }
    this.running.clear();
  }

  async create(input: CreateJobInput): Promise<JobRow> {
    const id = randomUUID();
    if (input.password) this.passwords.set(id, input.password);
    const job = await this.repository.create({
      id,
      ownerKeyId: input.owner.keyId,
      ownerSubject: input.owner.subject,
      status: 'pending',
      seed: input.seed,
      totalPatients: input.count,
      config: input.config,
      scenario: input.scenario as unknown as Record<string, unknown>,
      outputFormats: input.formats,
      useCompression: input.compress,
      useEncryption: Boolean(input.password),
      priority: input.priority,
      workerId: input.password ? this.workerId : null,
      createdAt: this.clock(),
    });
    void this.tick();
    return job;
  }

  get(id: string, owner: Owner): Promise<JobRow | undefined> {
    return this.repository.get(id, owner);
  }

  list(owner: Owner, options: { limit: number; status?: JobStatus }): Promise<JobRow[]> {
    return this.repository.list(owner, options);
  }

  /** Cancels a pending or running job; `undefined` when it does not exist for this owner, `finished` when too late. */
  async cancel(id: string, owner: Owner): Promise<JobRow | 'finished' | undefined> {
    const job = await this.repository.get(id, owner);
    if (!job) return undefined;
    const cancelled = await this.repository.cancel(id, owner, this.clock());
    if (!cancelled) return 'finished';
    await this.running.get(id)?.cancel();
    this.running.delete(id);
    this.passwords.delete(id);
    await this.removeFiles(id);
    return cancelled;
  }

  async delete(id: string, owner: Owner): Promise<boolean> {
    const deleted = await this.repository.delete(id, owner);
    if (!deleted) return false;
    await this.running.get(id)?.cancel();
    this.running.delete(id);
    await this.removeFiles(id);
    return true;
  }

  /** Jobs and patients by status, for the metrics endpoint. */
  countsByStatus() {
    return this.repository.countsByStatus();
  }

  /** Where a completed job's ZIP and files are. */
  paths(jobId: string): { dir: string; zip: string } {
    const dir = jobDirectory(this.options.dataDir, jobId);
    return { dir, zip: `${dir}.zip` };
  }

  /** Claims and starts jobs up to the concurrency bound. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.ticking ??= this.claim().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async claim(): Promise<void> {
    while (!this.stopped && this.running.size < this.options.concurrency) {
      const job = await this.repository.claimNext(this.workerId, this.clock());
      if (!job) break;
      this.run(job);
    }
  }

  /**
   * Resolves once this instance runs no job and finds none to claim: every job
   * it could take has ended and its outcome is stored. Tests await it instead
   * of sleeping.
   */
  async idle(): Promise<void> {
    for (;;) {
      await this.tick();
      if (this.settling.size === 0) return;
      await Promise.all(this.settling.values());
    }
  }

  /** Resolves at the next progress report or outcome of any job here, or at once when idle. */
  changed(): Promise<void> {
    return Promise.race([new Promise<void>((resolve) => this.changeWaiters.push(resolve)), this.idle()]);
  }

  private notifyChange(): void {
    for (const resolve of this.changeWaiters.splice(0)) resolve();
  }

  private run(job: JobRow): void {
    const password = this.passwords.get(job.id);
    if (job.useEncryption && !password) {
      void this.repository.fail(
        job.id,
        'The encryption password is kept only in memory and was lost when the server restarted; submit the job again',
        this.clock(),
      );
      return;
    }
    const owner: Owner = { keyId: job.ownerKeyId, subject: job.ownerSubject, all: false };
    const { dir } = this.paths(job.id);
    let lastWrite = 0;
    const generation = startGeneration(
      {
        jobId: job.id,
        scenario: job.scenario as unknown as Scenario,
        seed: job.seed,
        count: job.totalPatients,
        formats: job.outputFormats as OutputFormat[],
        dir,
        compress: job.useCompression,
        password,
      },
      (generated) => {
        const now = this.clock();
        if (now.getTime() - lastWrite < 500 && generated < job.totalPatients) return;
        lastWrite = now.getTime();
        const progress = Math.min(99, Math.floor((generated / Math.max(1, job.totalPatients)) * 100));
        void this.repository.reportProgress(job.id, progress, generated, now).then(({ cancelled }) => {
          this.notifyChange();
          if (cancelled) void generation.cancel();
        });
      },
    );
    this.running.set(job.id, generation);
    // Progress stops while the files are finalised and zipped; the heartbeat must not.
    const heartbeat = setInterval(() => {
      void this.repository.heartbeat(job.id, this.clock()).catch(() => {});
    }, HEARTBEAT_INTERVAL_MS);
    heartbeat.unref();
    const settled = generation.result
      .then(async (result) => {
        const now = this.clock();
        const expiresAt = new Date(now.getTime() + this.options.retentionHours * 3_600_000);
        const done = await this.repository.complete(
          job.id,
          { summary: result.summary, outputFiles: result.files, generated: result.generated },
          now,
          expiresAt,
        );
        if (done) this.onPatientsGenerated(owner, job.id, result.generated);
        else await this.removeFiles(job.id);
      })
      .catch(async (error: unknown) => {
        if (!this.running.has(job.id)) return; // cancelled or stopped: already recorded
        this.logger.error({ err: error, jobId: job.id }, 'generation job failed');
        await this.repository.fail(job.id, `Generation failed: ${(error as Error).message}`, this.clock());
        await this.removeFiles(job.id);
      })
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(job.id);
        this.passwords.delete(job.id);
        this.settling.delete(job.id);
        this.notifyChange();
        void this.tick();
      });
    this.settling.set(
      job.id,
      settled.catch((err: unknown) => this.logger.error({ err, jobId: job.id }, 'recording a job outcome failed')),
    );
  }

  private async sweepOrphans(): Promise<void> {
    const now = this.clock();
    const staleBefore = new Date(now.getTime() - (this.options.orphanAfterMs ?? 60_000));
    await this.repository.failOrphans(staleBefore, now);
  }

  /** Deletes jobs past their retention, with their files. Runs every minute; callable for an immediate sweep. */
  async sweepExpired(): Promise<void> {
    const ids = await this.repository.deleteExpired(this.clock());
    for (const id of ids) await this.removeFiles(id);
    if (ids.length) this.logger.info({ count: ids.length }, 'deleted expired job outputs');
  }

  private async removeFiles(jobId: string): Promise<void> {
    const { dir, zip } = this.paths(jobId);
    await rm(dir, { recursive: true, force: true });
    await rm(zip, { force: true });
  }
}
