/**
 * Admin CLI start-up: the median wall and CPU time of `npm run -s keys -- list` and of
 * `node dist/cli/main.js list`, run in turn against an embedded store holding three keys, with no
 * server running. CPU is the children's user + system time from /proc (Linux), which moves far less
 * than wall time on a busy machine. Builds dist/ first if a source changed.
 * Reproduce: npx tsx bench/cli.ts [--runs 10]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clamp, median } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = clamp(runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10, 1, 100);
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds used so far by this process's waited-for children (cutime + cstime). */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { wall, cpu: childrenCpuSeconds() - cpuBefore };
}

const dataDir = mkdtempSync(join(tmpdir(), 'milmed-bench-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
delete env.DATABASE_URL; // the embedded store, as an administrator without PostgreSQL has
delete env.REDIS_URL;
try {
  const cases = [
    { label: 'npm run -s keys -- list', command: 'npm', args: ['run', '-s', 'keys', '--', 'list'] },
    { label: 'node dist/cli/main.js list', command: process.execPath, args: ['dist/cli/main.js', 'list'] },
  ];
  // Builds dist/ if stale and creates the store, so no timed run pays for either.
  for (const name of ['first', 'second', 'third']) {
    run('npm', ['run', '-s', 'keys', '--', 'create', '--name', `bench ${name}`], env);
  }
  const loadBefore = loadavg()[0]!;
  const samples = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, index) => {
      const { wall, cpu } = run(c.command, c.args, env);
      samples[index]!.wall.push(wall);
      samples[index]!.cpu.push(cpu);
    });
  }
  console.log(`command                        wall (median)  CPU (median)   runs: ${runs}`);
  cases.forEach((c, index) => {
    const wall = median(samples[index]!.wall).toFixed(2);
    const cpu = median(samples[index]!.cpu).toFixed(2);
    console.log(`${c.label.padEnd(30)} ${`${wall} s`.padStart(12)}  ${`${cpu} s`.padStart(12)}`);
  });
  const ratio = median(samples[0]!.wall) / median(samples[1]!.wall);
  console.log(`npm / node wall ratio: ${ratio.toFixed(2)}`);
  console.log(`load average (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`);
  console.log('reproduce: npx tsx bench/cli.ts --runs 10');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
