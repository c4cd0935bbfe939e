import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { DEFAULT_SCENARIO, generatePatients, parseScenario } from '../../src/generator/index.js';
import { JobRepository } from '../../src/jobs/index.js';
import { decryptBuffer } from '../../src/output/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { BACKENDS } from '../helpers/database.js';
import { type Client, downloadZip, inject, personalKey, runJob, waitForJob } from './helpers.js';

const SEED = 'enc-seed-7f3a19c2d4';
const PASSWORD = 'enc-password-91c2b8e0';
const CONFIGURATION = { name: 'Encrypted exercise', total_patients: 6 };

/** Every row of every table, as JSON text: where a secret stored in the clear would show. */
async function allRows(database: Database): Promise<string> {
  const tables = ['jobs', 'configurations', 'api_keys', 'usage_counts', 'daily_quota'];
  const out: string[] = [];
  for (const table of tables) {
    const result = (await database.db.execute(
      `SELECT row_to_json(t)::text AS row FROM ${table} t`,
    )) as unknown as {
      rows: { row: string }[];
    };
    out.push(...result.rows.map((r) => r.row));
  }
  return out.join('\n');
}

/** Every file under a directory, concatenated. */
function allFiles(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isFile())
      .map((path) => readFileSync(path)),
  );
}

describe.each(BACKENDS)('encrypted jobs on %s', (backend) => {
  let t: TestApp;
  let key: Client & { id: string };
  let plainId: string;
  let encryptedId: string;
  let createdSeed: unknown;

  beforeAll(async () => {
    t = await buildTestApp({ backend });
    key = await personalKey(t);
    plainId = (await runJob(t, key, { configuration: CONFIGURATION, seed: 'plain-seed' })).created.job_id;
    const encrypted = await runJob(t, key, {
      configuration: CONFIGURATION,
      output_formats: ['json', 'csv', 'fhir'],
      seed: SEED,
      use_encryption: true,
      encryption_password: PASSWORD,
    });
    encryptedId = encrypted.created.job_id;
    createdSeed = encrypted.created.seed;
  });
  afterAll(() => t.close());

  const patientRoutes = (jobId: string) => [
    `/api/v1/jobs/${jobId}/results`,
    `/api/v1/visualizations/sample-patients?job_id=${jobId}`,
    `/api/v1/visualizations/patient-detail/0?job_id=${jobId}`,
  ];

  it('answers 403 with the standard body on every route that serves patients', async () => {
    for (const url of [...patientRoutes(encryptedId), '/api/v1/visualizations/sample-patients']) {
      const res = await inject(t, { ...key, url });
      expect(res.statusCode, url).toBe(403);
      expect(res.json(), url).toEqual({
        error: 'Forbidden',
        code: 'FORBIDDEN',
        detail: `Job ${encryptedId} is encrypted: download it and decrypt it with your password`,
        timestamp: expect.any(String),
        request_id: expect.any(String),
      });
      expect(res.body).not.toContain('nationality');
    }
    for (const url of patientRoutes(plainId))
      expect((await inject(t, { ...key, url })).statusCode, url).toBe(200);
  });

  it('never shows the seed: not on creation, in the job, in the list, nor in its config', async () => {
    expect(createdSeed).toBeNull();
    const job = (await inject(t, { ...key, url: `/api/v1/jobs/${encryptedId}` })).json();
    expect(job).toMatchObject({ status: 'completed', seed: null, encrypted: true });
    expect(job.config).not.toHaveProperty('seed');
    expect(job.config).toMatchObject({
      name: 'Encrypted exercise',
      use_encryption: true,
      encryption_password: null,
    });
    const list = (await inject(t, { ...key, url: '/api/v1/jobs/' })).json();
    expect(list.find((j: { job_id: string }) => j.job_id === encryptedId)).toMatchObject({
      seed: null,
      encrypted: true,
    });
    expect(JSON.stringify(list)).not.toContain(SEED);
    const plain = (await inject(t, { ...key, url: `/api/v1/jobs/${plainId}` })).json();
    expect(plain).toMatchObject({ seed: 'plain-seed', encrypted: false, config: { seed: 'plain-seed' } });
  });

  it('keeps neither the seed nor the password in the database, the logs or the job files', async () => {
    const rows = await allRows(t.services.database);
    expect(rows).toContain(encryptedId);
    expect(rows).toContain('plain-seed'); // the search sees what is stored
    expect(rows).not.toContain(SEED);
    expect(rows).not.toContain(PASSWORD);
    const logs = t.logs.join('\n');
    expect(logs).toContain(encryptedId);
    expect(logs).not.toContain(SEED);
    expect(logs).not.toContain(PASSWORD);
    const files = allFiles(t.dataDir);
    expect(files.includes('nationality')).toBe(true); // the plain job's patients: the search reads them
    expect(files.includes(SEED)).toBe(false);
    expect(files.includes(PASSWORD)).toBe(false);
    const own = readdirSync(join(t.dataDir, 'jobs', encryptedId)).sort();
    expect(own).toEqual(['patients.csv.enc', 'patients.fhir.enc', 'patients.json.enc']);
  });

  it('generates from the seed it was given, held in memory: the password opens exactly those patients', async () => {
    const entries = await downloadZip(t, key, encryptedId);
    const decrypted = JSON.parse(decryptBuffer(entries['patients.json.enc']!, PASSWORD).toString());
    const parsed = parseScenario(CONFIGURATION);
    if (!parsed.ok) throw new Error('configuration');
    const expected = [
      ...generatePatients({ ...parsed.scenario, total_patients: 6 }, { seed: SEED, count: 6 }),
    ];
    expect(decrypted).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('fails an encrypted job whose seed and password this process does not hold (lost in a restart)', async () => {
    const repository = new JobRepository(t.services.database.db);
    const orphan = await repository.create({
      id: randomUUID(),
      ownerKeyId: key.id,
      ownerSubject: '',
      status: 'pending',
      seed: null,
      totalPatients: 3,
      config: CONFIGURATION,
      scenario: DEFAULT_SCENARIO,
      outputFormats: ['json'],
      useEncryption: true,
      createdAt: t.clock.now(),
    });
    await t.services.jobs.tick();
    // The embedded store fails it at once, at the claim. On PostgreSQL no instance claims an encrypted
    // job it does not hold; the orphan sweep fails it once its heartbeat is older than 6 intervals.
    t.clock.advance(3_600_000);
    await t.services.jobs.sweepOrphans();
    const { job } = await waitForJob(t, key, orphan.id);
    expect(job).toMatchObject({ status: 'failed', seed: null, encrypted: true });
    expect(job.error).toMatch(/kept only in memory and was lost/);
    // Refused because it is encrypted, whatever its status.
    expect((await inject(t, { ...key, url: `/api/v1/jobs/${orphan.id}/results` })).statusCode).toBe(403);
  });
});
