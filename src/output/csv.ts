/** patients.csv: one summary row per patient, RFC 4180 quoting via csv-stringify. */
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
] as const;

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
  ];
}

export const csvFormat = {
  head: (): string => `${CSV_COLUMNS.join(',')}\n`,
  row: (p: Patient): string => stringify([csvRow(p)], { record_delimiter: '\n' }),
  tail: (): string => '',
};
