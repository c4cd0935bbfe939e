import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { databaseUnavailableReason } from '../db/index.js';
import type { Scenario } from '../generator/index.js';
import { LogThrottle } from '../logging/index.js';
import type { Owner } from '../db/index.js';
import type { OutputFormat, PatientPage } from '../output/index.js';
import { DiskFileStore } from '../storage/index.js';
import { GenerationSpeed } from './generation-speed.js';
import { InProcessQueue } from './in-process-queue.js';
import { JobFiles } from './job-files.js';
import type { JobQueue } from './job-queue.js';
import {
  type JobPriority,
  type JobRepository,
  type JobRow,
  type JobStatus,
  SERVER_STOPPED,
} from './job-repository.js';
import { JobRunner } from './job-runner.js';
import type { WarmWorkerPool } from './warm-worker-pool.js';
import { generationThreads } from './worker-pool.js';

/** The longest one attempt of a job may run unless configured (`JOB_TIMEOUT_SECONDS`). */
export const DEFAULT_TIMEOUT_SECONDS = 900;
/** Where the disk store keeps a completed job's files; its ZIP is `<dir>.zip`. */
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
  /** Unfinished jobs whose worker sent no heartbeat for this long are orphans (default 6 heartbeats, 10 s at least). */
  orphanAfterMs?: number;
  /** How often this instance marks its jobs alive and looks for cancellations made elsewhere. */
  heartbeatMs?: number;
  pollIntervalMs?: number;
  /** The longest one attempt may run; default 900 s. */
  timeoutSeconds?: number;
  /** This instance's id; jobs with a password are run only by the instance that holds it. */
  workerId?: string;
  /** Who runs which job; default the in-process queue over the `jobs` table (one process). */
  queue?: JobQueue;
  /** Where job files are spooled and stored; default: spooled and stored on the disk under `dataDir`. */
  files?: JobFiles;
}

export type JobEvent =
  | { type: 'created' }
  /** `seconds`: wall time from the start of generation to the outcome. */
  | { type: 'finished'; status: 'completed'; patients: number; seconds: number }
  | { type: 'finished'; status: 'failed'; seconds: number }
  | { type: 'finished'; status: 'cancelled' };

export interface CreateJobInput {
  owner: Owner;
  scenario: Scenario;
  /** The request as sent, minus the password; echoed as the job's `config` (minus the seed when encrypted). */
  config: Record<string, unknown>;
  /** Stored with the job, except for an encrypted job: then it lives in memory with the password. */
  seed: string;
  count: number;
  formats: OutputFormat[];
  compress: boolean;
  password?: string;
  priority: JobPriority;
}

/**
 * Generation jobs: stored in the database, delivered by a `JobQueue` (in-process on the embedded
 * store, pg-boss on PostgreSQL), run off the request path in worker threads with bounded concurrency,
 * cancellable from any instance, and deleted with their files after the retention period. Every
 * finished job expires, failed and cancelled ones too, and output left by a job that no longer exists
 * (a process killed mid-run) is removed by the same sweep.
 */
export class JobService {
  readonly workerId: string;
  private readonly queue: JobQueue;
  private readonly runner: JobRunner;
  private readonly listeners = new Set<(event: JobEvent) => void>();
  /**
   * An encrypted job's password and seed live only in this process's memory, never in the
   * database: with the seed and the configuration anyone could generate the patients again.
   * Both are dropped when the job ends; a restart loses them and the job is failed.
   */
  private readonly secrets = new Map<string, { password: string; seed: string }>();
  /** Each delivery's end: its outcome recorded and its slot free. */
  private readonly settling = new Map<string, Promise<unknown>>();
  private changeWaiters: (() => void)[] = [];
  private timers: NodeJS.Timeout[] = [];
  private stopped = true;
  /** Maintenance runs every second; while the database is down one line per interval says so. */
  private readonly maintenanceLog = new LogThrottle();
  /** The jobs' files: spooled while they run, then in the store every instance reads. */
  readonly files: JobFiles;
  /** Generation threads kept warm between jobs, one per job slot (exposed for tests). */
  readonly threads: WarmWorkerPool;

