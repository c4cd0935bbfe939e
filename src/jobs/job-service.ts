import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { databaseUnavailableReason } from '../db/index.js';
import type { Scenario } from '../generator/index.js';
import { LogThrottle } from '../logging/index.js';
import type { Owner } from '../db/index.js';
import type { OutputFormat, PatientPage } from '../output/index.js';
import { DiskFileStore } from '../storage/index.js';
import { GenerationSpeed } from './generation-speed.js';
import { JobFiles } from './job-files.js';
import type { JobPriority, JobRepository, JobRow, JobStatus } from './job-repository.js';
import { type RunningGeneration, startGeneration } from './worker-pool.js';

const HEARTBEAT_INTERVAL_MS = 10_000;
const ORPHAN_SWEEP_INTERVAL_MS = 30_000;
const DEFAULT_ORPHAN_AFTER_MS = 60_000;
/** The error a job stopped by SIGTERM keeps; the client can act on it. */
export const INTERRUPTED_BY_SHUTDOWN = 'Interrupted by server shutdown; resubmit the job';
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
  /**
   * Jobs running longer than this without a heartbeat are failed as orphans (`JOB_ORPHAN_TIMEOUT_MS`).
   * The heartbeat and the orphan sweep run at least three and two times per timeout, so a live job is
   * never failed and a dead one is failed within 1.5 timeouts.
   */
  orphanAfterMs?: number;
  pollIntervalMs?: number;
  /** This instance's id; jobs with a password are claimed only by the instance that holds it. */
  workerId?: string;
  /** The embedded store has one process, so any job left running at start-up is an orphan. */
  singleProcess: boolean;
  /** Where job files are spooled and stored; default: spooled and stored on the disk under `dataDir`. */
  files?: JobFiles;
}

/** What this instance did with a job; `/metrics` counts these in memory. */
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
 * Generation jobs: stored in the database, run off the request path in worker
 * threads with bounded concurrency, cancellable, and deleted with their files
 * after the retention period. Every finished job expires, failed and cancelled
 * ones too, and output left by a job that no longer exists (a process killed
 * mid-run) is removed by the same sweep.
 */
export class JobService {
  private readonly workerId: string;
  private readonly running = new Map<string, RunningGeneration>();
  private readonly listeners = new Set<(event: JobEvent) => void>();
  /**
   * An encrypted job's password and seed live only in this process's memory, never in the
   * database: with the seed and the configuration anyone could generate the patients again.
   * Both are dropped when the job ends; a restart loses them and the job is failed.
   */
  private readonly secrets = new Map<string, { password: string; seed: string }>();
  /** Each running job's end: its outcome recorded and its slot free. */
  private readonly settling = new Map<string, Promise<void>>();
  private changeWaiters: (() => void)[] = [];
  private timers: NodeJS.Timeout[] = [];
  private ticking: Promise<void> | undefined;
  private stopped = true;
  /** Maintenance runs every second; while the database is down one line per interval says so. */
  private readonly maintenanceLog = new LogThrottle();
  /** The jobs' files: spooled while they run, then in the store every instance reads. */
  readonly files: JobFiles;

  constructor(
    private readonly repository: JobRepository,
    private readonly options: JobServiceOptions,
    private readonly clock: () => Date,
    private readonly logger: JobLogger,
    private readonly onPatientsGenerated: (owner: Owner, jobId: string, patients: number) => void,
  ) {
    this.workerId = options.workerId ?? randomUUID();
    this.files =
      options.files ?? new JobFiles(new DiskFileStore(options.dataDir), join(options.dataDir, 'spool'));
  }

  private get orphanAfterMs(): number {
    return this.options.orphanAfterMs ?? DEFAULT_ORPHAN_AFTER_MS;
  }

  /** Measured on the jobs this instance completed; gives a new job its `estimated_duration`. */
  readonly speed = new GenerationSpeed();

