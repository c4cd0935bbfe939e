/**
 * What keeping generation threads warm between jobs saves (src/jobs/warm-worker-pool.ts): runs --jobs
 * jobs of --patients patients (JSON and CSV), one after another, through the compiled job code, first
 * with a new thread for every job (no thread kept idle), then with one warm thread. Prints the median
 * wall time per job, the process's CPU time per job (threads included), the process's RSS a second after
 * the last job (the warm thread still idle), and warm against cold.
 *
 *   npm run -s build && npx tsx bench/warm-threads.ts [--jobs 20] [--patients 500]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './stats.js';

const { values: args } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20' },
    patients: { type: 'string', default: '500' },
  },
});
const jobs = Number(args.jobs);
const patients = Number(args.patients);

// The compiled modules, as the server runs them: their threads start from dist/jobs, without the tsx
// loader this script runs under (threads inherit the process's execArgv).
process.execArgv.splice(0);
const { generationThreads, startGeneration } = await import(
  new URL('../dist/jobs/worker-pool.js', import.meta.url).href
);
const { parseScenario } = await import(new URL('../dist/generator/index.js', import.meta.url).href);
const parsed = parseScenario({ total_patients: patients });
if (!parsed.ok) throw new Error('default scenario did not parse');

async function run(maxIdle: number): Promise<{ wallMs: number; cpuMs: number; idleRssMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'milmed-warm-threads-'));
  const threads = generationThreads(maxIdle);
  const walls: number[] = [];
  const cpu = process.cpuUsage();
  let idleRssMb = 0;
  try {
    for (let i = 0; i < jobs; i++) {
      const started = performance.now();
      await startGeneration(
        threads,
        {
          jobId: `job-${i}`,
          scenario: parsed.scenario,
          seed: `warm-${i}`,
          count: patients,
          formats: ['json', 'csv'],
          dir: join(dir, `job-${i}`),
          compress: false,
        },
        () => {},
      ).result;
      walls.push(performance.now() - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    idleRssMb = process.memoryUsage().rss / 1e6;
  } finally {
    await threads.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const used = process.cpuUsage(cpu);
  // The second's wait is idle: it adds nothing to the CPU time.
  return { wallMs: median(walls), cpuMs: (used.user + used.system) / 1000 / jobs, idleRssMb };
}

const cold = await run(0);
const warm = await run(1);
const row = (name: string, r: { wallMs: number; cpuMs: number; idleRssMb: number }) =>
  `${name.padEnd(28)} ${r.wallMs.toFixed(0).padStart(9)} ${r.cpuMs.toFixed(0).padStart(10)} ${r.idleRssMb.toFixed(0).padStart(12)}`;
console.log(`${jobs} jobs of ${patients} patients (JSON and CSV), one after another`);
console.log(
  `${'threads'.padEnd(28)} ${'median ms'.padStart(9)} ${'CPU ms/job'.padStart(10)} ${'idle RSS MB'.padStart(12)}`,
);
console.log(row('a new thread per job', cold));
console.log(row('one warm thread', warm));
console.log(
  `warm/cold: wall ${(warm.wallMs / cold.wallMs).toFixed(2)}x, CPU ${(warm.cpuMs / cold.cpuMs).toFixed(2)}x, idle RSS +${(warm.idleRssMb - cold.idleRssMb).toFixed(0)} MB`,
);
