import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { buildServices } from '../../src/services.js';
import { type Client, createJob, inject, personalKey, runJob, unzip, waitForJob } from '../api/helpers.js';
import type { TestApp } from '../helpers/app.js';
import { buildTestApp } from '../helpers/app.js';
import { TestClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { type LocalS3, startLocalS3 } from '../helpers/s3.js';

const BUCKET = 'milmed-shared';
const clock = new TestClock();

/** One server over the shared database: its own app, services and DATA_DIR (shared or not). */
async function startInstance(shared: TestDatabase, dataDir: string, env: Record<string, string>) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const services = await buildServices(config, pino({ level: 'silent' }), {
    role: 'server',
    database: shared.database,
    clock: clock.now,
  });
  await services.start();
  const app = await buildApp(services, { logger: pino({ level: 'silent' }) });
  await app.ready();
  const instance: TestApp = {
    app,
    services,
    clock,
    logs: [],
    dataDir,
    async close() {
      await app.close();
      // The shared database outlives each instance; stop the rest by hand.
      await services.jobs.stop();
      await services.jobs.files.store.close();
      await services.usage.close();
      await services.rateLimiter.close();
    },
  };
  return instance;
}

/** A port on 127.0.0.1 that nothing listens on: an object store that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const entries = (dir: string, sub: string) => (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)) : []);

/**
 * Two instances over one database: a job created and run through A is downloaded, read and deleted
 * through B, which runs no job itself. On the disk they share DATA_DIR; on S3 each has its own
 * DATA_DIR and they share a bucket (s3rver, in process).
 */
