import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** Small helpers the benchmarks share. */

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Requests per second, rounded, with thousands separators. */
export function fmt(rps: number): string {
  return Math.round(rps).toLocaleString('en-US');
}

/** A command-line number, rounded and kept within bounds (the minimum when it is not a number). */
export function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

export interface LoadRun {
  rps: number;
  /** Requests completed in the run. */
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * One autocannon run in its own process, so it never shares the server's event loop; bounded by its
 * duration plus a margin.
 */
export async function autocannon(
  url: string,
  options: { seconds: number; connections: number; headers?: string[] },
): Promise<LoadRun> {
  const args = [
    '--no-install',
    'autocannon',
    '-j',
    '-c',
    String(options.connections),
    '-d',
    String(options.seconds),
  ];
  const child = spawn('npx', [...args, ...(options.headers ?? []), url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), (options.seconds + 30) * 1000);
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const [code] = await once(child, 'exit');
  clearTimeout(killer);
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const result = JSON.parse(out) as {
    requests: { average: number; total: number };
    non2xx: number;
    errors: number;
  };
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The p-th percentile (0-100) by nearest rank; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
