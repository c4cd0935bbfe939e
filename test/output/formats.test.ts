import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients, type Patient } from '../../src/generator/index.js';
import { writeJobOutputs, ZipArchive } from '../../src/output/index.js';
import { unzip } from '../api/helpers.js';
import { assertWellFormedXml } from './helpers.js';

const N = 300;
// Battle-heavy, so that 300 patients include deaths of wounds (the default is 14 % battle casualties).
const SCENARIO = { ...DEFAULT_SCENARIO, injury_mix: { DISEASE: 0.2, NON_BATTLE: 0.1, BATTLE_TRAUMA: 0.7 } };
const patients = (): Iterable<Patient> => generatePatients(SCENARIO, { seed: 'formats', count: N });
const dir = mkdtempSync(join(tmpdir(), 'milmed-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeJobOutputs', async () => {
  const progress: number[] = [];
  const files = await writeJobOutputs({
    patients: patients(),
    formats: ['json', 'csv', 'xml', 'xlsx', 'fhir'],
    dir,
    compress: false,
    seed: 'formats',
    onProgress: (n) => progress.push(n),
  });
  const byName = new Map(files.map((f) => [f.name, f]));

  it('writes one file per format with sizes and content types', () => {
    expect(files.map((f) => f.name)).toEqual([
      'patients.json',
      'patients.csv',
      'patients.xml',
      'patients.xlsx',
      'patients.fhir',
    ]);
    for (const f of files) expect(f.bytes).toBe(readFileSync(f.path).length);
    expect(byName.get('patients.fhir')?.contentType).toBe('application/fhir+json');
    expect(progress.at(-1)).toBe(N);
  });

  it('writes patients.json as a bare array, one patient per line', () => {
    const text = readFileSync(byName.get('patients.json')!.path, 'utf8');
    expect(text.startsWith('[\n{')).toBe(true);
    expect(text.endsWith('}\n]')).toBe(true);
    const parsed = JSON.parse(text) as Patient[];
    expect(parsed).toHaveLength(N);
    expect(text).toBe(`[\n${[...patients()].map((p) => JSON.stringify(p)).join(',\n')}\n]`);
  });

  it('writes the exact CSV header and one row per patient with real names and statuses', () => {
    const lines = readFileSync(byName.get('patients.csv')!.path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'patient_id,name,age,gender,nationality,injury,triage,front,final_status,last_facility,total_timeline_events,injury_timestamp,nato_triage,final_status_detail',
    );
    expect(lines).toHaveLength(N + 1);
    expect(lines.slice(1).every((l) => /,(KIA|RTD|Remains_Role4),/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('Unknown Unknown'))).toBe(false);
  });

  it('quotes CSV fields that contain commas', () => {
    const lines = readFileSync(byName.get('patients.csv')!.path, 'utf8').split('\n');
    expect(lines.slice(1, -1).every((l) => l.split(',').length === 14 || l.includes('"'))).toBe(true);
  });

  it('gives CSV rows the NATO triage and the KIA/DOW detail next to the viewer triage', () => {
    const lines = readFileSync(byName.get('patients.csv')!.path, 'utf8').trimEnd().split('\n').slice(1);
    const expected = [...patients()].map((p) => `,${p.triage_category},`);
    const tails = [...patients()].map((p) => `,${p.nato_triage},${p.final_status_detail}`);
    expect(lines.every((l, i) => l.includes(expected[i]!) && l.endsWith(tails[i]!))).toBe(true);
    const nato = new Set(lines.map((l) => l.split(',').at(-2)));
    expect([...nato].every((t) => ['T1', 'T2', 'T3', 'T4', 'DEAD'].includes(t!))).toBe(true);
    expect(nato.has('DEAD')).toBe(true);
    expect(lines.some((l) => l.endsWith(',DOW'))).toBe(true);
  });

  it('writes well-formed XML with one root', () => {
    const xml = readFileSync(byName.get('patients.xml')!.path, 'utf8');
    assertWellFormedXml(xml);
    expect(xml.match(/<patient>/g)).toHaveLength(N);
  });

  it('writes an XLSX that exceljs reads back with N data rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(byName.get('patients.xlsx')!.path);
    const sheet = wb.getWorksheet('Patients');
    expect(sheet?.rowCount).toBe(N + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('patient_id');
    expect(sheet?.getRow(2).getCell(1).value).toBe(0);
  });

  it('gives XLSX rows the NATO triage and the KIA/DOW detail after the original columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(byName.get('patients.xlsx')!.path);
    const sheet = wb.getWorksheet('Patients')!;
    // exceljs numbers cells from 1, so values[10] is column 10.
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(10, 17)).toEqual([
      'triage',
      'front',
      'final_status',
      'last_facility',
      'injury_timestamp',
      'nato_triage',
      'final_status_detail',
    ]);
    const all = [...patients()];
    for (let i = 0; i < N; i++) {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(10).value, row.getCell(15).value, row.getCell(16).value]).toEqual([
        all[i]!.triage_category,
        all[i]!.nato_triage,
        all[i]!.final_status_detail,
      ]);
    }
  });

  it('writes an archive holding every file, byte for byte, at its root', async () => {
    const sub = mkdtempSync(join(dir, 'zip-'));
    const archive = join(dir, 'zip.zip');
    const written = await writeJobOutputs({
      patients: patients(),
      formats: ['json', 'csv', 'xml', 'xlsx', 'fhir'],
      dir: sub,
      compress: false,
      seed: 'formats',
      archive: new ZipArchive(archive),
    });
    const entries = await unzip(readFileSync(archive));
    // The largest output streams into the archive as it is written, so it comes first.
    expect(Object.keys(entries)).toEqual([
      'patients.fhir',
      'patients.json',
      'patients.csv',
      'patients.xml',
      'patients.xlsx',
    ]);
    for (const f of written) expect(entries[f.name]?.equals(readFileSync(f.path)), f.name).toBe(true);
  });

  it('archives the compressed files as they are, without deflating them again', async () => {
    const sub = mkdtempSync(join(dir, 'zip-gz-'));
    const archive = join(dir, 'zip-gz.zip');
    const [json] = await writeJobOutputs({
      patients: patients(),
      formats: ['json'],
      dir: sub,
      compress: true,
      archive: new ZipArchive(archive),
    });
    const entries = await unzip(readFileSync(archive));
    expect(entries['patients.json.gz']?.equals(readFileSync(json!.path))).toBe(true);
    // A stored entry takes its own size plus headers; a deflated .gz would not match this closely.
    expect(readFileSync(archive).length - json!.bytes).toBeLessThan(300);
  });

  it('gzips each file when compress is set', async () => {
    const sub = mkdtempSync(join(dir, 'gz-'));
    const [json] = await writeJobOutputs({
      patients: patients(),
      formats: ['json'],
      dir: sub,
      compress: true,
    });
    expect(json?.name).toBe('patients.json.gz');
    expect(JSON.parse(gunzipSync(readFileSync(json!.path)).toString('utf8'))).toHaveLength(N);
  });

  it('stops and removes partial files when aborted', async () => {
    const sub = mkdtempSync(join(dir, 'abort-'));
    const controller = new AbortController();
    const archive = join(sub, 'out.zip');
    const run = writeJobOutputs({
      patients: patients(),
      formats: ['json', 'csv'],
      dir: sub,
      compress: false,
      archive: new ZipArchive(archive),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    controller.abort();
    await expect(run).rejects.toThrow();
    expect(() => readFileSync(join(sub, 'patients.json'))).toThrow();
    expect(() => readFileSync(archive)).toThrow();
  });
});
