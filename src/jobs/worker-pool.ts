import type { GenerationResult, GenerationTask } from './generation-task.js';
import { WarmWorkerPool } from './warm-worker-pool.js';

/** A running generation; `cancel()` stops its thread at once. */
export interface RunningGeneration {
  result: Promise<GenerationResult>;
  cancel(): Promise<void>;
}

/** The one message a generation thread receives per task (generation-worker.ts). */
export type GenerationFromParent = { type: 'run'; task: GenerationTask };
/** What a generation thread reports: progress while it runs, then its result or its error. */
export type GenerationToParent =
  | { type: 'progress'; generated: number }
  | { type: 'done'; result: GenerationResult }
  | { type: 'error'; message: string };

/**
 * The old-generation heap limit of a generation worker, in MB. A job's live heap does not grow with its
 * size (about 25 MB at 1M patients, most of it the day's casualty plan), but V8 sizes the heap to the
 * allocation rate, so an uncapped worker's RSS kept growing over a long job. A job that needs more
 * fails with the worker's out-of-memory error instead of taking the server's memory.
 */
export const GENERATION_HEAP_MB = 256;

/**
 * The largest job whose thread is kept for the next: a thread's start is most of a small job's cost and
 * little of a big one's, while the heap it keeps grows with the job (`npx tsx bench/warm-threads.ts
 * --patients 5000`: about 130 MB more RSS idle, against 100 MB after 500-patient jobs).
 */
export const WARM_AFTER_PATIENTS = 5_000;

/** Generation threads kept warm between jobs: at most `maxIdle` wait, one per job slot is enough. */
export function generationThreads(maxIdle: number, idleMs?: number): WarmWorkerPool {
  return new WarmWorkerPool(
    'generation-worker',
    maxIdle,
    { resourceLimits: { maxOldGenerationSizeMb: GENERATION_HEAP_MB } },
    idleMs,
  );
}

/**
 * Runs one task on a thread from `threads`, reporting progress as patients are written. A thread whose
 * task completed goes back to the pool, up to WARM_AFTER_PATIENTS; one that failed, or was cancelled,
 * is terminated, so no task ever starts on a thread in an unknown state.
 */
export function startGeneration(
  threads: WarmWorkerPool,
  task: GenerationTask,
  onProgress: (generated: number) => void,
): RunningGeneration {
  const worker = threads.take();
  let returned = false;
  const result = new Promise<GenerationResult>((resolve, reject) => {
    const onMessage = (message: GenerationToParent) => {
      if (message.type === 'progress') return onProgress(message.generated);
      detach();
      if (message.type === 'done') {
        returned = true;
        if (task.count <= WARM_AFTER_PATIENTS) threads.giveBack(worker);
        else void worker.terminate();
        resolve(message.result);
      } else {
        void worker.terminate();
        reject(new Error(message.message));
      }
    };
    const onError = (error: Error) => {
      detach();
      reject(error);
    };
    const onExit = (code: number) => {
      detach();
      reject(new Error(`generation worker exited with code ${code}`));
    };
    const detach = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ type: 'run', task } satisfies GenerationFromParent);
  });
  return {
    result,
    async cancel() {
      // Once given back, the thread may already run another job's task.
      if (!returned) await worker.terminate();
    },
  };
}