  constructor(
    private readonly repository: JobRepository,
    private readonly options: JobServiceOptions,
    private readonly clock: () => Date,
    private readonly logger: JobLogger,
    private readonly onPatientsGenerated: (owner: Owner, jobId: string, patients: number) => void,
  ) {
    this.workerId = options.workerId ?? randomUUID();
    this.threads = generationThreads(options.concurrency);
    this.files =
      options.files ?? new JobFiles(new DiskFileStore(options.dataDir), join(options.dataDir, 'spool'));
    this.queue =
      options.queue ??
      new InProcessQueue(repository, {
        workerId: this.workerId,
        concurrency: options.concurrency,
        takeShared: true,
        pollIntervalMs: options.pollIntervalMs ?? 1000,
        timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        onError: (err) => this.reportFailure(err),
      });
    this.runner = new JobRunner(
      repository,
      {
        workerId: this.workerId,
        logger,
        clock,
        stopping: () => this.stopped,
        secret: (jobId) => this.secrets.get(jobId),
        forget: (jobId) => this.secrets.delete(jobId),
        outputDir: (jobId) => this.files.spoolDir(jobId),
        publish: (jobId) => this.files.publish(jobId),
        removeFiles: (jobId) => this.removeFiles(jobId),
        expiry: (now) => this.expiry(now),
        changed: () => this.notifyChange(),
        completed: (job, generated, seconds) => {
          this.speed.record(generated, job.outputFormats.length, seconds);
          const owner: Owner = { keyId: job.ownerKeyId, subject: job.ownerSubject, all: false };
          this.onPatientsGenerated(owner, job.id, generated);
          this.emit({ type: 'finished', status: 'completed', patients: generated, seconds });
        },
        failed: (seconds) => this.emit({ type: 'finished', status: 'failed', seconds }),
        onError: (err) => this.reportFailure(err),
      },
      this.threads,
    );
  }

  /** Measured on the jobs this instance completed; gives a new job its `estimated_duration`. */
  readonly speed = new GenerationSpeed();

  /** `in-process` (embedded store, one process) or `pg-boss` (PostgreSQL, shared by every instance). */
  get queueKind(): JobQueue['kind'] {
    return this.queue.kind;
  }

  private get heartbeatMs(): number {
    return this.options.heartbeatMs ?? 5000;
  }

  /** At least 10 s: a live instance whose event loop lags under load must not look dead. */
  private get orphanAfterMs(): number {
    return this.options.orphanAfterMs ?? Math.max(10_000, 6 * this.heartbeatMs);
  }

