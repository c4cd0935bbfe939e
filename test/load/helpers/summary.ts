/** The suite's summary table: one column per phase, written to a file the global teardown prints. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { type LoadSummary, SUMMARY_FILE } from '../report-table.js';
import type { JobCounts } from './jobs.js';
import { limited, ok, type PhaseTally, quantile, serverError } from './traffic.js';

/** One phase of the run, as the table shows it. */
export interface Phase {
  name: string;
  tally: PhaseTally;
  seconds: number;
  jobs: JobCounts;
  counters?: string;
  recoverySeconds?: number;
  /** Times an instance logged that it lost Redis and decided from its own memory (or refused) meanwhile. */
  redisFallbacks?: number;
}

/** Writes the table's rows for the global teardown to print (report-table.ts). */
export function writeSummary(phases: Phase[], loadSeconds: number, faultSeconds: number): void {
  if (phases.length === 0) return;
  const cell = (f: (p: Phase) => string) => phases.map(f);
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1));
  const rows: string[][] = [
    ['duration (s)', ...cell((p) => p.seconds.toFixed(1))],
    ['requests sent', ...cell((p) => String(p.tally.sent))],
    ['successes (2xx)', ...cell((p) => String(p.tally.count(ok)))],
    ['429s', ...cell((p) => String(p.tally.count(limited)))],
    ['5xx (documented 503s only)', ...cell((p) => String(p.tally.count(serverError)))],
    ['contract violations', ...cell((p) => String(p.tally.violations.length + p.tally.networkErrors.length))],
    ['usage counters compared', ...cell((p) => p.counters ?? '-')],
    [
      'Redis lost (instance logs)',
      ...cell((p) => (p.redisFallbacks === undefined ? '-' : String(p.redisFallbacks))),
    ],
    ['GET /api/v1/keys/me p50 (ms)', ...cell((p) => ms(quantile(p.tally.latencies, 0.5)))],
    ['GET /api/v1/keys/me p99 (ms)', ...cell((p) => ms(quantile(p.tally.latencies, 0.99)))],
    [
      'recovered after (s)',
      ...cell((p) => (p.recoverySeconds === undefined ? '-' : p.recoverySeconds.toFixed(1))),
    ],
    ['jobs completed', ...cell((p) => String(p.jobs.completed))],
    [
      'longest completed job (s)',
      ...cell((p) => (p.jobs.longestSeconds === undefined ? '-' : p.jobs.longestSeconds.toFixed(1))),
    ],
    ['jobs retried (pg-boss redelivered)', ...cell((p) => String(p.jobs.retried))],
    ['jobs failed', ...cell((p) => String(p.jobs.failed))],
    ['jobs stuck', ...cell((p) => String(p.jobs.stuck))],
  ];
  const summary: LoadSummary = {
    title: `load and fault suite: 3 instances, PostgreSQL and Redis through proxies; load ${loadSeconds} s, outages ${faultSeconds} s`,
    columns: phases.map((p) => p.name),
    rows,
    reproduce: `Reproduce: LOAD_SECONDS=${loadSeconds} npm run test:load (with TEST_DATABASE_URL and TEST_REDIS_URL)`,
  };
  mkdirSync('.tmp', { recursive: true });
  writeFileSync(SUMMARY_FILE, JSON.stringify(summary));
}
