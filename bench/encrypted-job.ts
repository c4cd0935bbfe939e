/**
 * What an encrypted job costs to write (src/output/write-job-outputs.ts): --jobs jobs of --patients
 * patients in all five formats with a password, through the compiled writer of this build and, with
 * `--baseline DIR`, of the build in DIR/dist (another commit's, compiled as for bench:generate), the two
 * alternating job by job so the machine's drift falls on both. Prints the median wall time and CPU time
 * per job, and this build's as a ratio of the baseline's.
 *
 *   npm run -s build && npx tsx bench/encrypted-job.ts [--jobs 7] [--patients 200] [--baseline .tmp/base]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './stats.js';

const { values: args } = parseArgs({
  options: {
    jobs: { type: 'string', default: '7' },
    patients: { type: 'string', default: '200' },
    baseline: { type: 'string' },
  },
});
const jobs = Number(args.jobs);
const patients = Number(args.patients);

type Build = {
  name: string;
  write: (opts: object) => Promise<unknown>;
  generate: (options: object) => Iterable<unknown>;
};
async function load(name: string, dist: string): Promise<Build> {
  const { writeJobOutputs } = await import(new URL(`${dist}/output/index.js`, import.meta.url).href);
  const { generatePatients, DEFAULT_SCENARIO } = await import(
    new URL(`${dist}/generator/index.js`, import.meta.url).href
  );
  return { name, write: writeJobOutputs, generate: (options) => generatePatients(DEFAULT_SCENARIO, options) };
}

const builds = [await load('this build', join(process.cwd(), 'dist'))];
if (args.baseline) builds.push(await load('baseline', join(process.cwd(), args.baseline, 'dist')));

const dir = mkdtempSync(join(tmpdir(), 'milmed-encrypted-job-'));
const times = new Map(builds.map((b) => [b.name, { wall: [] as number[], cpu: [] as number[] }]));
try {
  for (let i = 0; i < jobs; i++) {
    for (const build of i % 2 ? [...builds].reverse() : builds) {
      // Patients drawn before the clock starts: the figure is the writing, encryption included.
      const drawn = [...build.generate({ seed: `enc-${i}`, count: patients })];
      const cpu = process.cpuUsage();
      const started = performance.now();
      await build.write({
        patients: drawn,
        formats: ['json', 'csv', 'xml', 'fhir', 'xlsx'],
        dir: mkdtempSync(join(dir, `${build.name.replace(' ', '-')}-${i}-`)),
        compress: false,
        password: 'correct horse battery staple',
      });
      const used = process.cpuUsage(cpu);
      times.get(build.name)!.wall.push(performance.now() - started);
      times.get(build.name)!.cpu.push((used.user + used.system) / 1000);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`encrypted job, 5 formats, ${patients} patients, ${jobs} jobs per build (median per job)`);
for (const [name, t] of times)
  console.log(
    `${name.padEnd(10)}  wall ${median(t.wall).toFixed(0).padStart(6)} ms  CPU ${median(t.cpu).toFixed(0).padStart(6)} ms`,
  );
const base = times.get('baseline');
const mine = times.get('this build')!;
if (base)
  console.log(
    `this build / baseline: wall ${(median(mine.wall) / median(base.wall)).toFixed(2)}x, CPU ${(median(mine.cpu) / median(base.cpu)).toFixed(2)}x`,
  );
console.log(
  `reproduce: npx tsx bench/encrypted-job.ts --jobs ${jobs} --patients ${patients}${args.baseline ? ` --baseline ${args.baseline}` : ''}`,
);
