/**
 * Global setup of the security suite: clears the per-file counts before the run and, after it, prints
 * the table: requests sent, status codes, 5xx (goal 0), secrets found (goal 0).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STATS_DIR } from './helpers/attack-client.js';

interface FileStats {
  name: string;
  sent: number;
  statuses: Record<string, number>;
  secretsFound: number | null;
}

export default function setup(): () => void {
  rmSync(STATS_DIR, { recursive: true, force: true });
  return function printTable() {
    if (!existsSync(STATS_DIR)) return;
    const files = readdirSync(STATS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(STATS_DIR, f), 'utf8')) as FileStats);
    const statuses: Record<string, number> = {};
    let sent = 0;
    let secrets: number | null = null;
    for (const f of files) {
      sent += f.sent;
      for (const [code, n] of Object.entries(f.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
      if (f.secretsFound !== null) secrets = (secrets ?? 0) + f.secretsFound;
    }
    const fivexx = Object.entries(statuses)
      .filter(([code]) => Number(code) >= 500)
      .reduce((n, [, c]) => n + c, 0);
    const codes = Object.entries(statuses)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([code, n]) => `${code}: ${n}`)
      .join(', ');
    const rows: [string, string][] = [
      ['requests sent', String(sent)],
      ['status codes', codes],
      ['5xx (goal 0)', String(fivexx)],
      [
        'secrets found (goal 0)',
        secrets === null ? 'not searched (the search did not run)' : String(secrets),
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\nsecurity suite\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  };
}
