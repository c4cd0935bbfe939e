import { and, desc, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { isUuid, type Owner, ownedBy, schema } from '../db/index.js';
import type { JobPriority, JobRow, JobStatus, NewJobRow } from '../db/schema/index.js';
export { JOB_PRIORITIES, JOB_STATUSES } from '../db/schema/index.js';

const { jobs } = schema;

export type { JobPriority, JobRow, JobStatus };

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
   * Claims the oldest pending job for this worker. `SKIP LOCKED` lets several
   * instances claim from one PostgreSQL without taking the same job twice.
   */
  async claimNext(workerId: string, now: Date): Promise<JobRow | undefined> {
    const result = (await this.db.execute(sql`
      UPDATE jobs SET status = 'running', worker_id = ${workerId}, started_at = ${now.toISOString()}::timestamptz,
        heartbeat_at = ${now.toISOString()}::timestamptz
      WHERE id = (
        SELECT id FROM jobs WHERE status = 'pending' AND (worker_id IS NULL OR worker_id = ${workerId})
        ORDER BY CASE priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, created_at
        FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id`)) as unknown as { rows: { id: string }[] };
    const id = result.rows[0]?.id;
    if (!id) return undefined;
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row;
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

  /** Marks a running job alive, for the orphan sweep. */
  async heartbeat(id: string, now: Date): Promise<void> {
    await this.db
      .update(jobs)
      .set({ heartbeatAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
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

  /** Marks a running job failed; it expires like a completed one, so its row and any files are swept. */
  async fail(id: string, error: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'failed', error, completedAt: now, expiresAt })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
  }

  /**
   * Fails running jobs whose worker stopped sending heartbeats (the process
   * died), so none is left "running" for ever. A running job with no
   * heartbeat at all was never claimed by a live worker, so it is an orphan too.
   * Returns their ids.
   */
  async failOrphans(
    staleBefore: Date,
    now: Date,
    expiresAt: Date,
    aliveIds: string[] = [],
  ): Promise<string[]> {
    const stale = and(
      eq(jobs.status, 'running'),
      or(isNull(jobs.heartbeatAt), lt(jobs.heartbeatAt, staleBefore)),
    );
    const rows = await this.db
      .update(jobs)
      .set({
        status: 'failed',
        error: 'The server stopped while this job was running; please submit it again',
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
