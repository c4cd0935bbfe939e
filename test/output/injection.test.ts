/**
 * Formula and row injection through client strings (front names) into the CSV, XLSX and XML files.
 * Each file is read back with a real reader: csv-parse, exceljs, and the strict XML parser saxes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, generatePatients, type Scenario } from '../../src/generator/index.js';
import { csvFormat } from '../../src/output/csv.js';
import { writeJobOutputs } from '../../src/output/index.js';
import { DANGEROUS_START, HOSTILE_NAMES, readCsvRecords, readXlsx, readXml } from '../helpers/injection.js';

const N = 260;
const scenario: Scenario = {
  ...DEFAULT_SCENARIO,
  fronts: HOSTILE_NAMES.map((name, i) => ({
    id: `f${i}`,
    name,
    casualty_rate: 1 / HOSTILE_NAMES.length,
    nations: [{ code: 'USA', weight: 1 }],
    domain: 'land' as const,
  })),
};
const patients = [...generatePatients(scenario, { seed: 'injection', count: N })];
const dir = mkdtempSync(join(tmpdir(), 'milmed-injection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = await writeJobOutputs({
  patients,
  formats: ['csv', 'xml', 'xlsx'],
  dir,
  compress: false,
  seed: 'injection',
});
const path = (name: string) => files.find((f) => f.name === name)?.path ?? '';

describe('patients.csv with hostile front names', () => {
  const records = readCsvRecords(readFileSync(path('patients.csv'), 'utf8'));
  const frontColumn = 7;

  it('has exactly one record per patient plus the header, each with 14 fields', () => {
    expect(records).toHaveLength(N + 1);
    expect(records.every((r) => r.length === 14)).toBe(true);
  });

  it('starts no cell with =, +, -, @, tab or CR', () => {
    const live = records.flat().filter((cell) => DANGEROUS_START.test(cell));
    expect(live).toEqual([]);
  });

  it('prefixes a dangerous front name with a single quote and keeps the rest of it', () => {
    const fronts = new Set(records.slice(1).map((r) => r[frontColumn]));
    for (const name of HOSTILE_NAMES.filter((n) => DANGEROUS_START.test(n))) {
      expect(fronts, JSON.stringify(name)).toContain(`'${name}`);
    }
    for (const name of ['first\rsecond', 'first\nsecond', 'first\r\nsecond', 'say "hi", then,leave']) {
      expect(fronts, JSON.stringify(name)).toContain(name);
    }
  });

  it('writes a negative number as a number, and only a text cell that looks like one gets the quote', () => {
    const row = csvFormat.row({ ...patients[0]!, age: -3, front: '-3' });
    const [cells] = readCsvRecords(row);
    expect(cells?.[2]).toBe('-3');
    expect(cells?.[frontColumn]).toBe("'-3");
  });
});

describe('patients.xlsx with hostile front names', () => {
  const read = readXlsx(path('patients.xlsx'), 11);
  read.catch(() => undefined);

  it('opens, with one row per patient', async () => {
    expect((await read).rowCount).toBe(N + 1);
  });

  it('holds no formula: a front name such as =cmd|… is a string cell with its text intact', async () => {
    const { formulas, values, types } = await read;
    expect(formulas).toEqual([]);
    expect([...types]).toEqual([ExcelJS.ValueType.String]);
    for (const name of ["=cmd|' /C calc'!A0", '+1+cmd', '@SUM(1+1)', 'first\nsecond']) {
      expect(values, JSON.stringify(name)).toContain(name);
    }
  });
});

describe('patients.xml with hostile front names', () => {
  it('is well-formed for a strict XML 1.0 parser, with one patient per record', () => {
    const { count, texts } = readXml(readFileSync(path('patients.xml'), 'utf8'), 'patient', 'front');
    expect(count).toBe(N);
    expect(texts).toContain("=cmd|' /C calc'!A0");
    expect(texts).toContain('plain <b> & </b>');
    // Forbidden characters dropped, the lone surrogate replaced.
    expect(texts).toContain('nul bell fffe lone\uFFFD end');
  });
});
