#!/usr/bin/env node
// Builds dist/ with tsc, and the web pages (web/ → dist/web) with Vite, only when a source is newer
// than its output, so `npm start`, `npm run keys` and the other run scripts start at once on a built
// checkout. Stale means: some src/**/*.ts has no dist/**/*.js, or is newer than it, or tsconfig.json
// is newer than the oldest output; for the pages, some file under web/ is newer than
// dist/web/index.html. Exits with the first failing build's status.
// Flags: --force builds anyway (`npm run build`); --warn-only exits 0 even when tsc
// reports errors (`prepare`: an install must not fail on a type error; tsc still emits).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const flags = new Set(process.argv.slice(2));

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, suffix));
    else if (entry.name.endsWith(suffix)) found.push(path);
  }
  return found;
}

/** The first reason dist/ is out of date, or undefined when it is fresh. */
export function staleReason() {
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return 'dist/ does not exist';
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const source of filesUnder(src, '.ts')) {
    if (source.endsWith('.d.ts')) continue;
    const output = join(dist, relative(src, source)).replace(/\.ts$/, '.js');
    if (!existsSync(output)) return `${relative(root, output)} is missing`;
    const outputTime = statSync(output).mtimeMs;
    if (statSync(source).mtimeMs > outputTime) return `${relative(root, source)} changed`;
    oldestOutput = Math.min(oldestOutput, outputTime);
  }
  if (statSync(join(root, 'tsconfig.json')).mtimeMs > oldestOutput) return 'tsconfig.json changed';
  return undefined;
}

export function build(reason) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write(`build: ${reason}, but typescript is not installed (npm ci installs it)\n`);
    return 1;
  }
  process.stderr.write(`build: ${reason}; running tsc\n`);
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  return result.status ?? 1;
}

/** The first reason dist/web is out of date, or undefined when it is fresh. */
function staleWebReason() {
  const built = join(root, 'dist', 'web', 'index.html');
  if (!existsSync(built)) return 'dist/web does not exist';
  const builtTime = statSync(built).mtimeMs;
  const changed = filesUnder(join(root, 'web'), '').find((file) => statSync(file).mtimeMs > builtTime);
  return changed ? `${relative(root, changed)} changed` : undefined;
}

function buildWeb(reason) {
  let vite;
  try {
    vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    // A production install (`npm ci --omit=dev`) has no Vite: the API runs, `/` redirects to the docs.
    process.stderr.write(`build: ${reason}, but vite is not installed; the web pages are not built\n`);
    return 0;
  }
  process.stderr.write(`build: ${reason}; running vite build\n`);
  const config = join(root, 'web', 'vite.config.ts');
  const result = spawnSync(process.execPath, [vite, 'build', '-c', config], { stdio: 'inherit', cwd: root });
  return result.status ?? 1;
}

/**
 * Writes the prepared embedded data directory (dist/pglite-template-<version>/) when dist/ has
 * none, so that a first start on a new DATA_DIR skips initdb (src/db/embedded-template.ts). A failure
 * here is only reported: without the template, the first start runs initdb as before.
 */
function prepareTemplate() {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'cli', 'prepare-template.js'))) return;
  const entries = readdirSync(dist, { withFileTypes: true });
  if (entries.some((e) => e.isDirectory() && e.name.startsWith('pglite-template-'))) return;
  const result = spawnSync(process.execPath, [join(dist, 'cli', 'prepare-template.js')], {
    stdio: 'inherit',
  });
  if (result.status !== 0)
    process.stderr.write('build: no embedded database template; a first start runs initdb\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const force = flags.has('--force');
  const reason = force ? 'build requested' : staleReason();
  const webReason = force ? 'build requested' : staleWebReason();
  const status = (reason ? build(reason) : 0) || (webReason ? buildWeb(webReason) : 0);
  prepareTemplate();
  process.exitCode = flags.has('--warn-only') ? 0 : status;
}
