/**
 * patients.csv: one summary row per patient, RFC 4180 quoting via csv-stringify, hardened against
 * formula and row injection (OWASP "CSV Injection"): front names come from the client.
 */
import { stringify } from 'csv-stringify/sync';
import type { Patient } from '../generator/index.js';

export const CSV_COLUMNS = [
  'patient_id',
  'name',
  'age',
  'gender',
  'nationality',
  'injury',
  'triage',
  'front',
  'final_status',
  'last_facility',
  'total_timeline_events',
  'injury_timestamp',
  // Added after the original twelve, so readers that go by position keep working. `triage` is the
  // viewer's T1–T3 (expectant and dead shown as T1); these carry the NATO category and KIA vs DOW.
  'nato_triage',
  'final_status_detail',
] as const;

// A spreadsheet evaluates a cell that starts with one of these (the full-width forms too, which some
// locales convert): = + - @ tab CR.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Makes a text cell inert: a leading `'` turns a would-be formula into text (OWASP's advice).
 * Only strings are touched, so numbers, negative ones included, stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvRow(p: Patient): unknown[] {
  return [
    p.id,
    `${p.demographics.given_name} ${p.demographics.family_name}`,
    p.age,
    p.gender,
    p.nationality,
    p.injury_type,
    p.triage_category,
    p.front,
    p.final_status,
    p.last_facility,
    p.movement_timeline.length,
    p.injury_timestamp,
    p.nato_triage,
    p.final_status_detail,
  ];
}

const STRINGIFY_OPTIONS = {
  record_delimiter: '\n',
  cast: { string: neutraliseFormula },
  // csv-stringify quotes a field holding the delimiter, a quote or the record delimiter (LF), but not
  // a bare CR, which readers take as a line break: one cell could forge rows. Quote all of them, tabs
  // too, and every neutralised cell, as OWASP advises.
  quoted_match: /[\r\n",\t]|^'/,
};

export const csvFormat = {
  head: (): string => `${CSV_COLUMNS.join(',')}\n`,
  row: (p: Patient): string => stringify([csvRow(p)], STRINGIFY_OPTIONS),
  tail: (): string => '',
};
