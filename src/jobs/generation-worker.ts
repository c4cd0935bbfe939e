import { parentPort, workerData } from 'node:worker_threads';
import { type GenerationTask, runGenerationTask } from './generation-task.js';

// Worker-thread entry: runs one generation task and reports progress and the result to the parent.
const task = workerData as GenerationTask;
let lastReport = 0;
runGenerationTask(task, (generated) => {
  const now = Date.now();
  if (now - lastReport >= 250 || generated === task.count) {
    lastReport = now;
    parentPort?.postMessage({ type: 'progress', generated });
  }
})
  .then((result) => parentPort?.postMessage({ type: 'done', result }))
  .catch((error: unknown) => parentPort?.postMessage({ type: 'error', message: (error as Error).message }));
