/**
 * Generation benchmark. Each case runs in a fresh child process so peak RSS figures are comparable:
 *   gen   – generate patients into a null sink (no serialisation)
 *   json  – writeJobOutputs to a temp dir, format json
 *   fhir  – writeJobOutputs to a temp dir, format fhir
 * for 10,000 and 100,000 patients of the default scenario.
 * Reproduce: npx tsx bench/generate.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO, generatePatients } from '../src/generator/index.js';
import { writeJobOutputs } from '../src/output/index.js';

interface Result {
  mode: string;
  n: number;
  seconds: number;
  perSecond: number;
  baselineMb: number;
  peakMb: number;
  bytes: number;
}

async function runCase(mode: string, n: number): Promise<Result> {
  const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const patients = generatePatients(DEFAULT_SCENARIO, { seed: 'bench', count: n });
  const started = process.hrtime.bigint();
  let bytes = 0;
  if (mode === 'gen') {
    for (const p of patients) {
      bytes += p.id >= 0 ? 1 : 0;
      if (p.id % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'milmed-bench-'));
    try {
      const files = await writeJobOutputs({
        patients,
        formats: [mode as 'json' | 'fhir'],
        dir,
        compress: false,
        seed: 'bench',
        onProgress: () => {
          peak = Math.max(peak, process.memoryUsage().rss);
        },
      });
      bytes = files.reduce((a, f) => a + f.bytes, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    mode,
    n,
    seconds,
    perSecond: Math.round(n / seconds),
    baselineMb: mb(baseline),
    peakMb: mb(peak),
    bytes,
  };
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg?.startsWith('--case=')) {
    const [mode, n] = arg.slice(7).split(':');
    console.log(JSON.stringify(await runCase(mode ?? 'json', Number(n))));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  for (const mode of ['gen', 'json', 'fhir']) {
    for (const n of [10_000, 100_000]) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, `--case=${mode}:${n}`], {
        encoding: 'utf8',
      });
      results.push(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result);
    }
  }
  console.log('mode  sink                 patients  seconds  patients/s  peak RSS MB  growth MB  output MB');
  for (const r of results) {
    const sink = r.mode === 'gen' ? 'null sink' : 'temp dir (writeJobOutputs)';
    console.log(
      `${r.mode.padEnd(5)} ${sink.padEnd(26)} ${String(r.n).padStart(8)} ${r.seconds.toFixed(2).padStart(8)} ${String(r.perSecond).padStart(11)} ${r.peakMb.toFixed(1).padStart(12)} ${(r.peakMb - r.baselineMb).toFixed(1).padStart(10)} ${(r.bytes / 1048576).toFixed(1).padStart(10)}`,
    );
  }
  for (const mode of ['gen', 'json', 'fhir']) {
    const small = results.find((r) => r.mode === mode && r.n === 10_000);
    const large = results.find((r) => r.mode === mode && r.n === 100_000);
    if (small && large)
      console.log(`${mode}: peak RSS 100k/10k = ${(large.peakMb / small.peakMb).toFixed(2)}`);
  }
  console.log('reproduce: npx tsx bench/generate.ts (one child process per case; single-threaded)');
}

await main();
