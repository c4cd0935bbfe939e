import Table from 'cli-table3';
import pc from 'picocolors';
import { cliHost } from './host.js';

/**
 * Everything the CLI writes. Results go to stdout (a table for people, JSON
 * with `--json`); warnings and errors go to stderr. Colour only when stdout
 * is a terminal and NO_COLOR is unset (decided once, for the process: an in-process run in the tests
 * never writes to a terminal).
 */
export const colour = pc.createColors(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);

export function out(line = ''): void {
  cliHost().stdout(`${line}\n`);
}

export function err(line: string): void {
  cliHost().stderr(`${line}\n`);
}

/** Machine-readable output: one JSON document on stdout. */
export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

type Cell = string | number | null | undefined;

/** No rule between body rows: compact enough for a terminal. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function cell(value: Cell): string {
  return value === null || value === undefined ? '-' : String(value);
}

/** A table with a header row. */
export function printTable(head: string[], rows: Cell[][]): void {
  const table = new Table({
    head: head.map((h) => colour.bold(h)),
    style: { head: [], border: [] },
    chars: COMPACT,
  });
  for (const row of rows) table.push(row.map(cell));
  out(table.toString());
}

/** A two-column "field: value" table. */
export function printFields(fields: [string, Cell][]): void {
  const table = new Table({ style: { head: [], border: [] }, chars: COMPACT });
  for (const [name, value] of fields) table.push({ [colour.bold(name)]: cell(value) });
  out(table.toString());
}

export function success(message: string): void {
  out(`${colour.green('✔')} ${message}`);
}

export function note(message: string): void {
  out(`${colour.yellow('!')} ${message}`);
}

/** A date as ISO 8601 UTC, or `never`/`-`. */
export function when(date: Date | null, none = '-'): string {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : none;
}

export function limitText(value: number | null): string {
  return value === null ? 'unlimited' : String(value);
}
