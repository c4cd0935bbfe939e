import { Worker, type WorkerOptions } from 'node:worker_threads';

// Under tsx or vitest these modules are TypeScript, so the worker registers tsx's loader first.
const fromSource = import.meta.url.endsWith('.ts');

/**
 * Starts the worker entry `<name>.ts|js` that sits next to this file, from source (tsx) or from the
 * compiled build alike.
 */
export function spawnWorker(name: string, options: WorkerOptions): Worker {
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, import.meta.url);
  if (!fromSource) return new Worker(url, options);
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
    { ...options, eval: true },
  );
}
