/**
 * Generation benchmark. Each case runs in a fresh child process so peak RSS figures are comparable:
 *   gen   – generate patients into a null sink (no serialisation)
 *   json  – writeJobOutputs to a temp dir, format json, with the patient index (what a job writes)
 *   fhir  – writeJobOutputs to a temp dir, format fhir (skipped above 100,000 patients)
 *   job   – with --job: a json job through JobService (embedded store, worker thread, ZIP), the
 *           path an API job takes; RSS is the whole process, worker thread included
 * for 10,000 patients and --patients N (default 100,000) of the default scenario.
 *
 * The cases run the compiled build (dist/, built first when stale), as `npm start` and the job
 * workers do; `--source` runs the TypeScript through tsx instead, which is slower (tsx keeps
 * function names by wrapping every closure it creates).
 *
 * The gen, json and fhir cases run with the old-generation heap limit of a generation worker
 * (GENERATION_HEAP_MB), so their memory behaves as in a job.
 *
 * Wall-clock rates depend on the machine's load; CPU seconds (user + system, every thread of the
 * case's process) and the rates per CPU second are steadier on a busy machine, so both are printed.
 *
 * `--baseline DIR` also runs every case on the build in DIR/dist (another commit's, compiled inside the
 * repository so its imports resolve), each right after the same case on this build, and prints the
 * rates of this build as ratios of the baseline's. A baseline of commit C:
 *   mkdir -p .tmp/base && git archive C src drizzle tsconfig.json | tar -x -C .tmp/base && npx tsc -p .tmp/base
 *
 * Reproduce: npm run bench:generate [-- --patients 1000000] [-- --job] [-- --source] [-- --baseline .tmp/base]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GENERATION_HEAP_MB } from '../src/jobs/worker-pool.js';

interface Modules {
  db: typeof import('../src/db/index.js');
  generator: typeof import('../src/generator/index.js');
  jobs: typeof import('../src/jobs/index.js');
  output: typeof import('../src/output/index.js');
}

/** The modules measured: from dist/ (what production runs), from src/ through tsx, or from another build. */
async function loadModules(fromSource: boolean, otherDist?: string): Promise<Modules> {
  const url = (name: string): string =>
    otherDist
      ? `${pathToFileURL(otherDist).href}/${name}/index.js`
      : new URL(`${fromSource ? '../src' : '../dist'}/${name}/index.js`, import.meta.url).href;
  return {
    db: await import(url('db')),
    generator: await import(url('generator')),
    jobs: await import(url('jobs')),
    output: await import(url('output')),
  };
}

let m: Modules;

type Mode = 'gen' | 'json' | 'fhir' | 'job';

interface Result {
  /** `baseline` for a case run on the --baseline build. */
  build?: 'baseline';
  mode: Mode;
  n: number;
  seconds: number;
  cpuSeconds: number;
  baselineMb: number;
  peakMb: number;
  bytes: number;
}

const SMALL = 10_000;
const mb = (b: number): number => b / 1048576;

