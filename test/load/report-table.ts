/**
 * Global setup of the load and fault suite: builds dist/ when a source changed (the suite runs the
 * built server), clears the last summary, and after the run prints the table the test file wrote:
 * requests, successes, 429s, 5xx, counters compared, latency, recovery and jobs, per phase.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

export const SUMMARY_FILE = '.tmp/load-summary.json';

export interface LoadSummary {
  title: string;
  columns: string[];
  rows: string[][];
  reproduce: string;
}

export default function setup(): () => void {
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { encoding: 'utf8' });
  if (build.status !== 0)
    process.stderr.write(`load suite: the build reported errors:\n${build.stdout}${build.stderr}\n`);
  if (!existsSync('dist/main.js')) throw new Error('load suite: the build did not produce dist/main.js');
  rmSync(SUMMARY_FILE, { force: true });
  return function printTable() {
    if (!process.env.TEST_DATABASE_URL || !process.env.TEST_REDIS_URL)
      console.log(
        '\nload suite SKIPPED: it needs TEST_DATABASE_URL and TEST_REDIS_URL (README, "Load and fault suite")\n',
      );
    if (!existsSync(SUMMARY_FILE)) return;
    const summary = JSON.parse(readFileSync(SUMMARY_FILE, 'utf8')) as LoadSummary;
    console.log(`\n${formatTable(summary)}\n`);
  };
}

/** The summary as a fixed-width text table (the README shows it as printed). */
export function formatTable(summary: LoadSummary): string {
  const all = [['', ...summary.columns], ...summary.rows];
  const widths = all[0]!.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [summary.title, ...all.map(line), summary.reproduce].join('\n');
}
