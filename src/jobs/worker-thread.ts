import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Under tsx or vitest these modules are TypeScript, so a worker must load its entry through tsx too.
const fromSource = import.meta.url.endsWith('.ts');

/**
 * When this module runs as TypeScript, a directory of the compiled entries to start instead. The test
 * configuration points it at dist/jobs, which its global setup rebuilds whenever a source is newer: a
 * thread that loads TypeScript through tsx costs about 0.4 s more CPU at each start, and the suite
 * starts a few hundred.
 */
const builtEntries = fromSource ? process.env.MILMED_WORKER_ENTRIES_DIR : undefined;

/**
 * Starts the worker entry `<name>.ts|js` that sits next to this file, from source (tsx) or from the
 * compiled build alike.
 */
export function spawnWorker(name: string, options: WorkerOptions): Worker {
  if (!fromSource) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  if (builtEntries) return new Worker(pathToFileURL(join(builtEntries, `${name}.js`)), options);
  const url = new URL(`./${name}.ts`, import.meta.url);
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
    { ...options, eval: true },
  );
}
