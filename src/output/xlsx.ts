/**
 * patients.xlsx through exceljs's streaming WorkbookWriter: rows are committed as they come. Text goes in
 * as string cells, so a front name such as `=cmd|...` is shown, never evaluated; it is made XML-safe,
 * because exceljs writes U+FFFE or a lone surrogate as is and the sheet would no longer open.
 */
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Patient } from '../generator/index.js';
import { xmlSafeText } from './xml.js';

// exceljs takes a few hundred ms of CPU to load; it is loaded the first time a job asks for XLSX,
// not by every generation worker.
const require = createRequire(import.meta.url);
let excel: typeof ExcelJS | undefined;

const COLUMNS = [
  { header: 'patient_id', key: 'id', width: 10 },
  { header: 'given_name', key: 'given', width: 16 },
  { header: 'family_name', key: 'family', width: 18 },
  { header: 'age', key: 'age', width: 6 },
  { header: 'gender', key: 'gender', width: 8 },
  { header: 'nationality', key: 'nationality', width: 10 },
  { header: 'rank', key: 'rank', width: 26 },
  { header: 'injury_type', key: 'injury', width: 15 },
  { header: 'primary_condition', key: 'condition', width: 30 },
  { header: 'triage', key: 'triage', width: 7 },
  { header: 'front', key: 'front', width: 16 },
  { header: 'final_status', key: 'status', width: 14 },
  { header: 'last_facility', key: 'facility', width: 12 },
  { header: 'injury_timestamp', key: 'injured', width: 22 },
  // After the original columns: `triage` stays the viewer's T1–T3; these add NATO triage and KIA vs DOW.
  { header: 'nato_triage', key: 'natoTriage', width: 11 },
  { header: 'final_status_detail', key: 'statusDetail', width: 19 },
];

export interface XlsxSink {
  add(p: Patient): void;
  finish(): Promise<void>;
}

export function createXlsxSink(out: Writable): XlsxSink {
  excel ??= require('exceljs') as typeof ExcelJS;
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Patients');
  sheet.columns = COLUMNS;
  return {
    add(p) {
      sheet
        .addRow({
          id: p.id,
          given: p.demographics.given_name,
          family: p.demographics.family_name,
          age: p.age,
          gender: p.gender,
          nationality: p.nationality,
          rank: p.rank,
          injury: p.injury_type,
          condition: p.primary_condition.display,
          triage: p.triage_category,
          front: xmlSafeText(p.front),
          status: p.final_status,
          facility: p.last_facility,
          injured: p.injury_timestamp,
          natoTriage: p.nato_triage,
          statusDetail: p.final_status_detail,
        })
        .commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
