import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecryptionError, decryptBuffer } from '../../src/output/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { HTTP_BACKENDS } from '../helpers/database.js';
import { type Client, downloadZip, inject, personalKey, runJob } from './helpers.js';

const ALL_FORMATS = ['json', 'csv', 'xlsx', 'xml', 'fhir'];

/** Checks each format's plain content; `n` is the patient count. */
function expectValidContent(files: Record<string, Buffer>, n: number) {
  const patients = JSON.parse(files.json!.toString());
  expect(patients).toHaveLength(n);
  expect(files.csv!.toString().trim().split('\n')).toHaveLength(n + 1);
  const xml = files.xml!.toString();
  expect(xml.match(/<\?xml /g)).toHaveLength(1);
  expect(files.xlsx!.subarray(0, 2).toString()).toBe('PK');
  const fhir = files.fhir!.toString();
  const resources =
    fhir.trimStart().startsWith('{"resourceType":"Bundle"') || fhir.includes('"Bundle"')
      ? JSON.parse(fhir).entry.map((e: { resource: unknown }) => e.resource)
      : fhir
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
  expect(resources.filter((r: { resourceType: string }) => r.resourceType === 'Patient')).toHaveLength(n);
  return patients;
}

describe.each(HTTP_BACKENDS)('output formats and encryption over the API on %s', (backend) => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('gzips every one of the five formats inside the ZIP when compression is asked for', async () => {
    const { created, job } = await runJob(t, key, {
      configuration: { name: 'compressed' },
      total_patients: 6,
      output_formats: ALL_FORMATS,
      use_compression: true,
    });
    const entries = await downloadZip(t, key, created.job_id);
    const names = [
      'patients.json.gz',
      'patients.csv.gz',
      'patients.xlsx.gz',
      'patients.xml.gz',
      'patients.fhir.gz',
    ];
    expect(Object.keys(entries).sort()).toEqual([...names].sort());
    expect([...job.output_files].sort()).toEqual([...names].sort());
    const plain = Object.fromEntries(ALL_FORMATS.map((f) => [f, gunzipSync(entries[`patients.${f}.gz`]!)]));
    expectValidContent(plain, 6);
    // No plain JSON to serve: ?format=json says so rather than failing.
    expect(
      (await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}?format=json` })).statusCode,
    ).toBe(400);
  });

  it('writes every format uncompressed and ?format=json returns the ZIP’s array', async () => {
    const { created } = await runJob(t, key, {
      configuration: { name: 'plain' },
      total_patients: 5,
      output_formats: ALL_FORMATS,
    });
    const entries = await downloadZip(t, key, created.job_id);
    const plain = Object.fromEntries(ALL_FORMATS.map((f) => [f, entries[`patients.${f}`]!]));
    const patients = expectValidContent(plain, 5);
    const asJson = await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}?format=json` });
    expect(asJson.statusCode).toBe(200);
    expect(asJson.headers['content-type']).toMatch(/application\/json/);
    expect(asJson.json()).toEqual(patients);
    expect(asJson.body).toBe(entries['patients.json']!.toString());
  });

  it('really encrypts: the ZIP holds *.enc files that the password opens and a wrong one does not', async () => {
    const password = 'exercise-password-1';
    const { created } = await runJob(t, key, {
      configuration: { name: 'secret' },
      total_patients: 4,
      output_formats: ['json', 'csv'],
      use_compression: true,
      use_encryption: true,
      encryption_password: password,
    });
    const entries = await downloadZip(t, key, created.job_id);
    expect(Object.keys(entries).sort()).toEqual(['patients.csv.gz.enc', 'patients.json.gz.enc']);
    const sealed = entries['patients.json.gz.enc']!;
    expect(sealed.includes(Buffer.from('nationality'))).toBe(false);
    const patients = JSON.parse(gunzipSync(decryptBuffer(sealed, password)).toString());
    expect(patients).toHaveLength(4);
    expect(() => decryptBuffer(sealed, 'not-the-password')).toThrow(DecryptionError);
  });

  it('encrypts uncompressed files too', async () => {
    const password = 'another-password';
    const { created } = await runJob(t, key, {
      configuration: { name: 'secret plain' },
      total_patients: 3,
      use_encryption: true,
      encryption_password: password,
    });
    const entries = await downloadZip(t, key, created.job_id);
    expect(Object.keys(entries)).toEqual(['patients.json.enc']);
    expect(JSON.parse(decryptBuffer(entries['patients.json.enc']!, password).toString())).toHaveLength(3);
  });
});
