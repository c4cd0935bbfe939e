#!/usr/bin/env node
// `node scripts/run-built.mjs cli/main.js args…`: builds dist/ first if a source changed (see
// build-if-stale.mjs), then runs dist/<entry> in this same process, so `npm run keys` starts one
// Node process after npm instead of two.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, staleReason } from './build-if-stale.mjs';

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run-built.mjs <entry under dist/> [args…]\n');
  process.exit(2);
}
const reason = staleReason();
if (reason && build(reason) !== 0) process.exit(1);
const target = join(fileURLToPath(new URL('..', import.meta.url)), 'dist', entry);
// The entry reads its arguments from process.argv[2…], as when it is run directly.
process.argv.splice(1, 2, target);
await import(pathToFileURL(target).href);
