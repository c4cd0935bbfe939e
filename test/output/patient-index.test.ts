import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients } from '../../src/generator/index.js';
import {
  MAX_RECORDS_PER_READ,
  readStoredPatients,
  type WriteJobOptions,
  writeJobOutputs,
} from '../../src/output/index.js';

const N = 250;
const root = mkdtempSync(join(tmpdir(), 'milmed-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
/** Writes a job's outputs into a fresh directory and returns it with the files listed. */
async function write(options: Partial<WriteJobOptions>, count = N) {
  const dir = join(root, String(dirs++));
  mkdirSync(dir);
  const files = await writeJobOutputs({
    patients: generatePatients(DEFAULT_SCENARIO, { seed: 'index', count }),
    formats: ['json'],
    dir,
    compress: false,
    seed: 'index',
    index: true,
    ...options,
  });
  return { dir, files: files.map((f) => f.name) };
}

describe('the stored patient index', () => {
  it('reads any range of patients.json back exactly as the file holds it', async () => {
    const { dir, files } = await write({});
    expect(files).toEqual(['patients.json']);
    const all = JSON.parse(readFileSync(join(dir, 'patients.json'), 'utf8'));
    expect(await readStoredPatients(dir, 0, 3)).toEqual({ total: N, patients: all.slice(0, 3) });
    expect(await readStoredPatients(dir, 117, 118)).toEqual({ total: N, patients: [all[117]] });
    expect((await readStoredPatients(dir, N - 2, N + 50))?.patients).toEqual(all.slice(N - 2));
    expect((await readStoredPatients(dir, N, N + 1))?.patients).toEqual([]);
  });

  it('reads only the requested rows: a corrupt first row does not stop patient 200 being read', async () => {
    const { dir } = await write({});
    const path = join(dir, 'patients.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `[\n#${text.slice(3)}`); // same length, row 0 no longer JSON
    expect((await readStoredPatients(dir, 200, 201))?.patients[0]).toMatchObject({ id: 200 });
    await expect(readStoredPatients(dir, 0, 1)).rejects.toThrow(SyntaxError);
  });

  it('keeps a plain, unlisted copy when patients.json is compressed or not asked for', async () => {
    for (const options of [{ compress: true }, { formats: ['csv' as const] }]) {
      const { dir, files } = await write(options);
      expect(files.some((f) => f.startsWith('records'))).toBe(false);
      expect(existsSync(join(dir, 'records.json'))).toBe(true);
      const page = await readStoredPatients(dir, 5, 7);
      expect(page?.total).toBe(N);
      expect(page?.patients.map((p) => p.id)).toEqual([5, 6]);
    }
  });

  it('writes nothing in the clear for an encrypted job', async () => {
    const { dir, files } = await write({ password: 'index-password', formats: ['json', 'csv'] });
    expect(files).toEqual(['patients.json.enc', 'patients.csv.enc']);
    expect(existsSync(join(dir, 'patients.idx'))).toBe(false);
    expect(existsSync(join(dir, 'records.json'))).toBe(false);
    expect(await readStoredPatients(dir, 0, 1)).toBeUndefined();
  });

  it('counts an empty job as zero patients', async () => {
    const { dir } = await write({}, 0);
    expect(await readStoredPatients(dir, 0, 10)).toEqual({ total: 0, patients: [] });
  });

  it('answers undefined when the files are gone, and refuses reads over the bound', async () => {
    const { dir } = await write({});
    await expect(readStoredPatients(dir, 0, MAX_RECORDS_PER_READ + 1)).rejects.toThrow(RangeError);
    rmSync(join(dir, 'patients.json'));
    expect(await readStoredPatients(dir, 0, 1)).toBeUndefined();
    rmSync(dir, { recursive: true });
    expect(await readStoredPatients(dir, 0, 1)).toBeUndefined();
  });
});
