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
