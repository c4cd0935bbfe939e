import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients } from '../../src/generator/index.js';
import {
  DecryptionError,
  decryptBuffer,
  decryptFile,
  HEADER_BYTES,
  writeJobOutputs,
} from '../../src/output/index.js';

const dir = mkdtempSync(join(tmpdir(), 'milmed-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const patients = () => generatePatients(DEFAULT_SCENARIO, { seed: 'enc', count: 40 });
const PASSWORD = 'correct horse battery';

describe('encrypted outputs', async () => {
  const plain = await writeJobOutputs({
    patients: patients(),
    formats: ['json'],
    dir: mkdtempSync(join(dir, 'p-')),
    compress: false,
  });
  const expected = readFileSync(plain[0]!.path);
  const [enc] = await writeJobOutputs({
    patients: patients(),
    formats: ['json'],
    dir: mkdtempSync(join(dir, 'e-')),
    compress: false,
    password: PASSWORD,
  });
  const [gzEnc] = await writeJobOutputs({
    patients: patients(),
    formats: ['json'],
    dir: mkdtempSync(join(dir, 'g-')),
    compress: true,
    password: PASSWORD,
  });

  it('names files <name>[.gz].enc and writes the documented header', () => {
    expect(enc?.name).toBe('patients.json.enc');
    expect(gzEnc?.name).toBe('patients.json.gz.enc');
    const data = readFileSync(enc!.path);
    expect(data.subarray(0, 4).toString('ascii')).toBe('MMPE');
    expect([...data.subarray(4, 9)]).toEqual([1, 1, 17, 8, 1]);
    expect(data.length).toBe(HEADER_BYTES + expected.length + 16);
  });

  it('round-trips through decryptBuffer', () => {
    expect(decryptBuffer(readFileSync(enc!.path), PASSWORD).equals(expected)).toBe(true);
  });

  it('round-trips gzip-then-encrypt through decryptFile', async () => {
    const out = join(dir, 'roundtrip.json.gz');
    await decryptFile(gzEnc!.path, out, PASSWORD);
    expect(gunzipSync(readFileSync(out)).equals(expected)).toBe(true);
  });

  it('uses a fresh salt and IV per job', () => {
    const a = readFileSync(enc!.path).subarray(9, HEADER_BYTES);
    const b = readFileSync(gzEnc!.path).subarray(9, HEADER_BYTES);
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(false);
    expect(a.subarray(16).equals(b.subarray(16))).toBe(false);
  });

  it('derives one key for all the files of a job: they share its salt, and each has an IV of its own and opens alone', async () => {
    const files = await writeJobOutputs({
      patients: patients(),
      formats: ['json', 'csv', 'xml', 'fhir', 'xlsx'],
      dir: mkdtempSync(join(dir, 'all-')),
      compress: false,
      password: PASSWORD,
    });
    const headers = files.map((f) => readFileSync(f.path).subarray(0, HEADER_BYTES));
    const hex = (from: number, to: number) =>
      new Set(headers.map((h) => h.subarray(from, to).toString('hex')));
    expect(files).toHaveLength(5);
    expect(hex(9, 25).size).toBe(1);
    expect(hex(25, HEADER_BYTES).size).toBe(5);
    const json = files.find((f) => f.name === 'patients.json.enc')!;
    expect(decryptBuffer(readFileSync(json.path), PASSWORD).equals(expected)).toBe(true);
    const csv = files.find((f) => f.name === 'patients.csv.enc')!;
    expect(decryptBuffer(readFileSync(csv.path), PASSWORD).toString('utf8')).toMatch(/^patient_id,/);
  });

  it('throws DecryptionError for a wrong password, from a buffer and from a file', async () => {
    expect(() => decryptBuffer(readFileSync(enc!.path), 'wrong password')).toThrow(DecryptionError);
    expect(() => decryptBuffer(readFileSync(enc!.path), 'wrong password')).toThrow(
      'Wrong password or corrupted file',
    );
    const out = join(dir, 'never.json');
    await expect(decryptFile(enc!.path, out, 'wrong password')).rejects.toThrow(DecryptionError);
    expect(() => readFileSync(out)).toThrow();
  });

  it('detects a tampered ciphertext', () => {
    const data = Buffer.from(readFileSync(enc!.path));
    data[HEADER_BYTES + 3] = (data[HEADER_BYTES + 3] ?? 0) ^ 1;
    expect(() => decryptBuffer(data, PASSWORD)).toThrow(DecryptionError);
  });
});
