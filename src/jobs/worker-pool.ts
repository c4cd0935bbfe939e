import { Worker } from 'node:worker_threads';
import type { GenerationResult, GenerationTask } from './generation-task.js';

/** A running generation; `cancel()` stops its thread at once. */
export interface RunningGeneration {
  result: Promise<GenerationResult>;
  cancel(): Promise<void>;
}

// Under tsx or vitest this module is TypeScript, so the worker registers tsx's loader first.
const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './generation-worker.ts' : './generation-worker.js', import.meta.url);

/** Runs one task in its own worker thread, reporting progress as patients are written. */
export function startGeneration(
  task: GenerationTask,
  onProgress: (generated: number) => void,
): RunningGeneration {
  const worker = fromSource
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`,
        { eval: true, workerData: task },
      )
    : new Worker(workerUrl, { workerData: task });
  const result = new Promise<GenerationResult>((resolve, reject) => {
    worker.on(
      'message',
      (message: { type: string; generated?: number; result?: GenerationResult; message?: string }) => {
        if (message.type === 'progress') onProgress(message.generated ?? 0);
        else if (message.type === 'done') resolve(message.result!);
        else if (message.type === 'error') reject(new Error(message.message));
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`generation worker exited with code ${code}`)));
  });
  return {
    result: result.finally(() => void worker.terminate()),
    async cancel() {
      await worker.terminate();
    },
  };
}
