import JSZip from 'jszip';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_API_KEY } from '../../src/keys/index.js';
import type { TestApp } from '../helpers/app.js';

export const DEMO = { 'x-api-key': DEMO_API_KEY };

/** Who calls: the key's headers and, for the demo key, the client IP. */
export interface Client {
  headers: Record<string, string>;
  remoteAddress?: string;
}

/** Demo-key limits loose enough that tests about something else never meet the rate limiter. */
export const ROOMY_DEMO_ENV = {
  DEMO_RATE_PER_MINUTE: '10000',
  DEMO_RATE_PER_HOUR: '100000',
  DEMO_DAILY_LIMIT: '10000',
};

/** A personal key with high rate limits; `X-API-Key` headers for it. */
export async function personalKey(
  t: TestApp,
  options: { name?: string; patientLimit?: number | null; scopes?: string[] } = {},
): Promise<Client & { id: string }> {
  const { key, record } = await t.services.keys.createKey({
    name: options.name ?? 'test key',
    rateLimitPerMinute: 10_000,
    rateLimitPerHour: 100_000,
    patientLimit: options.patientLimit === undefined ? 100_000 : options.patientLimit,
    ...(options.scopes && { scopes: options.scopes }),
  });
  return { id: record.id, headers: { 'x-api-key': key } };
}

export function inject(t: TestApp, options: InjectOptions): Promise<LightMyRequestResponse> {
  return t.app.inject(options) as Promise<LightMyRequestResponse>;
}

/** Creates a job and returns its create response body; fails the test unless it is 201. */
export async function createJob(t: TestApp, client: Client, payload: Record<string, unknown>) {
  const res = await inject(t, { ...client, method: 'POST', url: '/api/v1/generation/', payload });
  if (res.statusCode !== 201) throw new Error(`job not created: ${res.statusCode} ${res.body}`);
  return res.json() as { job_id: string; status: string; seed: string; total_patients: number };
}

/**
 * Polls a job until it is finished, moving the test clock 6 s per poll; returns the job and the
 * statuses seen. Between polls it waits for the job service's next change, not for a timer.
 */
export async function waitForJob(t: TestApp, client: Client, jobId: string, timeoutMs = 60_000) {
  const seen: string[] = [];
  const progress: number[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await inject(t, { ...client, url: `/api/v1/jobs/${jobId}` });
    if (res.statusCode !== 200) throw new Error(`job poll: ${res.statusCode} ${res.body}`);
    const job = res.json();
    if (seen.at(-1) !== job.status) seen.push(job.status);
    progress.push(job.progress);
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return { job, seen, progress };
    t.clock.advance(6000);
    await t.services.jobs.changed();
  }
  throw new Error(`job ${jobId} did not finish; statuses seen: ${seen.join(' → ')}`);
}

/** Creates a job and waits for it; fails unless it completed. */
export async function runJob(t: TestApp, client: Client, payload: Record<string, unknown>) {
  const created = await createJob(t, client, payload);
  const { job } = await waitForJob(t, client, created.job_id);
  if (job.status !== 'completed') throw new Error(`job ${job.status}: ${job.error}`);
  return { created, job };
}

/**
 * The entries of a ZIP archive, read in-process with JSZip: a reader independent of the yazl writer
 * the service uses (test/jobs/sdk-flow.test.ts reads one with Python's zipfile, as the earlier service's
 * clients do).
 */
export async function unzip(zip: Buffer): Promise<Record<string, Buffer>> {
  // Checks every entry's CRC-32 against its bytes: the writer's checksums are zlib's (src/output/zip.ts).
  const archive = await JSZip.loadAsync(zip, { checkCRC32: true });
  const entries: Record<string, Buffer> = {};
  for (const file of Object.values(archive.files)) {
    if (!file.dir) entries[file.name] = await file.async('nodebuffer');
  }
  return entries;
}

/** Downloads a completed job's ZIP and returns its entries. */
export async function downloadZip(t: TestApp, client: Client, jobId: string) {
  const res = await inject(t, { ...client, url: `/api/v1/downloads/${jobId}` });
  if (res.statusCode !== 200) throw new Error(`download: ${res.statusCode} ${res.body}`);
  return await unzip(res.rawPayload);
}

/** A small valid inline configuration. */
export function smallConfiguration(total = 5): Record<string, unknown> {
  return { name: 'Small', total_patients: total };
}