describe.each(['disk', 's3'] as const)('job files shared by two instances (%s store)', (mode) => {
  let shared: TestDatabase;
  let s3: LocalS3 | undefined;
  const dirs: string[] = [];
  let a: TestApp;
  let b: TestApp;
  let key: Client & { id: string };
  let jobId: string;
  let zip: Buffer;
  let json: Buffer;

  beforeAll(async () => {
    shared = await openTestDatabase('embedded');
    if (mode === 's3') s3 = await startLocalS3([BUCKET]);
    const env = s3 ? s3.env(BUCKET, 'shared/') : {};
    const dir = () => {
      dirs.push(mkdtempSync(join(tmpdir(), 'milmed-shared-')));
      return dirs.at(-1)!;
    };
    const dirA = dir();
    a = await startInstance(shared, dirA, env);
    b = await startInstance(shared, mode === 'disk' ? dirA : dir(), env);
    // B runs no job: whatever it serves, A generated.
    await b.services.jobs.stop();
    key = await personalKey(a);
    const { created } = await runJob(a, key, {
      configuration: { name: 'Shared files' },
      total_patients: 60,
      output_formats: ['json', 'csv'],
      seed: 'shared-files',
    });
    jobId = created.job_id;
    zip = (await inject(a, { ...key, url: `/api/v1/downloads/${jobId}` })).rawPayload;
    json = (await inject(a, { ...key, url: `/api/v1/downloads/${jobId}?format=json` })).rawPayload;
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await shared?.close();
    await s3?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const download = (range?: string, query = '') =>
    inject(b, {
      ...key,
      url: `/api/v1/downloads/${jobId}${query}`,
      headers: { ...key.headers, ...(range && { range }) },
    });

  it('downloads a job created through the other instance, whole, with its length', async () => {
    const res = await download();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(Number(res.headers['content-length'])).toBe(zip.length);
    expect(res.rawPayload.equals(zip)).toBe(true);
    const files = await unzip(res.rawPayload);
    expect(Object.keys(files).sort()).toEqual(['patients.csv', 'patients.json']);
    expect(files['patients.json']!.equals(json)).toBe(true);
    expect(JSON.parse(json.toString())).toHaveLength(60);
  });

  it('answers HEAD with the length and no body, whole or for a range', async () => {
    const head = await inject(b, { ...key, method: 'HEAD', url: `/api/v1/downloads/${jobId}` });
    expect(head.statusCode).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(zip.length);
    expect(head.headers['accept-ranges']).toBe('bytes');
    expect(head.rawPayload.length).toBe(0);
    const part = await inject(b, {
      ...key,
      method: 'HEAD',
      url: `/api/v1/downloads/${jobId}`,
      headers: { ...key.headers, range: 'bytes=-100' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-length']).toBe('100');
  });

  it('keeps the files where every instance reads them, and no spool behind', () => {
    for (const instance of [a, b]) expect(entries(instance.dataDir, 'spool')).toEqual([]);
    if (mode === 'disk') expect(entries(a.dataDir, 'jobs').sort()).toEqual([jobId, `${jobId}.zip`]);
    // On S3 nothing of the job stays on either instance's disk.
    else for (const instance of [a, b]) expect(entries(instance.dataDir, 'jobs')).toEqual([]);
  });

  it('serves ?format=json through the other instance, whole and by range', async () => {
    const whole = await download(undefined, '?format=json');
    expect(whole.statusCode).toBe(200);
    expect(Number(whole.headers['content-length'])).toBe(json.length);
    expect(whole.rawPayload.equals(json)).toBe(true);
    // Two bytes, not one: s3rver reads `bytes=0-0` as the whole object (the store then refuses it).
    const part = await download('bytes=0-1', '?format=json');
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe('[\n');
  });

  it('answers the first bytes of a range with 206 and Content-Range', async () => {
    const res = await download('bytes=0-99');
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-99/${zip.length}`);
    expect(res.headers['content-length']).toBe('100');
    expect(res.rawPayload.equals(zip.subarray(0, 100))).toBe(true);
  });

  it('answers a middle range, and an open-ended one to the end', async () => {
    const middle = await download('bytes=1000-1999');
    expect(middle.statusCode).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 1000-1999/${zip.length}`);
    expect(middle.rawPayload.equals(zip.subarray(1000, 2000))).toBe(true);
    const rest = await download(`bytes=${zip.length - 10}-`);
    expect(rest.statusCode).toBe(206);
    expect(rest.rawPayload.equals(zip.subarray(zip.length - 10))).toBe(true);
  });

  it('answers a suffix range with the last bytes: a resumed client can read the ZIP directory', async () => {
    const res = await download('bytes=-100');
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${zip.length - 100}-${zip.length - 1}/${zip.length}`);
    expect(res.rawPayload.equals(zip.subarray(zip.length - 100))).toBe(true);
    // The end-of-central-directory record of a ZIP sits in its last 22 bytes.
    expect(res.rawPayload.subarray(-22, -18).toString('hex')).toBe('504b0506');
  });

  it('refuses a range past the end with 416, the standard body and the size', async () => {
    const res = await download(`bytes=${zip.length}-`);
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${zip.length}`);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json()).toMatchObject({
      error: 'Range Not Satisfiable',
      code: 'RANGE_NOT_SATISFIABLE',
      request_id: expect.any(String),
    });
  });

  it('serves only the first of several ranges, and the whole file for a Range it cannot read', async () => {
    const several = await download('bytes=10-19, 30-39');
    expect(several.statusCode).toBe(206);
    expect(several.headers['content-range']).toBe(`bytes 10-19/${zip.length}`);
    expect(several.rawPayload.equals(zip.subarray(10, 20))).toBe(true);
    for (const range of ['items=0-9', 'bytes=9-1', 'bytes=abc']) {
      const whole = await download(range);
      expect(whole.statusCode, range).toBe(200);
      expect(whole.rawPayload.equals(zip), range).toBe(true);
    }
  });

  it('reads results, sample patients and one patient from the stored rows through the other instance', async () => {
    const all = JSON.parse(json.toString()) as { id: number }[];
    const page = await inject(b, { ...key, url: `/api/v1/jobs/${jobId}/results?page=3&per_page=7` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 60, page: 3, patients: all.slice(14, 21) });
    const sample = await inject(b, {
      ...key,
      url: `/api/v1/visualizations/sample-patients?job_id=${jobId}&limit=4`,
    });
    expect(sample.json().data.patients.map((p: { id: number }) => p.id)).toEqual(
      all.slice(0, 4).map((p) => p.id),
    );
    const detail = await inject(b, {
      ...key,
      url: `/api/v1/visualizations/patient-detail/59?job_id=${jobId}`,
    });
    expect(detail.json()).toEqual(all[59]);
  });

  it('removes the files for every instance when the job is deleted through the other one', async () => {
    const { created } = await runJob(a, key, { configuration: { name: 'Deleted' }, total_patients: 3 });
    expect(await a.services.jobs.files.store.jobIds()).toContain(created.job_id);
    const deleted = await inject(b, { ...key, method: 'DELETE', url: `/api/v1/jobs/${created.job_id}` });
    expect(deleted.statusCode).toBeLessThan(300);
    expect(await a.services.jobs.files.store.jobIds()).not.toContain(created.job_id);
    expect(await a.services.jobs.files.store.size(created.job_id, 'patients.json')).toBeUndefined();
    expect((await inject(a, { ...key, url: `/api/v1/downloads/${created.job_id}` })).statusCode).toBe(404);
  });

  it.runIf(mode === 's3')('reports the object store in readiness', async () => {
    const res = await inject(b, { url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'healthy', checks: { file_store: 'ok' } });
  });

  it.runIf(mode === 's3')(
    'answers 503 with Retry-After when the object store is unreachable, and readiness says degraded',
    async () => {
      const cut = await startInstance(shared, dirs.at(-1)!, {
        ...s3!.env(BUCKET, 'shared/'),
        S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
      });
      try {
        await cut.services.jobs.stop();
        for (const url of [`/api/v1/downloads/${jobId}`, `/api/v1/jobs/${jobId}/results`]) {
          const res = await inject(cut, { ...key, url });
          expect(res.statusCode, url).toBe(503);
          expect(res.headers['retry-after'], url).toBe('5');
          expect(res.json().code, url).toBe('FILE_STORE_UNAVAILABLE');
        }
        // Still ready: everything but job files works, so a load balancer should keep the instance.
        const health = await inject(cut, { url: '/api/v1/health' });
        expect(health.statusCode).toBe(200);
        expect(health.json()).toMatchObject({
          status: 'degraded',
          checks: { file_store: 'down', database: 'ok' },
        });
      } finally {
        await cut.close();
      }
    },
  );
});

describe('a job whose files cannot be stored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        S3_BUCKET: 'milmed-unreachable',
        S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
        S3_REGION: 'us-east-1',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    });
  });
  afterAll(() => t.close());

  it('fails with a reason, leaves no spool, and offers nothing to download', async () => {
    const key = await personalKey(t);
    const created = await createJob(t, key, { configuration: { name: 'Unstored' }, total_patients: 5 });
    const { job } = await waitForJob(t, key, created.job_id);
    expect(job).toMatchObject({ status: 'failed', error: 'Generation failed: storing the files failed' });
    expect(entries(t.dataDir, 'spool')).toEqual([]);
    expect(entries(t.dataDir, 'jobs')).toEqual([]);
    const res = await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    expect(res.statusCode).toBe(409);
  });
});
