/**
 * Generation jobs as a client sees them: submit, then poll until the job ends. A job seen running and
 * later waiting again was retried (a runner that requeues work after a crash); one that never ends
 * within the deadline is stuck.
 */
import { type PhaseTally, send, sleep } from './traffic.js';

export interface JobCounts {
  submitted: number;
  completed: number;
  retried: number;
  failed: number;
  stuck: number;
}

export const noJobs = (): JobCounts => ({ submitted: 0, completed: 0, retried: 0, failed: 0, stuck: 0 });

const ENDED = new Set(['completed', 'failed', 'cancelled']);
const WAITING = new Set(['pending', 'queued']);

export interface JobWatch {
  status: string;
  retried: boolean;
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
  let seenRunning = false;
  let retried = false;
  for (let n = 0; Date.now() < deadlineMs; n++) {
    const urls = baseUrls();
    const answer = await send(tally, urls[n % urls.length]!, 'jobs', { path: `/api/v1/jobs/${jobId}`, key });
    const status = answer?.status === 200 ? String(answer.json?.status) : undefined;
    if (status === 'running') seenRunning = true;
    if (status && seenRunning && WAITING.has(status)) retried = true;
    if (status && ENDED.has(status) && done(status)) return { status, retried };
    await sleep(150);
  }
  return { status: 'stuck', retried };
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
  counts.submitted++;
  const watch = await followJob(tally, baseUrls, key, String(created.json?.job_id), deadlineMs);
  if (watch.retried) counts.retried++;
  if (watch.status === 'completed') counts.completed++;
  else if (watch.status === 'stuck') counts.stuck++;
  else counts.failed++;
}
