import { setFlagsFromString } from 'node:v8';

/**
 * A CLI command lives about a second, but V8 would also compile PGlite's WebAssembly (all of
 * PostgreSQL) with its optimising tier on background threads: work a short command never gets
 * back, measured at about 0.3 s of the 1.1 s of CPU `list` took (bench/cli.ts). The baseline
 * compiler alone is enough. The flag is process-wide and read when WebAssembly is compiled, so it
 * is set before PGlite loads; the long-running server keeps the optimising tier.
 */
export function compileWasmForAShortRun(): void {
  setFlagsFromString('--liftoff-only');
}
