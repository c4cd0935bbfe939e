/**
 * Generation jobs as a client sees them: submit, then poll until the job ends; one that never ends
 * within the deadline is stuck. Whether a job was delivered again (its worker died or handed it back)
 * is read from pg-boss itself, since a redelivery goes from running to running and no client sees it.
 */
import type { LoadCluster } from './cluster.js';
import { type PhaseTally, send, sleep } from './traffic.js';

export interface JobCounts {
  /** The ids of the jobs the phase submitted. */
  ids: string[];
  completed: number;
  /** Jobs pg-boss delivered more than once (`redelivered`). */
  retried: number;
  failed: number;
  stuck: number;
  /** The longest attempt of a completed job, in seconds (`longestAttempt`). */
  longestSeconds?: number;
}

export const noJobs = (): JobCounts => ({ ids: [], completed: 0, retried: 0, failed: 0, stuck: 0 });

const ENDED = new Set(['completed', 'failed', 'cancelled']);

export interface JobWatch {
  status: string;
  /** The job's `error` when it failed. */
  error?: string;
}

type Database = Pick<LoadCluster, 'query'>;

/**
 * How many of `ids` pg-boss delivered again: it raises a job's `retry_count` at each fetch after the
 * first one, so a count above 0 is a redelivery that happened, not one merely planned. Looks in the
 * job table and its archive (where completed jobs move after a while).
 */
export async function redelivered(database: Database, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await database.query<{ jobs: number }>(
    `SELECT count(DISTINCT id)::int AS jobs
     FROM (SELECT id, retry_count FROM pgboss.job UNION ALL SELECT id, retry_count FROM pgboss.archive) j
     WHERE id = ANY($1::uuid[]) AND retry_count > 0`,
    [ids],
  );
  return row?.jobs ?? 0;
}

/** The longest run of a completed job among `ids`, from its stored start to its end, in seconds. */
export async function longestAttempt(database: Database, ids: string[]): Promise<number | undefined> {
  if (ids.length === 0) return undefined;
  const [row] = await database.query<{ seconds: number | null }>(
    `SELECT max(extract(epoch FROM completed_at - started_at))::float AS seconds
     FROM jobs WHERE id = ANY($1::uuid[]) AND status = 'completed'`,
    [ids],
  );
  return row?.seconds ?? undefined;
}

/**
 * Polls a job (round robin over `baseUrls`) until it ends and, when given, `done` agrees; resolves with
 * its last status, or 'stuck' at the deadline.
 */
export async function followJob(
  tally: PhaseTally,
  baseUrls: () => string[],
  key: string,
  jobId: string,
  deadlineMs: number,
  done: (status: string) => boolean = () => true,
): Promise<JobWatch> {
  for (let n = 0; Date.now() < deadlineMs; n++) {
    const urls = baseUrls();
    const answer = await send(tally, urls[n % urls.length]!, 'jobs', { path: `/api/v1/jobs/${jobId}`, key });
    const status = answer?.status === 200 ? String(answer.json?.status) : undefined;
    if (status && ENDED.has(status) && done(status))
      return { status, error: typeof answer?.json?.error === 'string' ? answer.json.error : undefined };
    await sleep(150);
  }
  return { status: 'stuck' };
}

/** Adds a followed job's outcome to `counts`. */
export function countOutcome(counts: JobCounts, watch: JobWatch): void {
  if (watch.status === 'completed') counts.completed++;
  else if (watch.status === 'stuck') counts.stuck++;
  else counts.failed++;
}

/** Submits one small job and follows it to its end; adds the outcome to `counts`. */
export async function submitAndFollow(
  tally: PhaseTally,
  baseUrl: string,
  baseUrls: () => string[],
  key: string,
  counts: JobCounts,
  deadlineMs: number,
): Promise<void> {
  const created = await send(tally, baseUrl, 'jobs', {
    method: 'POST',
    path: '/api/v1/generation/',
    key,
    body: { configuration: { name: 'load suite', total_patients: 40 }, output_formats: ['json', 'csv'] },
  });
  if (created?.status !== 201) return;
  const id = String(created.json?.job_id);
  counts.ids.push(id);
  countOutcome(counts, await followJob(tally, baseUrls, key, id, deadlineMs));
}
