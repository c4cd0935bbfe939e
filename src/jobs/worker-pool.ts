import type { GenerationResult, GenerationTask } from './generation-task.js';
import { spawnWorker } from './worker-thread.js';

/** A running generation; `cancel()` stops its thread at once. */
export interface RunningGeneration {
  result: Promise<GenerationResult>;
  cancel(): Promise<void>;
}

/**
 * The old-generation heap limit of a generation worker, in MB. A job's live heap does not grow with its
 * size (about 25 MB at 1M patients, most of it the day's casualty plan), but V8 sizes the heap to the
 * allocation rate, so an uncapped worker's RSS kept growing over a long job. A job that needs more
 * fails with the worker's out-of-memory error instead of taking the server's memory.
 */
export const GENERATION_HEAP_MB = 256;

/** Runs one task in its own worker thread, reporting progress as patients are written. */
export function startGeneration(
  task: GenerationTask,
  onProgress: (generated: number) => void,
): RunningGeneration {
  const resourceLimits = { maxOldGenerationSizeMb: GENERATION_HEAP_MB };
  const worker = spawnWorker('generation-worker', { workerData: task, resourceLimits });
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