  async start(): Promise<void> {
    this.stopped = false;
    const now = this.clock();
    // One process owns the embedded store: whatever it left unfinished is an orphan now.
    const staleBefore =
      this.queue.kind === 'in-process'
        ? new Date(now.getTime() + 1)
        : new Date(now.getTime() - this.orphanAfterMs);
    const orphans = await this.failOrphans(staleBefore);
    if (orphans.length) this.logger.warn({ jobs: orphans }, 'failed jobs left running by a stopped process');
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const timer = setInterval(() => void fn().catch((err) => this.reportFailure(err)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.heartbeatMs, () => this.runner.heartbeat());
    every(Math.min(30_000, this.orphanAfterMs), () => this.sweepOrphans());
    every(60_000, () => this.sweepExpired());
    await this.queue.start({
      run: (delivery) => this.track(delivery.id, this.runner.run(delivery)),
      abandoned: (id) => this.abandon(id),
    });
  }

  /**
   * Stops taking jobs; lets the running ones finish for up to `graceMs`, then interrupts the rest:
   * each is handed back to the queue (pending again, run by another instance or at the next start),
   * with its partial files removed and a warning. An encrypted job cannot be handed back, since its
   * password dies with this process: it fails with INTERRUPTED_BY_SHUTDOWN.
   */
  async stop(graceMs = 0): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.queue.stop();
    if (graceMs > 0 && this.settling.size > 0) {
      this.logger.warn({ jobs: this.settling.size, graceMs }, 'shutting down: waiting for running jobs');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(this.settling.values()), graceOver]);
      clearTimeout(timer);
    }
    for (const id of this.runner.ids()) await this.runner.stop(id, 'shutdown');
    await Promise.all(this.settling.values());
  }

  /** Stops for good: `stop`, then the queue's outcomes are recorded and its connections released. */
  async close(graceMs = 0): Promise<void> {
    await this.stop(graceMs);
    await this.queue.close();
    await this.threads.close();
  }

  async create(input: CreateJobInput): Promise<JobRow> {
    const id = randomUUID();
    const encrypted = Boolean(input.password);
    if (input.password) this.secrets.set(id, { password: input.password, seed: input.seed });
    const { seed: _seed, ...configWithoutSeed } = input.config;
    const job = await this.repository
      .create({
        id,
        ownerKeyId: input.owner.keyId,
        ownerSubject: input.owner.subject,
        status: 'pending',
        seed: encrypted ? null : input.seed,
        totalPatients: input.count,
        config: encrypted ? configWithoutSeed : input.config,
        scenario: input.scenario,
        outputFormats: input.formats,
        useCompression: input.compress,
        useEncryption: encrypted,
        priority: input.priority,
        // Pinned: only this instance holds the password, so only it may run the job.
        workerId: encrypted ? this.workerId : null,
        createdAt: this.clock(),
      })
      .catch((error: unknown) => {
        this.secrets.delete(id);
        throw error;
      });
    try {
      await this.queue.enqueue({ id, priority: input.priority, local: encrypted });
    } catch (error) {
      // A job no queue knows of would stay pending for ever: refuse it whole.
      this.secrets.delete(id);
      await this.repository.delete(id, input.owner).catch(() => {});
      throw error;
    }
    this.emit({ type: 'created' });
    return job;
  }

  /** Calls `listener` for every job created or finished on this instance; returns the unsubscribe. */
  onEvent(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Jobs waiting to run, over every instance (one grouped count in the database). */
  async queuedCount(): Promise<number> {
    const counts = await this.repository.countsByStatus();
    return counts
      .filter((c) => c.status === 'pending' || c.status === 'queued')
      .reduce((sum, c) => sum + c.jobs, 0);
  }

  /** Jobs generating on this instance right now. */
  runningCount(): number {
    return this.runner.size;
  }

  get(id: string, owner: Owner): Promise<JobRow | undefined> {
    return this.repository.get(id, owner);
  }

  list(owner: Owner, options: { limit: number; status?: JobStatus }): Promise<JobRow[]> {
    return this.repository.list(owner, options);
  }

  /**
   * Cancels a pending or running job; `undefined` when it does not exist for this owner, `finished`
   * when too late. A job running on another instance stops at that instance's next heartbeat.
   */
  async cancel(id: string, owner: Owner): Promise<JobRow | 'finished' | undefined> {
    const job = await this.repository.get(id, owner);
    if (!job) return undefined;
    const now = this.clock();
    const cancelled = await this.repository.cancel(id, owner, now, this.expiry(now));
    if (!cancelled) return 'finished';
    await this.withdraw(id);
    this.emit({ type: 'finished', status: 'cancelled' });
    return cancelled;
  }

  async delete(id: string, owner: Owner): Promise<boolean> {
    const deleted = await this.repository.delete(id, owner);
    if (!deleted) return false;
    await this.withdraw(id);
    return true;
  }

  /** Takes a job that must not run any more off the queue and out of this instance. */
  private async withdraw(id: string): Promise<void> {
    await this.queue.withdraw(id).catch((err: unknown) => this.reportFailure(err));
    await this.runner.stop(id, 'cancelled');
    await this.settling.get(id);
    this.secrets.delete(id);
    await this.removeFiles(id);
  }

  /**
   * Patients `[start, end)` of a completed job, read from the files its worker stored (never
   * generated again). `undefined` when the files are gone. The caller refuses encrypted jobs,
   * whose files are ciphertext and carry no index.
   */
  storedPatients(jobId: string, start: number, end: number): Promise<PatientPage | undefined> {
    return this.files.storedPatients(jobId, start, end);
  }

  /** Asks the queue for work now; resolves once what it found has started. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.queue.poll();
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

  /** Keeps a delivery's end where `idle`, `stop` and `withdraw` can await it. */
  private track<T>(id: string, work: Promise<T>): Promise<T> {
    const settled = work.finally(() => {
      this.settling.delete(id);
      this.notifyChange();
    });
    this.settling.set(
      id,
      settled.catch(() => {}),
    );
    return settled;
  }

  /**
   * A job the queue gave up on: every worker it was given to died or handed it back. Its partial
   * files go with it.
   */
  private async abandon(id: string): Promise<void> {
    // Files first: once the row says failed, nothing of the job may be left to find.
    await this.removeFiles(id);
    const now = this.clock();
    await this.repository.fail(id, SERVER_STOPPED, now, this.expiry(now));
    this.logger.warn({ jobId: id }, 'job failed: its workers stopped more often than retries allow');
  }

  private emit(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // A listener (metrics) must never change what happens to the job.
        this.logger.warn({ err, event: event.type }, 'job event listener failed');
      }
    }
  }

  /** Logs a failure of background job work; while the database is down, one line per interval. */
  reportFailure(err: unknown): void {
    const reason = databaseUnavailableReason(err);
    const { write, suppressed } = this.maintenanceLog.admit(reason ?? String((err as Error)?.name));
    if (write)
      this.logger.error({ ...(reason ? { reason } : { err }), suppressed }, 'job maintenance failed');
  }

  /** Fails the orphans the heartbeats show (see `failOrphans`). Runs on a timer; callable for an immediate sweep. */
  async sweepOrphans(): Promise<void> {
    await this.failOrphans(new Date(this.clock().getTime() - this.orphanAfterMs));
  }

  /**
   * Fails jobs whose process died mid-run; their partial files can never be downloaded, so they go at once.
   * A job this process is running is alive whatever its heartbeat says (a slow heartbeat under load, or a
   * clock moved forward in tests, must not fail it). With a shared queue only encrypted jobs are looked
   * at: the queue delivers the others again.
   */
  private async failOrphans(staleBefore: Date): Promise<string[]> {
    const now = this.clock();
    const ids = await this.repository.failOrphans(staleBefore, now, this.expiry(now), {
      aliveIds: this.runner.ids(),
      scope: this.queue.kind === 'in-process' ? 'all' : 'encrypted',
    });
    for (const id of ids) await this.removeFiles(id);
    return ids;
  }

  /** When a job finishing now expires: completed, failed or cancelled alike. */
  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.options.retentionHours * 3_600_000);
  }

  /**
   * Deletes jobs past their retention, with their files, and the output of any
   * job that no longer exists in the database. Runs every minute; callable for
   * an immediate sweep.
   */
  async sweepExpired(): Promise<void> {
    const now = this.clock();
    const ids = await this.repository.deleteExpired(
      now,
      new Date(now.getTime() - this.options.retentionHours * 3_600_000),
    );
    for (const id of ids) await this.removeFiles(id);
    if (ids.length) this.logger.info({ count: ids.length }, 'deleted expired job outputs');
    const strays = await this.removeStrayOutputs();
    if (strays.length) this.logger.info({ jobs: strays }, 'deleted output of jobs that no longer exist');
  }

  /**
   * Files in the store or the spool whose job is gone from the database (killed mid-run, then
   * deleted, or deleted while its files could not be removed). A row is written before any of its
   * files and deleted before them, so a missing row means the files are garbage.
   */
  private async removeStrayOutputs(): Promise<string[]> {
    const onDisk = new Set(await this.files.jobIds());
    if (onDisk.size === 0) return [];
    const known = await this.repository.existingIds([...onDisk]);
    const strays = [...onDisk].filter((id) => !known.has(id));
    for (const id of strays) await this.removeFiles(id);
    return strays;
  }

  /**
   * Removes a job's files. A store that cannot be reached only delays it: the job is already cancelled,
   * failed or deleted, and the expiry or stray sweep removes the files once the store is back.
   */
  private async removeFiles(jobId: string): Promise<void> {
    await this.files.remove(jobId).catch((err: unknown) => {
      this.logger.warn({ err, jobId }, 'job files not removed yet; a later sweep removes them');
    });
  }
}
