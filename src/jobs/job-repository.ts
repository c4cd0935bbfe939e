import { and, desc, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { isUuid, type Owner, ownedBy, schema } from '../db/index.js';
import type { JobPriority, JobRow, JobStatus, NewJobRow } from '../db/schema/index.js';
export { JOB_PRIORITIES, JOB_STATUSES } from '../db/schema/index.js';

const { jobs } = schema;

export type { JobPriority, JobRow, JobStatus };

/** The error of a job whose worker died and that the queue will not run again. */
export const SERVER_STOPPED = 'The server stopped while this job was running; please submit it again';
/** The error of an encrypted job whose instance stopped: its password was only in that process. */
export const PASSWORD_LOST =
  'The encryption password is kept only in memory and was lost when the server restarted; submit the job again';

/** Job state. Every read takes the owner, so another tenant's job is simply not found. */
export class JobRepository {
  constructor(private readonly db: Db) {}

  async create(values: NewJobRow): Promise<JobRow> {
    const [row] = await this.db.insert(jobs).values(values).returning();
    return row!;
  }

  async get(id: string, owner: Owner): Promise<JobRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.id, id), ownedBy(jobs, owner)))
      .limit(1);
    return row;
  }

  async list(owner: Owner, options: { limit: number; status?: JobStatus }): Promise<JobRow[]> {
    return this.db
      .select()
      .from(jobs)
      .where(and(ownedBy(jobs, owner), options.status ? eq(jobs.status, options.status) : undefined))
      .orderBy(desc(jobs.createdAt))
      .limit(options.limit);
  }

  async delete(id: string, owner: Owner): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.db
      .delete(jobs)
      .where(and(eq(jobs.id, id), ownedBy(jobs, owner)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** Marks a pending or running job cancelled; returns the row, or undefined if it had already finished. */
  async cancel(id: string, owner: Owner, now: Date, expiresAt: Date): Promise<JobRow | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({
        status: 'cancelled',
        cancelRequested: true,
        completedAt: now,
        error: 'Job cancelled by user',
        expiresAt,
      })
      .where(
        and(eq(jobs.id, id), ownedBy(jobs, owner), inArray(jobs.status, ['pending', 'queued', 'running'])),
      )
      .returning();
    return row;
  }

  /**
   * Pending jobs in the order they should run (priority, then age), for the in-process queue
   * (`unpinned`: any job nobody holds) or a queue's local jobs (only those pinned to `workerId`).
   */
  async pendingIds(options: {
    workerId: string;
    unpinned: boolean;
    exclude: readonly string[];
    limit: number;
  }): Promise<string[]> {
    const pinned = options.unpinned
      ? or(isNull(jobs.workerId), eq(jobs.workerId, options.workerId))
      : eq(jobs.workerId, options.workerId);
    const rows = await this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.status, 'pending'),
          pinned,
          options.exclude.length ? notInArray(jobs.id, [...options.exclude]) : undefined,
        ),
      )
      .orderBy(sql`CASE ${jobs.priority} WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END`, jobs.createdAt)
      .limit(options.limit);
    return rows.map((r) => r.id);
  }

  /** Pending jobs no instance holds, with their priority: what a shared queue must know of. */
  async pendingShared(): Promise<{ id: string; priority: JobPriority }[]> {
    return this.db
      .select({ id: jobs.id, priority: jobs.priority })
      .from(jobs)
      .where(and(eq(jobs.status, 'pending'), isNull(jobs.workerId)));
  }

  /**
   * Marks a job delivered by the queue running on this worker; `undefined` when it is no longer
   * pending (cancelled, deleted or finished meanwhile). `takeOver` also takes a job left running:
   * the queue redelivers one only once the attempt before it expired (its worker died).
   */
  async claim(id: string, workerId: string, now: Date, takeOver = false): Promise<JobRow | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({
        status: 'running',
        workerId,
        startedAt: now,
        heartbeatAt: now,
        progress: 0,
        patientsGenerated: 0,
      })
      .where(
        and(
          eq(jobs.id, id),
          takeOver ? inArray(jobs.status, ['pending', 'running']) : eq(jobs.status, 'pending'),
        ),
      )
      .returning();
    return row;
  }

  /** Puts a job this worker was running back to pending (shutdown), for any worker to take. */
  async release(id: string, workerId: string): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({
        status: 'pending',
        workerId: null,
        startedAt: null,
        heartbeatAt: null,
        progress: 0,
        patientsGenerated: 0,
      })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.workerId, workerId)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /**
   * Marks every unfinished job this worker holds alive (one statement per interval, not per job) and
   * returns the ids still running on it: a job missing from the answer was cancelled, deleted or
   * taken over elsewhere, and its generation must stop.
   */
  async touch(workerId: string, now: Date): Promise<Set<string>> {
    const rows = await this.db
      .update(jobs)
      .set({ heartbeatAt: now })
      .where(and(eq(jobs.workerId, workerId), inArray(jobs.status, ['pending', 'running'])))
      .returning({ id: jobs.id, status: jobs.status });
    return new Set(rows.filter((r) => r.status === 'running').map((r) => r.id));
  }

  /** Progress from the worker; tells it whether the job was cancelled meanwhile. */
  async reportProgress(
    id: string,
    progress: number,
    generated: number,
    now: Date,
  ): Promise<{ cancelled: boolean }> {
    const [row] = await this.db
      .update(jobs)
      .set({ progress, patientsGenerated: generated, heartbeatAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
      .returning({ id: jobs.id });
    return { cancelled: !row };
  }

  async complete(
    id: string,
    result: {
      summary: Record<string, unknown>;
      outputFiles: { name: string; bytes: number }[];
      generated: number;
    },
    now: Date,
    expiresAt: Date,
  ): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({
        status: 'completed',
        progress: 100,
        summary: result.summary,
        outputFiles: result.outputFiles,
        patientsGenerated: result.generated,
        completedAt: now,
        expiresAt,
      })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /**
   * Marks an unfinished job failed; it expires like a completed one, so its row and any files are
   * swept. A job already completed or cancelled keeps its outcome.
   */
  async fail(id: string, error: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'failed', error, completedAt: now, expiresAt })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ['pending', 'running'])));
  }

  /**
   * Fails unfinished jobs whose worker stopped sending heartbeats (its process died), so none is left
   * waiting for ever, and returns their ids. A running job with no heartbeat at all was never claimed
   * by a live worker, so it is an orphan too. `scope`: `all` for the in-process queue, whose one
   * process holds every job; `encrypted` with a shared queue, which retries the other jobs itself.
   * An encrypted job is an orphan while still pending as well: only its dead process knew its password.
   */
  async failOrphans(
    staleBefore: Date,
    now: Date,
    expiresAt: Date,
    options: { aliveIds?: string[]; scope: 'all' | 'encrypted' },
  ): Promise<string[]> {
    const silent = sql`coalesce(${jobs.heartbeatAt}, ${jobs.createdAt}) < ${staleBefore.toISOString()}::timestamptz`;
    const staleRunning = and(eq(jobs.status, 'running'), or(isNull(jobs.heartbeatAt), silent));
    const staleEncrypted = and(
      eq(jobs.useEncryption, true),
      or(staleRunning, and(eq(jobs.status, 'pending'), silent)),
    );
    const stale = options.scope === 'all' ? or(staleRunning, staleEncrypted) : staleEncrypted;
    const aliveIds = options.aliveIds ?? [];
    const rows = await this.db
      .update(jobs)
      .set({
        status: 'failed',
        error: sql`CASE WHEN ${jobs.useEncryption} THEN ${PASSWORD_LOST} ELSE ${SERVER_STOPPED} END`,
        completedAt: now,
        expiresAt,
      })
      .where(aliveIds.length ? and(stale, notInArray(jobs.id, aliveIds)) : stale)
      .returning({ id: jobs.id });
    return rows.map((r) => r.id);
  }

  /**
   * Jobs whose outputs passed their retention; deleted with their files by the caller.
   * Failed and cancelled jobs stored before they were given an expiry go once they
   * finished before `finishedBefore`.
   */
  async deleteExpired(now: Date, finishedBefore: Date): Promise<string[]> {
    const rows = await this.db
      .delete(jobs)
      .where(
        or(
          lt(jobs.expiresAt, now),
          and(
            isNull(jobs.expiresAt),
            inArray(jobs.status, ['failed', 'cancelled']),
            lt(jobs.completedAt, finishedBefore),
          ),
        ),
      )
      .returning({ id: jobs.id });
    return rows.map((r) => r.id);
  }

  /** Which of these ids are jobs in the database, whoever owns them. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500).filter(isUuid);
      if (chunk.length === 0) continue;
      const rows = await this.db.select({ id: jobs.id }).from(jobs).where(inArray(jobs.id, chunk));
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  /** Jobs and the patients they generated, by status, over every tenant (metrics). */
  async countsByStatus(): Promise<{ status: string; jobs: number; patients: number }[]> {
    return this.db
      .select({
        status: jobs.status,
        jobs: sql<number>`count(*)::int`,
        patients: sql<number>`coalesce(sum(${jobs.patientsGenerated}), 0)::int`,
      })
      .from(jobs)
      .groupBy(jobs.status);
  }
}
