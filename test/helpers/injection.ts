/**
 * Hostile strings for output-injection tests, and strict readers for the files they land in: csv-parse
 * with every line ending a spreadsheet accepts, exceljs, and the strict XML 1.0 parser saxes.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';

/** Front names an attacker would send: every dangerous first character, CR, LF, quotes, XML-illegal text. */
export const HOSTILE_NAMES = [
  "=cmd|' /C calc'!A0",
  '+1+cmd',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  'first\rsecond',
  'first\nsecond',
  'first\r\nsecond',
  'say "hi", then,leave',
  '＝1+1',
  'nul\u0000 bell\u0007 fffe\uFFFE lone\uD800 end',
  'plain <b> & </b>',
] as const;

/** What a spreadsheet evaluates when a cell starts with it (OWASP CSV injection, plus the full-width =). */
export const DANGEROUS_START = /^[=+\-@\t\r＝]/;

/** Records as Python's csv module or a spreadsheet sees them: LF, CRLF and a bare CR all end a record. */
export function readCsvRecords(text: string): string[][] {
  return parse(text, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true });
}

/** Addresses of formula cells and the values of one column (1-based), read back with exceljs. */
export async function readXlsx(source: string | Buffer, column: number) {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === 'string') await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const formulas: string[] = [];
  const values: unknown[] = [];
  const types = new Set<ExcelJS.ValueType>();
  sheet?.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(cell.address);
    });
    if (row.number > 1) types.add(row.getCell(column).type);
    values.push(row.getCell(column).value);
  });
  return { rowCount: sheet?.rowCount ?? 0, formulas, values, types };
}

/** Parses with saxes (strict XML 1.0, throws on any well-formedness error); counts and collects texts. */
export function readXml(xml: string, countTag: string, textTag: string) {
  const parser = new SaxesParser();
  let count = 0;
  let inText = false;
  const texts: string[] = [];
  parser.on('opentag', (tag) => {
    if (tag.name === countTag) count++;
    inText = tag.name === textTag;
  });
  parser.on('text', (text) => {
    if (inText) texts.push(text);
  });
  parser.on('closetag', () => {
    inText = false;
  });
  parser.write(xml).close();
  return { count, texts };
}