/** Samples RSS every 20 ms and on demand; `peak` is the largest seen. */
function rssSampler() {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 20);
  return {
    baseline,
    sample,
    stop(): number {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

async function writeCase(mode: 'json' | 'fhir', n: number, onProgress: () => void): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'milmed-bench-'));
  try {
    const files = await m.output.writeJobOutputs({
      patients: m.generator.generatePatients(m.generator.DEFAULT_SCENARIO, { seed: 'bench', count: n }),
      formats: [mode],
      dir,
      compress: false,
      seed: 'bench',
      index: mode === 'json',
      onProgress,
    });
    return files.reduce((a, f) => a + f.bytes, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One json job through JobService on an in-memory embedded store, as the API runs it. `onReady` is
 * called once the store is open (PGlite alone takes about 550 MB), just before the job is created.
 */
async function jobCase(n: number, onReady: () => void): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'milmed-bench-job-'));
  const quiet = { info() {}, warn() {}, error() {} };
  const { JobRepository, JobService } = m.jobs;
  const { SYSTEM_OWNER } = m.db;
  const database = await m.db.openEmbedded({}, quiet);
  try {
    await m.db.runMigrations(database);
    const jobs = new JobService(
      new JobRepository(database.db),
      { dataDir, concurrency: 1, retentionHours: 1 },
      () => new Date(),
      quiet,
      () => {},
    );
    await jobs.start();
    onReady();
    const job = await jobs.create({
      owner: SYSTEM_OWNER,
      scenario: m.generator.DEFAULT_SCENARIO,
      config: {},
      seed: 'bench',
      count: n,
      formats: ['json'],
      compress: false,
      priority: 'normal',
    });
    let row = await jobs.get(job.id, SYSTEM_OWNER);
    while (row && (row.status === 'pending' || row.status === 'running')) {
      await jobs.changed();
      row = await jobs.get(job.id, SYSTEM_OWNER);
    }
    await jobs.stop();
    if (row?.status !== 'completed') throw new Error(`bench job ended ${row?.status}: ${row?.error}`);
    return (row.outputFiles as { bytes: number }[]).reduce((a, f) => a + f.bytes, 0);
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runCase(mode: Mode, n: number): Promise<Result> {
  let rss = rssSampler();
  let started = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  let bytes = 0;
  if (mode === 'gen') {
    for (const p of m.generator.generatePatients(m.generator.DEFAULT_SCENARIO, { seed: 'bench', count: n })) {
      bytes += p.id >= 0 ? 0 : 1;
      if (p.id % 5000 === 0) rss.sample();
    }
  } else if (mode === 'job') {
    bytes = await jobCase(n, () => {
      rss.stop();
      rss = rssSampler();
      started = process.hrtime.bigint();
      cpu = process.cpuUsage();
    });
  } else {
    bytes = await writeCase(mode, n, () => rss.sample());
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const peak = rss.stop();
  return {
    mode,
    n,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    baselineMb: mb(rss.baseline),
    peakMb: mb(peak),
    bytes,
  };
}

const SINKS: Record<Mode, string> = {
  gen: 'null sink',
  json: 'writeJobOutputs + index',
  fhir: 'writeJobOutputs',
  job: 'JobService job + ZIP',
};

function print(results: Result[], big: number): void {
  const col = (s: string | number, w: number): string => String(s).padStart(w);
  const sink = (r: Result): string => (r.build ? `${SINKS[r.mode]} (base)` : SINKS[r.mode]);
  const width = Math.max(24, ...results.map((r) => sink(r).length));
  console.log(
    `mode  ${'sink'.padEnd(width)} patients  seconds  patients/s  CPU s  patients/CPU-s  peak RSS MB  growth MB  output MB`,
  );
  for (const r of results) {
    console.log(
      `${r.mode.padEnd(5)} ${sink(r).padEnd(width)} ${col(r.n, 8)} ${col(r.seconds.toFixed(2), 8)} ${col(Math.round(r.n / r.seconds), 11)} ${col(r.cpuSeconds.toFixed(2), 6)} ${col(Math.round(r.n / r.cpuSeconds), 15)} ${col(r.peakMb.toFixed(1), 12)} ${col((r.peakMb - r.baselineMb).toFixed(1), 10)} ${col(mb(r.bytes).toFixed(1), 10)}`,
    );
  }
  const find = (mode: Mode, n: number) => results.find((r) => r.mode === mode && r.n === n && !r.build);
  for (const base of results.filter((r) => r.build)) {
    const r = find(base.mode, base.n);
    if (!r) continue;
    console.log(
      `${r.mode} ${r.n}: this build ${Math.round(r.n / r.seconds)}/s against the baseline's ${Math.round(base.n / base.seconds)}/s:` +
        ` ${(base.seconds / r.seconds).toFixed(2)}x by wall clock, ${(base.cpuSeconds / r.cpuSeconds).toFixed(2)}x by CPU`,
    );
  }
  const gen = find('gen', big);
  const json = find('json', big);
  if (gen && json) {
    console.log(
      `${big} patients: generator only ${Math.round(big / gen.seconds)}/s, JSON end to end ${Math.round(big / json.seconds)}/s` +
        ` (JSON/generator ${(gen.seconds / json.seconds).toFixed(2)} by wall clock, ${(gen.cpuSeconds / json.cpuSeconds).toFixed(2)} by CPU)`,
    );
  }
  // Growth is peak minus the case's own baseline, compared between sizes: the job case's baseline
  // holds the embedded store, whose footprint varies by tens of MB from one start to the next.
  for (const mode of ['gen', 'json', 'fhir', 'job'] as const) {
    const small = find(mode, SMALL);
    const large = find(mode, big);
    if (small && large && big !== SMALL) {
      const growth = (r: Result): number => r.peakMb - r.baselineMb;
      console.log(
        `${mode}: RSS growth ${growth(large).toFixed(1)} MB at ${big} vs ${growth(small).toFixed(1)} MB at ${SMALL}: ${(growth(large) - growth(small)).toFixed(1)} MB more`,
      );
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      case: { type: 'string' },
      patients: { type: 'string', default: '100000' },
      job: { type: 'boolean', default: false },
      source: { type: 'boolean', default: false },
      baseline: { type: 'string' },
      dist: { type: 'string' },
    },
  });
  if (values.case) {
    m = await loadModules(values.source, values.dist);
    const [mode, n] = values.case.split(':');
    console.log(JSON.stringify(await runCase(mode as Mode, Number(n))));
    return;
  }
  const big = Number(values.patients);
  if (!Number.isInteger(big) || big < 1) throw new Error('--patients takes a positive integer');
  const modes: Mode[] = ['gen', 'json'];
  if (big <= 100_000) modes.push('fhir');
  if (values.job) modes.push('job');
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const self = fileURLToPath(import.meta.url);
  if (!values.source) {
    const build = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
    execFileSync(process.execPath, [build], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const baseline = values.baseline ? join(values.baseline, 'dist') : undefined;
  const results: Result[] = [];
  for (const mode of modes) {
    for (const n of big === SMALL ? [SMALL] : [SMALL, big]) {
      // The in-process cases get the heap limit a job's worker thread has (the job case sets it itself).
      const heap = mode === 'job' ? [] : [`--max-old-space-size=${GENERATION_HEAP_MB}`];
      const args = [
        ...heap,
        '--import',
        'tsx',
        self,
        `--case=${mode}:${n}`,
        ...(values.source ? ['--source'] : []),
      ];
      const run = (extra: string[]): Result => {
        const out = execFileSync(process.execPath, [...args, ...extra], { encoding: 'utf8' });
        return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result;
      };
      results.push(run([]));
      if (baseline) results.push({ ...run([`--dist=${baseline}`]), build: 'baseline' });
    }
  }
  print(results, big);
  console.log(
    `load average at start: ${load}; at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `reproduce: npm run bench:generate -- --patients ${big}${values.job ? ' --job' : ''}${values.source ? ' --source' : ''}${values.baseline ? ` --baseline ${values.baseline}` : ''} (${values.source ? 'src/ through tsx' : 'the compiled build'}; one child process per case; the generator and writer are single-threaded)`,
  );
}

await main();