  async start(): Promise<void> {
    this.stopped = false;
    const now = this.clock();
    const staleBefore = this.options.singleProcess
      ? new Date(now.getTime() + 1)
      : new Date(now.getTime() - this.orphanAfterMs);
    const orphans = await this.failOrphans(staleBefore);
    if (orphans.length) this.logger.warn({ jobs: orphans }, 'failed jobs left running by a stopped process');
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const timer = setInterval(() => void fn().catch((err) => this.logMaintenanceFailure(err)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.pollIntervalMs ?? 1000, () => this.tick());
    every(Math.min(ORPHAN_SWEEP_INTERVAL_MS, Math.floor(this.orphanAfterMs / 2)), () => this.sweepOrphans());
    every(60_000, () => this.sweepExpired());
    this.kick();
  }

  /**
   * Stops the runner. A job still running is interrupted, not failed by a
   * fault: it is marked with `INTERRUPTED_BY_SHUTDOWN`, its partial files are
   * removed, and the log says so at warn level.
   */
  /**
   * Stops claiming jobs; lets the running ones finish for up to `graceMs`, then marks the rest
   * failed with INTERRUPTED_BY_SHUTDOWN (a warning each). Pending jobs stay pending for the next start.
   */
  async stop(graceMs = 0): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    if (graceMs > 0 && this.settling.size > 0) {
      this.logger.warn({ jobs: this.settling.size, graceMs }, 'shutting down: waiting for running jobs');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(this.settling.values()), graceOver]);
      clearTimeout(timer);
    }
    // Out of `running` first, so each run's failure handler sees a deliberate stop and stays quiet.
    const interrupted = [...this.running];
    this.running.clear();
    const now = this.clock();
    for (const [id, run] of interrupted) {
      await run.cancel();
      this.secrets.delete(id);
      await this.repository
        .fail(id, INTERRUPTED_BY_SHUTDOWN, now, this.expiry(now))
        .catch((err: unknown) => this.logMaintenanceFailure(err));
      await this.removeFiles(id);
      this.logger.warn({ jobId: id }, 'job interrupted by shutdown');
    }
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
        workerId: encrypted ? this.workerId : null,
        createdAt: this.clock(),
      })
      .catch((error: unknown) => {
        this.secrets.delete(id);
        throw error;
      });
    this.emit({ type: 'created' });
    this.kick();
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
    return counts.find((c) => c.status === 'queued')?.jobs ?? 0;
  }

  /** Jobs generating on this instance right now. */
  runningCount(): number {
    return this.running.size;
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
    const now = this.clock();
    const cancelled = await this.repository.cancel(id, owner, now, this.expiry(now));
    if (!cancelled) return 'finished';
    await this.running.get(id)?.cancel();
    this.running.delete(id);
    this.secrets.delete(id);
    await this.removeFiles(id);
    this.emit({ type: 'finished', status: 'cancelled' });
    return cancelled;
  }

  async delete(id: string, owner: Owner): Promise<boolean> {
    const deleted = await this.repository.delete(id, owner);
    if (!deleted) return false;
    await this.running.get(id)?.cancel();
    this.running.delete(id);
    this.secrets.delete(id);
    await this.removeFiles(id);
    return true;
  }

  /**
   * Patients `[start, end)` of a completed job, read from the files its worker stored (never
   * generated again). `undefined` when the files are gone. The caller refuses encrypted jobs,
   * whose files are ciphertext and carry no index.
   */
  storedPatients(jobId: string, start: number, end: number): Promise<PatientPage | undefined> {
    return this.files.storedPatients(jobId, start, end);
  }

  /** Runs `tick` without waiting; a failure (the database is down) is logged, and the next poll retries. */
  private kick(): void {
    this.tick().catch((err: unknown) => this.logMaintenanceFailure(err));
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
    const secret = this.secrets.get(job.id);
    const seed = job.useEncryption ? secret?.seed : job.seed;
    if (seed === undefined || seed === null) {
      const now = this.clock();
      this.repository
        .fail(
          job.id,
          'The encryption password is kept only in memory and was lost when the server restarted; submit the job again',
          now,
          this.expiry(now),
        )
        .catch((err: unknown) => this.logMaintenanceFailure(err));
      return;
    }
    const owner: Owner = { keyId: job.ownerKeyId, subject: job.ownerSubject, all: false };
    const dir = this.files.spoolDir(job.id);
    let lastWrite = 0;
    // Wall time, not the injected clock: this measures how fast the machine is.
    const startedMs = performance.now();
    const generation = startGeneration(
      {
        jobId: job.id,
        scenario: job.scenario,
        seed,
        count: job.totalPatients,
        formats: job.outputFormats,
        dir,
        compress: job.useCompression,
        password: secret?.password,
      },
      (generated) => {
        const now = this.clock();
        if (now.getTime() - lastWrite < 500 && generated < job.totalPatients) return;
        lastWrite = now.getTime();
        const progress = Math.min(99, Math.floor((generated / Math.max(1, job.totalPatients)) * 100));
        this.repository
          .reportProgress(job.id, progress, generated, now)
          .then(({ cancelled }) => {
            this.notifyChange();
            if (cancelled) void generation.cancel();
          })
          .catch((err: unknown) => this.logMaintenanceFailure(err));
      },
    );
    this.running.set(job.id, generation);
    // Progress stops while the files are finalised and zipped; the heartbeat must not.
    const heartbeat = setInterval(
      () => {
        void this.repository.heartbeat(job.id, this.clock()).catch(() => {});
      },
      Math.min(HEARTBEAT_INTERVAL_MS, Math.floor(this.orphanAfterMs / 3)),
    );
    heartbeat.unref();
    const settled = generation.result
      .then(async (result) => {
        // Into the store before the job says completed: no instance can serve half of it.
        await this.files.publish(job.id);
        const now = this.clock();
        const done = await this.repository.complete(
          job.id,
          { summary: result.summary, outputFiles: result.files, generated: result.generated },
          now,
          this.expiry(now),
        );
        if (done) {
          const formats = job.outputFormats.length;
          const seconds = (performance.now() - startedMs) / 1000;
          this.speed.record(result.generated, formats, seconds);
          this.onPatientsGenerated(owner, job.id, result.generated);
          this.emit({ type: 'finished', status: 'completed', patients: result.generated, seconds });
        } else await this.removeFiles(job.id);
      })
      .catch(async (error: unknown) => {
        if (!this.running.has(job.id)) return; // cancelled or stopped: already recorded
        this.logger.error({ err: error, jobId: job.id }, 'generation job failed');
        const now = this.clock();
        await this.removeFiles(job.id);
        await this.repository.fail(
          job.id,
          `Generation failed: ${(error as Error).message}`,
          now,
          this.expiry(now),
        );
        this.emit({ type: 'finished', status: 'failed', seconds: (performance.now() - startedMs) / 1000 });
      })
      // The database went away while recording the outcome: the orphan sweep fails the job later.
      .catch((err: unknown) => this.logMaintenanceFailure(err))
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(job.id);
        this.secrets.delete(job.id);
        this.settling.delete(job.id);
        this.notifyChange();
        this.kick();
      });
    this.settling.set(
      job.id,
      settled.catch((err: unknown) =>
        this.logger.error({ err, jobId: job.id }, 'recording a job outcome failed'),
      ),
    );
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

  private logMaintenanceFailure(err: unknown): void {
    const reason = databaseUnavailableReason(err);
    const { write, suppressed } = this.maintenanceLog.admit(reason ?? String((err as Error)?.name));
    if (write)
      this.logger.error({ ...(reason ? { reason } : { err }), suppressed }, 'job maintenance failed');
  }

  private async sweepOrphans(): Promise<void> {
    const staleBefore = new Date(this.clock().getTime() - this.orphanAfterMs);
    await this.failOrphans(staleBefore);
  }

  /**
   * Fails jobs whose process died mid-run; their partial files can never be downloaded, so they go at once.
   * A job this process is running is alive whatever its heartbeat says (a slow heartbeat under load, or a
   * clock moved forward in tests, must not fail it).
   */
  private async failOrphans(staleBefore: Date): Promise<string[]> {
    const now = this.clock();
    const ids = await this.repository.failOrphans(staleBefore, now, this.expiry(now), [
      ...this.running.keys(),
    ]);
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
