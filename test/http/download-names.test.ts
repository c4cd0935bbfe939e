import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiFallback, attachmentDisposition } from '../../src/http/content-disposition.js';
import { type Client, inject, personalKey, runJob } from '../api/helpers.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** The `filename*` value of a Content-Disposition header, decoded (RFC 8187). */
function extendedName(header: string): string {
  const match = /filename\*=UTF-8''([^;\s]+)/.exec(header);
  if (!match?.[1]) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(match[1]);
}

/** The quoted `filename` of a Content-Disposition header. */
function plainName(header: string): string {
  const match = /filename="([^"]*)"/.exec(header);
  if (!match) throw new Error(`no filename in ${header}`);
  return match[1] ?? '';
}

describe('download file names', () => {
  let t: TestApp;
  let key: Client;
  beforeAll(async () => {
    t = await buildTestApp();
    key = await personalKey(t);
  });
  afterAll(() => t.close());

  it('sends a job name with umlauts, quotes and a slash exactly in filename*, and safe ASCII in filename', async () => {
    const name = 'Übung Nord "Alpha"/Bravo';
    const { created } = await runJob(t, key, { configuration: { name, total_patients: 1 } });
    const res = await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    expect(res.statusCode).toBe(200);
    const header = String(res.headers['content-disposition']);
    expect(header).toMatch(/^attachment; /);
    expect(extendedName(header)).toBe(`${name}_${created.job_id}.zip`);
    expect(plainName(header)).toBe(`Ubung Nord AlphaBravo_${created.job_id}.zip`);
    // The header itself is plain ASCII, as HTTP requires.
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it('falls back to patient_data_<job_id>.zip when no letter of the name survives in ASCII', async () => {
    const { created } = await runJob(t, key, { configuration: { name: '演習', total_patients: 1 } });
    const res = await inject(t, { ...key, url: `/api/v1/downloads/${created.job_id}` });
    const header = String(res.headers['content-disposition']);
    expect(plainName(header)).toBe(`patient_data_${created.job_id}.zip`);
    expect(extendedName(header)).toBe(`演習_${created.job_id}.zip`);
  });
});

describe('attachmentDisposition', () => {
  it('drops control characters and lone surrogates and percent-encodes what RFC 8187 does not allow', () => {
    const header = attachmentDisposition("a\u0007b\ud800 (it's)*.zip");
    expect(header).toBe(`attachment; filename="ab (its).zip"; filename*=UTF-8''ab%20%28it%27s%29%2A.zip`);
  });

  it('spells out letters that have no accent to drop', () => {
    expect(asciiFallback('Straße Ærø Łódź \\ back')).toBe('Strasse AEro Lodz back');
  });
});
