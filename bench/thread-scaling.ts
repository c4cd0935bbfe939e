/**
 * Can one job use two cores? Generating and JSON-encoding N patients (what a JSON job's thread does, less
 * the file) in one worker thread, against two worker threads or two child processes that take half the
 * patients each, at once. Patient i is the same in any range (`generatePatients` start/end), so the
 * halves are exactly the work of the whole. A pure arithmetic loop, in one thread and in two, shows how
 * far the machine's cores scale on work that touches little memory.
 *
 * Rounds are interleaved, so each ratio compares runs made a few seconds apart on a noisy machine.
 * Runs the compiled build (dist/, built first when stale).
 *
 * Reproduce: npx tsx bench/thread-scaling.ts [--patients 40000] [--rounds 3]
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '40000' },
    rounds: { type: 'string', default: '3' },
  },
});
const patients = Number(values.patients);
const rounds = Number(values.rounds);

const dist = new URL('../dist/generator/index.js', import.meta.url).href;

/**
 * The work of one share, as a CommonJS script for a worker thread (`eval`) or a child process (`-e`):
 * it reads its share from `SHARE` and prints nothing until it is done, then its own seconds.
 */
const SHARE_SCRIPT = `
const share = JSON.parse(process.env.SHARE ?? require('node:worker_threads').workerData);
const done = (seconds) => {
  const { parentPort } = require('node:worker_threads');
  if (parentPort) parentPort.postMessage(seconds);
  else process.stdout.write(String(seconds));
};
const started = performance.now();
if (share.kind === 'arithmetic') {
  let x = 0;
  for (let i = 0; i < share.iterations; i++) x += Math.sqrt(i) * Math.sin(i);
  done((performance.now() - started) / 1000 + (x === 0.5 ? 1 : 0));
} else {
  import(${JSON.stringify(dist)}).then(({ DEFAULT_SCENARIO, generatePatients }) => {
    const chunk = Buffer.allocUnsafe(512 * 1024);
    let used = 0;
    const range = { seed: 'scaling', count: share.count, start: share.start, end: share.end };
    for (const p of generatePatients(DEFAULT_SCENARIO, range)) {
      const row = JSON.stringify(p);
      if (chunk.length - used < row.length * 3) used = 0;
      used += chunk.write(row, used);
    }
    done((performance.now() - started) / 1000);
  });
}`;

interface Share {
  kind: 'patients' | 'arithmetic';
  count?: number;
  start?: number;
  end?: number;
  iterations?: number;
}

async function inThread(share: Share): Promise<void> {
  const worker = new Worker(SHARE_SCRIPT, { eval: true, workerData: JSON.stringify(share) });
  await once(worker, 'message');
  await worker.terminate();
}

async function inProcess(share: Share): Promise<void> {
  const child = spawn(process.execPath, ['-e', SHARE_SCRIPT], {
    env: { ...process.env, SHARE: JSON.stringify(share) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`share process exited with ${code}`);
}

/** Wall seconds for the shares run at once, each in `run`. */
async function wall(shares: Share[], run: (share: Share) => Promise<void>): Promise<number> {
  const started = performance.now();
  await Promise.all(shares.map(run));
  return (performance.now() - started) / 1000;
}

const half = Math.floor(patients / 2);
const whole: Share = { kind: 'patients', count: patients, start: 0, end: patients };
const halves: Share[] = [
  { kind: 'patients', count: patients, start: 0, end: half },
  { kind: 'patients', count: patients, start: half, end: patients },
];
const arithmetic: Share = { kind: 'arithmetic', iterations: 20_000_000 };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const build = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
  execFileSync(process.execPath, [build], { stdio: ['ignore', 'ignore', 'inherit'] });
  const load = loadavg().map((l) => l.toFixed(2));
  const ratios: Record<'threads' | 'processes' | 'arithmetic', number[]> = {
    threads: [],
    processes: [],
    arithmetic: [],
  };
  for (let round = 1; round <= rounds; round++) {
    const one = await wall([whole], inThread);
    const twoThreads = await wall(halves, inThread);
    const twoProcesses = await wall(halves, inProcess);
    const oneLoop = await wall([arithmetic], inThread);
    const twoLoops = await wall([arithmetic, arithmetic], inThread);
    ratios.threads.push(one / twoThreads);
    ratios.processes.push(one / twoProcesses);
    // Two loops do twice the work of one: their speed-up is twice the time of one over the time of two.
    ratios.arithmetic.push((2 * oneLoop) / twoLoops);
    console.log(
      `round ${round}: ${patients} patients in one thread ${one.toFixed(2)} s; halves in two threads ` +
        `${twoThreads.toFixed(2)} s, in two processes ${twoProcesses.toFixed(2)} s; arithmetic one loop ` +
        `${oneLoop.toFixed(2)} s, two loops at once ${twoLoops.toFixed(2)} s`,
    );
  }
  console.log(`\nspeed-up from a second core (medians of ${rounds} rounds; 2.00 would be perfect):`);
  console.log(
    `  patients, generated and JSON-encoded, two threads:    ${median(ratios.threads).toFixed(2)}x`,
  );
  console.log(
    `  patients, generated and JSON-encoded, two processes:  ${median(ratios.processes).toFixed(2)}x`,
  );
  console.log(
    `  arithmetic loop, two threads:                         ${median(ratios.arithmetic).toFixed(2)}x`,
  );
  console.log(
    `load average at start: ${load.join(' ')}; at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `node ${process.version}; reproduce: npx tsx bench/thread-scaling.ts --patients ${patients} --rounds ${rounds}`,
  );
}

await main();
